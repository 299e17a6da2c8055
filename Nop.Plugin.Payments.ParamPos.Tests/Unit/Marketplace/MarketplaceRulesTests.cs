using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Marketplace;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Marketplace;

/// <summary>
/// The marketplace's pure rules: the sellers' legal identifiers, and the sellers' shares of a paid order to the kuruş
/// (Pazaryeri.md §4's worked examples and rounding rule, and the invariants over many random orders).
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Marketplace)]
public class MarketplaceRulesTests
{
    [TestCase("TR330006100519786457841326", "TR330006100519786457841326")]
    [TestCase("tr33 0006 1005 1978 6457 8413 26", "TR330006100519786457841326")]
    [TestCase("TR330006100519786457841327", null)]
    [TestCase("TR000000000000000000000000", null)]
    [TestCase("TR123456789123456789123456", null)]
    [TestCase("DE89370400440532013000", null)]
    [TestCase("123456", null)]
    public void Iban_IsCheckedWithItsMod97Digits(string iban, string normalized)
    {
        SellerIdentityRules.NormalizeIban(iban).Should().Be(normalized);
    }

    [TestCase("10000000146", true)]
    [TestCase("12345678950", true)]
    [TestCase("10000000147", false)]
    [TestCase("00000000000", false)]
    [TestCase("1000000014", false)]
    [TestCase("1000000014a", false)]
    public void Tckn_HasBothCheckDigits(string tckn, bool valid)
    {
        SellerIdentityRules.IsTckn(tckn).Should().Be(valid);
    }

    [TestCase("4840847211", true)]
    [TestCase("9000068418", true)]
    [TestCase("4840847212", false)]
    [TestCase("1111111111", false)]
    [TestCase("484084721", false)]
    public void Vkn_HasItsCheckDigit(string vkn, bool valid)
    {
        SellerIdentityRules.IsVkn(vkn).Should().Be(valid);
    }

    [TestCase("0532 123 45 67", "5321234567")]
    [TestCase("+90 532 123 4567", "5321234567")]
    [TestCase("0212 123 45 67", null)]
    public void Mobile_IsSentAsParamWantsIt(string phone, string expected)
    {
        SellerIdentityRules.NormalizeMobile(phone).Should().Be(expected);
        SellerIdentityRules.FormatDate(new DateOnly(1990, 12, 1)).Should().Be("01.12.1990");
    }

    private static readonly SellerGoods[] ThreeSellers = [new(1, 500m, 10m), new(2, 300m, 10m), new(3, 200m, 10m)];

    [Test]
    public void WorkedExample_SinglePayment_TheMarketplaceAbsorbsParamsCommission()
    {
        // Pazaryeri.md §4.2 case 1: 950,00 collected, Param keeps 2,50 %: net 926,25.
        var shares = ShareAllocator.Allocate(ThreeSellers, shipping: 50m, discount: 100m, net: 926.25m);

        shares.Select(share => share.GoodsAfterDiscount).Should().Equal(450m, 270m, 180m);
        shares.Select(share => share.ProductAmount).Should().Equal(438.75m, 263.25m, 175.50m);
        shares.Select(share => share.PayableAmount).Should().Equal(393.75m, 236.25m, 157.50m);
        (926.25m - shares.Sum(share => share.PayableAmount)).Should().Be(138.75m, "the marketplace keeps the net shipping and its commission");
    }

    [Test]
    public void WorkedExample_SinglePayment_CommissionFromTheGross_WhenTheMarketplaceBearsParamsCommission()
    {
        // §4.2 case 1's other business choice: the vendors are paid from their gross, less the marketplace's 10 %.
        var shares = ShareAllocator.Allocate(ThreeSellers, shipping: 50m, discount: 100m, net: 926.25m, new ShareRules(ShippingToSellers: false, MarketplaceBearsParamCommission: true));

        shares.Select(share => share.ProductAmount).Should().Equal(450m, 270m, 180m);
        shares.Select(share => share.PayableAmount).Should().Equal(405m, 243m, 162m);
        (926.25m - shares.Sum(share => share.PayableAmount)).Should().Be(116.25m, "Param's 23,75 came out of the marketplace's commission and shipping");
    }

