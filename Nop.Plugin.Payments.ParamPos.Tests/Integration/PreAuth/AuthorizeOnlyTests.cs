using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.PreAuth;

/// <summary>
/// Authorize-only mode against the sandbox over HTTP: the checkout holds the amount (TP_Islem_Odeme_OnProv_WMD, the
/// bank's 3-D page, TP_WMD_Pay), nopCommerce's Capture charges it (TP_Islem_Odeme_OnProv_Kapa) and Void releases it
/// (TP_Islem_Iptal_OnProv), each claimed in the ledger first.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.PreAuth)]
public class AuthorizeOnlyTests
{
    private const string START = "TP_Islem_Odeme_OnProv_WMD";
    private const string CAPTURE = "TP_Islem_Odeme_OnProv_Kapa";
    private const string RELEASE = "TP_Islem_Iptal_OnProv";

    private CheckoutHarness _harness;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartAsync(settings => settings.TransactionMode = TransactionMode.AuthorizeOnly);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    private async Task<int> CallsAsync(string operation) => (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault(operation);

    private Task<SandboxTransaction> AtParamAsync(Order order) => _harness.Sandbox.TransactionAsync(order.AuthorizationTransactionId);

    [Test]
    public async Task ThreeDWithInstallments_HoldsTheTotal_CaptureChargesIt_ThenAPartialRefund()
    {
        var order = await _harness.AuthorizedOrderAsync(installments: 3);

        order.PaymentStatus.Should().Be(PaymentStatus.Authorized);
        order.OrderStatus.Should().Be(OrderStatus.Processing, "nopCommerce processes an order whose payment is authorized");
        order.OrderTotal.Should().Be(104.10m, "the installment commission is in the order total as in Sale mode");
        (await CallsAsync(START)).Should().Be(1);
        (await CallsAsync("TP_WMD_UCD")).Should().Be(0, "authorize-only never sends a sale");
        var held = await AtParamAsync(order);
        held.Should().BeEquivalentTo(new { Status = "PreAuthorized", Total = 104.10m, Installments = 3, IsPreAuthorization = true, Captured = 0m });
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("104.10 TRY is held on the card, not charged") && note.Note.Contains("3 installments"));
        (await _harness.LedgerAsync(order)).OpenAuthorization.Should().NotBeNull();

        var capture = await _harness.CaptureAsync(order.Id);

        capture.Success.Should().BeTrue(string.Join(" ", capture.Errors));
        capture.NewPaymentStatus.Should().Be(PaymentStatus.Paid);
        capture.CaptureTransactionId.Should().NotBeNullOrEmpty();
        var captured = _harness.Orders.Get(order.Id);
        captured.PaymentStatus.Should().Be(PaymentStatus.Paid);
        captured.PaidDateUtc.Should().NotBeNull();
        (await AtParamAsync(order)).Should().BeEquivalentTo(new { Status = "Captured", Captured = 104.10m }, "the capture is for the amount held");
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("104.10 TRY captured") && note.Note.Contains(CAPTURE));

        await _harness.Sandbox.CloseDayAsync();
        _harness.Clock.Advance(TimeSpan.FromDays(1));
        var refund = await _harness.RefundAsync(order.Id, 20m, partial: true);

