namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// How the shopper pays.
/// </summary>
public enum PaymentMode
{
    /// <summary>The plugin's card form with installments, then 3D Secure (TP_WMD_UCD / TP_WMD_Pay).</summary>
    CardForm3D = 0,

    /// <summary>
    /// Paratika's hosted payment page: no card form in the store; after the order is placed the shopper pays on Paratika's
    /// page (card, installments, 3-D Secure) and comes back; card numbers never reach the store's server.
    /// </summary>
    ParatikaHostedPage = 10
}
