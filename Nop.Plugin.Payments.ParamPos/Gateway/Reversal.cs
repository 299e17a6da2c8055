namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Durum of TP_Islem_Iptal_Iade_Kismi2.
/// </summary>
public enum ReversalKind
{
    /// <summary>IPTAL: same business day, full amount only; the sale disappears from the statement.</summary>
    Cancel,

    /// <summary>IADE: after day end; full or partial.</summary>
    Refund
}

/// <summary>
/// A cancel or refund of a sale, by its order id.
/// </summary>
/// <param name="Kind">Cancel or refund.</param>
/// <param name="OrderId">The sale's Siparis_ID.</param>
/// <param name="Amount">Amount to give back (the full charged amount for a cancel).</param>
public sealed record ReversalRequest(ReversalKind Kind, string OrderId, decimal Amount);

/// <summary>
/// What TP_Islem_Iptal_Iade_Kismi2 (or TP_Islem_Iptal_OnProv) answered.
/// </summary>
public sealed class ReversalResult
{
    /// <summary>Gets a value indicating whether Param accepted it (Sonuc &gt; 0).</summary>
    public bool Succeeded { get; init; }

    /// <summary>Gets the bank's result code.</summary>
    public string BankCode { get; init; }

    /// <summary>Gets the bank's authorization code.</summary>
    public string BankAuthCode { get; init; }

    /// <summary>Gets the bank's transaction id.</summary>
    public string BankTransactionId { get; init; }

    /// <summary>Gets the bank's host reference number.</summary>
    public string BankHostReference { get; init; }

    /// <summary>Gets Param's text (Sonuc_Str), also on success ("Approved").</summary>
    public string ParamText { get; init; }

    /// <summary>Gets why it failed.</summary>
    public ParamError Error { get; init; }
}
