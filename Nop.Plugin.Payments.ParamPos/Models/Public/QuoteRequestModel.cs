namespace Nop.Plugin.Payments.ParamPos.Models.Public;

/// <summary>
/// Represents what the card form posts to get a quote: the BIN only (never the card number)
/// </summary>
public record QuoteRequestModel
{
    /// <summary>Gets or sets the first 6 digits of the card</summary>
    public string Bin { get; set; }
}
