using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// When an entry may be added to an order's ledger. Each rule reads one <see cref="OrderLedger"/> and either builds
/// the entry to claim or says why not; <see cref="PaymentLedger.ClaimAsync"/> inserts it only if the ledger is still
/// the one the rule read (the next sequence number is unique per order).
/// </summary>
public static class LedgerRules
{
    /// <summary>
    /// The charge of an attempt (TP_WMD_Pay): only while nothing is charged, being charged or of unknown outcome, and
    /// never a second time for the same attempt.
    /// </summary>
    public static ClaimDecision Charge(OrderLedger ledger, ParamPosPayment attempt, string source)
    {
        if (ledger.Attempts.All(candidate => candidate.Id != attempt.Id))
            return ClaimDecision.Refuse(ClaimRefusal.UnknownAttempt);
        if (ledger.ChargeOf(attempt) is not null)
            return ClaimDecision.Refuse(ClaimRefusal.AttemptAlreadyCharged);
        if (ledger.LiveCharge is not null)
            return ClaimDecision.Refuse(ClaimRefusal.ChargeExists);

        return ClaimDecision.Claim(NewEntry(ledger, attempt.Id, LedgerEntryKind.Charge, attempt.Total, source));
    }

    /// <summary>
    /// A cancel or a refund: only of a charged order, one at a time, asked on the order as it is now (what nopCommerce
    /// shows as refunded is what the ledger refunded: a request made on an older copy of the order is refused), and
    /// never more than what is left once every refund that took or may have taken money back is counted; a cancel only
    /// of the whole untouched sale.
    /// </summary>
    /// <param name="ledger">The order's ledger</param>
    /// <param name="kind">Cancel or refund</param>
    /// <param name="amount">The amount</param>
    /// <param name="refundedAsSeen">The refunded amount of the order the request was made on (nopCommerce's RefundedAmount)</param>
    /// <param name="source">Who asks</param>
    public static ClaimDecision Reversal(OrderLedger ledger, LedgerEntryKind kind, decimal amount, decimal refundedAsSeen, string source)
    {
        if (kind is not (LedgerEntryKind.Cancel or LedgerEntryKind.Refund))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "A reversal is a cancel or a refund.");

        var charge = ledger.PaidCharge;
        if (charge is null)
            return ClaimDecision.Refuse(ClaimRefusal.NotCharged);
        if (amount <= 0m)
            return ClaimDecision.Refuse(ClaimRefusal.AmountInvalid);
        if (ledger.Reversals.Any(entry => entry.State is LedgerEntryState.Sending or LedgerEntryState.Unknown))
            return ClaimDecision.Refuse(ClaimRefusal.ReversalInFlight);
        if (decimal.Round(refundedAsSeen, 2) != ledger.RefundedAmount)
            return ClaimDecision.Refuse(ClaimRefusal.StaleOrder);
        if (amount > ledger.Refundable)
            return ClaimDecision.Refuse(ClaimRefusal.AmountTooLarge);
        if (kind == LedgerEntryKind.Cancel && (ledger.CommittedReversals > 0m || amount != charge.Amount))
            return ClaimDecision.Refuse(ClaimRefusal.AmountInvalid);