    [Test]
    public void Shipping_SharedByTheVendors_InProportionToTheirGoods()
    {
        var shares = ShareAllocator.Allocate(ThreeSellers, shipping: 50m, discount: 100m, net: 950m, new ShareRules(ShippingToSellers: true, MarketplaceBearsParamCommission: false));

        shares.Select(share => share.GoodsAfterDiscount).Should().Equal(475m, 285m, 190m);
        shares.Sum(share => share.ProductAmount).Should().Be(949.99m, "the whole net, less the kuruş Param's rule leaves to the marketplace");
        shares.Select(share => share.PayableAmount).Should().Equal(new[] { 429.99m, 258m, 172m }, "the commission is on the goods only (45, 27, 18)");
    }

    [Test]
    public void ADiscountTheMarketplaceFunds_LeavesTheVendorsGoodsWhole()
    {
        // A 20,00 coupon the marketplace funds: 1030,00 collected, Param keeps 2,50 %: net 1004,25. The vendors' parts
        // are 500, 300 and 200 at Param's net factor (0,975); the marketplace keeps what is left.
        var shares = ShareAllocator.Allocate(ThreeSellers, shipping: 50m, discount: 20m, net: 1004.25m,
            new ShareRules(ShippingToSellers: false, MarketplaceBearsParamCommission: false, MarketplaceFundsDiscounts: true));

        shares.Select(share => share.GoodsAfterDiscount).Should().Equal(500m, 300m, 200m);
        shares.Select(share => share.ProductAmount).Should().Equal(487.50m, 292.50m, 195m);
        shares.Select(share => share.PayableAmount).Should().Equal(437.50m, 262.50m, 175m);
        (1004.25m - shares.Sum(share => share.PayableAmount)).Should().Be(129.25m, "net shipping and commission, less the coupon");
    }

    [Test]
    public void ADiscountTheMarketplaceFunds_IsScaledWhenItsPartCannotCoverIt()
    {
        // 1000 of goods, a 300 coupon, no shipping: Param pays 700 less 2,50 % = 682,50; the vendors' 1000 cannot fit.
        var sellers = new SellerGoods[] { new(1, 600m, 0m), new(2, 400m, 0m) };

        var shares = ShareAllocator.Allocate(sellers, shipping: 0m, discount: 300m, net: 682.50m,
            new ShareRules(ShippingToSellers: false, MarketplaceBearsParamCommission: false, MarketplaceFundsDiscounts: true));

        shares.Sum(share => share.ProductAmount).Should().Be(682.49m);
        shares.Select(share => share.ProductAmount).Should().Equal(409.49m, 273m);
    }

    [Test]
    public void TheMarketplaceBearingParamsCommission_StillNeverDeclaresMoreThanParamPays()
    {
        // No shipping and no marketplace commission: nothing to take Param's 2,50 % from, so the vendors are scaled.
        var sellers = new SellerGoods[] { new(1, 600m, 0m), new(2, 400m, 0m) };

        var shares = ShareAllocator.Allocate(sellers, shipping: 0m, discount: 0m, net: 975m, new ShareRules(ShippingToSellers: false, MarketplaceBearsParamCommission: true));

        shares.Sum(share => share.ProductAmount).Should().BeLessThanOrEqualTo(974.99m);
        shares.Should().OnlyContain(share => share.PayableAmount <= share.ProductAmount);
    }

    [Test]
    public void WorkedExample_ThreeInstallments_TheCustomerPaysTheCommission()
    {
        // §4.2 case 2: 992,75 collected, the net comes back to the order amount (950,00).
        var shares = ShareAllocator.Allocate(ThreeSellers, shipping: 50m, discount: 100m, net: 950m);

        shares.Select(share => share.ProductAmount).Should().Equal(450m, 270m, 180m);
        shares.Select(share => share.PayableAmount).Should().Equal(405m, 243m, 162m);
    }

