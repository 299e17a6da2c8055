namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// Which of Param's two payment models the merchant is contracted for (Param's API document, "Ödeme Akışı").
/// </summary>
public enum PaymentModel
{
    /// <summary>3D Model: TP_WMD_UCD, the bank's 3-D page, then the store completes the sale with TP_WMD_Pay.</summary>
    ThreeDModel = 0,

    /// <summary>3D Pay: Pos_Odeme, the bank's 3-D page, and the bank completes the sale and posts the result back.</summary>
    ThreeDPay = 10
}
