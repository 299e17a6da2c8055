using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Reconciliation;

/// <summary>
/// A Turkish day of real checkouts against the sandbox, checked against Param's records (TP_Islem_Izleme,
/// TP_Mutabakat_Ozet) over HTTP: a day of sales, declines, refunds, a cancel, 3D Pay and a captured pre-authorization
/// is clean; each kind of difference, made on purpose, is found and described; a payment belongs to its Turkish day.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Reconciliation)]
public class DailyReconciliationTests
{
    private CheckoutHarness _harness;
    private DateOnly _day;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartAsync();
        // Noon, Turkish time, of tomorrow: the whole test happens inside one Turkish day.
        _day = TurkishTime.DayOf(_harness.Clock.GetUtcNow()).AddDays(1);
        MoveClockTo(_day, new TimeOnly(12, 0));
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    private void MoveClockTo(DateOnly day, TimeOnly time)
    {
        var target = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time), TurkishTime.Zone);
        _harness.Clock.Advance(new DateTimeOffset(target, TimeSpan.Zero) - _harness.Clock.GetUtcNow());
    }

    private Task<DailyReconciliationReport> CheckAsync(DateOnly? day = null)
    {
        return _harness.InScopeAsync(services => services.GetRequiredService<DailyReconciliationService>().CheckAsync(_harness.Shop.Store.Id, day ?? _day));
    }

    private void Use(Action<ParamPosSettings> change)
    {
        change(_harness.PluginSettings);
        _harness.Settings.Put(_harness.PluginSettings);
    }

    [Test]
    public async Task ADayOfSalesDeclinesRefundsACancel3DPayAndACapture_IsClean()
    {
        var cancelled = await _harness.PaidOrderAsync();
        var refunded = await _harness.PaidOrderAsync(installments: 3);
        var declined = await _harness.CheckoutToBankAsync(TestCards.INSUFFICIENT_FUNDS);
        await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(declined, approve: true));
        (await _harness.RefundAsync(cancelled.Id, cancelled.OrderTotal, partial: false)).Success.Should().BeTrue();
        (await _harness.RefundAsync(refunded.Id, 25m, partial: true)).Success.Should().BeTrue();
        Use(settings => settings.PaymentModel = PaymentModel.ThreeDPay);
        var threeDPay = await _harness.CheckoutToBankAsync();
        (await _harness.PostReturnAsync(await _harness.AuthenticateAsync(threeDPay, approve: true))).Result.Should().Be(CallbackResult.Paid);
        Use(settings => (settings.PaymentModel, settings.TransactionMode) = (PaymentModel.ThreeDModel, TransactionMode.AuthorizeOnly));
        var held = await _harness.AuthorizedOrderAsync();
        (await _harness.CaptureAsync(held.Id)).Success.Should().BeTrue();

        var report = await CheckAsync();

        report.Error.Should().BeNull();
        report.Differences.Should().BeEmpty();
        report.IsClean.Should().BeTrue();
        report.Param.Should().BeEquivalentTo(new { Sales = 4, Reversals = 2, Declines = 1 });
        report.Param.Gross.Should().Be(report.Store.Gross);
        report.Param.Refunds.Should().Be(cancelled.OrderTotal + 25m).And.Be(report.Store.Refunds);
        report.Param.Net.Should().Be(report.Param.Gross - report.Param.Refunds - report.Param.Commission, "Param pays the gross less refunds and its commission");
        report.ValueDates.Should().Equal(_day.AddDays(1).ToString("dd.MM.yyyy"));
        _harness.Logger.AllText.Should().Contain("matches Param's records");
    }

    [Test]
    public async Task EachKindOfDifference_IsFoundAndDescribed_AndNothingInTheStoreChanges()
    {
        var fine = await _harness.PaidOrderAsync();
        var refundedAtParam = await _harness.PaidOrderAsync();
        var wrongAmount = await _harness.PaidOrderAsync();
        Use(settings => settings.PaymentModel = PaymentModel.ThreeDPay);
        var lostReturn = await _harness.CheckoutToBankAsync();
        await _harness.AuthenticateAsync(lostReturn, approve: true);
        var outsideReceipt = await _harness.Sandbox.RecordOutsideSaleAsync("PANEL-SALE-1", 250m);
        // Refunded in Param's panel, not from the store.
        (await _harness.Sandbox.Client().ReverseSaleAsync(new ReversalRequest(ReversalKind.Refund, refundedAtParam.AuthorizationTransactionId, 10m), _harness.Sandbox.Context())).Succeeded.Should().BeTrue();
        // The store's record of one sale says another amount; and it holds a sale Param never made.
        var charge = (await _harness.LedgerAsync(wrongAmount)).PaidCharge;
        charge.Amount += 1m;
        await _harness.Storage.Ledger.UpdateAsync(charge, publishEvent: false);
        var phantom = await RecordStoreSaleParamNeverMadeAsync();
        var statuses = _harness.Orders.All().ToDictionary(order => order.Id, order => order.PaymentStatus);

        var report = await CheckAsync();

        report.IsClean.Should().BeFalse();
        report.Differences.Select(difference => (difference.Kind, difference.OrderReference)).Should().BeEquivalentTo(new[]
        {
            (DifferenceKind.UnknownTransaction, "PANEL-SALE-1"),
            (DifferenceKind.PaidAtParamNotInStore, _harness.Orders.Get(lostReturn.Id).AuthorizationTransactionId),
            (DifferenceKind.RefundsDiffer, refundedAtParam.AuthorizationTransactionId),
            (DifferenceKind.AmountDiffers, wrongAmount.AuthorizationTransactionId),
            (DifferenceKind.PaidInStoreNotAtParam, phantom)
        });
        report.Differences.Should().NotContain(difference => difference.OrderReference == fine.AuthorizationTransactionId);
        var unknown = report.Differences.Single(difference => difference.Kind == DifferenceKind.UnknownTransaction);
        unknown.Should().Match<ReconciliationDifference>(difference => difference.ParamAmount == 250m && difference.ReceiptId == outsideReceipt.ToString() && difference.OrderId == null);
        unknown.Describe().Should().Contain("never started").And.Contain("250.00");
        var lost = report.Differences.Single(difference => difference.Kind == DifferenceKind.PaidAtParamNotInStore);
        lost.OrderId.Should().Be(lostReturn.Id);
        lost.Describe().Should().Contain($"order {lostReturn.Id}").And.Contain("does not show it paid");
        report.Differences.Single(difference => difference.Kind == DifferenceKind.RefundsDiffer).Should().Match<ReconciliationDifference>(difference => difference.ParamAmount == 10m && difference.StoreAmount == 0m);
        report.Differences.Single(difference => difference.Kind == DifferenceKind.AmountDiffers).Should().Match<ReconciliationDifference>(difference => difference.StoreAmount == difference.ParamAmount + 1m);
        _harness.Logger.AllText.Should().Contain("differs from Param's records in 5 place(s)");
        _harness.Orders.All().ToDictionary(order => order.Id, order => order.PaymentStatus).Should().Equal(statuses, "the report explains; the store owner acts");
    }

    [Test]
    public async Task APayment_BelongsToItsTurkishDay()
    {
        MoveClockTo(_day, new TimeOnly(23, 59, 0));
        var late = await _harness.PaidOrderAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(2));
        var early = await _harness.PaidOrderAsync();

        var first = await CheckAsync(_day);
        var second = await CheckAsync(_day.AddDays(1));

        first.IsClean.Should().BeTrue();
        second.IsClean.Should().BeTrue();
        first.Param.Gross.Should().Be(late.OrderTotal);
        first.Param.Sales.Should().Be(1);
        second.Param.Sales.Should().Be(1);
        second.Store.Gross.Should().Be(early.OrderTotal);
    }

    [Test]
    public async Task WhenParamCannotBeRead_TheDayIsNotChecked_AndSaysWhy()
    {
        await _harness.PaidOrderAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Izleme", Mode = FaultMode.HtmlPage, Count = 5 });

        var report = await CheckAsync();

        report.IsClean.Should().BeFalse();
        report.Error.Should().Contain("could not be reached");
        report.Differences.Should().BeEmpty();
    }

    /// <summary>A sale in the store's ledger that Param never made (a hand-edited database, or a bug elsewhere).</summary>
    private Task<string> RecordStoreSaleParamNeverMadeAsync()
    {
        return _harness.InScopeAsync(async services =>
        {
            var ledger = services.GetRequiredService<PaymentLedger>();
            var orderGuid = Guid.NewGuid();
            var attempt = await ledger.AddAttemptAsync(new ParamPosPayment
            {
                OrderGuid = orderGuid, StoreId = _harness.Shop.Store.Id, OrderReference = orderGuid.ToString("N").ToUpperInvariant() + "-ZZZ", TransactionGuid = Guid.NewGuid().ToString(),
                Kind = PaymentKind.ThreeDModelSale, CurrencyCode = "TRY", Amount = 40m, Total = 40m, Installments = 1, MaskedCard = "557113******5575"
            });
            var claim = await ledger.ClaimAsync(orderGuid, current => LedgerRules.Charge(current, attempt, "test"));
            await ledger.CompleteAsync(claim.Entry, LedgerEntryState.Succeeded, new LedgerAnswer("1", "Approved", "999"));

            return attempt.OrderReference;
        });
    }

    [Test]
    public async Task ACheck_IsKeptAsTheDaysLatest_AndTheTaskChecksYesterdayOnce()
    {
        await _harness.PaidOrderAsync();
        var first = await CheckAsync();
        await _harness.PaidOrderAsync();
        var second = await CheckAsync();

        var kept = await _harness.InScopeAsync(services => services.GetRequiredService<Data.ReconciliationDays>().GetAsync(_harness.Shop.Store.Id, _day));
        kept.Should().BeEquivalentTo(second, options => options.Excluding(report => report.Store.Commission).Excluding(report => report.Store.Net));
        kept.Param.Sales.Should().Be(2).And.NotBe(first.Param.Sales);
        (await _harness.Storage.ReconciliationDays.GetAllAsync()).Should().ContainSingle("a day checked again replaces its row");

        // The next morning the task checks the day once; it does not check it again.
        MoveClockTo(_day.AddDays(1), new TimeOnly(3, 0));
        await _harness.InScopeAsync(async services =>
        {
            await ActivatorUtilities.CreateInstance<DailyReconciliationTask>(services).ExecuteAsync();
            return 0;
        });
        var queriesAfterTheTask = (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault("TP_Islem_Izleme");
        var again = await _harness.InScopeAsync(services => services.GetRequiredService<DailyReconciliationService>().CheckYesterdayAsync([_harness.Shop.Store.Id]));

        again.Should().BeEmpty("yesterday was checked");
        (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault("TP_Islem_Izleme").Should().Be(queriesAfterTheTask);
    }

    [Test]
    public async Task ADayParamCouldNotBeAskedAbout_IsCheckedAgainByTheTask()
    {
        await _harness.PaidOrderAsync();
        MoveClockTo(_day.AddDays(1), new TimeOnly(3, 0));
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Izleme", Mode = FaultMode.Http500, Count = 2 });
        var service = (Func<Task<IReadOnlyList<DailyReconciliationReport>>>)(() =>
            _harness.InScopeAsync(services => services.GetRequiredService<DailyReconciliationService>().CheckYesterdayAsync([_harness.Shop.Store.Id])));

        (await service()).Should().ContainSingle().Which.Error.Should().NotBeNull();
        var retried = await service();

        retried.Should().ContainSingle().Which.IsClean.Should().BeTrue();
        (await service()).Should().BeEmpty();
    }

    [Test]
    public async Task ASaleRecordedAfterMidnight_CountsOnTheDayParamMadeIt()
    {
        Use(settings => settings.PaymentModel = PaymentModel.ThreeDPay);
        MoveClockTo(_day, new TimeOnly(23, 50));
        var order = await _harness.CheckoutToBankAsync();
        await _harness.AuthenticateAsync(order, approve: true);
        // The bank's result never reaches the store; the pending-payment check finds the sale after midnight.
        _harness.Clock.Advance(TimeSpan.FromMinutes(30));
        (await _harness.ReconcileAsync()).MarkedPaid.Should().Be(1);

        var saleDay = await CheckAsync(_day);
        var nextDay = await CheckAsync(_day.AddDays(1));

        saleDay.IsClean.Should().BeTrue();
        saleDay.Store.Sales.Should().Be(1);
        nextDay.IsClean.Should().BeTrue();
        nextDay.Store.Sales.Should().Be(0);
    }
}
