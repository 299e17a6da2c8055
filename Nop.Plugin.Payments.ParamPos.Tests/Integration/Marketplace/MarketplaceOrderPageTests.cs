using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Controllers;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Marketplace;

/// <summary>
/// The order page's "Param marketplace" block and its buttons: each vendor's share with Param's state and payout date;
/// approve and withdraw; a refund from one vendor that takes the amount off that vendor's share only (through
/// nopCommerce's partial refund), refused when it is more than is left of it or not an amount.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Marketplace), Category(TestCategories.Admin)]
public class MarketplaceOrderPageTests : MarketplaceStoreFixture
{
    private async Task<Order> PaidOrderAsync()
    {
        var (order, callback) = await OrderAtTheBankAsync();
        (await _harness.PostReturnAsync(callback)).Result.Should().Be(CallbackResult.Paid);

        return _harness.Orders.Get(order.Id);
    }

    private Task<MarketplaceOrderModel> BlockAsync(Order order) =>
        _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceOrderModelFactory>().PrepareAsync(order.Id));

    /// <summary>Posts the order form with the block's fields to one of the plugin's actions; the notifications it left.</summary>
    private async Task<IList<(string Kind, string Message)>> PostAsync(Func<ParamPosMarketplaceController, IFormCollection, Task<IActionResult>> action, Order order, params (string Name, string Value)[] fields)
    {
        _harness.Notifications.Messages.Clear();
        var form = new FormCollection(fields.Append(("ParamPosShares.OrderId", order.Id.ToString())).ToDictionary(field => field.Item1, field => new StringValues(field.Item2)));
        var result = await _harness.InScopeAsync(async services =>
        {
            var controller = ActivatorUtilities.CreateInstance<ParamPosMarketplaceController>(services);
            controller.ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext { RequestServices = services } };
            controller.Url = Moq.Mock.Of<IUrlHelper>();

            return await action(controller, form);
        });
        result.Should().BeOfType<RedirectToActionResult>().Which.ControllerName.Should().Be("Order");

        return _harness.Notifications.Messages.ToList();
    }

    [Test]
    public async Task TheBlock_ShowsEachVendorsShare_AndApprovingAndWithdrawingFromIt()
    {
        var order = await PaidOrderAsync();

        var before = await BlockAsync(order);
        var recorded = await SharesAsync(order);
        before.Shares.Select(share => (share.VendorId, share.Seller, share.StateAtParam, share.PayoutDate))
            .Should().Equal((11, "Satıcı 11", "Onay Bekliyor", null), (12, "Satıcı 12", "Onay Bekliyor", null), (13, "Satıcı 13", "Onay Bekliyor", null));
        before.Shares.Select(share => (share.ProductAmount, share.PayableAmount)).Should().Equal(
            recorded.OrderBy(share => share.VendorId).Select(share => (share.ProductAmount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                share.PayableAmount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))));
        before.CanApprove.Should().BeTrue();
        before.CanWithdraw.Should().BeFalse();

        (await PostAsync((controller, form) => controller.SetShareApproval(form), order, ("ParamPosShares.Approve", "true")))
            .Should().Equal(("success", "3 share(s) approved for payout."));
        var approved = await BlockAsync(order);
        approved.Shares.Should().OnlyContain(share => share.Approved && share.StateAtParam == "Onaylandı" && share.PayoutDate != null);
        approved.CanApprove.Should().BeFalse();

        (await PostAsync((controller, form) => controller.SetShareApproval(form), order, ("ParamPosShares.Approve", "false")))
            .Should().Equal(("success", "The approval of 3 share(s) was withdrawn."));
        (await PostAsync((controller, form) => controller.SetShareApproval(form), order, ("ParamPosShares.Approve", "false")))
            .Should().ContainSingle().Which.Kind.Should().Be("warning");
        (await _store.StatusesAtParamAsync(order)).Should().Equal("0", "0", "0");
    }

    [Test]
    public async Task ARefundFromOneVendor_TakesTheAmountOffThatVendorsShareOnly()
    {
        var order = await PaidOrderAsync();
        var shares = await SharesAsync(order);
        var vendor12 = shares.Single(share => share.VendorId == 12);

        var notifications = await PostAsync((controller, form) => controller.RefundShare(form), order, ("ParamPosShares.RefundVendorId", "12"), ("ParamPosShares.Amount12", "10,00"));

        notifications.Should().Equal(("success", "Refunded from the vendor's share at Param."));
        var stored = _harness.Orders.Get(order.Id);
        stored.RefundedAmount.Should().Be(10m);
        stored.PaymentStatus.Should().Be(PaymentStatus.PartiallyRefunded);
        var after = (await SharesAsync(order)).Single(share => share.VendorId == 12);
        (after.ProductAmount, after.RefundedAmount, after.PayableAmount).Should().Be((19.97m, 10m, 17.97m), "of 29.97 (payable 26.97), 10 is refunded: 26.97 × 19.97 / 29.97 = 17.971…, down to the kuruş");
        (vendor12.ProductAmount, vendor12.PayableAmount).Should().Be((29.97m, 26.97m));
        var lines = await _store.LinesAtParamAsync(order);
        lines.Single(line => line.ShareGuid == after.ShareGuid).Should().Match<Nop.Plugin.Payments.ParamPos.Gateway.ShareRecord>(line => line.ProductAmount == 19.97m && line.PayableAmount == 17.97m);
        lines.Where(line => line.ShareGuid != after.ShareGuid).Select(line => line.ProductAmount).Should().BeEquivalentTo(
            shares.Where(share => share.VendorId != 12).Select(share => share.ProductAmount), "the other vendors' shares are untouched");
        var calls = await _harness.Sandbox.CallCountsAsync();
        calls["Pazaryeri_TP_Iptal_Iade"].Should().Be(1);
        calls.Should().NotContainKey("TP_Islem_Iptal_Iade_Kismi2");
        (await _harness.Sandbox.TransactionAsync((await _harness.LedgerAsync(order)).LatestAttempt.OrderReference)).Status.Should().Be("PartiallyRefunded");
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("10.00 TRY refunded") && note.Note.Contains("its new payable 17.97"));
        (await BlockAsync(order)).Shares.Single(share => share.VendorId == 12).RefundedAmount.Should().Be("10.00");
    }

    [Test]
    public async Task ARefundFromAVendor_OfMoreThanIsLeftOrOfNoAmount_IsRefused_AndChangesNothing()
    {
        var order = await PaidOrderAsync();

        var tooMuch = await PostAsync((controller, form) => controller.RefundShare(form), order, ("ParamPosShares.RefundVendorId", "13"), ("ParamPosShares.Amount13", "25"));
        var notAnAmount = await PostAsync((controller, form) => controller.RefundShare(form), order, ("ParamPosShares.RefundVendorId", "13"), ("ParamPosShares.Amount13", "1.000,5"));
        var plain = await _harness.RefundAsync(order.Id, 5m, partial: true);

        tooMuch.Should().ContainSingle().Which.Message.Should().Contain("more than is left of this vendor's goods at Param (19.98 TRY)");
        notAnAmount.Should().ContainSingle().Which.Message.Should().StartWith("Enter an amount to refund");
        plain.Errors.Should().ContainSingle().Which.Should().Contain("Refund from this vendor");
        _harness.Orders.Get(order.Id).RefundedAmount.Should().Be(0m);
        (await _harness.Sandbox.CallCountsAsync()).Should().NotContainKeys("Pazaryeri_TP_Iptal_Iade", "TP_Islem_Iptal_Iade_Kismi2");
        (await SharesAsync(order)).Should().OnlyContain(share => share.RefundedAmount == 0m && share.State == MarketplaceShareState.Declared);
    }

    [Test]
    public async Task WhenParamCannotBeAsked_TheBlockShowsTheStoresRecords_AndSaysSo()
    {
        var order = await PaidOrderAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "Pazaryeri_TP_Islem_Sorgulama", Mode = FaultMode.HtmlPage, Count = 5 });

        var block = await BlockAsync(order);

        block.ParamUnreachable.Should().BeTrue();
        block.Shares.Should().HaveCount(3).And.OnlyContain(share => share.StateAtParam == null && share.State == "Declared to Param");
    }
}
