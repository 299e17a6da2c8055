using Nop.Data;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// What the transactions page asks the ledger for: a period (UTC bounds of Turkish days), and optionally a store, an
/// order and a state.
/// </summary>
public sealed record LedgerSearchFilter(DateTime FromUtc, DateTime ToUtc, int StoreId = 0, Guid? OrderGuid = null, LedgerEntryState? State = null);

/// <summary>
/// One line of the transactions page: an attempt (started, declined or waiting) or a money move of it (a charge, a
/// cancel, a refund, a capture, a void), newest first.
/// </summary>
public sealed record LedgerLine(ParamPosPayment Attempt, ParamPosLedgerEntry Entry)
{
    /// <summary>Gets when it happened: the move's claim, or the attempt's start.</summary>
    public DateTime OccurredOnUtc => Entry?.CreatedOnUtc ?? Attempt.CreatedOnUtc;
}

/// <summary>
/// Reads the ledger for the transactions page and its CSV export: every attempt and every money move of a period, with
/// paging. Order updates (marked paid, notes) are the ledger's own bookkeeping and are not listed.
/// </summary>
public class LedgerSearch
{
    private static readonly int[] MoneyKinds = [(int)LedgerEntryKind.Charge, (int)LedgerEntryKind.Cancel, (int)LedgerEntryKind.Refund, (int)LedgerEntryKind.Capture, (int)LedgerEntryKind.Void];

    protected readonly IRepository<ParamPosLedgerEntry> _entryRepository;
    protected readonly IRepository<ParamPosPayment> _paymentRepository;

    public LedgerSearch(IRepository<ParamPosLedgerEntry> entryRepository, IRepository<ParamPosPayment> paymentRepository)
    {
        _entryRepository = entryRepository;
        _paymentRepository = paymentRepository;
    }

    /// <summary>
    /// Gets the lines of a period, newest first, and how many there are in all
    /// </summary>
    /// <param name="filter">What to list</param>
    /// <param name="pageIndex">Page (0-based)</param>
    /// <param name="pageSize">Lines per page (int.MaxValue for all, the export)</param>
    public virtual async Task<(IReadOnlyList<LedgerLine> Lines, int Total)> SearchAsync(LedgerSearchFilter filter, int pageIndex, int pageSize)
    {
        var state = (int?)filter.State;
        var orderGuid = filter.OrderGuid;
        var entries = await _entryRepository.GetAllAsync(query => query.Where(entry => MoneyKinds.Contains(entry.KindId)
            && entry.CreatedOnUtc >= filter.FromUtc && entry.CreatedOnUtc < filter.ToUtc && (state == null || entry.StateId == state) && (orderGuid == null || entry.OrderGuid == orderGuid)));
        var started = state is null
            ? await _paymentRepository.GetAllAsync(query => query.Where(attempt => attempt.CreatedOnUtc >= filter.FromUtc && attempt.CreatedOnUtc < filter.ToUtc
                && (filter.StoreId == 0 || attempt.StoreId == filter.StoreId) && (orderGuid == null || attempt.OrderGuid == orderGuid)))
            : [];
        var ids = entries.Select(entry => entry.PaymentId).Except(started.Select(attempt => attempt.Id)).Distinct().ToList();
        var byId = started.Concat(ids.Count == 0 ? [] : await _paymentRepository.GetAllAsync(query => query.Where(attempt => ids.Contains(attempt.Id))))
            .ToDictionary(attempt => attempt.Id);

        var lines = entries.Where(entry => byId.TryGetValue(entry.PaymentId, out var attempt) && (filter.StoreId == 0 || attempt.StoreId == filter.StoreId))
            .Select(entry => new LedgerLine(byId[entry.PaymentId], entry))
            .Concat(started.Select(attempt => new LedgerLine(attempt, null)))
            .OrderByDescending(line => line.OccurredOnUtc).ThenByDescending(line => line.Entry?.Sequence ?? 0)
            .ToList();

        var size = Math.Max(1, pageSize);
        return (lines.Skip((int)Math.Min(int.MaxValue, (long)Math.Max(0, pageIndex) * size)).Take(size).ToList(), lines.Count);
    }
}
