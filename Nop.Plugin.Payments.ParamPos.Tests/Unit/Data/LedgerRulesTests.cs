using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Data;

/// <summary>
/// When money may move and an order may change, decided on one reading of the order's ledger (the database makes the
/// decision stick: PaymentLedgerTests).
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Checkout), Category(TestCategories.Refund)]
public class LedgerRulesTests
{
    private static readonly Guid Order = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static readonly DateTime Now = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

    private static ParamPosPayment Attempt(int id, int number = 1, decimal total = 104.10m) => new()
    {
        Id = id, OrderGuid = Order, AttemptNumber = number, OrderReference = $"REF-{id}", Amount = 100m, Total = total, Installments = 3
    };

    private static ParamPosLedgerEntry Entry(int id, int sequence, LedgerEntryKind kind, LedgerEntryState state, int paymentId = 1, decimal amount = 0m,
        int? related = null, DateTime? created = null) => new()
    {
        Id = id, OrderGuid = Order, Sequence = sequence, Kind = kind, State = state, PaymentId = paymentId, Amount = amount, RelatedEntryId = related,
        CreatedOnUtc = created ?? Now, Source = "test"
    };

    private static OrderLedger Ledger(IEnumerable<ParamPosPayment> attempts, params ParamPosLedgerEntry[] entries) => new(Order, attempts, entries);

    private static OrderLedger Paid(decimal charged = 104.10m, params ParamPosLedgerEntry[] more) => Ledger([Attempt(1, total: charged)],
        [Entry(1, 1, LedgerEntryKind.Charge, LedgerEntryState.Succeeded, amount: charged), Entry(2, 2, LedgerEntryKind.OrderPaid, LedgerEntryState.Succeeded, related: 1), .. more]);

    [Test]
    public void Charge_OfAnAttemptOfANewOrder_IsTheFirstEntry()
    {
        var decision = LedgerRules.Charge(Ledger([Attempt(1)]), Attempt(1), "callback");

        decision.Refusal.Should().BeNull();
        decision.Entry.Should().BeEquivalentTo(new { Sequence = 1, Kind = LedgerEntryKind.Charge, State = LedgerEntryState.Sending, PaymentId = 1, Amount = 104.10m, Source = "callback" });
    }

    [TestCase(LedgerEntryState.Sending)]
    [TestCase(LedgerEntryState.Succeeded)]
    [TestCase(LedgerEntryState.Unknown)]
    public void Charge_WhileAnotherChargeTookOrMayHaveTakenMoney_IsRefused(LedgerEntryState state)
    {
        var ledger = Ledger([Attempt(1), Attempt(2, 2)], Entry(1, 1, LedgerEntryKind.Charge, state, paymentId: 1, amount: 104.10m));

        LedgerRules.Charge(ledger, Attempt(2, 2), "callback").Refusal.Should().Be(ClaimRefusal.ChargeExists);
    }

    [TestCase(LedgerEntryState.Refused)]
    [TestCase(LedgerEntryState.NotSent)]
    public void Charge_AfterAChargeThatTookNothing_IsAllowedForAnotherAttempt_NeverTheSameOne(LedgerEntryState state)
    {
        var ledger = Ledger([Attempt(1), Attempt(2, 2)], Entry(1, 1, LedgerEntryKind.Charge, state, paymentId: 1, amount: 104.10m));

        LedgerRules.Charge(ledger, Attempt(1), "callback").Refusal.Should().Be(ClaimRefusal.AttemptAlreadyCharged, "TP_WMD_Pay is never sent twice for one md");
        LedgerRules.Charge(ledger, Attempt(2, 2), "callback").Entry.Should().BeEquivalentTo(new { Sequence = 2, PaymentId = 2 });
    }

    [Test]
    public void Charge_OfAnAttemptOfAnotherOrder_IsRefused()
    {
        LedgerRules.Charge(Ledger([Attempt(1)]), Attempt(9), "callback").Refusal.Should().Be(ClaimRefusal.UnknownAttempt);
    }

