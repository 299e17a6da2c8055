namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// The vendor whose goods a partial refund of a marketplace order is for, within one request: the order page's "Refund
/// from this vendor" sets it, then goes through nopCommerce's partial refund (its order bookkeeping, events and
/// messages), which calls the plugin's refund with the amount only.
/// </summary>
public class MarketplaceRefundTarget
{
    /// <summary>Gets or sets the vendor, or null when the refund was not asked for a vendor</summary>
    public int? VendorId { get; set; }
}
