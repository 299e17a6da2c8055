namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// Who bears Param's commission on a marketplace payment (and the installment commission when the store, not the
/// shopper, pays it): it comes off what Param pays for the payment, the net the vendors' shares are taken from.
/// </summary>
public enum MarketplaceCommissionBearer
{
    /// <summary>Each vendor, in proportion to its part (Pazaryeri.md §4.2 case 1).</summary>
    Vendors = 0,

    /// <summary>The marketplace: vendors are paid from their whole part, less the marketplace's own commission.</summary>
    Marketplace = 10
}