        refund.Success.Should().BeTrue(string.Join(" ", refund.Errors));
        refund.NewPaymentStatus.Should().Be(PaymentStatus.PartiallyRefunded);
        (await AtParamAsync(order)).Refunded.Should().Be(20m, "a captured pre-authorization is refunded with TP_Islem_Iptal_Iade_Kismi2 like a sale");
        (await _harness.LedgerAsync(order)).Refundable.Should().Be(84.10m);
    }

    [Test]
    public async Task Void_ReleasesTheHold_AndNothingFollowsIt()
    {
        var order = await _harness.AuthorizedOrderAsync();

        var voided = await _harness.VoidAsync(order.Id);
        var captureAfterVoid = await _harness.InScopeAsync(services => services.GetRequiredService<ParamPosPaymentMethod>()
            .CaptureAsync(new Nop.Services.Payments.CapturePaymentRequest { Order = order }));
        var voidAgain = await _harness.InScopeAsync(services => services.GetRequiredService<ParamPosPaymentMethod>()
            .VoidAsync(new Nop.Services.Payments.VoidPaymentRequest { Order = order }));

        voided.Success.Should().BeTrue(string.Join(" ", voided.Errors));
        voided.NewPaymentStatus.Should().Be(PaymentStatus.Voided);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Voided);
        (await AtParamAsync(order)).Status.Should().Be("PreAuthorizationReleased");
        captureAfterVoid.Success.Should().BeFalse();
        captureAfterVoid.Errors.Should().ContainSingle().Which.Should().Contain("already released");
        voidAgain.Errors.Should().ContainSingle().Which.Should().Contain("already released");
        (await CallsAsync(CAPTURE)).Should().Be(0, "a capture after a void is refused before anything is sent");
        (await CallsAsync(RELEASE)).Should().Be(1);
        var refund = await _harness.RefundAsync(order.Id, 10m, partial: true);
        refund.Errors.Should().ContainSingle().Which.Should().Contain("Only a paid order can be refunded");
    }

    [Test]
    public async Task DoubleCapture_OnTwoNodes_ReachesParamOnce()
    {
        var order = await _harness.AuthorizedOrderAsync();
        var nodeB = _harness.AddNode("B");
        var copyA = _harness.Orders.Get(order.Id);
        var copyB = _harness.Orders.Get(order.Id);

        var results = await Task.WhenAll(_harness.CaptureAsync(order.Id, loaded: copyA), _harness.CaptureAsync(order.Id, nodeB, loaded: copyB));

        results.Count(result => result.Success).Should().Be(1, "one click captures");
        results.Single(result => !result.Success).Errors.Should().ContainSingle().Which.Should().Contain("already captured");
        (await CallsAsync(CAPTURE)).Should().Be(1, "the second request is refused by the ledger, not by Param");
        (await AtParamAsync(order)).Captured.Should().Be(order.OrderTotal);
        (await _harness.LedgerAsync(order)).Entries.Count(entry => entry.Kind == LedgerEntryKind.Capture).Should().Be(1);
    }

    [Test]
    public async Task CaptureRefusedByParam_LeavesTheOrderAuthorized_AndCanBeTriedAgain()
    {
        var order = await _harness.AuthorizedOrderAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = CAPTURE, Mode = FaultMode.NegativeSonuc, Sonuc = -207, SonucText = "Sistem hatası." });

        var refused = await _harness.CaptureAsync(order.Id);
        var afterRefusal = _harness.Orders.Get(order.Id);
        var retried = await _harness.CaptureAsync(order.Id);

        refused.Success.Should().BeFalse();
        refused.Errors.Should().ContainSingle().Which.Should().Contain("Param -207: Sistem hatası.").And.Contain("Nothing was charged");
        afterRefusal.PaymentStatus.Should().Be(PaymentStatus.Authorized);
        afterRefusal.CaptureTransactionId.Should().BeNull();
        retried.Success.Should().BeTrue(string.Join(" ", retried.Errors));
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
        (await AtParamAsync(order)).Status.Should().Be("Captured");
    }

    [Test]
    public async Task CaptureAnswerLost_IsNeverSentAgain_AndTheOrderIsUnchanged()
    {
        var order = await _harness.AuthorizedOrderAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = CAPTURE, Mode = FaultMode.Disconnect });

        var lost = await _harness.CaptureAsync(order.Id);
        var again = await _harness.CaptureAsync(order.Id);
        var voidAfter = await _harness.VoidAsync(order.Id);

        lost.Success.Should().BeFalse();
        lost.Errors.Should().ContainSingle().Which.Should().Contain("could not be confirmed");
        again.Errors.Should().ContainSingle().Which.Should().Contain("already captured (or its capture awaits confirmation)");
        voidAfter.Errors.Should().ContainSingle().Which.Should().Contain("already captured");
        (await CallsAsync(CAPTURE)).Should().Be(1);
        (await CallsAsync(RELEASE)).Should().Be(0);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Authorized);
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("check the transaction in Param's merchant panel"));
    }

    [Test]
    public async Task VoidAnswerLost_StillHeldAtParam_IsSettledByReconciliation_AndCanBeVoidedAgain()
    {
        var order = await _harness.AuthorizedOrderAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = RELEASE, Mode = FaultMode.Http500 });

        var lost = await _harness.VoidAsync(order.Id);
        var blocked = await _harness.VoidAsync(order.Id);
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        await _harness.ReconcileAsync();
        var retried = await _harness.VoidAsync(order.Id);

        lost.Errors.Should().ContainSingle().Which.Should().Contain("could not be confirmed", "an HTTP 500 may come after Param acted");
        blocked.Errors.Should().ContainSingle().Which.Should().Contain("already released (or its release awaits confirmation)");
        (await CallsAsync(RELEASE)).Should().Be(2, "sent again only after Param showed the hold still in place");
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("was not released; it is still held"));
        retried.Success.Should().BeTrue(string.Join(" ", retried.Errors));
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Voided);
    }

    [Test]
    public async Task VoidUnavailable_ChangesNothing_AndCanBeTriedAgain()
    {
        var order = await _harness.AuthorizedOrderAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = RELEASE, Mode = FaultMode.SoapFault });

        var unavailable = await _harness.VoidAsync(order.Id);
        var afterFailure = _harness.Orders.Get(order.Id);
        var retried = await _harness.VoidAsync(order.Id);

        unavailable.Errors.Should().ContainSingle().Which.Should().Contain("could not be reached; the pre-authorization is still held");
        afterFailure.PaymentStatus.Should().Be(PaymentStatus.Authorized);
        retried.Success.Should().BeTrue(string.Join(" ", retried.Errors));
        (await AtParamAsync(order)).Status.Should().Be("PreAuthorizationReleased");
    }

    [Test]
    public async Task StartFailure_PlacesNoOrder_AndHoldsNothing()
    {
        _harness.Shop.FillCart(_harness.Shop.DefaultCustomer.Id);
        var (errors, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(TestCards.AKBANK_AXESS, 1));
        errors.Should().BeEmpty();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = START, Mode = FaultMode.HtmlPage });

        var (result, order) = await _harness.PlaceOrderAsync(request);

        result.Success.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Contain("cannot be reached right now; nothing was charged");
        order.Should().BeNull();
        (await CallsAsync("TP_WMD_Pay")).Should().Be(0);
    }

    [Test]
    public async Task CompletionRefused_LeavesThePendingOrderUnauthorized()
    {
        var order = await _harness.CheckoutToBankAsync();
        var callback = await _harness.AuthenticateAsync(order, approve: true);
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_WMD_Pay", Mode = FaultMode.NegativeSonuc, Sonuc = -1, SonucText = "İşlem onaylanmadı." });

        var outcome = await _harness.PostCallbackAsync(callback);

        outcome.Result.Should().Be(CallbackResult.Failed);
        var stored = _harness.Orders.Get(order.Id);
        stored.PaymentStatus.Should().Be(PaymentStatus.Pending);
        (await _harness.LedgerAsync(order)).Authorization.Should().BeNull();
        (await _harness.Sandbox.FindTransactionAsync(order.AuthorizationTransactionId))?.Status.Should().NotBe("PreAuthorized");
    }

    [Test]
    public async Task LostCompletionAnswer_IsSettledAsAuthorized_NeverAsPaid()
    {
        _harness.PluginSettings.RequestTimeoutSeconds = 1;
        _harness.Settings.Put(_harness.PluginSettings);
        var order = await _harness.CheckoutToBankAsync();
        var callback = await _harness.AuthenticateAsync(order, approve: true);
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_WMD_Pay", Mode = FaultMode.Timeout, DelayMilliseconds = 2500 });

        var outcome = await _harness.PostCallbackAsync(callback);
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        var summary = await _harness.ReconcileAsync();

        outcome.Result.Should().Be(CallbackResult.Processing);
        summary.MarkedPaid.Should().Be(1, summary.ToString());
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Authorized, "a held pre-authorization is confirmed as authorized");
        (await CallsAsync(CAPTURE)).Should().Be(0, "reconciliation never captures");
    }

    [Test]
    public async Task Reconciliation_NeverCaptures_AndWarnsOnceWhenTheHoldGetsOld()
    {
        var order = await _harness.AuthorizedOrderAsync();

        var early = await _harness.ReconcileAsync();
        _harness.Clock.Advance(TimeSpan.FromDays(ParamPosDefaults.DefaultAuthorizationWarningDays) + TimeSpan.FromHours(1));
        var late = await _harness.ReconcileAsync();
        var later = await _harness.ReconcileAsync();

        early.AuthorizationsAtRisk.Should().Be(0);
        late.AuthorizationsAtRisk.Should().Be(1, late.ToString());
        later.AuthorizationsAtRisk.Should().Be(0, "warned once");
        _harness.Orders.Notes(order.Id).Count(note => note.Note.Contains("ParamPOS WARNING") && note.Note.Contains("is not captured")).Should().Be(1);
        (await CallsAsync(CAPTURE)).Should().Be(0);
        (await CallsAsync(RELEASE)).Should().Be(0);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Authorized);
    }

    [Test]
    public async Task SaleModeOrder_CannotBeCapturedOrVoided()
    {
        _harness.PluginSettings.TransactionMode = TransactionMode.Sale;
        _harness.Settings.Put(_harness.PluginSettings);
        var order = await _harness.PaidOrderAsync();

        var capture = await _harness.InScopeAsync(services => services.GetRequiredService<ParamPosPaymentMethod>()
            .CaptureAsync(new Nop.Services.Payments.CapturePaymentRequest { Order = order }));
        var flags = await _harness.InScopeAsync(services =>
        {
            var plugin = services.GetRequiredService<ParamPosPaymentMethod>();
            return Task.FromResult((plugin.SupportCapture, plugin.SupportVoid));
        });

        (await CallsAsync("TP_WMD_UCD")).Should().Be(1);
        capture.Errors.Should().ContainSingle().Which.Should().Contain("No ParamPOS pre-authorization is held");
        flags.Should().Be((false, false));
        (await CallsAsync(CAPTURE)).Should().Be(0);
    }
}
