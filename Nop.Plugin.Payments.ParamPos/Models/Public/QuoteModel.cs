namespace Nop.Plugin.Payments.ParamPos.Models.Public;

/// <summary>
/// Represents the installment table sent to the card form: every value computed and formatted on the server
/// </summary>
public record QuoteModel
{
    /// <summary>Gets or sets the card family (Axess, Bonus…)</summary>
    public string CardFamily { get; set; }

    /// <summary>Gets or sets the issuing bank</summary>
    public string BankName { get; set; }

    /// <summary>Gets or sets a value indicating whether the card is a debit card</summary>
    public bool IsDebit { get; set; }

    /// <summary>Gets or sets a note for the shopper (debit card, amount under the minimum…), or null</summary>
    public string Note { get; set; }

    /// <summary>Gets or sets an error for the shopper, or null</summary>
    public string Error { get; set; }

    /// <summary>Gets or sets the offers, single payment first</summary>
    public IList<QuoteOptionModel> Options { get; set; } = new List<QuoteOptionModel>();
}

/// <summary>
/// Represents one installment offer
/// </summary>
public record QuoteOptionModel
{
    /// <summary>Gets or sets the installment count</summary>
    public int Installments { get; set; }

    /// <summary>Gets or sets the label ("Single payment", "3 installments")</summary>
    public string Label { get; set; }

    /// <summary>Gets or sets the commission rate ("4.10 %")</summary>
    public string Rate { get; set; }

    /// <summary>Gets or sets the monthly amount</summary>
    public string Monthly { get; set; }

    /// <summary>Gets or sets the total charged</summary>
    public string Total { get; set; }

    /// <summary>Gets or sets what choosing this option adds to the order total, said in words, or null when it adds nothing</summary>
    public string FeeNote { get; set; }
}
