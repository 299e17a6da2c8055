namespace Nop.Plugin.Payments.ParamPos.Models.Public;

/// <summary>
/// Represents what the card form posts to get a quote: the BIN only (never the card number), and the order on the pay-again page
/// </summary>
public record QuoteRequestModel
{
    /// <summary>Gets or sets the first 6 digits of the card</summary>
    public string Bin { get; set; }

    /// <summary>Gets or sets the saved card chosen instead of typing one (checked to be the customer's), or null</summary>
    public int? SavedCardId { get; set; }

    /// <summary>Gets or sets the order being paid again (pay-again page), or null for the current cart</summary>
    public Guid? OrderGuid { get; set; }
}
