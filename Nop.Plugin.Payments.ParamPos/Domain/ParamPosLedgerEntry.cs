using Nop.Core;

namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// Represents one step of an order's payment history, in order: a call that moves money (a charge, a cancel, a refund)
/// or an order update made because of one (marked paid, a refund recorded). Each entry is claimed by inserting it with
/// the order's next sequence number, which the database keeps unique per order: of two web nodes deciding on the same
/// history, only one inserts, so only one sends the call or updates the order. The owner then records the outcome.
/// </summary>
public class ParamPosLedgerEntry : BaseEntity
{
    /// <summary>Gets or sets the nopCommerce order GUID</summary>
    public Guid OrderGuid { get; set; }

    /// <summary>Gets or sets the position in the order's history: 1, 2, 3… (unique per order)</summary>
    public int Sequence { get; set; }

    /// <summary>Gets or sets the payment attempt the entry acts on</summary>
    public int PaymentId { get; set; }

    /// <summary>Gets or sets the kind identifier (<see cref="LedgerEntryKind"/>)</summary>
    public int KindId { get; set; }

    /// <summary>Gets or sets the state identifier (<see cref="LedgerEntryState"/>)</summary>
    public int StateId { get; set; }

    /// <summary>Gets or sets the amount moved (charged, cancelled, refunded); 0 for order updates</summary>
    public decimal Amount { get; set; }

    /// <summary>Gets or sets the money entry an order update records, or null</summary>
    public int? RelatedEntryId { get; set; }

    /// <summary>Gets or sets what claimed the entry ("3-D callback", "refund", "reconciliation"…)</summary>
    public string Source { get; set; }

    /// <summary>Gets or sets Param's result code (Sonuc) or the kind of failure, or null</summary>
    public string ResultCode { get; set; }

    /// <summary>Gets or sets Param's or the bank's answer in words, or what went wrong</summary>
    public string ResultText { get; set; }

    /// <summary>Gets or sets Param's receipt (Dekont_ID) of a successful charge</summary>
    public string ReceiptId { get; set; }

    /// <summary>Gets or sets the bank's response code</summary>
    public string BankCode { get; set; }

    /// <summary>Gets or sets the bank's authorization code</summary>
    public string BankAuthCode { get; set; }

    /// <summary>Gets or sets the bank's transaction or host reference</summary>
    public string BankReference { get; set; }

    /// <summary>Gets or sets when the entry was claimed</summary>
    public DateTime CreatedOnUtc { get; set; }

    /// <summary>Gets or sets when its outcome was recorded, or null while it is being sent or is unknown</summary>
    public DateTime? CompletedOnUtc { get; set; }

    /// <summary>Gets or sets the kind</summary>
    public LedgerEntryKind Kind
    {
        get => (LedgerEntryKind)KindId;
        set => KindId = (int)value;
    }

    /// <summary>Gets or sets the state</summary>
    public LedgerEntryState State
    {
        get => (LedgerEntryState)StateId;
        set => StateId = (int)value;
    }
}
