using System.Globalization;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Marketplace;

/// <summary>
/// The marketplace admin page: per vendor, the period's shares awaiting approval, approved, paid out (approved and
/// Param's payout date passed) and refunded, with totals, placed by what Param reports; by the store's approvals when
/// Param cannot be asked.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Marketplace), Category(TestCategories.Admin)]
public class MarketplacePageTests : MarketplaceStoreFixture
{
    private async Task<Order> PaidOrderAsync()
    {
        var (order, callback) = await OrderAtTheBankAsync();
        (await _harness.PostReturnAsync(callback)).Result.Should().Be(CallbackResult.Paid);

        return _harness.Orders.Get(order.Id);
    }

    private Task<MarketplacePageModel> PageAsync() => _harness.InScopeAsync(services =>
        services.GetRequiredService<MarketplacePageModelFactory>().PrepareAsync(_harness.PluginSettings, null, null));

    private static string Cell(params decimal[] amounts) =>
        amounts.Length == 0 ? "-" : $"{amounts.Length} · {amounts.Sum().ToString("0.00", CultureInfo.InvariantCulture)}";

    [Test]
    public async Task EachVendorsShares_ArePlacedByWhereTheyStandAtParam_WithTotals()
    {
        var paidOut = await PaidOrderAsync();
        await _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceApprovals>().SetAsync(paidOut.OrderGuid, approve: true, "test"));
        var awaiting = await PaidOrderAsync();
        (await _harness.InScopeAsync(async services =>
        {
            services.GetRequiredService<MarketplaceRefundTarget>().VendorId = 12;
            return await services.GetRequiredService<Nop.Services.Orders.IOrderProcessingService>().PartiallyRefundAsync(_harness.Orders.Get(awaiting.Id), 10m);
        })).Should().BeEmpty();
        // Param pays an approved share one business day later (the sandbox's vade): the first order's is paid out then.
        await _harness.Sandbox.CloseDayAsync();
        _harness.Clock.Advance(TimeSpan.FromDays(1));
        var approved = await PaidOrderAsync();
        await _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceApprovals>().SetAsync(approved.OrderGuid, approve: true, "test"));
        var shares = (await SharesAsync(paidOut)).Concat(await SharesAsync(approved)).ToList();
        decimal Payable(Order order, int vendorId) => shares.Single(share => share.OrderGuid == order.OrderGuid && share.VendorId == vendorId).PayableAmount;
        var awaitingShares = await SharesAsync(awaiting);

        var page = await PageAsync();

        page.ParamUnreachable.Should().BeFalse();
        page.Vendors.Select(vendor => vendor.Seller).Should().Equal("Satıcı 11", "Satıcı 12", "Satıcı 13");
        var vendor12 = page.Vendors.Single(vendor => vendor.VendorId == 12);
        vendor12.PaidOut.Should().Be(Cell(Payable(paidOut, 12)));
        vendor12.Approved.Should().Be(Cell(Payable(approved, 12)));
        vendor12.AwaitingApproval.Should().Be(Cell(awaitingShares.Single(share => share.VendorId == 12).PayableAmount));
        vendor12.Refunded.Should().Be(Cell(10m));
        vendor12.NotDeclared.Should().Be("-");
        page.Vendors.Single(vendor => vendor.VendorId == 11).Refunded.Should().Be("-");
        page.Totals.PaidOut.Should().Be(Cell(shares.Where(share => share.OrderGuid == paidOut.OrderGuid).Select(share => share.PayableAmount).ToArray()));
        page.Totals.AwaitingApproval.Should().Be(Cell(awaitingShares.Select(share => share.PayableAmount).ToArray()));
        page.Totals.Refunded.Should().Be(Cell(10m));
    }

    [Test]
    public async Task WhenParamCannotBeAsked_TheStoresApprovalsPlaceTheShares()
    {
        var order = await PaidOrderAsync();
        await _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceApprovals>().SetAsync(order.OrderGuid, approve: true, "test"));
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "Pazaryeri_TP_Islem_Sorgulama", Mode = FaultMode.MalformedXml, Count = 5 });

        var page = await PageAsync();

        page.ParamUnreachable.Should().BeTrue();
        page.Vendors.Should().HaveCount(3).And.OnlyContain(vendor => vendor.Approved.StartsWith("1 · ") && vendor.PaidOut == "-" && vendor.AwaitingApproval == "-");
    }

    [Test]
    public async Task APeriodWithoutShares_ShowsNoVendors_AndDoesNotAskParam()
    {
        var page = await PageAsync();

        page.Vendors.Should().BeEmpty();
        (await _harness.Sandbox.CallCountsAsync()).Should().NotContainKey("Pazaryeri_TP_Islem_Sorgulama");
    }
}
