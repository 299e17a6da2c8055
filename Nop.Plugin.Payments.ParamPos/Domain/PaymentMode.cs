namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// How the shopper pays.
/// </summary>
public enum PaymentMode
{
    /// <summary>The plugin's card form with installments, then 3D Secure (TP_WMD_UCD / TP_WMD_Pay).</summary>
    CardForm3D = 0,

    /// <summary>Paratika's hosted payment page. Not built yet: the configuration page shows it as coming and refuses to save it.</summary>
    ParatikaHostedPage = 10
}
