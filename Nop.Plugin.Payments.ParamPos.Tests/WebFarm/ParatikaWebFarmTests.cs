using System.Diagnostics;
using FluentAssertions;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Plugin.Payments.ParamPos.Tests.Support.WebFarm;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.WebFarm;

/// <summary>
/// The Paratika hosted page mode on two web nodes sharing one real PostgreSQL database: Paratika's return posted many
/// times on both nodes while both run the reconciliation task, and refunds double-clicked on both; each order is
/// recorded paid once, and each refund reaches Paratika once.
/// </summary>
[TestFixture, Category(TestCategories.WebFarm), Category(TestCategories.Paratika)]
public class ParatikaWebFarmTests : TwoNodeFixture
{
    protected override Task<CheckoutHarness> StartHarnessAsync(Func<Task<HarnessStorage>> storage) => CheckoutHarness.StartParatikaAsync(storage: storage);

    private async Task<int> CountAsync(string action) => (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault("paratika:" + action);

    private async Task<(Order Order, BankCallback Return)> PaidOnParatikaAsync(int index)
    {
        var customer = _harness.Shop.AddCustomer(3000 + index, 100m);
        _harness.Shop.ActAs(customer);
        var order = await _harness.ParatikaCheckoutAsync(customer, Node(index));
        var page = await _harness.PostProcessAsync(order);

        return (order, await _harness.Sandbox.PayOnHostedPageAsync(page, "4508034508034509"));
    }

    [Test]
    public async Task TenOrders_SixteenReturnsEachOnBothNodes_WithReconciliationOnBoth_EachPaidOnce()
    {
        const int orders = 10;
        const int returnsPerOrder = 16;
        var placed = new List<(Order Order, BankCallback Return)>();
        for (var index = 0; index < orders; index++)
            placed.Add(await PaidOnParatikaAsync(index));
        // Old enough for the reconciliation task to look at them too while the returns arrive.
        _harness.Clock.Advance(TimeSpan.FromMinutes(_harness.PluginSettings.ReconciliationDelayMinutes + 1));

        var stopwatch = Stopwatch.StartNew();
        var returns = Task.WhenAll(placed.SelectMany(pair => Enumerable.Range(0, returnsPerOrder)
            .Select(index => Task.Run(() => _harness.PostParatikaReturnAsync(pair.Return, Node(index))))));
        var reconciliations = Task.WhenAll(Enumerable.Range(0, 4).Select(index => Task.Run(() => _harness.ReconcileAsync(Node(index)))));
        var outcomes = await returns;
        var summaries = await reconciliations;
        stopwatch.Stop();

        outcomes.Should().OnlyContain(outcome => outcome.Result == CallbackResult.Paid);
        foreach (var (order, _) in placed)
        {
            _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1, $"order {order.Id} goes to Paid once");
            var ledger = await _harness.LedgerAsync(order);
            ledger.Entries.Select(entry => (entry.Kind, entry.State)).Should().Equal((LedgerEntryKind.Charge, LedgerEntryState.Succeeded), (LedgerEntryKind.OrderPaid, LedgerEntryState.Succeeded));
        }

        _harness.Orders.MarkedPaidCount.Should().Be(orders);
        TestContext.Out.WriteLine($"Two nodes, {orders} Paratika orders × {returnsPerOrder} returns ({outcomes.Length} posts) + {summaries.Length} reconciliation runs "
            + $"in {stopwatch.ElapsedMilliseconds} ms: paid transitions {_harness.Orders.MarkedPaidCount} (reconciliation {summaries.Sum(summary => summary.MarkedPaid)}), "
            + $"QUERYTRANSACTION {await CountAsync("QUERYTRANSACTION")}, ledger inserts refused by the unique index {_harness.Storage.LedgerInsertConflicts}.");
    }

    [Test]
    public async Task RefundsDoubleClickedOnTwoNodes_EachReachesParatikaOnce()
    {
        const int orders = 6;
        for (var index = 0; index < orders; index++)
        {
            var (placed, posted) = await PaidOnParatikaAsync(index);
            (await _harness.PostParatikaReturnAsync(posted, Node(index))).Result.Should().Be(CallbackResult.Paid);
            var before = (await CountAsync("VOID"), await CountAsync("REFUND"));

            var first = _harness.Orders.Get(placed.Id);
            var second = _harness.Orders.Get(placed.Id);
            var results = await Task.WhenAll(
                Task.Run(() => _harness.RefundAsync(placed.Id, 100m, partial: false, _a, first)),
                Task.Run(() => _harness.RefundAsync(placed.Id, 100m, partial: false, _b, second)));

            results.Count(result => result.Success).Should().Be(1);
            (await CountAsync("VOID") - before.Item1 + await CountAsync("REFUND") - before.Item2).Should().Be(1, "one of the two requests reaches Paratika");
            (await _harness.Sandbox.ParatikaRowsAsync(_harness.Orders.Get(placed.Id).AuthorizationTransactionId)).Count(row => row.Type is "VOID" or "REFUND" or "PTREFUND").Should().Be(1);
            _harness.Orders.Get(placed.Id).PaymentStatus.Should().Be(PaymentStatus.Refunded);
        }
    }
}
