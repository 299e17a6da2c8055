using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.ParamPos.Models.Admin;

/// <summary>
/// Represents the rates preview: card families × installment counts, as the shopper will see them for an example amount
/// </summary>
public record RatesPreviewModel : BaseNopModel
{
    /// <summary>Gets or sets the example amount, formatted</summary>
    public string ExampleAmount { get; set; }

    /// <summary>Gets or sets the installment counts shown as columns</summary>
    public IList<string> Columns { get; set; } = new List<string>();

    /// <summary>Gets or sets one row per card family</summary>
    public IList<RatesPreviewRowModel> Rows { get; set; } = new List<RatesPreviewRowModel>();

    /// <summary>Gets or sets why the rates could not be loaded, or null</summary>
    public string Error { get; set; }
}

/// <summary>
/// Represents one card family of the rates preview
/// </summary>
public record RatesPreviewRowModel
{
    /// <summary>Gets or sets the card family (Axess, Bonus…)</summary>
    public string CardFamily { get; set; }

    /// <summary>Gets or sets the card program id (SanalPOS_ID)</summary>
    public int PosId { get; set; }

    /// <summary>Gets or sets one cell per column: "4.10 % · 104.10 TRY", or "–" when not offered</summary>
    public IList<string> Cells { get; set; } = new List<string>();
}
