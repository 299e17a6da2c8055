namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// What a row of Param's transaction monitor is (Tip_Str, read without regard to case or Turkish letters: OPEN-QUESTIONS A38/A41).
/// </summary>
public enum MonitoredKind
{
    Sale,
    Cancel,
    Refund,
    Other
}

/// <summary>
/// One row of TP_Islem_Izleme (ParamPOS-more.md §20.3): a sale attempt, a cancel or a refund, as Param recorded it.
/// Amounts are positive here (Param sends cancel and refund rows negative).
/// </summary>
public sealed record MonitoredTransaction
{
    /// <summary>Gets Param's transaction id (SanalPOS_Islem_ID).</summary>
    public long TransactionId { get; init; }

    /// <summary>Gets the sale a cancel or refund reverses (SanalPOS_Islem_ID_Orj), 0 for a sale.</summary>
    public long OriginalTransactionId { get; init; }

    public MonitoredKind Kind { get; init; }

    /// <summary>Gets Tip_Str as sent.</summary>
    public string KindText { get; init; }

    /// <summary>Gets Sonuc: 1 success, 12 a sale cancelled later, 13 refunded later; anything else failed (2 declined, -1 3-D not completed).</summary>
    public int Result { get; init; }

    /// <summary>Gets a value indicating whether the transaction took effect (even if reversed later).</summary>
    public bool Succeeded => Result is 1 or 12 or 13;

    public DateTimeOffset? Date { get; init; }

    /// <summary>Gets the Siparis_ID (ORJ_ORDER_ID, the same on a sale and its cancels and refunds).</summary>
    public string OrderId { get; init; }

    /// <summary>Gets the receipt (Dekont_ID); null on failures and on cancel/refund rows.</summary>
    public string ReceiptId { get; init; }

    public decimal Amount { get; init; }
    public decimal CommissionRate { get; init; }
    public decimal Commission { get; init; }
    public decimal Net { get; init; }
    public decimal RefundedTotal { get; init; }
    public int Installments { get; init; }

    /// <summary>Gets the currency as Param writes it (PB: TRL for lira), or null.</summary>
    public string Currency { get; init; }

    /// <summary>Gets 3D or NONSECURE.</summary>
    public string Security { get; init; }

    /// <summary>Gets the value date (dd.MM.yyyy) when Param pays the net amount, or null.</summary>
    public string ValueDate { get; init; }
}

/// <summary>
/// What TP_Islem_Izleme answered: the rows, or Param's refusal.
/// </summary>
public sealed class TransactionMonitorResult
{
    public IReadOnlyList<MonitoredTransaction> Transactions { get; init; } = [];
    public ParamError Error { get; init; }
}

/// <summary>
/// What TP_Mutabakat_Ozet answered: successful sales, cancels and refunds of the period, counted and summed, or Param's refusal.
/// </summary>
public sealed record ReconciliationTotals
{
    public int SaleCount { get; init; }
    public decimal SaleTotal { get; init; }
    public int CancelCount { get; init; }
    public decimal CancelTotal { get; init; }
    public int RefundCount { get; init; }
    public decimal RefundTotal { get; init; }
    public ParamError Error { get; init; }
}

/// <summary>
/// One row of TP_Mutabakat_Detay (ParamPOS-more.md §20.2): a settled transaction (or one installment of it) with the
/// commission Param keeps, the net it pays and when (the value date).
/// </summary>
public sealed record SettledTransaction
{
    /// <summary>Gets the Siparis_ID (SIPARIS_NO).</summary>
    public string OrderId { get; init; }

    public MonitoredKind Kind { get; init; }
    public string KindText { get; init; }
    public string AuthorizationCode { get; init; }
    public int InstallmentNumber { get; init; }
    public int Installments { get; init; }
    public decimal Gross { get; init; }
    public decimal Commission { get; init; }
    public decimal CommissionRate { get; init; }
    public decimal Net { get; init; }
    public string MaskedCard { get; init; }
    public string TransactionDate { get; init; }
    public string DayEndDate { get; init; }

    /// <summary>Gets when Param pays the net amount (VALOR_TARIHI, dd.MM.yyyy).</summary>
    public string ValueDate { get; init; }
}

/// <summary>
/// What TP_Mutabakat_Detay answered: the rows, or Param's refusal.
/// </summary>
public sealed class SettlementDetailResult
{
    public IReadOnlyList<SettledTransaction> Transactions { get; init; } = [];
    public ParamError Error { get; init; }
}
