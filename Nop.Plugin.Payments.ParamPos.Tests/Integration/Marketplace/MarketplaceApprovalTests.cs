using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Marketplace;

/// <summary>
/// A paid marketplace order's declared shares approved for payout at Param (Pazaryeri_TP_Siparis_Onay) on the trigger the
/// store chose, each change sent once, on two nodes too; withdrawn again; a failed or lost change settled by the retry
/// task, asking Param first.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Marketplace)]
public class MarketplaceApprovalTests : MarketplaceStoreFixture
{
    private void Trigger(MarketplaceApprovalTrigger trigger)
    {
        _harness.PluginSettings.MarketplaceApprovalTrigger = trigger;
        _harness.Settings.Put(_harness.PluginSettings);
    }

    private async Task<Order> PaidOrderAsync()
    {
        var (order, callback) = await OrderAtTheBankAsync();
        (await _harness.PostReturnAsync(callback)).Result.Should().Be(CallbackResult.Paid);

        return order;
    }

    private async Task<int> ApprovalCallsAsync() => (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault("Pazaryeri_TP_Siparis_Onay");

    private Task<IReadOnlyList<ParamPosMarketplaceApproval>> SetAsync(Order order, bool approve, HarnessNode node = null) =>
        _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceApprovals>().SetAsync(order.OrderGuid, approve, "the store owner"), node: node);

    private Task<bool> RaiseAsync(Func<MarketplaceApprovalEventConsumer, Task> raise) =>
        _harness.InScopeAsync(async services =>
        {
            await raise(ActivatorUtilities.CreateInstance<MarketplaceApprovalEventConsumer>(services));
            return true;
        });

    [Test]
    public async Task TheOrderCompleted_ApprovesEachShareOnce_AndTheApprovalCanBeWithdrawn()
    {
        Trigger(MarketplaceApprovalTrigger.OrderComplete);
        var order = await PaidOrderAsync();
        (await _store.StatusesAtParamAsync(order)).Should().Equal("0", "0", "0");

        order.OrderStatus = OrderStatus.Processing;
        await RaiseAsync(consumer => consumer.HandleEventAsync(new OrderStatusChangedEvent(order, OrderStatus.Pending)));
        (await ApprovalCallsAsync()).Should().Be(0, "the order is not complete yet");

        order.OrderStatus = OrderStatus.Complete;
        await RaiseAsync(consumer => consumer.HandleEventAsync(new OrderStatusChangedEvent(order, OrderStatus.Processing)));
        await RaiseAsync(consumer => consumer.HandleEventAsync(new OrderStatusChangedEvent(order, OrderStatus.Processing)));

        (await _store.StatusesAtParamAsync(order)).Should().Equal("1", "1", "1");
        (await ApprovalCallsAsync()).Should().Be(3, "a share already approved is not approved again");
        _harness.Orders.Notes(order.Id).Should().ContainSingle(note => note.Note.Contains("3 of 3 vendor share(s) approved for payout (the order was completed)"));

        var withdrawn = await SetAsync(order, approve: false);

        withdrawn.Should().HaveCount(3).And.OnlyContain(change => change.Succeeded && !change.Approve && change.Sequence == 2);
        (await _store.StatusesAtParamAsync(order)).Should().Equal("0", "0", "0");
        (await SetAsync(order, approve: false)).Should().BeEmpty();
        (await ApprovalCallsAsync()).Should().Be(6);
    }

    [Test]
    public async Task EachTrigger_ApprovesOnlyOnItsOwnEvent()
    {
        var order = await PaidOrderAsync();
        var delivered = new ShipmentDeliveredEvent(new Shipment { OrderId = order.Id });
        order.OrderStatus = OrderStatus.Complete;
        var completed = new OrderStatusChangedEvent(order, OrderStatus.Processing);

        Trigger(MarketplaceApprovalTrigger.Manual);
        await RaiseAsync(consumer => consumer.HandleEventAsync(completed));
        await RaiseAsync(consumer => consumer.HandleEventAsync(delivered));
        (await ApprovalCallsAsync()).Should().Be(0, "the store owner approves by hand");

        Trigger(MarketplaceApprovalTrigger.ShipmentDelivered);
        await RaiseAsync(consumer => consumer.HandleEventAsync(completed));
        (await ApprovalCallsAsync()).Should().Be(0);
        await RaiseAsync(consumer => consumer.HandleEventAsync(delivered));
        (await _store.StatusesAtParamAsync(order)).Should().Equal("1", "1", "1");

        _harness.PluginSettings.MarketplaceMode = false;
        _harness.Settings.Put(_harness.PluginSettings);
        await SetAsync(order, approve: false);
        order.OrderStatus = OrderStatus.Complete;
        await RaiseAsync(consumer => consumer.HandleEventAsync(delivered));
        (await ApprovalCallsAsync()).Should().Be(6, "out of marketplace mode no event approves (the withdrawal was asked for directly)");
    }

    [Test]
    public async Task ConcurrentApprovalsOnTwoNodes_SendEachChangeOnce()
    {
        var order = await PaidOrderAsync();
        var nodeB = _harness.AddNode("B");

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(index => Task.Run(() => SetAsync(order, approve: true, index % 2 == 0 ? null : nodeB))));

        runs.Sum(run => run.Count).Should().Be(3);
        (await ApprovalCallsAsync()).Should().Be(3);
        (await _store.StatusesAtParamAsync(order)).Should().Equal("1", "1", "1");
    }

    [Test]
    public async Task AFailedChange_IsSentAgainByTheRetryTask_ALostOne_IsFoundAtParam()
    {
        var order = await PaidOrderAsync();
        _harness.PluginSettings.RequestTimeoutSeconds = 1;
        _harness.Settings.Put(_harness.PluginSettings);
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "Pazaryeri_TP_Siparis_Onay", Mode = FaultMode.Http500, Count = 1 });
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "Pazaryeri_TP_Siparis_Onay", Mode = FaultMode.Timeout, DelayMilliseconds = 2500, Count = 1 });

        var first = await SetAsync(order, approve: true);
        await Task.Delay(2000);

        first.Count(change => !change.Succeeded).Should().Be(2, "one refused with HTTP 500, one answer lost");
        (await _store.StatusesAtParamAsync(order)).Count(status => status == "1").Should().Be(2, "the lost change was carried out by Param");
        var retry = () => _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceApprovals>().RetryFailedAsync());
        (await retry()).Should().BeEmpty("a change younger than two minutes may still be under way on another node");

        _harness.Clock.Advance(TimeSpan.FromMinutes(3));
        var settled = await retry();

        settled.Should().HaveCount(2).And.OnlyContain(change => change.Succeeded && change.Sequence == 2);
        settled.Select(change => change.Answer).Should().ContainSingle(answer => answer == "retried: found at Param");
        (await ApprovalCallsAsync()).Should().Be(4, "three first changes and the one Param never carried out");
        (await _store.StatusesAtParamAsync(order)).Should().Equal("1", "1", "1");
        (await retry()).Should().BeEmpty();
    }
}
