namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// What TP_WMD_UCD (or OnProv_WMD) answered.
/// </summary>
public sealed class SaleStartResult
{
    /// <summary>Gets what happened.</summary>
    public SaleStartOutcome Outcome { get; init; }

    /// <summary>Gets the bank's 3-D page to render to the shopper (3D Model, <see cref="SaleStartOutcome.RedirectToBank"/>), or null.</summary>
    public string ThreeDHtml { get; init; }

    /// <summary>Gets the bank's 3-D page to send the shopper to (3D Pay and foreign currency: UCD_URL), or null.</summary>
    public string ThreeDUrl { get; init; }

    /// <summary>Gets Param's transaction GUID (Islem_GUID), needed to complete the payment.</summary>
    public string TransactionGuid { get; init; }

    /// <summary>Gets Param's transaction id (Islem_ID): a transaction id in 3D mode, the receipt number after a NonSecure approval.</summary>
    public long TransactionId { get; init; }

    /// <summary>Gets the order id Param answered with (Siparis_ID).</summary>
    public string OrderId { get; init; }

    /// <summary>Gets the bank's authorization code (NonSecure approvals).</summary>
    public string BankAuthCode { get; init; }

    /// <summary>Gets the bank's transaction id.</summary>
    public string BankTransactionId { get; init; }

    /// <summary>Gets the bank's host reference number.</summary>
    public string BankHostReference { get; init; }

    /// <summary>Gets the bank's result code (Banka_Sonuc_Kod).</summary>
    public int BankCode { get; init; }

    /// <summary>Gets why it failed, for <see cref="SaleStartOutcome.Declined"/>.</summary>
    public ParamError Error { get; init; }
}

/// <summary>
/// Outcome of starting a sale.
/// </summary>
public enum SaleStartOutcome
{
    /// <summary>3D: render <see cref="SaleStartResult.ThreeDHtml"/>; the bank will post the callback.</summary>
    RedirectToBank,

    /// <summary>NonSecure: charged; <see cref="SaleStartResult.TransactionId"/> is the receipt number.</summary>
    Approved,

    /// <summary>Refused by Param or the bank; nothing was charged.</summary>
    Declined
}
