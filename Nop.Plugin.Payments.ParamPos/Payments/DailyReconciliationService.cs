using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Checks a Turkish day of a store against Param's records: reads Param's transactions (TP_Islem_Izleme) and totals
/// (TP_Mutabakat_Ozet) of the day and the store's ledger of the same day, and reports every difference in plain words
/// (<see cref="ParamRecordsMatcher"/>). It changes nothing in the store: the store owner acts on the report, and the
/// pending-payment task keeps its own job. A day with differences is written to nopCommerce's log as a warning; a
/// clean day as information.
/// </summary>
public class DailyReconciliationService
{
    #region Fields

    private const int LOGGED_DIFFERENCES = 20;

    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly ParamCallRunner _callRunner;
    protected readonly PaymentLedger _ledger;
    protected readonly ReconciliationDays _days;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public DailyReconciliationService(ILogger logger,
        IOrderService orderService,
        ParamCallRunner callRunner,
        PaymentLedger ledger,
        ReconciliationDays days,
        TimeProvider timeProvider)
    {
        _days = days;
        _logger = logger;
        _orderService = orderService;
        _callRunner = callRunner;
        _ledger = ledger;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Checks one Turkish day of a store and keeps the report as the day's latest
    /// </summary>
    /// <param name="storeId">Store identifier (its Param account)</param>
    /// <param name="day">The Turkish calendar day</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the report</returns>
    public virtual async Task<DailyReconciliationReport> CheckAsync(int storeId, DateOnly day)
    {
        var report = await CompareAsync(storeId, day);
        await _days.SaveAsync(report);

        return report;
    }

    /// <summary>
    /// Checks every store's previous Turkish day that has no check yet, or whose check could not reach Param (the
    /// schedule task, any node; checking a day twice only replaces its report)
    /// </summary>
    /// <param name="storeIds">The stores</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the reports made</returns>
    public virtual async Task<IReadOnlyList<DailyReconciliationReport>> CheckYesterdayAsync(IEnumerable<int> storeIds)
    {
        var yesterday = TurkishTime.DayOf(_timeProvider.GetUtcNow()).AddDays(-1);
        var reports = new List<DailyReconciliationReport>();
        foreach (var storeId in storeIds)
        {
            if (await _days.GetAsync(storeId, yesterday) is { Error: null })
                continue;
            if (!ParamCallRunner.IsConfigured(await _callRunner.LoadSettingsAsync(storeId)))
                continue;

            reports.Add(await CheckAsync(storeId, yesterday));
        }

        return reports;
    }

    #endregion

    #region Utilities

    protected virtual async Task<DailyReconciliationReport> CompareAsync(int storeId, DateOnly day)
    {
        var checkedOn = _timeProvider.GetUtcNow().UtcDateTime;
        var settings = await _callRunner.LoadSettingsAsync(storeId);
        if (!ParamCallRunner.IsConfigured(settings))
            return Failed(storeId, day, checkedOn, "The ParamPOS account of the store is not configured.");

        var from = day.ToDateTime(TimeOnly.MinValue);
        var to = day.ToDateTime(new TimeOnly(23, 59, 59));
        TransactionMonitorResult monitor;
        ReconciliationTotals totals;
        try
        {
            monitor = await _callRunner.CallAsync(settings, (client, context) => client.MonitorTransactionsAsync(from, to, context));
            totals = await _callRunner.CallAsync(settings, (client, context) => client.GetTotalsAsync(from, to, context));
        }
        catch (ParamGatewayException exception)
        {
            await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: Param's records of {day:yyyy-MM-dd} could not be read ({exception.Kind}); the day was not checked.", exception);
            return Failed(storeId, day, checkedOn, $"Param could not be reached ({exception.Kind}).");
        }

        if (monitor.Error is not null)
            return Failed(storeId, day, checkedOn, $"Param refused the transaction list: {ParamErrorCatalog.Describe(monitor.Error)}");

        var (fromUtc, toUtc) = TurkishTime.UtcBounds(day);
        var moves = await _ledger.MovesBetweenAsync(fromUtc, toUtc);
        var references = monitor.Transactions.Select(row => row.OrderId).Where(reference => !string.IsNullOrEmpty(reference)).Distinct().ToList();
        var known = new Dictionary<string, Domain.ParamPosPayment>(await _ledger.AttemptsByReferenceAsync(references), StringComparer.Ordinal);
        foreach (var (attempt, _) in moves)
            known.TryAdd(attempt.OrderReference, attempt);

        var (differences, param, store) = ParamRecordsMatcher.Match(monitor.Transactions, totals, moves, known, storeId);
        var report = new DailyReconciliationReport
        {
            ValueDates = await ValueDatesAsync(settings, day),
            Day = day,
            StoreId = storeId,
            CheckedOnUtc = checkedOn,
            Param = param,
            Store = store,
            Differences = await WithOrderIdsAsync(differences)
        };
        await LogAsync(report);

        return report;
    }

    /// <summary>
    /// When Param pays the day's net, from its settlement (TP_Mutabakat_Detay); empty when it cannot be read (the check
    /// itself does not depend on it)
    /// </summary>
    protected virtual async Task<IReadOnlyList<string>> ValueDatesAsync(ParamPosSettings settings, DateOnly day)
    {
        try
        {
            var settlement = await _callRunner.CallAsync(settings, (client, context) => client.GetSettlementAsync(day, context));

            return settlement.Error is not null ? [] : settlement.Transactions.Where(row => row.Kind == MonitoredKind.Sale && !string.IsNullOrEmpty(row.ValueDate))
                .Select(row => row.ValueDate).Distinct().Order(StringComparer.Ordinal).Take(5).ToList();
        }
        catch (ParamGatewayException)
        {
            return [];
        }
    }

    protected virtual async Task<IReadOnlyList<ReconciliationDifference>> WithOrderIdsAsync(IReadOnlyList<ReconciliationDifference> differences)
    {
        var linked = new List<ReconciliationDifference>();
        foreach (var difference in differences)
        {
            var order = difference.OrderGuid is { } guid ? await _orderService.GetOrderByGuidAsync(guid) : null;
            linked.Add(order is null ? difference : difference with { OrderId = order.Id });
        }

        return linked;
    }

    protected virtual async Task LogAsync(DailyReconciliationReport report)
    {
        if (report.IsClean)
        {
            await _logger.InformationAsync($"{ParamPosDefaults.SystemName}: {report.Day:yyyy-MM-dd} (store {report.StoreId}) matches Param's records: "
                + $"{report.Param.Sales} sales, {report.Param.Reversals} cancels and refunds.");
            return;
        }

        var listed = string.Join("\n", report.Differences.Take(LOGGED_DIFFERENCES).Select(difference => "- " + difference.Describe()));
        var more = report.Differences.Count > LOGGED_DIFFERENCES ? $"\n… and {report.Differences.Count - LOGGED_DIFFERENCES} more on the reconciliation page." : string.Empty;
        await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: {report.Day:yyyy-MM-dd} (store {report.StoreId}) differs from Param's records in "
            + $"{report.Differences.Count} place(s):\n{listed}{more}");
    }

    protected static DailyReconciliationReport Failed(int storeId, DateOnly day, DateTime checkedOn, string error)
    {
        return new DailyReconciliationReport { Day = day, StoreId = storeId, CheckedOnUtc = checkedOn, Error = error };
    }

    #endregion
}
