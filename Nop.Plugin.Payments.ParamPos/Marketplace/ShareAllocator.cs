namespace Nop.Plugin.Payments.ParamPos.Marketplace;

/// <summary>
/// Splits a paid marketplace order into the sellers' shares Param is told about (Pazaryeri.md §3 step 5, §4): each
/// seller's goods after its part of the order discount, scaled by what Param left of the payment (the net factor) into
/// <c>Tutar_Urun</c>, less the marketplace's own commission into <c>Tutar_Odenecek</c>. Money in kuruş: the discount
/// and the net are shared by the largest-remainder method so the parts add up exactly, a seller's share is never
/// rounded up, and the sellers' <c>Tutar_Urun</c> together stay below the net (at least one kuruş is left to the
/// marketplace: "Net tutar aşıldı", M10). Pure; no I/O.
/// </summary>
public static class ShareAllocator
{
    /// <summary>
    /// Gets a seller's new payable (OdenecekTutar) after <paramref name="refund"/> is taken off its goods: the payable
    /// scaled to what is left, down to the kuruş (the marketplace keeps its commission rate; never more than is left)
    /// </summary>
    public static decimal PayableAfterRefund(decimal productAmount, decimal payableAmount, decimal refund)
    {
        if (refund <= 0m || refund > productAmount)
            throw new ArgumentOutOfRangeException(nameof(refund), refund, "A refund takes off more than nothing and at most the seller's goods.");

        var left = productAmount - refund;

        return left == 0m ? 0m : Math.Min(left, decimal.Floor(payableAmount * left / productAmount * 100m) / 100m);
    }

    /// <summary>
    /// Allocates the shares
    /// </summary>
    /// <param name="sellers">Each seller's goods (the order lines' totals as charged, before the order discount) and the marketplace's commission rate on it, in percent</param>
    /// <param name="shipping">The order's shipping (the marketplace's, unless the rules share it among the sellers)</param>
    /// <param name="discount">The order-level discount, shared by the sellers in proportion to their goods (unless the rules have the marketplace fund it)</param>
    /// <param name="net">What Param pays for the whole payment (after its commission); the collected amount when Param takes none from the sellers' part</param>
    /// <param name="rules">The marketplace's choices (by default: shipping stays with the marketplace, the sellers bear Param's commission pro rata)</param>
    public static IReadOnlyList<SellerShare> Allocate(IReadOnlyList<SellerGoods> sellers, decimal shipping, decimal discount, decimal net, ShareRules rules = null)
    {
        ArgumentNullException.ThrowIfNull(sellers);
        rules ??= new ShareRules(ShippingToSellers: false, MarketplaceBearsParamCommission: false);
        if (sellers.Count == 0)
            return [];
        if (sellers.Any(seller => seller.Goods < 0m || seller.CommissionRate is < 0m or > 100m) || shipping < 0m || discount < 0m || net < 0m)
            throw new ArgumentOutOfRangeException(nameof(sellers), "Amounts and rates must not be negative (rates at most 100 %).");

        var goods = sellers.Sum(seller => seller.Goods);
        if (discount > goods)
            throw new ArgumentOutOfRangeException(nameof(discount), "The discount cannot exceed the goods.");

        // The order's own amount: goods less the discount, plus shipping; Param's net of it gives the factor.
        var orderAmount = goods - discount + shipping;
        var discounts = rules.MarketplaceFundsDiscounts ? new long[sellers.Count] : Proportional(Kurus(discount), sellers.Select(seller => Kurus(seller.Goods)).ToArray());
        var afterDiscount = sellers.Select((seller, index) => Kurus(seller.Goods) - discounts[index]).ToArray();
        var shippingShares = rules.ShippingToSellers ? Proportional(Kurus(shipping), afterDiscount) : new long[afterDiscount.Length];
        var parts = afterDiscount.Select((value, index) => value + shippingShares[index]).ToArray();
        var ceiling = Math.Max(0L, Kurus(net) - 1);
        // Sellers bearing Param's commission get Param's net of their part; with the marketplace bearing it they keep
        // their whole part, unless even that is over what Param pays (then they are scaled to fit).
        // A discount the marketplace funds leaves the sellers' parts whole, so they may add up to more than the net: they
        // are then scaled to fit, as they are when the marketplace bears Param's commission.
        var fit = parts.Sum() == 0 ? 0m : Math.Min(1m, Kurus(net) / (decimal)parts.Sum());
        var factor = rules.MarketplaceBearsParamCommission ? fit
            : orderAmount == 0m ? 0m
            : Math.Min(rules.MarketplaceFundsDiscounts ? fit : 1m, Math.Min(1m, net / orderAmount));

        // Each seller's Tutar_Urun rounded down; together they stay at least one kuruş under the net.
        var products = parts.Select(value => (long)Math.Floor(value * factor)).ToArray();
        for (var excess = products.Sum() - ceiling; excess > 0; excess--)
        {
            var largest = Array.IndexOf(products, products.Max());
            products[largest]--;
        }

        return sellers.Select((seller, index) =>
        {
            // The marketplace's commission on the seller's discounted goods, rounded up in the marketplace's favour so
            // the seller's payable is never rounded up.
            var commission = (long)Math.Ceiling(afterDiscount[index] * seller.CommissionRate / 100m);
            var payable = rules.MarketplaceBearsParamCommission
                ? Math.Clamp(parts[index] - commission, 0L, products[index])
                : Math.Max(0L, products[index] - commission);

            return new SellerShare(seller.SellerId, Money(parts[index]), Money(products[index]), Money(payable), Money(products[index] - payable));
        }).ToList();
    }

