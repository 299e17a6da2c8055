using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.ParamPos.Models.Admin;

/// <summary>
/// Represents the marketplace admin page: per vendor, its shares of the orders paid in a period by where they stand
/// </summary>
public record MarketplacePageModel : BaseNopModel
{
    /// <summary>Gets or sets the first day of the period (yyyy-MM-dd, Turkish days)</summary>
    public string From { get; set; }

    /// <summary>Gets or sets the last day of the period (yyyy-MM-dd, Turkish days)</summary>
    public string To { get; set; }

    /// <summary>Gets or sets a value indicating whether Param could not say which shares are approved or paid out</summary>
    public bool ParamUnreachable { get; set; }

    public IList<MarketplaceVendorRowModel> Vendors { get; set; } = new List<MarketplaceVendorRowModel>();

    public MarketplaceVendorRowModel Totals { get; set; }
}

/// <summary>
/// Represents one vendor's shares in the period: how many and what Param pays (Tutar_Odenecek) in each standing
/// </summary>
public record MarketplaceVendorRowModel
{
    public int VendorId { get; set; }

    public string Seller { get; set; }

    /// <summary>Gets or sets the shares not declared at Param (failed, or the vendor has no seller)</summary>
    public string NotDeclared { get; set; }

    public string AwaitingApproval { get; set; }

    /// <summary>Gets or sets the approved shares whose payout date has not come (or is not known)</summary>
    public string Approved { get; set; }

    /// <summary>Gets or sets the approved shares whose payout date has passed</summary>
    public string PaidOut { get; set; }

    /// <summary>Gets or sets what refunds took off the vendor's goods (whole orders reversed included)</summary>
    public string Refunded { get; set; }
}
