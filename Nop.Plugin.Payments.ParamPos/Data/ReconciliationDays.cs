using System.Text.Json;
using Nop.Data;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// Keeps the latest check of each store's day (the reconciliation page, its 30-day chart, and the task that checks
/// yesterday). A day checked again replaces its row; two nodes saving the same day at once leave one row (unique index).
/// </summary>
public class ReconciliationDays
{
    protected readonly IRepository<ParamPosReconciliationDay> _repository;

    public ReconciliationDays(IRepository<ParamPosReconciliationDay> repository)
    {
        _repository = repository;
    }

    /// <summary>
    /// Saves a check as the day's latest
    /// </summary>
    public virtual async Task SaveAsync(DailyReconciliationReport report)
    {
        for (var round = 1; ; round++)
        {
            var row = await GetRowAsync(report.StoreId, report.Day) ?? new ParamPosReconciliationDay { StoreId = report.StoreId, Day = report.Day.ToDateTime(TimeOnly.MinValue) };
            Fill(row, report);
            try
            {
                if (row.Id == 0)
                    await _repository.InsertAsync(row, publishEvent: false);
                else
                    await _repository.UpdateAsync(row, publishEvent: false);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException && row.Id == 0 && round < 3)
            {
                // Another node saved the same day first: update its row instead.
            }
        }
    }

    /// <summary>
    /// Gets the latest check of a day, or null
    /// </summary>
    public virtual async Task<DailyReconciliationReport> GetAsync(int storeId, DateOnly day)
    {
        return ToReport(await GetRowAsync(storeId, day));
    }

    /// <summary>
    /// Gets the checks of the days from <paramref name="from"/> to <paramref name="to"/> that were checked
    /// </summary>
    public virtual async Task<IReadOnlyList<DailyReconciliationReport>> BetweenAsync(int storeId, DateOnly from, DateOnly to)
    {
        var first = from.ToDateTime(TimeOnly.MinValue);
        var last = to.ToDateTime(TimeOnly.MinValue);
        var rows = await _repository.GetAllAsync(query => query.Where(row => row.StoreId == storeId && row.Day >= first && row.Day <= last));

        return rows.OrderBy(row => row.Day).Select(ToReport).ToList();
    }

    protected virtual async Task<ParamPosReconciliationDay> GetRowAsync(int storeId, DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);

        return (await _repository.GetAllAsync(query => query.Where(row => row.StoreId == storeId && row.Day == date))).FirstOrDefault();
    }

    protected static void Fill(ParamPosReconciliationDay row, DailyReconciliationReport report)
    {
        row.CheckedOnUtc = report.CheckedOnUtc;
        row.Error = report.Error is { Length: > 500 } error ? error[..500] : report.Error;
        row.ParamSales = report.Param?.Sales ?? 0;
        row.ParamGross = report.Param?.Gross ?? 0m;
        row.ParamCommission = report.Param?.Commission ?? 0m;
        row.ParamNet = report.Param?.Net ?? 0m;
        row.ParamReversals = report.Param?.Reversals ?? 0;
        row.ParamRefunds = report.Param?.Refunds ?? 0m;
        row.ParamDeclines = report.Param?.Declines ?? 0;
        row.StoreSales = report.Store?.Sales ?? 0;
        row.StoreGross = report.Store?.Gross ?? 0m;
        row.StoreReversals = report.Store?.Reversals ?? 0;
        row.StoreRefunds = report.Store?.Refunds ?? 0m;
        row.DifferenceCount = report.Differences.Count;
        row.DifferencesJson = JsonSerializer.Serialize(report.Differences);
        row.ValueDates = report.ValueDates.Count == 0 ? null : string.Join(",", report.ValueDates);
    }

    protected static DailyReconciliationReport ToReport(ParamPosReconciliationDay row)
    {
        if (row is null)
            return null;

        var checkedDay = row.Error is null;
        return new DailyReconciliationReport
        {
            Day = DateOnly.FromDateTime(row.Day),
            StoreId = row.StoreId,
            CheckedOnUtc = row.CheckedOnUtc,
            Error = row.Error,
            Param = checkedDay ? new ReconciliationSide(row.ParamSales, row.ParamGross, row.ParamCommission, row.ParamNet, row.ParamReversals, row.ParamRefunds, row.ParamDeclines) : null,
            Store = checkedDay ? new ReconciliationSide(row.StoreSales, row.StoreGross, null, null, row.StoreReversals, row.StoreRefunds, 0) : null,
            Differences = string.IsNullOrEmpty(row.DifferencesJson) ? [] : JsonSerializer.Deserialize<List<ReconciliationDifference>>(row.DifferencesJson) ?? [],
            ValueDates = string.IsNullOrEmpty(row.ValueDates) ? [] : row.ValueDates.Split(',')
        };
    }
}
