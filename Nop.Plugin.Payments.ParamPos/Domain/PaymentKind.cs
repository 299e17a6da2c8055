namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// How a payment attempt takes the money.
/// </summary>
public enum PaymentKind
{
    /// <summary>3D Model sale: TP_WMD_UCD, the bank's 3-D page, then TP_WMD_Pay.</summary>
    ThreeDModelSale = 10,

    /// <summary>3D Model pre-authorization: TP_Islem_Odeme_OnProv_WMD, the bank's 3-D page, then TP_WMD_Pay holds the amount; captured or voided later.</summary>
    ThreeDModelPreAuthorization = 20,

    /// <summary>3D Pay sale: Pos_Odeme, the bank's 3-D page; the bank completes it and posts TURKPOS_RETVAL_*, which Param's records confirm.</summary>
    ThreeDPaySale = 30,

    /// <summary>Foreign-currency sale: TP_Islem_Odeme_WD, single payment, completed by the bank like 3D Pay.</summary>
    ForeignCurrencySale = 40,

    /// <summary>Paratika hosted payment page sale: a session (MERCHANTPAYMENTID), Paratika's page, its return POST, confirmed by QUERYTRANSACTION.</summary>
    ParatikaHostedSale = 50,

    /// <summary>Sale with a card stored at Param: KS_Tahsilat with the CVC, the bank's 3-D page; the bank completes it like 3D Pay, Param's records confirm it.</summary>
    SavedCardSale = 60
}
