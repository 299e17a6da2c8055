using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.ParamPos.Models.Admin;

/// <summary>
/// Represents the rates preview: installment counts × card families, as the shopper will see them for an example amount.
/// Card families are the columns and installment counts the rows, so the table stays as narrow as the number of card
/// programs (7 in Param's test account) rather than the 12 installment counts.
/// </summary>
public record RatesPreviewModel : BaseNopModel
{
    /// <summary>Gets or sets the example amount, formatted</summary>
    public string ExampleAmount { get; set; }

    /// <summary>Gets or sets the card families (Axess, Bonus…) shown as columns</summary>
    public IList<string> CardFamilies { get; set; } = new List<string>();

    /// <summary>Gets or sets one row per installment count</summary>
    public IList<RatesPreviewRowModel> Rows { get; set; } = new List<RatesPreviewRowModel>();

    /// <summary>Gets or sets why the rates could not be loaded, or null</summary>
    public string Error { get; set; }
}

/// <summary>
/// Represents one installment count of the rates preview
/// </summary>
public record RatesPreviewRowModel
{
    /// <summary>Gets or sets the installment count as text ("Single payment", "3 installments")</summary>
    public string Installments { get; set; }

    /// <summary>Gets or sets one cell per card family</summary>
    public IList<RatesPreviewCellModel> Cells { get; set; } = new List<RatesPreviewCellModel>();
}

/// <summary>
/// Represents what one card family offers for one installment count
/// </summary>
public record RatesPreviewCellModel
{
    /// <summary>Gets or sets the commission rate ("4.10 %"), or "–" when the count is not offered</summary>
    public string Rate { get; set; }

    /// <summary>Gets or sets what the shopper pays ("104.10 TRY"), or null when the count is not offered</summary>
    public string Total { get; set; }
}
