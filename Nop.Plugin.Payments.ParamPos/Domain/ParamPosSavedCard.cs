using Nop.Core;

namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// Represents a card a registered customer stored at Param (its card-storage service), owned by that customer in that
/// store. The card itself is at Param: the plugin keeps Param's token and what the customer is shown (the masked number,
/// bank, family, expiry), plus the BIN and SanalPOS_ID the installment table needs. Never a full number, never a CVC.
/// </summary>
public class ParamPosSavedCard : BaseEntity
{
    /// <summary>Gets or sets the owner</summary>
    public int CustomerId { get; set; }

    /// <summary>Gets or sets the store the card was saved in (Param's account of that store holds it)</summary>
    public int StoreId { get; set; }

    /// <summary>Gets or sets Param's token of the stored card (KS_GUID), unique</summary>
    public string Token { get; set; }

    /// <summary>Gets or sets the merchant's own id of the stored card sent to Param (KK_Islem_ID), the check when deleting</summary>
    public string CardReference { get; set; }

    /// <summary>Gets or sets the card number masked to its first 6 and last 4 digits</summary>
    public string MaskedNumber { get; set; }

    /// <summary>Gets or sets Param's SanalPOS_ID of the card's program (the installment rates)</summary>
    public int PosId { get; set; }

    /// <summary>Gets or sets a value indicating whether it is a debit card (single payment only)</summary>
    public bool IsDebit { get; set; }

    public string BankName { get; set; }

    /// <summary>Gets or sets the card family (Bonus, Axess, World…)</summary>
    public string CardFamily { get; set; }

    public int ExpiryMonth { get; set; }

    public int ExpiryYear { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}
