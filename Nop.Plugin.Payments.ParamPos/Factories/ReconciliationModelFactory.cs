using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Services.Localization;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.ParamPos.Factories;

/// <summary>
/// Prepares the reconciliation page from the kept checks: the chosen day's sums side by side and its differences in the
/// store's words, and the last 30 days for the table and the chart.
/// </summary>
public class ReconciliationModelFactory
{
    #region Fields

    private const int DAYS_SHOWN = 30;

    protected readonly ILocalizationService _localizationService;
    protected readonly IStoreService _storeService;
    protected readonly ReconciliationDays _days;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public ReconciliationModelFactory(ILocalizationService localizationService, IStoreService storeService, ReconciliationDays days, TimeProvider timeProvider)
    {
        _localizationService = localizationService;
        _storeService = storeService;
        _days = days;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the Turkish day a posted text names, or yesterday when it names none
    /// </summary>
    public virtual DateOnly DayOf(string text)
    {
        return DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : TurkishTime.DayOf(_timeProvider.GetUtcNow()).AddDays(-1);
    }

    /// <summary>
    /// Prepares the page of a store's day
    /// </summary>
    public virtual async Task<ReconciliationPageModel> PrepareAsync(int storeId, DateOnly day)
    {
        var stores = await _storeService.GetAllStoresAsync();
        storeId = stores.Any(store => store.Id == storeId) ? storeId : stores.FirstOrDefault()?.Id ?? 0;
        var model = new ReconciliationPageModel
        {
            StoreId = storeId,
            Day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AvailableStores = stores.Select(store => new SelectListItem(store.Name, store.Id.ToString(CultureInfo.InvariantCulture), store.Id == storeId)).ToList()
        };

        if (await _days.GetAsync(storeId, day) is { } report)
        {
            model.Checked = true;
            model.CheckedOn = report.CheckedOnUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            model.Error = report.Error;
            model.IsClean = report.IsClean;
            if (report.Error is null)
                model.Figures = await FiguresAsync(report);
            foreach (var difference in report.Differences)
                model.Differences.Add(await DifferenceAsync(difference));
        }

        var today = TurkishTime.DayOf(_timeProvider.GetUtcNow());
        var first = today.AddDays(-DAYS_SHOWN);
        var checkedDays = (await _days.BetweenAsync(storeId, first, today.AddDays(-1))).ToDictionary(checkedDay => checkedDay.Day);
        var shownDays = Enumerable.Range(0, DAYS_SHOWN).Select(offset => first.AddDays(offset)).ToList();
        foreach (var shown in shownDays)
        {
            var label = shown.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            model.Days.Add(checkedDays.TryGetValue(shown, out var checkedDay)
                ? new ReconciliationDayModel(label, true, checkedDay.IsClean, checkedDay.Error, Money(checkedDay.Param?.Gross), Money(checkedDay.Store?.Gross), checkedDay.Differences.Count)
                : new ReconciliationDayModel(label, false, false, null, null, null, 0));
        }

        model.ChartJson = JsonSerializer.Serialize(new
        {
            labels = shownDays.Select(shown => shown.ToString("MM-dd", CultureInfo.InvariantCulture)),
            param = shownDays.Select(shown => checkedDays.GetValueOrDefault(shown)?.Param?.Gross),
            store = shownDays.Select(shown => checkedDays.GetValueOrDefault(shown)?.Store?.Gross),
            paramLabel = await _localizationService.GetPluginResourceAsync("Reconciliation.Param"),
            storeLabel = await _localizationService.GetPluginResourceAsync("Reconciliation.Store")
        });

        return model;
    }

    #endregion

    #region Utilities

    protected virtual async Task<IList<ReconciliationFigureModel>> FiguresAsync(DailyReconciliationReport report)
    {
        async Task<ReconciliationFigureModel> Figure(string key, string param, string store) =>
            new(await _localizationService.GetPluginResourceAsync(key), param, store, store is not null && param != store);
        string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

        return
        [
            await Figure("Reconciliation.Sales", Count(report.Param.Sales), Count(report.Store.Sales)),
            await Figure("Reconciliation.Gross", Money(report.Param.Gross), Money(report.Store.Gross)),
            await Figure("Reconciliation.Refunds", Money(report.Param.Refunds), Money(report.Store.Refunds)),
            await Figure("Reconciliation.Commission", Money(report.Param.Commission), null),
            await Figure("Reconciliation.Net", Money(report.Param.Net), null),
            await Figure("Reconciliation.Declines", Count(report.Param.Declines), null),
            await Figure("Reconciliation.ValueDates", report.ValueDates.Count == 0 ? "-" : string.Join(", ", report.ValueDates), null)
        ];
    }

    protected virtual async Task<ReconciliationDifferenceModel> DifferenceAsync(ReconciliationDifference difference)
    {
        var order = difference.OrderId?.ToString(CultureInfo.InvariantCulture) ?? "-";
        var text = string.Format(await _localizationService.GetPluginResourceAsync($"Reconciliation.Difference.{difference.Kind}"),
            difference.OrderReference, order, Money(difference.ParamAmount), Money(difference.StoreAmount), difference.ReceiptId ?? "-");

        return new ReconciliationDifferenceModel(await _localizationService.GetResourceAsync($"{ParamPosDefaults.EnumLocalePrefix}Domain.{nameof(DifferenceKind)}.{difference.Kind}"),
            text, difference.OrderId, difference.OrderReference);
    }

    protected static string Money(decimal? amount) => amount?.ToString("N2", CultureInfo.CurrentCulture);

    #endregion
}
