using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Services.Orders;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Checkout;

/// <summary>
/// Orders placed by version 1.0, which kept the payment state in the order (AuthorizationTransactionResult and hidden
/// custom values) and had no ledger: after the upgrade they are refunded, reconciled and paid again correctly.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Checkout), Category(TestCategories.Refund)]
public class UpgradeFromVersion1Tests
{
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

    /// <summary>
    /// Turns an order of this version into what 1.0 left in the database for the same payment: the state as text, the
    /// terms as hidden custom values, and no rows in the plugin's tables.
    /// </summary>
    private async Task<Order> AsRecordedByVersion1Async(Order order, string state)
    {
        var attempt = (await _harness.LedgerAsync(order)).LatestAttempt;
        ((InMemoryStorage)_harness.Storage).ForgetLedgerOf(order.OrderGuid);

        var stored = _harness.Orders.Get(order.Id);
        stored.AuthorizationTransactionId = attempt.OrderReference;
        stored.AuthorizationTransactionCode = attempt.TransactionGuid;
        stored.AuthorizationTransactionResult = state;
        var values = new CustomValues();
        values.FillByXml(stored.CustomValuesXml);
        values.Add(new CustomValue(LegacyOrderRecord.INSTALLMENTS, attempt.Installments.ToString(), displayToCustomer: false));
        values.Add(new CustomValue(LegacyOrderRecord.RATE, attempt.CommissionRate.ToString(System.Globalization.CultureInfo.InvariantCulture), displayToCustomer: false));
        values.Add(new CustomValue(LegacyOrderRecord.AMOUNT, attempt.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), displayToCustomer: false));
        values.Add(new CustomValue(LegacyOrderRecord.TOTAL, attempt.Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), displayToCustomer: false));
        values.Add(new CustomValue(LegacyOrderRecord.CARD, attempt.MaskedCard, displayToCustomer: false));
        values.Add(new CustomValue(LegacyOrderRecord.CARD_FAMILY, attempt.CardFamily, displayToCustomer: false));
        stored.CustomValuesXml = values.SerializeToXml();
        await _harness.Orders.UpdateOrderAsync(stored);
        (await _harness.LedgerAsync(order)).IsEmpty.Should().BeTrue("set up as 1.0 left it");

        return stored;
    }

    /// <summary>
    /// An order 1.0 left "Completing": TP_WMD_Pay was sent and Param charged, but the answer never arrived.
    /// </summary>
    private async Task<(Order Order, Order Legacy, BankCallback Callback)> ChargedWhileCompletingAsync()
    {
        _harness.PluginSettings.RequestTimeoutSeconds = 1;
        _harness.Settings.Put(_harness.PluginSettings);
        var order = await _harness.CheckoutToBankAsync();
        var callback = await _harness.AuthenticateAsync(order, approve: true);
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_WMD_Pay", Mode = FaultMode.Timeout, DelayMilliseconds = 2500 });
        (await _harness.PostCallbackAsync(callback)).Result.Should().Be(CallbackResult.Processing, "Param charged, the answer was lost");

        return (order, await AsRecordedByVersion1Async(order, "Completing: TP_WMD_Pay sent"), callback);
    }

    [Test]
    public async Task APaidOrder_IsRefundedUpToWhatWasCharged_LessWhat1Point0AlreadyRefunded()
    {
        var order = await _harness.PaidOrderAsync(installments: 3);
        (await _harness.RefundAsync(order.Id, 30m, partial: true)).Success.Should().BeTrue();
        var legacy = await AsRecordedByVersion1Async(order, "Paid: Dekont_ID 1");
        legacy.RefundedAmount.Should().Be(30m);

        var tooMuch = await _harness.RefundAsync(order.Id, legacy.OrderTotal - 30m + 0.01m, partial: true);
        var rest = await _harness.RefundAsync(order.Id, legacy.OrderTotal - 30m, partial: true);

        tooMuch.Success.Should().BeFalse("1.0 had refunded 30.00 of {0}", legacy.OrderTotal);
        rest.Success.Should().BeTrue(string.Join(" ", rest.Errors));
        (await _harness.Sandbox.TransactionAsync(legacy.AuthorizationTransactionId)).Refunded.Should().Be(legacy.OrderTotal);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Refunded);
        var ledger = await _harness.LedgerAsync(order);
        ledger.Attempts.Should().ContainSingle().Which.Should().BeEquivalentTo(new { AttemptNumber = 1, Installments = 3, Total = legacy.OrderTotal, OrderReference = legacy.AuthorizationTransactionId });
        ledger.Entries.Select(entry => (entry.Kind, entry.State, entry.Amount)).Should().Equal(
            (LedgerEntryKind.Imported, LedgerEntryState.Succeeded, 0m),
            (LedgerEntryKind.Charge, LedgerEntryState.Succeeded, legacy.OrderTotal),
            (LedgerEntryKind.OrderPaid, LedgerEntryState.Succeeded, 0m),
            (LedgerEntryKind.Refund, LedgerEntryState.Succeeded, 30m),
            (LedgerEntryKind.OrderRefunded, LedgerEntryState.Succeeded, 0m),
            (LedgerEntryKind.Refund, LedgerEntryState.Succeeded, legacy.OrderTotal - 30m),
            (LedgerEntryKind.OrderRefunded, LedgerEntryState.Succeeded, 0m));
    }

    [Test]
    public async Task APaidOrder_ReadOnTwoNodesAtOnce_IsImportedOnce()
    {
        var order = await _harness.PaidOrderAsync();
        var legacy = await AsRecordedByVersion1Async(order, "Paid: Dekont_ID 1");
        var other = _harness.AddNode("B");

        var ledgers = await Task.WhenAll(Enumerable.Range(0, 8).Select(index => Task.Run(() =>
            _harness.InScopeAsync(services => services.GetRequiredService<OrderLedgerLoader>().LoadAsync(legacy), node: index % 2 == 0 ? null : other))));

        ledgers.Should().OnlyContain(ledger => ledger.Attempts.Count == 1 && ledger.Entries.Count == 3 && ledger.PaidCharge != null,
            "no node sees an import half-done");
        (await _harness.LedgerAsync(order)).Entries.Select(entry => entry.Kind).Should().Equal(LedgerEntryKind.Imported, LedgerEntryKind.Charge, LedgerEntryKind.OrderPaid);
    }

    [Test]
    public async Task AnImportThatStoppedHalfWay_IsFinishedByTheNextReader_AndNothingIsChargedAgain()
    {
        var (order, legacy, callback) = await ChargedWhileCompletingAsync();
        // A node stopped right after starting the import: the marker and the attempt are stored, the unknown charge is not.
        await _harness.InScopeAsync(async services =>
        {
            var ledger = services.GetRequiredService<PaymentLedger>();
            await ledger.InsertOnceAsync(new ParamPosLedgerEntry { OrderGuid = order.OrderGuid, Sequence = 1, Kind = LedgerEntryKind.Imported, State = LedgerEntryState.Sending, Source = "import" });
            return await ledger.InsertAttemptOnceAsync(new ParamPosPayment { OrderGuid = order.OrderGuid, AttemptNumber = 1, OrderReference = legacy.AuthorizationTransactionId, TransactionGuid = legacy.AuthorizationTransactionCode, CurrencyCode = "TRY", Amount = 100m, Total = legacy.OrderTotal, Installments = 1 });
        });

        var replay = await _harness.PostCallbackAsync(callback);

        replay.Result.Should().Be(CallbackResult.Processing, "1.0 sent TP_WMD_Pay: its outcome is asked, the payment never sent again");
        var ledger = await _harness.LedgerAsync(order);
        ledger.Entries.Select(entry => (entry.Kind, entry.State)).Should().Equal((LedgerEntryKind.Imported, LedgerEntryState.Succeeded), (LedgerEntryKind.Charge, LedgerEntryState.Unknown));
        (await _harness.Sandbox.RequestsPerOrderAsync("TP_WMD_Pay"))[legacy.AuthorizationTransactionId].Should().Be(1);
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        (await _harness.ReconcileAsync()).MarkedPaid.Should().Be(1);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
    }

    [Test]
    public async Task AnOrderWhosePaymentWasBeingCompleted_IsSettledByReconciliation_WithParamsReceipt()
    {
        var (order, legacy, _) = await ChargedWhileCompletingAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));

        var summary = await _harness.ReconcileAsync();

        summary.MarkedPaid.Should().Be(1, summary.ToString());
        var settled = _harness.Orders.Get(order.Id);
        settled.PaymentStatus.Should().Be(PaymentStatus.Paid);
        settled.CaptureTransactionId.Should().NotBeNullOrEmpty("paid with Param's receipt");
        _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1);
        (await _harness.Sandbox.RequestsPerOrderAsync("TP_WMD_Pay"))[legacy.AuthorizationTransactionId].Should().Be(1);
    }

    [Test]
    public async Task ADeclinedOrder_CanBePaidAgain_WithTheNextAttemptNumber()
    {
        var order = await _harness.CheckoutToBankAsync(installments: 3);
        await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: false));
        var legacy = await AsRecordedByVersion1Async(order, "Declined: mdStatus=0");

        var canPayAgain = await _harness.InScopeAsync(services => services.GetRequiredService<ParamPosPaymentMethod>().CanRePostProcessPaymentAsync(legacy));
        var (_, errors) = await _harness.InScopeAsync(services => services.GetRequiredService<PayAgainService>().SubmitAsync(legacy, CheckoutHarness.CardForm(installments: 3)));
        var outcome = await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(legacy, approve: true));

        canPayAgain.Should().BeTrue();
        errors.Should().BeEmpty();
        outcome.Result.Should().Be(CallbackResult.Paid);
        var ledger = await _harness.LedgerAsync(order);
        ledger.Attempts.Select(attempt => attempt.AttemptNumber).Should().Equal(1, 2);
        ledger.Attempts.First().DeclineReason.Should().Be("mdStatus=0", "imported from what 1.0 recorded");
        _harness.Orders.Get(order.Id).AuthorizationTransactionId.Should().Be(ledger.Attempts.Last().OrderReference);
    }
}