    [Test]
    public void Rounding_LeavesTheLastKurusToTheMarketplace_NeverRoundsASellerUp()
    {
        // §4.4: a net of 100,00 shared by three sellers: 33,33 each, 0,01 stays with the marketplace.
        var shares = ShareAllocator.Allocate([new(1, 33.34m, 0m), new(2, 33.33m, 0m), new(3, 33.33m, 0m)], 0m, 0m, 100m);

        shares.Select(share => share.ProductAmount).Should().Equal(33.33m, 33.33m, 33.33m);
        ShareAllocator.Proportional(100, [1, 1, 1]).Should().Equal(34, 33, 33);
        ShareAllocator.Allocate([new(1, 100m, 0m)], 0m, 0m, 97.50m).Single().ProductAmount.Should().Be(97.49m, "one seller with the whole basket stays under the net (M10)");
    }

    [Test]
    public void ManyRandomOrders_KeepTheSumsToTheKurus()
    {
        var random = new Random(20261203);
        for (var order = 0; order < 2000; order++)
        {
            var sellers = Enumerable.Range(1, random.Next(1, 6)).Select(id => new SellerGoods(id, random.Next(1, 200_000) / 100m, random.Next(0, 25))).ToArray();
            var goods = sellers.Sum(seller => seller.Goods);
            var discount = Math.Round(goods * random.Next(0, 40) / 100m, 2);
            var shipping = random.Next(0, 5_000) / 100m;
            var net = Math.Round((goods - discount + shipping) * (1m - random.Next(0, 400) / 10_000m), 2);

            var shares = ShareAllocator.Allocate(sellers, shipping, discount, net);

            shares.Sum(share => share.GoodsAfterDiscount).Should().Be(goods - discount, "the discount is shared exactly");
            if (net > 0m)
                shares.Sum(share => share.ProductAmount).Should().BeLessThan(net, "the sellers' Tutar_Urun stay under the net");
            shares.Should().OnlyContain(share => share.PayableAmount <= share.ProductAmount && share.PayableAmount >= 0m && share.ProductAmount <= share.GoodsAfterDiscount);
            shares.Should().OnlyContain(share => decimal.Round(share.ProductAmount, 2) == share.ProductAmount && decimal.Round(share.PayableAmount, 2) == share.PayableAmount);
        }
    }

    [Test]
    public void BadInput_IsRefused()
    {
        FluentActions.Invoking(() => ShareAllocator.Allocate([new(1, 10m, 0m)], 0m, 11m, 10m)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ShareAllocator.Allocate([new(1, -1m, 0m)], 0m, 0m, 10m)).Should().Throw<ArgumentOutOfRangeException>();
        ShareAllocator.Allocate([], 0m, 0m, 10m).Should().BeEmpty();
    }

    [TestCase(29.97, 26.97, 10, 17.97)]
    [TestCase(29.97, 26.97, 29.97, 0)]
    [TestCase(100, 100, 0.01, 99.99)]
    [TestCase(0.03, 0.02, 0.01, 0.01)]
    public void ARefundFromAVendor_ScalesItsPayable_DownToTheKurus(decimal goods, decimal payable, decimal refund, decimal expected)
    {
        ShareAllocator.PayableAfterRefund(goods, payable, refund).Should().Be(expected);
    }

    [Test]
    public void ARefundFromAVendor_NeverLeavesMoreToPayThanIsLeft_OverRandomShares()
    {
        var random = new Random(20261203);
        for (var i = 0; i < 2000; i++)
        {
            var goods = random.Next(1, 1_000_000) / 100m;
            var payable = decimal.Floor(goods * random.Next(0, 10_001) / 10_000m * 100m) / 100m;
            var refund = Math.Max(0.01m, decimal.Floor(goods * (decimal)random.NextDouble() * 100m) / 100m);

            var after = ShareAllocator.PayableAfterRefund(goods, payable, refund);

            after.Should().BeInRange(0m, Math.Min(payable, goods - refund));
            (after * 100m).Should().Be(decimal.Floor(after * 100m), "kuruş only");
        }

        FluentActions.Invoking(() => ShareAllocator.PayableAfterRefund(10m, 9m, 10.01m)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ShareAllocator.PayableAfterRefund(10m, 9m, 0m)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