        return ClaimDecision.Claim(NewEntry(ledger, charge.PaymentId, kind, amount, source));
    }

    /// <summary>
    /// Marking the order paid (a sale) or authorized (a pre-authorization) for a successful charge: once. An update
    /// claimed before <paramref name="staleBefore"/> and still not done (its owner stopped) may be taken over.
    /// </summary>
    public static ClaimDecision OrderConfirmed(OrderLedger ledger, ParamPosLedgerEntry charge, string source, DateTime? staleBefore = null)
    {
        if (charge is not { Kind: LedgerEntryKind.Charge, State: LedgerEntryState.Succeeded })
            return ClaimDecision.Refuse(ClaimRefusal.NotCharged);

        var kind = ledger.ConfirmationOf(charge);
        return OrderUpdate(ledger, kind, charge, ledger.OrderUpdate(kind), source, staleBefore);
    }

    /// <summary>
    /// The capture of the held pre-authorization, for the amount held: only while it is neither captured nor released
    /// (nor being either, nor of unknown outcome). A refused or never-sent capture may be tried again.
    /// </summary>
    public static ClaimDecision Capture(OrderLedger ledger, string source)
    {
        return HoldChange(ledger, LedgerEntryKind.Capture, source);
    }

    /// <summary>
    /// The release of the held pre-authorization: only while it is neither captured nor released (nor being either).
    /// </summary>
    public static ClaimDecision Void(OrderLedger ledger, string source)
    {
        return HoldChange(ledger, LedgerEntryKind.Void, source);
    }

    /// <summary>
    /// Warning the store that an authorization is getting old: once per authorization, only while it is still held.
    /// </summary>
    public static ClaimDecision AuthorizationAgeWarned(OrderLedger ledger, string source)
    {
        if (ledger.OpenAuthorization is not { } held)
            return ClaimDecision.Refuse(ClaimRefusal.NotAuthorized);
        if (ledger.OrderUpdate(LedgerEntryKind.AuthorizationAgeWarned, held) is not null)
            return ClaimDecision.Refuse(ClaimRefusal.AlreadyRecorded);

        return ClaimDecision.Claim(NewEntry(ledger, held.PaymentId, LedgerEntryKind.AuthorizationAgeWarned, 0m, source, held.Id));
    }

    /// <summary>
    /// Adding a refund settled after the fact to the order's refunded amount (nopCommerce adds the ones its refund
    /// button got an answer for): once per refund.
    /// </summary>
    public static ClaimDecision OrderRefunded(OrderLedger ledger, ParamPosLedgerEntry reversal, string source, DateTime? staleBefore = null)
    {
        if (reversal is not { Kind: LedgerEntryKind.Cancel or LedgerEntryKind.Refund, State: LedgerEntryState.Succeeded })
            return ClaimDecision.Refuse(ClaimRefusal.NotCharged);

        return OrderUpdate(ledger, LedgerEntryKind.OrderRefunded, reversal, ledger.OrderUpdate(LedgerEntryKind.OrderRefunded, reversal), source, staleBefore);
    }

    /// <summary>
    /// Cancelling the order after a declined payment: once, only when the latest attempt was declined, and never while a
    /// charge succeeded, is being sent or has an unknown outcome.
    /// </summary>
    public static ClaimDecision OrderCancelled(OrderLedger ledger, string source)
    {
        if (ledger.LatestAttempt is null)
            return ClaimDecision.Refuse(ClaimRefusal.UnknownAttempt);
        if (ledger.LiveCharge is not null)
            return ClaimDecision.Refuse(ClaimRefusal.ChargeExists);
        if (ledger.OrderUpdate(LedgerEntryKind.OrderCancelled) is not null)
            return ClaimDecision.Refuse(ClaimRefusal.AlreadyRecorded);
        if (ledger.DeclineReason is null)
            return ClaimDecision.Refuse(ClaimRefusal.NotDeclined);

        return ClaimDecision.Claim(NewEntry(ledger, ledger.LatestAttempt.Id, LedgerEntryKind.OrderCancelled, 0m, source));
    }

    /// <summary>
    /// Leaving an entry Param could not settle to the merchant (one note): once per entry.
    /// </summary>
    public static ClaimDecision LeftForMerchant(OrderLedger ledger, ParamPosLedgerEntry entry, string source)
    {
        if (ledger.OrderUpdate(LedgerEntryKind.LeftForMerchant, entry) is not null)
            return ClaimDecision.Refuse(ClaimRefusal.AlreadyRecorded);

        return ClaimDecision.Claim(NewEntry(ledger, entry.PaymentId, LedgerEntryKind.LeftForMerchant, 0m, source, entry.Id));
    }

    /// <summary>
    /// Asking Param about an entry whose outcome is not known: one node at a time, until an answer settles it (a query
    /// that settled nothing, or whose owner stopped before <paramref name="staleBefore"/>, may be made again).
    /// </summary>
    public static ClaimDecision StatusQuery(OrderLedger ledger, ParamPosLedgerEntry entry, string source, DateTime staleBefore)
    {
        var last = ledger.OrderUpdate(LedgerEntryKind.StatusQuery, entry);
        if (last is { State: LedgerEntryState.Succeeded } || (last is { State: LedgerEntryState.Sending } && last.CreatedOnUtc >= staleBefore))
            return ClaimDecision.Refuse(ClaimRefusal.AlreadyRecorded);

        return ClaimDecision.Claim(NewEntry(ledger, entry.PaymentId, LedgerEntryKind.StatusQuery, 0m, source, entry.Id));
    }

    /// <summary>
    /// Whether a new attempt (pay again) may start: not while a charge succeeded, is being sent or has an unknown outcome.
    /// </summary>
    public static ClaimRefusal? NewAttempt(OrderLedger ledger)
    {
        return ledger.LiveCharge is null ? null : ClaimRefusal.ChargeExists;
    }

    private static ClaimDecision HoldChange(OrderLedger ledger, LedgerEntryKind kind, string source)
    {
        if (ledger.Authorization is not { } held)
            return ClaimDecision.Refuse(ClaimRefusal.NotAuthorized);
        if (ledger.LiveVoid is not null)
            return ClaimDecision.Refuse(ClaimRefusal.AuthorizationVoided);
        if (ledger.LiveCapture is not null)
            return ClaimDecision.Refuse(ClaimRefusal.AuthorizationCaptured);

        return ClaimDecision.Claim(NewEntry(ledger, held.PaymentId, kind, held.Amount, source, held.Id));
    }

    /// <summary>
    /// An order update is made once: after one was done, or found impossible (NotSent, e.g. the order was cancelled), no
    /// other; one still being made blocks the others unless its owner stopped before <paramref name="staleBefore"/>.
    /// </summary>
    private static ClaimDecision OrderUpdate(OrderLedger ledger, LedgerEntryKind kind, ParamPosLedgerEntry recorded, ParamPosLedgerEntry existing, string source, DateTime? staleBefore)
    {
        var takeover = existing is { State: LedgerEntryState.Sending } && staleBefore is not null && existing.CreatedOnUtc < staleBefore;
        if (existing is not null && !takeover)
            return ClaimDecision.Refuse(ClaimRefusal.AlreadyRecorded);

        return ClaimDecision.Claim(NewEntry(ledger, recorded.PaymentId, kind, 0m, source, recorded.Id));
    }

    private static ParamPosLedgerEntry NewEntry(OrderLedger ledger, int paymentId, LedgerEntryKind kind, decimal amount, string source, int? relatedEntryId = null)
    {
        return new ParamPosLedgerEntry
        {
            OrderGuid = ledger.OrderGuid,
            Sequence = ledger.NextSequence,
            PaymentId = paymentId,
            Kind = kind,
            State = LedgerEntryState.Sending,
            Amount = amount,
            RelatedEntryId = relatedEntryId,
            Source = source
        };
    }
}