    [Test]
    public void Refund_OfACharge_TakesTheChargedAttemptAndTheNextSequence()
    {
        var ledger = Ledger([Attempt(1), Attempt(2, 2)],
            Entry(1, 1, LedgerEntryKind.Charge, LedgerEntryState.Refused, paymentId: 1, amount: 104.10m),
            Entry(2, 2, LedgerEntryKind.Charge, LedgerEntryState.Succeeded, paymentId: 2, amount: 104.10m),
            Entry(3, 3, LedgerEntryKind.OrderPaid, LedgerEntryState.Succeeded, paymentId: 2, related: 2));

        var decision = LedgerRules.Reversal(ledger, LedgerEntryKind.Refund, 40.70m, 0m, "admin");

        decision.Entry.Should().BeEquivalentTo(new { Sequence = 4, PaymentId = 2, Kind = LedgerEntryKind.Refund, Amount = 40.70m, State = LedgerEntryState.Sending });
    }

    [Test]
    public void Refund_IsRefused_WhenNothingWasCharged_OrTheAmountIsNotPositive()
    {
        var charging = Ledger([Attempt(1)], Entry(1, 1, LedgerEntryKind.Charge, LedgerEntryState.Unknown, amount: 104.10m));

        LedgerRules.Reversal(charging, LedgerEntryKind.Refund, 10m, 0m, "admin").Refusal.Should().Be(ClaimRefusal.NotCharged);
        LedgerRules.Reversal(Paid(), LedgerEntryKind.Refund, 0m, 0m, "admin").Refusal.Should().Be(ClaimRefusal.AmountInvalid);
        LedgerRules.Reversal(Paid(), LedgerEntryKind.Refund, -5m, 0m, "admin").Refusal.Should().Be(ClaimRefusal.AmountInvalid);
    }

    [TestCase(LedgerEntryState.Sending)]
    [TestCase(LedgerEntryState.Unknown)]
    public void Refund_WhileAnotherIsInFlight_IsRefused_EvenIfBothFit(LedgerEntryState state)
    {
        var ledger = Paid(more: Entry(3, 3, LedgerEntryKind.Refund, state, amount: 10m));

        LedgerRules.Reversal(ledger, LedgerEntryKind.Refund, 10m, 0m, "admin").Refusal.Should().Be(ClaimRefusal.ReversalInFlight);
    }

    [Test]
    public void Refund_MadeOnACopyOfTheOrderFromBeforeTheLastRefund_IsRefused()
    {
        var ledger = Paid(more: [Entry(3, 3, LedgerEntryKind.Refund, LedgerEntryState.Succeeded, amount: 40.70m), Entry(4, 4, LedgerEntryKind.OrderRefunded, LedgerEntryState.Succeeded, related: 3)]);

        LedgerRules.Reversal(ledger, LedgerEntryKind.Refund, 40.70m, 0m, "admin").Refusal.Should().Be(ClaimRefusal.StaleOrder, "the request's order shows nothing refunded");
        LedgerRules.Reversal(ledger, LedgerEntryKind.Refund, 40.70m, 40.7000m, "admin").Refusal.Should().BeNull("nopCommerce keeps 4 decimals");
    }

    [Test]
    public void Refunds_NeverExceedTheCharge()
    {
        var ledger = Paid(more: [Entry(3, 3, LedgerEntryKind.Refund, LedgerEntryState.Succeeded, amount: 100m), Entry(4, 4, LedgerEntryKind.Refund, LedgerEntryState.Refused, amount: 50m)]);

        LedgerRules.Reversal(ledger, LedgerEntryKind.Refund, 4.11m, 100m, "admin").Refusal.Should().Be(ClaimRefusal.AmountTooLarge);
        LedgerRules.Reversal(ledger, LedgerEntryKind.Refund, 4.10m, 100m, "admin").Refusal.Should().BeNull("a refused refund took nothing back");
    }

    [Test]
    public void Cancel_IsOnlyOfTheWholeUntouchedSale()
    {
        LedgerRules.Reversal(Paid(), LedgerEntryKind.Cancel, 104.10m, 0m, "admin").Refusal.Should().BeNull();
        LedgerRules.Reversal(Paid(), LedgerEntryKind.Cancel, 50m, 0m, "admin").Refusal.Should().Be(ClaimRefusal.AmountInvalid);
        var refunded = Paid(more: Entry(3, 3, LedgerEntryKind.Refund, LedgerEntryState.Succeeded, amount: 4.10m));
        LedgerRules.Reversal(refunded, LedgerEntryKind.Cancel, 100m, 4.10m, "admin").Refusal.Should().Be(ClaimRefusal.AmountInvalid);
    }

