using FluentAssertions;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Gateway;

/// <summary>
/// Param's reports over HTTP against the sandbox, after a day of real checkouts: TP_Islem_Izleme lists each sale
/// (approved or declined), cancel and refund with the Siparis_ID and receipt the store recorded, and TP_Mutabakat_Ozet's
/// totals agree with it. Windows are in Turkish time.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Reconciliation), Category(TestCategories.Gateway)]
public class ParamReportTests
{
    private static readonly TimeSpan Turkey = TimeSpan.FromHours(3);
    private CheckoutHarness _harness;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    /// <summary>The sandbox stamps with the real clock: a window around now, in Turkish time.</summary>
    private static (DateTime From, DateTime To) AroundNow() => (DateTimeOffset.UtcNow.ToOffset(Turkey).DateTime.AddHours(-1), DateTimeOffset.UtcNow.ToOffset(Turkey).DateTime.AddHours(1));

    [Test]
    public async Task ADayOfSalesDeclinesRefundsAndACancel_IsListedAsTheStoreRecordedIt_AndTheTotalsAgree()
    {
        var cancelled = await _harness.PaidOrderAsync();
        var refunded = await _harness.PaidOrderAsync(installments: 3);
        var declined = await _harness.CheckoutToBankAsync(TestCards.INSUFFICIENT_FUNDS);
        (await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(declined, approve: true))).Result.Should().Be(Nop.Plugin.Payments.ParamPos.Payments.CallbackResult.Failed);
        (await _harness.RefundAsync(cancelled.Id, cancelled.OrderTotal, partial: false)).NewPaymentStatus.Should().Be(PaymentStatus.Refunded);
        (await _harness.RefundAsync(refunded.Id, 20m, partial: true)).Success.Should().BeTrue();
        var (from, to) = AroundNow();
        var client = _harness.Sandbox.Client();

        var monitor = await client.MonitorTransactionsAsync(from, to, _harness.Sandbox.Context());
        var totals = await client.GetTotalsAsync(from, to, _harness.Sandbox.Context());

        monitor.Error.Should().BeNull();
        var rows = monitor.Transactions;
        var cancelledSale = rows.Single(row => row.OrderId == cancelled.AuthorizationTransactionId && row.Kind == MonitoredKind.Sale);
        cancelledSale.Should().Match<MonitoredTransaction>(row => row.Result == 12 && row.Succeeded && row.ReceiptId == cancelled.CaptureTransactionId && row.Amount == cancelled.OrderTotal);
        rows.Single(row => row.OrderId == cancelled.AuthorizationTransactionId && row.Kind == MonitoredKind.Cancel)
            .Should().Match<MonitoredTransaction>(row => row.Amount == cancelled.OrderTotal && row.OriginalTransactionId == cancelledSale.TransactionId && row.ReceiptId == null);
        var refundedSale = rows.Single(row => row.OrderId == refunded.AuthorizationTransactionId && row.Kind == MonitoredKind.Sale);
        refundedSale.Should().Match<MonitoredTransaction>(row => row.Result == 1 && row.Installments == 3 && row.RefundedTotal == 20m && row.Amount == refunded.OrderTotal
            && row.Commission > 0m && row.Net == row.Amount - row.Commission && row.Currency == "TRL");
        rows.Single(row => row.OrderId == refunded.AuthorizationTransactionId && row.Kind == MonitoredKind.Refund).Amount.Should().Be(20m);
        var declinedRow = rows.Single(row => row.OrderId == declined.AuthorizationTransactionId);
        declinedRow.Should().Match<MonitoredTransaction>(row => row.Kind == MonitoredKind.Sale && !row.Succeeded && row.ReceiptId == null);

        totals.Error.Should().BeNull();
        totals.Should().BeEquivalentTo(new ReconciliationTotals
        {
            SaleCount = 2, SaleTotal = cancelled.OrderTotal + refunded.OrderTotal, CancelCount = 1, CancelTotal = cancelled.OrderTotal, RefundCount = 1, RefundTotal = 20m
        });
    }

    [Test]
    public async Task AWindowWithoutTransactions_IsEmpty_NotAnError()
    {
        var (from, _) = AroundNow();
        var client = _harness.Sandbox.Client();

        var monitor = await client.MonitorTransactionsAsync(from.AddDays(-3), from.AddDays(-2), _harness.Sandbox.Context());
        var totals = await client.GetTotalsAsync(from.AddDays(-3), from.AddDays(-2), _harness.Sandbox.Context());

        monitor.Error.Should().BeNull();
        monitor.Transactions.Should().BeEmpty();
        totals.Should().BeEquivalentTo(new ReconciliationTotals());
    }

    [Test]
    public async Task AWindowLongerThanSevenDays_IsRefusedBeforeAnythingIsSent_AndWrongCredentialsByParam()
    {
        var client = _harness.Sandbox.Client();
        var now = DateTime.UtcNow;

        await FluentActions.Awaiting(() => client.MonitorTransactionsAsync(now.AddDays(-8), now, _harness.Sandbox.Context())).Should().ThrowAsync<ArgumentOutOfRangeException>();
        var refused = await client.MonitorTransactionsAsync(now.AddDays(-1), now, _harness.Sandbox.Context(credentials: new ParamCredentials(_harness.Sandbox.Credentials.ClientCode, _harness.Sandbox.Credentials.Username, "wrong", _harness.Sandbox.Credentials.Guid)));

        refused.Error.Should().NotBeNull();
        refused.Error.Code.Should().BeNegative();
    }

    [Test]
    public async Task TheDaysSettlement_ListsEachTransactionWithCommissionNetAndValueDate()
    {
        var paid = await _harness.PaidOrderAsync(installments: 3);
        (await _harness.RefundAsync(paid.Id, 4.10m, partial: true)).Success.Should().BeTrue();
        var day = Nop.Plugin.Payments.ParamPos.Payments.TurkishTime.DayOf(_harness.Clock.GetUtcNow());

        var settlement = await _harness.Sandbox.Client().GetSettlementAsync(day, _harness.Sandbox.Context());

        settlement.Error.Should().BeNull();
        var sale = settlement.Transactions.Single(row => row.OrderId == paid.AuthorizationTransactionId && row.Kind == MonitoredKind.Sale);
        sale.Should().Match<SettledTransaction>(row => row.Gross == paid.OrderTotal && row.Installments == 3 && row.Commission > 0m && row.Net == row.Gross - row.Commission
            && row.ValueDate == day.AddDays(1).ToString("dd.MM.yyyy"));
        settlement.Transactions.Single(row => row.Kind == MonitoredKind.Refund).Gross.Should().Be(4.10m);
    }
}
