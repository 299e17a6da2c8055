using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Marketplace;

/// <summary>
/// Refunding a paid marketplace order: the whole order reversed at Param's marketplace (every share and the card), IPTAL
/// on the sale's day and IADE later, once however often it is clicked; a partial refund refused, changing nothing.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Marketplace), Category(TestCategories.Refund)]
public class MarketplaceRefundTests : MarketplaceStoreFixture
{
    private async Task<Order> PaidOrderAsync()
    {
        var (order, callback) = await OrderAtTheBankAsync();
        (await _harness.PostReturnAsync(callback)).Result.Should().Be(CallbackResult.Paid);

        return _harness.Orders.Get(order.Id);
    }

    [Test]
    public async Task AWholeRefundOnTheSaleDay_CancelsEveryShareAndThePaymentAtTheMarketplace_Once()
    {
        var order = await PaidOrderAsync();
        await _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceApprovals>().SetAsync(order.OrderGuid, approve: true, "the store owner"));
        var nodeB = _harness.AddNode("B");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(index => Task.Run(() =>
            _harness.RefundAsync(order.Id, order.OrderTotal, partial: false, index % 2 == 0 ? null : nodeB, loaded: _harness.Orders.Get(order.Id)))));

        results.Count(result => result.Success).Should().Be(1, "a double click refunds once");
        results.Single(result => result.Success).NewPaymentStatus.Should().Be(PaymentStatus.Refunded);
        var calls = await _harness.Sandbox.CallCountsAsync();
        calls["Pazaryeri_TP_Iptal_Iade"].Should().Be(1);
        calls.Should().NotContainKey("TP_Islem_Iptal_Iade_Kismi2", "the marketplace's own cancel credits the card");
        (await _store.StatusesAtParamAsync(order)).Should().Equal("12", "12", "12");
        (await _harness.Sandbox.TransactionAsync((await _harness.LedgerAsync(order)).LatestAttempt.OrderReference)).Status.Should().Be("Cancelled");
        (await SharesAsync(order)).Should().OnlyContain(share => share.State == MarketplaceShareState.Reversed);
        (await _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceApprovals>().SetAsync(order.OrderGuid, approve: false, "the store owner")))
            .Should().BeEmpty("a reversed share is not approved or withdrawn any more");
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("cancelled (IPTAL)") && note.Note.Contains("Pazaryeri_TP_Iptal_Iade"));
    }

    [Test]
    public async Task AWholeRefundOnALaterDay_IsARefundAtTheMarketplace()
    {
        var order = await PaidOrderAsync();
        await _harness.Sandbox.CloseDayAsync();
        _harness.Clock.Advance(TimeSpan.FromDays(1));

        var result = await _harness.RefundAsync(order.Id, order.OrderTotal, partial: false);

        result.Success.Should().BeTrue(string.Join(" ", result.Errors));
        (await _store.StatusesAtParamAsync(order)).Should().Equal("13", "13", "13");
    }

    [Test]
    public async Task APartialRefund_IsRefused_AndChangesNothing()
    {
        var order = await PaidOrderAsync();
        var ledgerBefore = (await _harness.LedgerAsync(order)).Entries.Count;

        var result = await _harness.RefundAsync(order.Id, 10m, partial: true);

        result.Success.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Contain("refund the whole order here");
        (await _harness.Sandbox.CallCountsAsync()).Should().NotContainKeys("Pazaryeri_TP_Iptal_Iade", "TP_Islem_Iptal_Iade_Kismi2");
        (await _harness.LedgerAsync(order)).Entries.Count.Should().Be(ledgerBefore);
        (await SharesAsync(order)).Should().OnlyContain(share => share.State == MarketplaceShareState.Declared);
    }
}
