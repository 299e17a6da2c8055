using System.Diagnostics;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Integration.Proof;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Plugin.Payments.ParamPos.Tests.Support.WebFarm;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.WebFarm;

/// <summary>
/// Soak: many 3D Model sales, first one after another and then 32 at a time, across two plugin nodes sharing one
/// PostgreSQL database, with some shoppers failing 3-D Secure: paid orders = the gateway's successful sales, each once,
/// no Siparis_ID twice, and no card number or CVC anywhere logged or persisted. Counts: <see cref="ProofCounts"/>
/// (PARAMPOS_PROOF=full: 1,000 in a row and 200 at concurrency 32).
/// </summary>
[TestFixture, Category(TestCategories.Soak), Category(TestCategories.Checkout)]
public class SoakTests : TwoNodeFixture
{
    private const int CONCURRENCY = 32;

    private int _nextCustomer = 5000;

    private Customer NewCustomer() => _harness.Shop.AddCustomer(Interlocked.Increment(ref _nextCustomer), 100m);

    /// <summary>One shopper's sale on a node: checkout, the bank's 3-D page (every seventh declines), the callback on the other node.</summary>
    private async Task<(Order Order, bool Approved)> SaleAsync(int index)
    {
        var approve = index % 7 != 3;
        var order = await _harness.CheckoutToBankAsync(index % 2 == 0 ? TestCards.AKBANK_AXESS : TestCards.ZIRAAT_VISA, installments: index % 4 == 0 ? 3 : 1,
            customer: NewCustomer(), node: Node(index));
        var callback = await _harness.AuthenticateAsync(order, approve);
        await _harness.PostCallbackAsync(callback, Node(index + 1));

        return (order, approve);
    }

    [Test]
    public async Task SalesInARowAndThirtyTwoAtATime_OnTwoNodes_EachPaidOnce_AndNoCardDataKept()
    {
        var stopwatch = Stopwatch.StartNew();
        var sales = new List<(Order Order, bool Approved)>();
        for (var index = 0; index < ProofCounts.SequentialSales; index++)
            sales.Add(await SaleAsync(index));
        var sequential = stopwatch.Elapsed;

        using var gate = new SemaphoreSlim(CONCURRENCY);
        var concurrent = await Task.WhenAll(Enumerable.Range(ProofCounts.SequentialSales, ProofCounts.ConcurrentSales).Select(async index =>
        {
            await gate.WaitAsync();
            try
            {
                return await SaleAsync(index);
            }
            finally
            {
                gate.Release();
            }
        }));
        sales.AddRange(concurrent);
        await _harness.ReconcileAsync(_a);
        await _harness.ReconcileAsync(_b);
        stopwatch.Stop();

        var atParam = (await _harness.Sandbox.TransactionsAsync()).Where(transaction => transaction.Status == "Paid").ToList();
        var paid = sales.Where(sale => _harness.Orders.Get(sale.Order.Id).PaymentStatus == PaymentStatus.Paid).ToList();
        paid.Select(sale => sale.Order.Id).Should().BeEquivalentTo(sales.Where(sale => sale.Approved).Select(sale => sale.Order.Id), "every approved sale is paid, no declined one");
        paid.Count.Should().Be(atParam.Count, "paid orders = the gateway's successful sales");
        atParam.Select(transaction => transaction.OrderId).Should().OnlyHaveUniqueItems("no Siparis_ID twice");
        sales.Should().OnlyContain(sale => _harness.Orders.MarkedPaidCountOf(sale.Order.Id) == (sale.Approved ? 1 : 0), "each paid once");
        atParam.Sum(transaction => transaction.Total).Should().Be(paid.Sum(sale => _harness.Orders.Get(sale.Order.Id).OrderTotal), "what Param took is what the orders say");

        var day = await _harness.InScopeAsync(services => services.GetRequiredService<DailyReconciliationService>()
            .CheckAsync(_harness.Shop.Store.Id, TurkishTime.DayOf(_harness.Clock.GetUtcNow())));
        day.IsClean.Should().BeTrue("Param's records of the day (its list and its settlement totals) match the store's: " + string.Join("; ", day.Differences.Take(3).Select(difference => difference.ToString())));
        day.Param.Sales.Should().Be(paid.Count, "Param's settlement counts the paid orders' sales");

        var everything = _harness.EverythingPersistedAndLogged();
        everything.Should().NotContain(TestCards.AKBANK_AXESS).And.NotContain(TestCards.ZIRAAT_VISA);
        everything.Should().NotContainAny("\"000\"", "CVC=000", "Cvc\":\"000");
        TestContext.Out.WriteLine($"{ProofCounts.SequentialSales} sales in a row in {sequential.TotalSeconds:0.0} s, then {ProofCounts.ConcurrentSales} at concurrency {CONCURRENCY} "
            + $"in {(stopwatch.Elapsed - sequential).TotalSeconds:0.0} s, on two nodes and PostgreSQL: {paid.Count} paid, {sales.Count - paid.Count} declined at 3-D, "
            + $"{atParam.Count} sales at the gateway, ledger inserts refused by the unique index {_harness.Storage.LedgerInsertConflicts}.");
    }
}
