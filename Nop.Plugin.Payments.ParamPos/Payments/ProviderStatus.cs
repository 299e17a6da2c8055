using System.Globalization;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Paratika;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// What the payment provider's own records say about one attempt, whichever provider took it: Param
/// (TP_Islem_Sorgulama4) or Paratika (QUERYTRANSACTION). Every settlement after a lost or unverified answer decides on
/// this, never on what a browser posted.
/// </summary>
/// <param name="State">Paid (a live sale; partial refunds leave it live), cancelled, refunded in full, failed, or not found</param>
/// <param name="ReceiptId">The sale's receipt: Param's Dekont_ID or Paratika's pgTranId; null when there is none</param>
/// <param name="OrderReference">The attempt id the records are for (Siparis_ID, MERCHANTPAYMENTID)</param>
/// <param name="TotalAmount">The amount charged</param>
/// <param name="Currency">The currency charged, when the provider says it (Paratika), or null</param>
/// <param name="RefundedAmount">What refunds gave back so far</param>
/// <param name="RawState">The provider's own state, for notes</param>
/// <param name="QueryName">The call that was asked, for notes ("TP_Islem_Sorgulama4", "QUERYTRANSACTION")</param>
public sealed record ProviderStatus(TransactionState State, string ReceiptId, string OrderReference, decimal TotalAmount, string Currency, decimal RefundedAmount,
    string RawState, string QueryName)
{
    /// <summary>Gets the provider's name, for notes.</summary>
    public string Provider => QueryName == "QUERYTRANSACTION" ? "Paratika" : "Param";

    /// <summary>Gets a value indicating whether the records show the attempt's sale made, with a receipt.</summary>
    public bool ShowsSaleOf(ParamPosPayment attempt) => State == TransactionState.Paid && !string.IsNullOrEmpty(ReceiptId) && OrderReference == attempt.OrderReference;

    /// <summary>Gets Param's answer as a status.</summary>
    public static ProviderStatus FromParam(TransactionStatus status)
    {
        return new ProviderStatus(status.State, status.ReceiptId > 0 ? status.ReceiptId.ToString(CultureInfo.InvariantCulture) : null, status.OrderId, status.TotalAmount, null,
            status.RefundedAmount, status.RawState, "TP_Islem_Sorgulama4");
    }

    /// <summary>Gets Paratika's transaction list for a MERCHANTPAYMENTID as a status.</summary>
    public static ProviderStatus FromParatika(ParatikaTransactions transactions, string merchantPaymentId)
    {
        var sale = transactions.Sale;
        var state = transactions.NotFound ? TransactionState.NotFound
            : sale is null ? TransactionState.Failed
            : transactions.Voided ? TransactionState.Cancelled
            : transactions.RefundedAmount >= sale.Amount ? TransactionState.Refunded
            : TransactionState.Paid;
        var raw = string.Join(",", transactions.Transactions.Select(row => $"{row.Type}:{row.Status}"));

        return new ProviderStatus(state, sale?.PgTranId, merchantPaymentId, sale?.Amount ?? 0m, sale?.Currency, transactions.RefundedAmount,
            raw.Length == 0 ? "none" : raw, "QUERYTRANSACTION");
    }
}

/// <summary>
/// The provider's records could not be read: no usable answer, or an error instead of the records.
/// </summary>
public sealed class ProviderStatusUnavailableException : Exception
{
    public ProviderStatusUnavailableException(string reason, Exception innerException = null) : base(reason, innerException)
    {
        Reason = reason;
    }

    /// <summary>Gets why, in a few words ("Timeout", "ERR10019").</summary>
    public string Reason { get; }
}
