using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// An order's payment history as read from the database at one moment: its attempts and its ledger entries, in
/// order. Pure: every decision about money is made on this view by <see cref="LedgerRules"/>, and
/// <see cref="PaymentLedger"/> makes it stick only if nobody wrote the next entry in between.
/// </summary>
public sealed class OrderLedger
{
    public OrderLedger(Guid orderGuid, IEnumerable<ParamPosPayment> attempts, IEnumerable<ParamPosLedgerEntry> entries)
    {
        OrderGuid = orderGuid;
        Attempts = attempts.OrderBy(attempt => attempt.AttemptNumber).ToList();
        Entries = entries.OrderBy(entry => entry.Sequence).ToList();
    }

    /// <summary>Gets the order GUID.</summary>
    public Guid OrderGuid { get; }

    /// <summary>Gets the payment attempts, first one first.</summary>
    public IReadOnlyList<ParamPosPayment> Attempts { get; }

    /// <summary>Gets the entries in sequence.</summary>
    public IReadOnlyList<ParamPosLedgerEntry> Entries { get; }

    /// <summary>Gets a value indicating whether the plugin has any record of the order.</summary>
    public bool IsEmpty => Attempts.Count == 0;

    /// <summary>Gets the sequence number the next entry takes.</summary>
    public int NextSequence => Entries.Count == 0 ? 1 : Entries[^1].Sequence + 1;

    /// <summary>Gets the number the next attempt takes.</summary>
    public int NextAttemptNumber => Attempts.Count == 0 ? 1 : Attempts[^1].AttemptNumber + 1;

    /// <summary>Gets the latest attempt, or null.</summary>
    public ParamPosPayment LatestAttempt => Attempts.Count == 0 ? null : Attempts[^1];

    /// <summary>
    /// Gets the charge that counts: the one that succeeded, is being sent or has an unknown outcome. At most one exists
    /// (<see cref="LedgerRules.Charge"/>); null when every charge so far was refused or never sent.
    /// </summary>
    public ParamPosLedgerEntry LiveCharge => Entries.FirstOrDefault(entry => entry.Kind == LedgerEntryKind.Charge && IsLive(entry));

    /// <summary>
    /// Gets the money taken from the card, or null: the successful charge of a sale, or the successful capture of a
    /// pre-authorization. Cancels and refunds act on it.
    /// </summary>
    public ParamPosLedgerEntry PaidCharge => Entries.FirstOrDefault(entry => entry.State == LedgerEntryState.Succeeded
        && ((entry.Kind == LedgerEntryKind.Charge && !IsPreAuthorization(entry)) || entry.Kind == LedgerEntryKind.Capture));

    /// <summary>Gets the held pre-authorization (its successful TP_WMD_Pay), captured or not, or null.</summary>
    public ParamPosLedgerEntry Authorization => Entries.FirstOrDefault(entry => entry.Kind == LedgerEntryKind.Charge && entry.State == LedgerEntryState.Succeeded && IsPreAuthorization(entry));

    /// <summary>Gets the capture that succeeded, is being sent or has an unknown outcome, or null.</summary>
    public ParamPosLedgerEntry LiveCapture => Entries.FirstOrDefault(entry => entry.Kind == LedgerEntryKind.Capture && IsLive(entry));

    /// <summary>Gets the void (release) that succeeded, is being sent or has an unknown outcome, or null.</summary>
    public ParamPosLedgerEntry LiveVoid => Entries.FirstOrDefault(entry => entry.Kind == LedgerEntryKind.Void && IsLive(entry));

    /// <summary>Gets the held pre-authorization that is neither captured nor released (nor being either), or null.</summary>
    public ParamPosLedgerEntry OpenAuthorization => LiveCapture is null && LiveVoid is null ? Authorization : null;

    /// <summary>Gets a value indicating whether an entry acts on a pre-authorization attempt.</summary>
    public bool IsPreAuthorization(ParamPosLedgerEntry entry) => AttemptOf(entry)?.Kind == PaymentKind.ThreeDModelPreAuthorization;

    /// <summary>Gets the order update that confirms a successful charge: the order paid (a sale) or authorized (a pre-authorization).</summary>
    public LedgerEntryKind ConfirmationOf(ParamPosLedgerEntry charge) => IsPreAuthorization(charge) ? LedgerEntryKind.OrderAuthorized : LedgerEntryKind.OrderPaid;

    /// <summary>Gets a value indicating whether a charge is being sent or waits for its outcome to be known.</summary>
    public bool IsChargeInFlight => LiveCharge is { State: LedgerEntryState.Sending or LedgerEntryState.Unknown };

    /// <summary>
    /// Gets why the latest attempt was not charged ("mdStatus=0", "sonuc=-1,bank=51"), or null when it was not declined
    /// </summary>
    public string DeclineReason
    {
        get
        {
            if (LatestAttempt is not { } attempt)
                return null;
            if (!string.IsNullOrEmpty(attempt.DeclineReason))
                return attempt.DeclineReason;

            return ChargeOf(attempt) is { State: LedgerEntryState.Refused } refused ? $"sonuc={refused.ResultCode},bank={refused.BankCode}" : null;
        }
    }

    /// <summary>Gets a value indicating whether the order was cancelled, and its items put back in the cart, after a declined payment.</summary>
    public bool CancelledAfterDecline => OrderUpdate(LedgerEntryKind.OrderCancelled) is { State: LedgerEntryState.Succeeded };

    /// <summary>Gets the cancels and refunds.</summary>
    public IEnumerable<ParamPosLedgerEntry> Reversals => Entries.Where(entry => entry.Kind is LedgerEntryKind.Cancel or LedgerEntryKind.Refund);

    /// <summary>Gets what cancels and refunds have taken or may have taken (succeeded, being sent, unknown).</summary>
    public decimal CommittedReversals => Reversals.Where(IsLive).Sum(entry => entry.Amount);

    /// <summary>Gets what was refunded for certain.</summary>
    public decimal RefundedAmount => Reversals.Where(entry => entry.State == LedgerEntryState.Succeeded).Sum(entry => entry.Amount);

    /// <summary>Gets what can still be refunded: the charge minus every refund that took or may have taken money back.</summary>
    public decimal Refundable => (PaidCharge?.Amount ?? 0m) - CommittedReversals;

    /// <summary>Gets the attempt an entry acts on.</summary>
    public ParamPosPayment AttemptOf(ParamPosLedgerEntry entry) => Attempts.FirstOrDefault(attempt => attempt.Id == entry.PaymentId);

    /// <summary>Gets the charges of an attempt (at most one).</summary>
    public ParamPosLedgerEntry ChargeOf(ParamPosPayment attempt) => Entries.FirstOrDefault(entry => entry.Kind == LedgerEntryKind.Charge && entry.PaymentId == attempt.Id);

    /// <summary>Gets the latest order update of a kind (for a money entry, when one is given), or null.</summary>
    public ParamPosLedgerEntry OrderUpdate(LedgerEntryKind kind, ParamPosLedgerEntry recorded = null) => Entries.LastOrDefault(entry => entry.Kind == kind
        && (recorded is null || entry.RelatedEntryId == recorded.Id));

    /// <summary>Gets a value indicating whether an entry took, may have taken or is taking effect.</summary>
    public static bool IsLive(ParamPosLedgerEntry entry) => entry.State is LedgerEntryState.Sending or LedgerEntryState.Succeeded or LedgerEntryState.Unknown;
}