    [Test]
    public void OrderPaid_IsRecordedOnce_ATakeOverOnlyOfAStoppedOwner()
    {
        var charged = Ledger([Attempt(1)], Entry(1, 1, LedgerEntryKind.Charge, LedgerEntryState.Succeeded, amount: 104.10m));
        var charge = charged.Entries[0];
        var beingMarked = Ledger([Attempt(1)], charge, Entry(2, 2, LedgerEntryKind.OrderPaid, LedgerEntryState.Sending, related: 1, created: Now.AddMinutes(-30)));

        LedgerRules.OrderConfirmed(charged, charge, "callback").Entry.Should().BeEquivalentTo(new { Sequence = 2, Kind = LedgerEntryKind.OrderPaid, RelatedEntryId = 1, Amount = 0m });
        LedgerRules.OrderConfirmed(Paid(), Paid().Entries[0], "callback").Refusal.Should().Be(ClaimRefusal.AlreadyRecorded);
        LedgerRules.OrderConfirmed(beingMarked, charge, "callback").Refusal.Should().Be(ClaimRefusal.AlreadyRecorded, "its owner may still be marking it");
        LedgerRules.OrderConfirmed(beingMarked, charge, "reconciliation", staleBefore: Now.AddMinutes(-15)).Entry.Should().NotBeNull("an owner that stopped 30 minutes ago is taken over");
        LedgerRules.OrderConfirmed(beingMarked, charge, "reconciliation", staleBefore: Now.AddMinutes(-45)).Refusal.Should().Be(ClaimRefusal.AlreadyRecorded);
    }

    [Test]
    public void OrderPaid_OnlyForASuccessfulCharge_AndNotAgainAfterItWasFoundImpossible()
    {
        var unknown = Entry(1, 1, LedgerEntryKind.Charge, LedgerEntryState.Unknown, amount: 104.10m);
        var charge = Entry(1, 1, LedgerEntryKind.Charge, LedgerEntryState.Succeeded, amount: 104.10m);
        var cancelled = Ledger([Attempt(1)], charge, Entry(2, 2, LedgerEntryKind.OrderPaid, LedgerEntryState.NotSent, related: 1));

        LedgerRules.OrderConfirmed(Ledger([Attempt(1)], unknown), unknown, "x").Refusal.Should().Be(ClaimRefusal.NotCharged);
        LedgerRules.OrderConfirmed(cancelled, charge, "x", staleBefore: Now.AddDays(1)).Refusal.Should().Be(ClaimRefusal.AlreadyRecorded, "the order was cancelled: said once, loudly");
    }

    [Test]
    public void OrderCancelled_NeverWithALiveCharge_AndOnce()
    {
        var declined = Ledger([Attempt(1)], Entry(1, 1, LedgerEntryKind.Charge, LedgerEntryState.Refused, amount: 104.10m));
        var inFlight = Ledger([Attempt(1)], Entry(1, 1, LedgerEntryKind.Charge, LedgerEntryState.Unknown, amount: 104.10m));
        var cancelled = Ledger([Attempt(1)], Entry(1, 1, LedgerEntryKind.OrderCancelled, LedgerEntryState.Succeeded));
        var onTheBanksPage = Ledger([Attempt(1)]);

        LedgerRules.OrderCancelled(declined, "callback").Entry.Should().BeEquivalentTo(new { Sequence = 2, Kind = LedgerEntryKind.OrderCancelled });
        LedgerRules.OrderCancelled(inFlight, "callback").Refusal.Should().Be(ClaimRefusal.ChargeExists);
        LedgerRules.OrderCancelled(cancelled, "callback").Refusal.Should().Be(ClaimRefusal.AlreadyRecorded);
        LedgerRules.OrderCancelled(onTheBanksPage, "callback").Refusal.Should().Be(ClaimRefusal.NotDeclined, "the shopper may still pay");
    }

