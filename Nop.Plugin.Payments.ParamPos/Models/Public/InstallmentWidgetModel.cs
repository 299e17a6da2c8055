using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.ParamPos.Models.Public;

/// <summary>
/// Represents the installment table widget of a product page or the cart: per card family, every installment count
/// with its monthly amount and total, as the checkout would charge them
/// </summary>
public record InstallmentWidgetModel : BaseNopModel
{
    /// <summary>Gets or sets the product whose price the table is for, or 0 in the cart</summary>
    public int ProductId { get; set; }

    /// <summary>Gets or sets where the product page asks for the table again when the price changes with attributes, or null</summary>
    public string RefreshUrl { get; set; }

    /// <summary>Gets or sets "for 1.250,00 TL", already localized</summary>
    public string AmountNote { get; set; }

    /// <summary>Gets or sets the card families</summary>
    public IList<InstallmentWidgetFamilyModel> Families { get; set; } = new List<InstallmentWidgetFamilyModel>();
}

/// <summary>
/// Represents one card family's table
/// </summary>
public record InstallmentWidgetFamilyModel : BaseNopModel
{
    public int PosId { get; set; }

    public string Name { get; set; }

    /// <summary>Gets or sets "up to 9 installments" (or "single payment"), already localized</summary>
    public string Summary { get; set; }

    public IList<InstallmentWidgetRowModel> Rows { get; set; } = new List<InstallmentWidgetRowModel>();
}

/// <summary>
/// Represents one installment count of a family
/// </summary>
public record InstallmentWidgetRowModel : BaseNopModel
{
    public int Installments { get; set; }

    public string Label { get; set; }

    public string Monthly { get; set; }

    public string Total { get; set; }
}
