using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.ThreeDPay;

/// <summary>
/// The 3D Pay model against the sandbox over HTTP: Pos_Odeme, the bank's 3-D page, the bank completes the sale and
/// posts TURKPOS_RETVAL_* to the store's return, which is believed only once its hash verifies and Param's records
/// (TP_Islem_Sorgulama4) show the sale.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.ThreeDPay)]
public class ThreeDPayTests
{
    private CheckoutHarness _harness;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartAsync(settings => settings.PaymentModel = PaymentModel.ThreeDPay);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    private async Task<int> CallsAsync(string operation) => (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault(operation);

    [Test]
    public async Task Approved_WithInstallments_IsPaidOnce_ThroughPosOdeme_AndParamsConfirmation()
    {
        var order = await _harness.CheckoutToBankAsync(installments: 3);
        var result = await _harness.AuthenticateAsync(order, approve: true);

        result.Url.Should().EndWith(ParamPosDefaults.Route.ReturnPattern);
        result["TURKPOS_RETVAL_Tahsilat_Tutari"].Should().Be("104,10");
        var queriesBefore = await CallsAsync("TP_Islem_Sorgulama4");
        var outcome = await _harness.PostReturnAsync(result);

        outcome.Result.Should().Be(CallbackResult.Paid);
        var paid = _harness.Orders.Get(order.Id);
        paid.PaymentStatus.Should().Be(PaymentStatus.Paid);
        paid.CaptureTransactionId.Should().Be(result["TURKPOS_RETVAL_Dekont_ID"]);
        (await CallsAsync("Pos_Odeme")).Should().Be(1);
        (await CallsAsync("TP_WMD_UCD")).Should().Be(0);
        (await CallsAsync("TP_WMD_Pay")).Should().Be(0, "the bank completed the sale");
        (await CallsAsync("TP_Islem_Sorgulama4")).Should().Be(queriesBefore + 1, "Param's records confirm what the bank posted");
        (await _harness.Sandbox.TransactionAsync(order.AuthorizationTransactionId)).Should().BeEquivalentTo(new { Status = "Paid", Total = 104.10m, Installments = 3 });
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("payment confirmed by the bank's 3D Pay result") && note.Note.Contains("charged 104.10 TRY"));
    }