    [Test]
    public void StatusQuery_OneAtATime_AgainOnlyAfterOneThatSettledNothing_OrWhoseOwnerStopped()
    {
        var unknown = Entry(1, 1, LedgerEntryKind.Charge, LedgerEntryState.Unknown, amount: 104.10m);
        var staleBefore = Now.AddMinutes(-15);

        LedgerRules.StatusQuery(Ledger([Attempt(1)], unknown), unknown, "task", staleBefore).Entry.Should().BeEquivalentTo(new { Kind = LedgerEntryKind.StatusQuery, RelatedEntryId = 1 });
        LedgerRules.StatusQuery(Ledger([Attempt(1)], unknown, Entry(2, 2, LedgerEntryKind.StatusQuery, LedgerEntryState.Sending, related: 1)), unknown, "task", staleBefore)
            .Refusal.Should().Be(ClaimRefusal.AlreadyRecorded);
        LedgerRules.StatusQuery(Ledger([Attempt(1)], unknown, Entry(2, 2, LedgerEntryKind.StatusQuery, LedgerEntryState.Sending, related: 1, created: Now.AddHours(-1))), unknown, "task", staleBefore)
            .Entry.Should().NotBeNull();
        LedgerRules.StatusQuery(Ledger([Attempt(1)], unknown, Entry(2, 2, LedgerEntryKind.StatusQuery, LedgerEntryState.NotSent, related: 1)), unknown, "task", staleBefore)
            .Entry.Should().NotBeNull();
        LedgerRules.StatusQuery(Ledger([Attempt(1)], unknown, Entry(2, 2, LedgerEntryKind.StatusQuery, LedgerEntryState.Succeeded, related: 1)), unknown, "task", staleBefore)
            .Refusal.Should().Be(ClaimRefusal.AlreadyRecorded);
    }

    [Test]
    public void NewAttempt_OnlyWhileNothingIsChargedOrBeingCharged()
    {
        LedgerRules.NewAttempt(Ledger([Attempt(1)])).Should().BeNull();
        LedgerRules.NewAttempt(Ledger([Attempt(1)], Entry(1, 1, LedgerEntryKind.Charge, LedgerEntryState.Refused, amount: 1m))).Should().BeNull();
        LedgerRules.NewAttempt(Ledger([Attempt(1)], Entry(1, 1, LedgerEntryKind.Charge, LedgerEntryState.Unknown, amount: 1m))).Should().Be(ClaimRefusal.ChargeExists);
        LedgerRules.NewAttempt(Paid()).Should().Be(ClaimRefusal.ChargeExists);
    }

    [Test]
    public void Ledger_CountsWhatTookOrMayHaveTakenMoney()
    {
        var ledger = Paid(more: [
            Entry(3, 3, LedgerEntryKind.Refund, LedgerEntryState.Succeeded, amount: 10m),
            Entry(4, 4, LedgerEntryKind.Refund, LedgerEntryState.Refused, amount: 20m),
            Entry(5, 5, LedgerEntryKind.Refund, LedgerEntryState.Unknown, amount: 30m),
            Entry(6, 6, LedgerEntryKind.Refund, LedgerEntryState.NotSent, amount: 40m)]);

        ledger.RefundedAmount.Should().Be(10m);
        ledger.CommittedReversals.Should().Be(40m);
        ledger.Refundable.Should().Be(64.10m);
        ledger.NextSequence.Should().Be(7);
        ledger.NextAttemptNumber.Should().Be(2);
    }

    private static OrderLedger Held(params ParamPosLedgerEntry[] more)
    {
        var attempt = Attempt(1);
        attempt.Kind = PaymentKind.ThreeDModelPreAuthorization;

        return Ledger([attempt], [Entry(1, 1, LedgerEntryKind.Charge, LedgerEntryState.Succeeded, amount: 104.10m), .. more]);
    }

    [Test, Category(TestCategories.PreAuth)]
    public void PreAuthorization_IsHeld_NotPaid_AndConfirmedAsAuthorized()
    {
        var held = Held();

        held.PaidCharge.Should().BeNull("a hold is not money taken: nothing can be refunded");
        held.Authorization.Should().NotBeNull();
        held.OpenAuthorization.Should().NotBeNull();
        held.Refundable.Should().Be(0m);
        LedgerRules.Reversal(held, LedgerEntryKind.Refund, 10m, 0m, "refund").Refusal.Should().Be(ClaimRefusal.NotCharged);
        LedgerRules.OrderConfirmed(held, held.Entries[0], "callback").Entry.Should().BeEquivalentTo(new { Kind = LedgerEntryKind.OrderAuthorized, RelatedEntryId = 1, Sequence = 2 });
        LedgerRules.OrderConfirmed(Paid(), Paid().Entries[0], "callback").Refusal.Should().Be(ClaimRefusal.AlreadyRecorded, "a sale is confirmed as paid");
        LedgerRules.NewAttempt(held).Should().Be(ClaimRefusal.ChargeExists, "no one pays again for an authorized order");
    }

