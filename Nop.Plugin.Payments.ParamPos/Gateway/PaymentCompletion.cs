namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// TP_WMD_Pay input: the values the bank posted to the callback, after the callback hash was verified.
/// </summary>
/// <param name="OrderId">The posted orderId (Siparis_ID).</param>
/// <param name="TransactionGuid">The posted islemGUID.</param>
/// <param name="Md">The posted md (not the UCD_MD of TP_WMD_UCD).</param>
public sealed record PaymentCompletionRequest(string OrderId, string TransactionGuid, string Md);

/// <summary>
/// What TP_WMD_Pay answered.
/// </summary>
public sealed class PaymentCompletionResult
{
    /// <summary>Gets a value indicating whether the money was taken (Sonuc &gt; 0 and Dekont_ID &gt; 0).</summary>
    public bool Approved { get; init; }

    /// <summary>Gets the receipt number (Dekont_ID).</summary>
    public long ReceiptId { get; init; }

    /// <summary>Gets the order id Param answered with.</summary>
    public string OrderId { get; init; }

    /// <summary>Gets the bank's authorization code.</summary>
    public string BankAuthCode { get; init; }

    /// <summary>Gets the bank's transaction id.</summary>
    public string BankTransactionId { get; init; }

    /// <summary>Gets the bank's host reference number.</summary>
    public string BankHostReference { get; init; }

    /// <summary>Gets the bank's result code (Bank_Sonuc_Kod).</summary>
    public int BankCode { get; init; }

    /// <summary>Gets the bank's message (Bank_HostMsg).</summary>
    public string BankMessage { get; init; }

    /// <summary>Gets why it failed, when not approved.</summary>
    public ParamError Error { get; init; }
}