    [Test]
    public async Task Declined_IsNotPaid_AndThePendingOrderCanBePaidAgain()
    {
        var order = await _harness.CheckoutToBankAsync();
        var result = await _harness.AuthenticateAsync(order, approve: false);

        var outcome = await _harness.PostReturnAsync(result);

        result["TURKPOS_RETVAL_Dekont_ID"].Should().Be("0");
        outcome.Result.Should().Be(CallbackResult.Failed);
        outcome.Reason.Should().Be("sonuc=-1,bank=-1");
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Pending);
        (await _harness.LedgerAsync(order)).DeclineReason.Should().Be("sonuc=-1,bank=-1");
        (await _harness.InScopeAsync(services => services.GetRequiredService<PayAgainService>().CanPayAgainAsync(_harness.Orders.Get(order.Id)))).Should().BeTrue();
    }

    [TestCase("TURKPOS_RETVAL_Tahsilat_Tutari", "1,00")]
    [TestCase("TURKPOS_RETVAL_Dekont_ID", "999")]
    [TestCase("TURKPOS_RETVAL_Sonuc", "1", "TURKPOS_RETVAL_Hash", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public async Task Tampered_IsRejected_AndChangesNothing(string field, string value, string otherField = null, string otherValue = null)
    {
        var order = await _harness.CheckoutToBankAsync();
        var result = await _harness.AuthenticateAsync(order, approve: true);
        var fields = result.Fields.ToDictionary(pair => pair.Key, pair => pair.Value);
        fields[field] = value;
        if (otherField is not null)
            fields[otherField] = otherValue;

        var outcome = await _harness.PostReturnAsync(result with { Fields = fields });

        outcome.Result.Should().Be(CallbackResult.Rejected);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Pending);
        (await _harness.LedgerAsync(order)).Entries.Should().BeEmpty();
        _harness.Logger.AllText.Should().Contain("TURKPOS_RETVAL_Hash does not verify");
    }

    [Test]
    public async Task ReplayedAndConcurrentReturns_OnTwoNodes_MakeOnePaidTransition()
    {
        var order = await _harness.CheckoutToBankAsync();
        var result = await _harness.AuthenticateAsync(order, approve: true);
        var nodeB = _harness.AddNode("B");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(index => Task.Run(() => _harness.PostReturnAsync(result, index % 2 == 0 ? null : nodeB))));
        var replay = await _harness.PostReturnAsync(result);

        outcomes.Should().OnlyContain(outcome => outcome.Result == CallbackResult.Paid);
        replay.Result.Should().Be(CallbackResult.Paid);
        _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1);
        (await _harness.LedgerAsync(order)).Entries.Count(entry => entry.Kind == LedgerEntryKind.Charge).Should().Be(1);
    }

    [Test]
    public async Task VerifiedReturn_ThatParamDoesNotConfirm_IsNotPaid_NorPaidAgain_UntilParamConfirms()
    {
        var order = await _harness.CheckoutToBankAsync();
        var result = await _harness.AuthenticateAsync(order, approve: true);
        // Param's records lag once: the return's own check does not find the sale; the reconciliation task's does.
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Sorgulama4", Mode = FaultMode.NegativeSonuc, Sonuc = -209, SonucText = "İşlem bulunamadı.", Count = 1 });

        var outcome = await _harness.PostReturnAsync(result);
        var pending = _harness.Orders.Get(order.Id);
        var ledger = await _harness.LedgerAsync(order);
        var canPayAgain = await _harness.InScopeAsync(services => services.GetRequiredService<PayAgainService>().CanPayAgainAsync(pending));
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        var summary = await _harness.ReconcileAsync();

        outcome.Result.Should().Be(CallbackResult.Processing, "the hash verifies, but Param's records do not show the sale");
        pending.PaymentStatus.Should().Be(PaymentStatus.Pending);
        ledger.PaidCharge.Should().BeNull();
        ledger.LiveCharge.State.Should().Be(LedgerEntryState.Unknown, "the bank says it charged: nobody pays again before Param settles it");
        canPayAgain.Should().BeFalse();
        summary.MarkedPaid.Should().Be(1, summary.ToString());
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
        _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1);
    }

    [Test]
    public async Task ReturnNeverArrives_ReconciliationFindsTheSaleAtParam_AndMarksItPaidOnce()
    {
        var order = await _harness.CheckoutToBankAsync();
        await _harness.AuthenticateAsync(order, approve: true);

        var early = await _harness.ReconcileAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        var late = await _harness.ReconcileAsync();
        var again = await _harness.ReconcileAsync();

        early.MarkedPaid.Should().Be(0, "the shopper may still be on its way back");
        late.MarkedPaid.Should().Be(1, late.ToString());
        again.MarkedPaid.Should().Be(0);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
        _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1);
    }

    [Test]
    public async Task AbandonedOnTheBanksPage_StaysPending_NothingIsRecorded()
    {
        var order = await _harness.CheckoutToBankAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));

        var summary = await _harness.ReconcileAsync();

        summary.MarkedPaid.Should().Be(0);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Pending);
        (await _harness.LedgerAsync(order)).Entries.Should().BeEmpty();
    }

    [Test]
    public async Task StartFault_PlacesNoOrder()
    {
        _harness.Shop.FillCart(_harness.Shop.DefaultCustomer.Id);
        var (errors, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(TestCards.AKBANK_AXESS, 1));
        errors.Should().BeEmpty();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "Pos_Odeme", Mode = FaultMode.SoapFault });

        var (result, order) = await _harness.PlaceOrderAsync(request);

        result.Success.Should().BeFalse();
        order.Should().BeNull();
    }

    [Test]
    public async Task QueryFaultAtTheReturn_LeavesItToReconciliation()
    {
        var order = await _harness.CheckoutToBankAsync();
        var result = await _harness.AuthenticateAsync(order, approve: true);
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Sorgulama4", Mode = FaultMode.HtmlPage, Count = 3 });

        var outcome = await _harness.PostReturnAsync(result);
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        var summary = await _harness.ReconcileAsync();

        outcome.Result.Should().Be(CallbackResult.Processing);
        summary.MarkedPaid.Should().Be(1, summary.ToString());
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
    }

    [Test]
    public async Task PaidByThreeDPay_IsRefundedLikeAnySale()
    {
        var order = await _harness.CheckoutToBankAsync();
        await _harness.PostReturnAsync(await _harness.AuthenticateAsync(order, approve: true));

        var refund = await _harness.RefundAsync(order.Id, 10m, partial: true);

        refund.Success.Should().BeTrue(string.Join(" ", refund.Errors));
        (await _harness.Sandbox.TransactionAsync(order.AuthorizationTransactionId)).Refunded.Should().Be(10m);
    }
}
