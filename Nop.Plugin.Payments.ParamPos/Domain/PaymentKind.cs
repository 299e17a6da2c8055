namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// How a payment attempt takes the money.
/// </summary>
public enum PaymentKind
{
    /// <summary>3D Model sale: TP_WMD_UCD, the bank's 3-D page, then TP_WMD_Pay.</summary>
    ThreeDModelSale = 10,

    /// <summary>3D Model pre-authorization: TP_Islem_Odeme_OnProv_WMD, the bank's 3-D page, then TP_WMD_Pay holds the amount; captured or voided later.</summary>
    ThreeDModelPreAuthorization = 20
}