/// <summary>
/// What a rule decided: the entry to claim, or why there is none.
/// </summary>
public sealed record ClaimDecision(ParamPosLedgerEntry Entry, ClaimRefusal? Refusal)
{
    public static ClaimDecision Claim(ParamPosLedgerEntry entry) => new(entry, null);

    public static ClaimDecision Refuse(ClaimRefusal refusal) => new(null, refusal);
}

/// <summary>
/// Why an entry may not be claimed.
/// </summary>
public enum ClaimRefusal
{
    /// <summary>The attempt is not one of the order's.</summary>
    UnknownAttempt,

    /// <summary>The attempt was charged before (TP_WMD_Pay is never sent twice for one attempt).</summary>
    AttemptAlreadyCharged,

    /// <summary>A charge succeeded, is being sent, or has an unknown outcome.</summary>
    ChargeExists,

    /// <summary>Nothing was charged.</summary>
    NotCharged,

    /// <summary>The amount is zero, negative, or not what a cancel needs.</summary>
    AmountInvalid,

    /// <summary>The amount is more than what is left to refund.</summary>
    AmountTooLarge,

    /// <summary>Another cancel or refund of the order is being sent or awaits its outcome.</summary>
    ReversalInFlight,

    /// <summary>The request was made on an older copy of the order: it shows less refunded than the ledger refunded.</summary>
    StaleOrder,

    /// <summary>The order update was made (or is being made) already.</summary>
    AlreadyRecorded,

    /// <summary>The latest payment attempt was not declined (it may still be paid).</summary>
    NotDeclined,

    /// <summary>No pre-authorization is held for the order.</summary>
    NotAuthorized,

    /// <summary>The pre-authorization was captured, is being captured, or its capture has an unknown outcome.</summary>
    AuthorizationCaptured,

    /// <summary>The pre-authorization was released, is being released, or its release has an unknown outcome.</summary>
    AuthorizationVoided
}
