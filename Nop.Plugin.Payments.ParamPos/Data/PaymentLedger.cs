using Nop.Data;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// The payment ledger in the plugin's tables: reads an order's history fresh from the database (never from a cache)
/// and makes claims stick. A claim is an insert of the order's next sequence number, which the database keeps unique
/// per order, so of any number of web nodes deciding on the same history exactly one inserts; the others read the
/// history again and decide again (usually: someone else is doing it). No lock is involved.
/// </summary>
public class PaymentLedger
{
    #region Fields

    /// <summary>How often a claim is decided again after losing an insert to a concurrent one.</summary>
    private const int CLAIM_ROUNDS = 8;

    /// <summary>How many days after a sale completed elsewhere the store may record it (the pending-payment check's deadline is a day by default).</summary>
    private const int LATE_RECORDING_DAYS = 3;

    /// <summary>How often a load reads again when entries were added while it read.</summary>
    private const int CONSISTENT_READ_ROUNDS = 5;

    protected readonly IRepository<ParamPosLedgerEntry> _entryRepository;
    protected readonly IRepository<ParamPosPayment> _paymentRepository;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public PaymentLedger(IRepository<ParamPosLedgerEntry> entryRepository,
        IRepository<ParamPosPayment> paymentRepository,
        TimeProvider timeProvider)
    {
        _entryRepository = entryRepository;
        _paymentRepository = paymentRepository;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Reads an order's attempts and entries from the database
    /// </summary>
    /// <param name="orderGuid">Order GUID</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the order's ledger</returns>
    public virtual async Task<OrderLedger> LoadAsync(Guid orderGuid)
    {
        // Two tables, read without a transaction, must still give one moment's history. Entries first: an attempt is
        // always inserted before the entries that name it, so the attempts read next include all those. Then the entries
        // are counted again: when another node added some in between (an import writes its marker, then the attempt),
        // all is read again, so an attempt is never seen without an entry written before it.
        for (var read = 1; ; read++)
        {
            var entries = await _entryRepository.GetAllAsync(query => query.Where(entry => entry.OrderGuid == orderGuid));
            var attempts = await _paymentRepository.GetAllAsync(query => query.Where(attempt => attempt.OrderGuid == orderGuid));
            var again = await _entryRepository.GetAllAsync(query => query.Where(entry => entry.OrderGuid == orderGuid));
            if (again.Count == entries.Count || read == CONSISTENT_READ_ROUNDS)
                return new OrderLedger(orderGuid, attempts, entries);
        }
    }

    /// <summary>
    /// Gets the attempt of a Siparis_ID, or null
    /// </summary>
    public virtual async Task<ParamPosPayment> FindAttemptAsync(string orderReference)
    {
        if (string.IsNullOrEmpty(orderReference))
            return null;

        return (await _paymentRepository.GetAllAsync(query => query.Where(attempt => attempt.OrderReference == orderReference))).FirstOrDefault();
    }

    /// <summary>
    /// Gets the money moves that took effect in a period (for the reconciliation with the provider's records): charges,
    /// captures, cancels and refunds that succeeded, with their attempts, each at the moment the provider made it: the
    /// claim, sent at once (a late answer or a settlement by the pending-payment check does not move it), or, for a sale
    /// completed elsewhere (3D Pay, foreign currency, Paratika), the attempt's start, as it may be recorded days later
    /// </summary>
    /// <param name="fromUtc">Start (inclusive)</param>
    /// <param name="toUtc">End (exclusive)</param>
    public virtual async Task<IReadOnlyList<(ParamPosPayment Attempt, ParamPosLedgerEntry Entry)>> MovesBetweenAsync(DateTime fromUtc, DateTime toUtc)
    {
        const int succeeded = (int)LedgerEntryState.Succeeded;
        int[] kinds = [(int)LedgerEntryKind.Charge, (int)LedgerEntryKind.Capture, (int)LedgerEntryKind.Cancel, (int)LedgerEntryKind.Refund];
        // A sale completed elsewhere is recorded when the store learns of it, at most a few days after it was made.
        var recordedBefore = toUtc.AddDays(LATE_RECORDING_DAYS);

        var entries = await _entryRepository.GetAllAsync(query => query.Where(entry => entry.StateId == succeeded && kinds.Contains(entry.KindId)
            && entry.CreatedOnUtc >= fromUtc && entry.CreatedOnUtc < recordedBefore));
        var ids = entries.Select(entry => entry.PaymentId).Distinct().ToList();
        var attempts = (await _paymentRepository.GetAllAsync(query => query.Where(attempt => ids.Contains(attempt.Id)))).ToDictionary(attempt => attempt.Id);

        return entries.Where(entry => attempts.ContainsKey(entry.PaymentId))
            .Select(entry => (Attempt: attempts[entry.PaymentId], Entry: entry))
            .Where(move => MadeAt(move.Attempt, move.Entry) is var made && made >= fromUtc && made < toUtc)
            .ToList();
    }

    /// <summary>
    /// Gets when the provider made a money move: its claim, or the start of a sale completed elsewhere
    /// </summary>
    public static DateTime MadeAt(ParamPosPayment attempt, ParamPosLedgerEntry entry)
    {
        var completedElsewhere = attempt.Kind is PaymentKind.ThreeDPaySale or PaymentKind.ForeignCurrencySale or PaymentKind.ParatikaHostedSale or PaymentKind.SavedCardSale;

        return entry.Kind == LedgerEntryKind.Charge && completedElsewhere ? attempt.CreatedOnUtc : entry.CreatedOnUtc;
    }

    /// <summary>
    /// Gets the attempts of some Siparis_IDs (those the store knows of)
    /// </summary>
    public virtual async Task<IReadOnlyDictionary<string, ParamPosPayment>> AttemptsByReferenceAsync(IReadOnlyCollection<string> orderReferences)
    {
        if (orderReferences.Count == 0)
            return new Dictionary<string, ParamPosPayment>();

        var attempts = await _paymentRepository.GetAllAsync(query => query.Where(attempt => orderReferences.Contains(attempt.OrderReference)));

        return attempts.ToDictionary(attempt => attempt.OrderReference, StringComparer.Ordinal);
    }

    /// <summary>
    /// Records a new attempt with the order's next attempt number
    /// </summary>
    /// <param name="attempt">The attempt (Siparis_ID, terms); its number and time are set here</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the stored attempt</returns>
    public virtual async Task<ParamPosPayment> AddAttemptAsync(ParamPosPayment attempt)
    {
        attempt.CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        for (var round = 1; ; round++)
        {
            attempt.Id = 0;
            attempt.AttemptNumber = (await LoadAsync(attempt.OrderGuid)).NextAttemptNumber;
            try
            {
                await _paymentRepository.InsertAsync(attempt, publishEvent: false);
                return attempt;
            }
            catch (Exception exception) when (exception is not OperationCanceledException && round < CLAIM_ROUNDS)
            {
                var taken = (await LoadAsync(attempt.OrderGuid)).Attempts.Any(other => other.AttemptNumber == attempt.AttemptNumber);
                if (!taken)
                    throw;
            }
        }
    }

    /// <summary>
    /// Inserts an attempt whose number is fixed by the caller, unless the same attempt (its Siparis_ID) is stored
    /// already: for work that several nodes may do at once with the same result (importing a version 1.0 order)
    /// </summary>
    /// <returns>A task that represents the asynchronous operation; the task result contains the stored attempt</returns>
    public virtual async Task<ParamPosPayment> InsertAttemptOnceAsync(ParamPosPayment attempt)
    {
        if (await FindAttemptAsync(attempt.OrderReference) is { } existing)
            return existing;

        attempt.CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        try
        {
            await _paymentRepository.InsertAsync(attempt, publishEvent: false);
            return attempt;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Another node stored it first; anything else is a real failure.
            if (await FindAttemptAsync(attempt.OrderReference) is { } stored)
                return stored;

            throw;
        }
    }

    /// <summary>
    /// Inserts an entry at the sequence number the caller gives it, unless an entry is stored there already (then that
    /// one is returned): for work that several nodes may do at once with the same result (importing a version 1.0 order)
    /// </summary>
    /// <returns>A task that represents the asynchronous operation; the task result contains the stored entry</returns>
    public virtual async Task<ParamPosLedgerEntry> InsertOnceAsync(ParamPosLedgerEntry entry)
    {
        ParamPosLedgerEntry AtSequence(OrderLedger ledger) => ledger.Entries.FirstOrDefault(other => other.Sequence == entry.Sequence);

        if (AtSequence(await LoadAsync(entry.OrderGuid)) is { } existing)
            return existing;

        entry.CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        entry.Source = Cut(entry.Source, LedgerEntryLimits.SOURCE);
        try
        {
            await _entryRepository.InsertAsync(entry, publishEvent: false);
            return entry;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (AtSequence(await LoadAsync(entry.OrderGuid)) is { } stored)
                return stored;

            throw;
        }
    }

    /// <summary>
    /// Claims the entry a rule decides on the order's current history. Only the winner of the insert gets the entry
    /// (state Sending) and may act on it; a loser decides again on the new history.
    /// </summary>
    /// <param name="orderGuid">Order GUID</param>
    /// <param name="decide">The rule (<see cref="LedgerRules"/>)</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the claimed entry, or why none was</returns>
    public virtual async Task<LedgerClaim> ClaimAsync(Guid orderGuid, Func<OrderLedger, ClaimDecision> decide)
    {
        for (var round = 1; ; round++)
        {
            var ledger = await LoadAsync(orderGuid);
            var decision = decide(ledger);
            if (decision.Entry is null)
                return new LedgerClaim(null, decision.Refusal, ledger);

            var entry = decision.Entry;
            entry.CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
            entry.Source = Cut(entry.Source, LedgerEntryLimits.SOURCE);
            try
            {
                await _entryRepository.InsertAsync(entry, publishEvent: false);
                await RetireTakenOverAsync(ledger, entry);
                return new LedgerClaim(entry, null, ledger);
            }
            catch (Exception exception) when (exception is not OperationCanceledException && round < CLAIM_ROUNDS)
            {
                // Someone else inserted this sequence number first, or the insert failed for another reason: only the
                // first is a lost race, so anything else is thrown.
                var taken = (await LoadAsync(orderGuid)).Entries.Any(other => other.Sequence == entry.Sequence);
                if (!taken)
                    throw;
            }
        }
    }

    /// <summary>
    /// Records the outcome of a claimed entry (by its owner, or by the reconciliation task settling it)
    /// </summary>
    /// <param name="entry">The entry</param>
    /// <param name="state">Its new state</param>
    /// <param name="answer">What Param said, if anything</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public virtual async Task CompleteAsync(ParamPosLedgerEntry entry, LedgerEntryState state, LedgerAnswer answer = null)
    {
        entry.State = state;
        entry.CompletedOnUtc = state is LedgerEntryState.Sending or LedgerEntryState.Unknown ? null : _timeProvider.GetUtcNow().UtcDateTime;
        if (answer is not null)
        {
            entry.ResultCode = Cut(answer.Code, LedgerEntryLimits.CODE);
            entry.ResultText = Cut(answer.Text, LedgerEntryLimits.TEXT);
            entry.ReceiptId = Cut(answer.ReceiptId, LedgerEntryLimits.CODE) ?? entry.ReceiptId;
            entry.BankCode = Cut(answer.BankCode, LedgerEntryLimits.CODE) ?? entry.BankCode;
            entry.BankAuthCode = Cut(answer.BankAuthCode, LedgerEntryLimits.CODE) ?? entry.BankAuthCode;
            entry.BankReference = Cut(answer.BankReference, LedgerEntryLimits.REFERENCE) ?? entry.BankReference;
        }

        await _entryRepository.UpdateAsync(entry, publishEvent: false);
    }

    /// <summary>
    /// Records why 3-D Secure did not complete for an attempt
    /// </summary>
    public virtual async Task RecordDeclineAsync(ParamPosPayment attempt, string reason)
    {
        attempt.DeclineReason = Cut(reason, 100);
        await _paymentRepository.UpdateAsync(attempt, publishEvent: false);
    }

    /// <summary>
    /// Gets the entries the reconciliation task must look at: outcomes not known (Unknown, or Sending by an owner that
    /// stopped before <paramref name="staleBefore"/>), and successful charges (marked paid, or authorized) and refunds
    /// settled before it whose order update is missing (their owner stopped between the two)
    /// </summary>
    public virtual Task<IList<ParamPosLedgerEntry>> EntriesToSettleAsync(DateTime staleBefore)
    {
        const int unknown = (int)LedgerEntryState.Unknown;
        const int sending = (int)LedgerEntryState.Sending;
        const int succeeded = (int)LedgerEntryState.Succeeded;
        const int charge = (int)LedgerEntryKind.Charge;
        const int cancel = (int)LedgerEntryKind.Cancel;
        const int refund = (int)LedgerEntryKind.Refund;
        const int orderPaid = (int)LedgerEntryKind.OrderPaid;
        const int orderAuthorized = (int)LedgerEntryKind.OrderAuthorized;
        const int orderRefunded = (int)LedgerEntryKind.OrderRefunded;

        return _entryRepository.GetAllAsync(query => query.Where(entry =>
                entry.StateId == unknown
                || (entry.StateId == sending && entry.CreatedOnUtc < staleBefore)
                || (entry.StateId == succeeded && entry.CompletedOnUtc < staleBefore
                    && ((entry.KindId == charge && !query.Any(update => update.RelatedEntryId == entry.Id && (update.KindId == orderPaid || update.KindId == orderAuthorized)))
                        || ((entry.KindId == cancel || entry.KindId == refund) && !query.Any(update => update.RelatedEntryId == entry.Id && update.KindId == orderRefunded)))))
            .OrderBy(entry => entry.Id));
    }

    #endregion

    #region Utilities

    /// <summary>
    /// An order update or query claimed over one whose owner stopped (the rules allow that only once it is stale): the
    /// stopped one is closed, so nothing waits on it any more.
    /// </summary>
    protected virtual async Task RetireTakenOverAsync(OrderLedger ledger, ParamPosLedgerEntry claimed)
    {
        if (claimed.RelatedEntryId is null)
            return;

        foreach (var stopped in ledger.Entries.Where(entry => entry.Kind == claimed.Kind && entry.RelatedEntryId == claimed.RelatedEntryId && entry.State == LedgerEntryState.Sending))
            await CompleteAsync(stopped, LedgerEntryState.NotSent, new LedgerAnswer("stopped", $"its owner stopped; taken over by entry {claimed.Sequence}"));
    }

    protected static string Cut(string text, int length)
    {
        return text is null || text.Length <= length ? text : text[..length];
    }

    #endregion
}

/// <summary>
/// The result of a claim: the entry won (state Sending, owned by the caller), or why there is none, with the history
/// the decision was made on.
/// </summary>
public sealed record LedgerClaim(ParamPosLedgerEntry Entry, ClaimRefusal? Refusal, OrderLedger Ledger)
{
    /// <summary>Gets a value indicating whether the caller owns the entry.</summary>
    public bool Won => Entry is not null;
}

/// <summary>
/// What Param said about a call, for its ledger entry.
/// </summary>
public sealed record LedgerAnswer(string Code, string Text, string ReceiptId = null, string BankCode = null, string BankAuthCode = null, string BankReference = null);