    /// <summary>
    /// Shares a whole number of kuruş in proportion to weights, by the largest-remainder method (the parts add up exactly)
    /// </summary>
    public static long[] Proportional(long total, IReadOnlyList<long> weights)
    {
        var weightSum = weights.Sum();
        if (weightSum == 0)
            return weights.Select(_ => 0L).ToArray();

        var exact = weights.Select(weight => (decimal)total * weight / weightSum).ToArray();
        var parts = exact.Select(value => (long)Math.Floor(value)).ToArray();
        foreach (var index in Enumerable.Range(0, parts.Length).OrderByDescending(index => exact[index] - parts[index]).ThenBy(index => index).Take((int)(total - parts.Sum())))
            parts[index]++;

        return parts;
    }

    private static long Kurus(decimal amount) => (long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero);

    private static decimal Money(long kurus) => kurus / 100m;
}

/// <summary>A seller's goods in an order and the marketplace's commission rate on them.</summary>
/// <param name="SellerId">The seller (nopCommerce vendor) identifier.</param>
/// <param name="Goods">The seller's order lines' total, as charged, before the order-level discount.</param>
/// <param name="CommissionRate">The marketplace's commission, percent of the seller's discounted goods.</param>
public sealed record SellerGoods(int SellerId, decimal Goods, decimal CommissionRate);

/// <summary>The marketplace's choices in sharing an order.</summary>
/// <param name="ShippingToSellers">Shipping shared by the sellers in proportion to their discounted goods (otherwise the marketplace's).</param>
/// <param name="MarketplaceBearsParamCommission">The marketplace bears Param's commission (the sellers are paid from their whole part); otherwise each seller bears it pro rata.</param>
/// <param name="MarketplaceFundsDiscounts">The marketplace funds the order-level discount (the sellers' goods count undiscounted); otherwise the sellers share it in proportion to their goods.</param>
public sealed record ShareRules(bool ShippingToSellers, bool MarketplaceBearsParamCommission, bool MarketplaceFundsDiscounts = false);

/// <summary>A seller's share as declared to Param.</summary>
/// <param name="SellerId">The seller.</param>
/// <param name="GoodsAfterDiscount">The seller's goods less its part of the order discount (none when the marketplace funds it), plus its part of shipping when the sellers share it.</param>
/// <param name="ProductAmount">Tutar_Urun: the goods net of Param's commission.</param>
/// <param name="PayableAmount">Tutar_Odenecek: what Param pays the seller.</param>
/// <param name="MarketplaceCommission">What the marketplace keeps of the seller's part.</param>
public sealed record SellerShare(int SellerId, decimal GoodsAfterDiscount, decimal ProductAmount, decimal PayableAmount, decimal MarketplaceCommission);