    [Test, Category(TestCategories.PreAuth)]
    public void Capture_IsOfTheAmountHeld_Once_AndThenTheCaptureIsWhatRefundsActOn()
    {
        var capture = LedgerRules.Capture(Held(), "order page");

        capture.Entry.Should().BeEquivalentTo(new { Kind = LedgerEntryKind.Capture, Amount = 104.10m, PaymentId = 1, RelatedEntryId = 1, Sequence = 2, State = LedgerEntryState.Sending });
        foreach (var state in new[] { LedgerEntryState.Sending, LedgerEntryState.Succeeded, LedgerEntryState.Unknown })
        {
            var captured = Held(Entry(2, 2, LedgerEntryKind.Capture, state, amount: 104.10m, related: 1));
            LedgerRules.Capture(captured, "order page").Refusal.Should().Be(ClaimRefusal.AuthorizationCaptured, state.ToString());
            LedgerRules.Void(captured, "order page").Refusal.Should().Be(ClaimRefusal.AuthorizationCaptured, state.ToString());
            captured.OpenAuthorization.Should().BeNull();
        }

        var paid = Held(Entry(2, 2, LedgerEntryKind.Capture, LedgerEntryState.Succeeded, amount: 104.10m, related: 1));
        paid.PaidCharge.Kind.Should().Be(LedgerEntryKind.Capture);
        LedgerRules.Reversal(paid, LedgerEntryKind.Refund, 20m, 0m, "refund").Entry.Should().BeEquivalentTo(new { Kind = LedgerEntryKind.Refund, Amount = 20m, Sequence = 3 });
        LedgerRules.Reversal(paid, LedgerEntryKind.Refund, 104.11m, 0m, "refund").Refusal.Should().Be(ClaimRefusal.AmountTooLarge);
    }

    [TestCase(LedgerEntryState.Refused)]
    [TestCase(LedgerEntryState.NotSent)]
    [Category(TestCategories.PreAuth)]
    public void Capture_AfterACaptureThatTookNothing_MayBeTriedAgain(LedgerEntryState state)
    {
        var ledger = Held(Entry(2, 2, LedgerEntryKind.Capture, state, amount: 104.10m, related: 1));

        LedgerRules.Capture(ledger, "order page").Entry.Should().BeEquivalentTo(new { Kind = LedgerEntryKind.Capture, Sequence = 3 });
    }

    [Test, Category(TestCategories.PreAuth)]
    public void Void_ReleasesOnce_AndNothingFollowsIt()
    {
        LedgerRules.Void(Held(), "order page").Entry.Should().BeEquivalentTo(new { Kind = LedgerEntryKind.Void, Amount = 104.10m });
        var voided = Held(Entry(2, 2, LedgerEntryKind.Void, LedgerEntryState.Succeeded, amount: 104.10m, related: 1));

        LedgerRules.Void(voided, "order page").Refusal.Should().Be(ClaimRefusal.AuthorizationVoided);
        LedgerRules.Capture(voided, "order page").Refusal.Should().Be(ClaimRefusal.AuthorizationVoided);
        LedgerRules.Reversal(voided, LedgerEntryKind.Refund, 10m, 0m, "refund").Refusal.Should().Be(ClaimRefusal.NotCharged);
        LedgerRules.AuthorizationAgeWarned(voided, "reconciliation").Refusal.Should().Be(ClaimRefusal.NotAuthorized);
    }

    [Test, Category(TestCategories.PreAuth)]
    public void CaptureAndVoid_OfASale_AreRefused()
    {
        LedgerRules.Capture(Paid(), "order page").Refusal.Should().Be(ClaimRefusal.NotAuthorized);
        LedgerRules.Void(Paid(), "order page").Refusal.Should().Be(ClaimRefusal.NotAuthorized);
        LedgerRules.Capture(Ledger([Attempt(1)]), "order page").Refusal.Should().Be(ClaimRefusal.NotAuthorized, "nothing held yet");
    }

    [Test, Category(TestCategories.PreAuth)]
    public void AgeWarning_IsGivenOncePerHold()
    {
        var first = LedgerRules.AuthorizationAgeWarned(Held(), "reconciliation");
        var warned = Held(Entry(2, 2, LedgerEntryKind.AuthorizationAgeWarned, LedgerEntryState.Succeeded, related: 1));

        first.Entry.Should().BeEquivalentTo(new { Kind = LedgerEntryKind.AuthorizationAgeWarned, RelatedEntryId = 1 });
        LedgerRules.AuthorizationAgeWarned(warned, "reconciliation").Refusal.Should().Be(ClaimRefusal.AlreadyRecorded);
    }
}
