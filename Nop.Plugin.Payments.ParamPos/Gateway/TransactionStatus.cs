namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// State of a transaction as TP_Islem_Sorgulama4 reports it (Odeme_Sonuc).
/// </summary>
public enum TransactionState
{
    /// <summary>Param has no such transaction, or reported an error.</summary>
    NotFound,

    /// <summary>Odeme_Sonuc 1: a live sale (partial refunds leave it live).</summary>
    Paid,

    /// <summary>Odeme_Sonuc 12: cancelled.</summary>
    Cancelled,

    /// <summary>Odeme_Sonuc 13: refunded in full.</summary>
    Refunded,

    /// <summary>Any other Odeme_Sonuc: the payment failed.</summary>
    Failed
}

/// <summary>
/// What TP_Islem_Sorgulama4 answered.
/// </summary>
public sealed class TransactionStatus
{
    /// <summary>Gets the state.</summary>
    public TransactionState State { get; init; }

    /// <summary>Gets Odeme_Sonuc as sent.</summary>
    public int PaymentResult { get; init; }

    /// <summary>Gets Param's description of it (Odeme_Sonuc_Aciklama).</summary>
    public string Description { get; init; }

    /// <summary>Gets Durum as sent (SUCCESS, CANCEL, REFUND observed); unknown values are kept, never interpreted.</summary>
    public string RawState { get; init; }

    /// <summary>Gets the receipt number (Dekont_ID), 0 when failed.</summary>
    public long ReceiptId { get; init; }

    /// <summary>Gets the order id.</summary>
    public string OrderId { get; init; }

    /// <summary>Gets the merchant transaction id sent with the payment (Islem_ID).</summary>
    public string TransactionId { get; init; }

    /// <summary>Gets when it happened, if the date could be read.</summary>
    public DateTime? Date { get; init; }

    /// <summary>Gets the amount charged (Toplam_Tutar).</summary>
    public decimal TotalAmount { get; init; }

    /// <summary>Gets the commission rate.</summary>
    public decimal CommissionRate { get; init; }

    /// <summary>Gets the commission amount.</summary>
    public decimal CommissionAmount { get; init; }

    /// <summary>Gets the installment count.</summary>
    public int Installments { get; init; }

    /// <summary>Gets the total refunded so far.</summary>
    public decimal RefundedAmount { get; init; }

    /// <summary>Gets the masked card number.</summary>
    public string MaskedCardNumber { get; init; }

    /// <summary>Gets why the query failed, or null.</summary>
    public ParamError Error { get; init; }
}
