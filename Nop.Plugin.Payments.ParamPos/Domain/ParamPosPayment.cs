using Nop.Core;

namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// Represents one attempt to pay an order at Param: one TP_WMD_UCD with its own Siparis_ID and the terms it was made
/// for. The order's money moves are ledger entries (<see cref="ParamPosLedgerEntry"/>) that refer to an attempt.
/// </summary>
public class ParamPosPayment : BaseEntity
{
    /// <summary>Gets or sets the nopCommerce order GUID (known before the order row exists, when the payment starts)</summary>
    public Guid OrderGuid { get; set; }

    /// <summary>Gets or sets the store identifier</summary>
    public int StoreId { get; set; }

    /// <summary>Gets or sets the attempt number within the order: 1 at checkout, then one more per "pay again" (unique per order)</summary>
    public int AttemptNumber { get; set; }

    /// <summary>Gets or sets the Siparis_ID sent to Param (unique)</summary>
    public string OrderReference { get; set; }

    /// <summary>Gets or sets Param's Islem_GUID of the attempt</summary>
    public string TransactionGuid { get; set; }

    /// <summary>Gets or sets the payment model identifier (<see cref="PaymentKind"/>)</summary>
    public int KindId { get; set; }

    /// <summary>Gets or sets the ISO currency code the amounts are in</summary>
    public string CurrencyCode { get; set; }

    /// <summary>Gets or sets the amount before commission (Islem_Tutar)</summary>
    public decimal Amount { get; set; }

    /// <summary>Gets or sets the amount charged (Toplam_Tutar)</summary>
    public decimal Total { get; set; }

    /// <summary>Gets or sets the installment count</summary>
    public int Installments { get; set; }

    /// <summary>Gets or sets the commission rate in percent</summary>
    public decimal CommissionRate { get; set; }

    /// <summary>Gets or sets the card number masked as first 6 / last 4</summary>
    public string MaskedCard { get; set; }

    /// <summary>Gets or sets the card program (Axess, Bonus…)</summary>
    public string CardFamily { get; set; }

    /// <summary>Gets or sets why 3-D Secure did not complete ("mdStatus=0"), or null</summary>
    public string DeclineReason { get; set; }

    /// <summary>Gets or sets when the attempt was started</summary>
    public DateTime CreatedOnUtc { get; set; }

    /// <summary>Gets or sets the payment model</summary>
    public PaymentKind Kind
    {
        get => (PaymentKind)KindId;
        set => KindId = (int)value;
    }
}
