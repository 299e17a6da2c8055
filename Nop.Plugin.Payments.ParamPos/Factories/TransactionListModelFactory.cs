using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.ParamPos.Factories;

/// <summary>
/// Prepares the "ParamPOS transactions" page and its CSV rows from the payment ledger: dates in Turkish time, the
/// order's link, the card as masked when the payment started, the commission the shopper paid (total less the amount
/// before it), and the outcome in the store's words.
/// </summary>
public class TransactionListModelFactory
{
    #region Fields

    private const int DEFAULT_DAYS = 7;

    protected readonly ILocalizationService _localizationService;
    protected readonly IOrderService _orderService;
    protected readonly IStoreService _storeService;
    protected readonly LedgerSearch _ledgerSearch;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public TransactionListModelFactory(ILocalizationService localizationService,
        IOrderService orderService,
        IStoreService storeService,
        LedgerSearch ledgerSearch,
        TimeProvider timeProvider)
    {
        _localizationService = localizationService;
        _orderService = orderService;
        _storeService = storeService;
        _ledgerSearch = ledgerSearch;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Prepares a page of the list for the posted (or default: the last 7 Turkish days) filters
    /// </summary>
    /// <param name="search">The filters, or null</param>
    /// <param name="all">Every line (the export) instead of one page</param>
    public virtual async Task<TransactionListModel> PrepareAsync(TransactionListModel search, bool all = false)
    {
        var model = search ?? new TransactionListModel();
        var today = TurkishTime.DayOf(_timeProvider.GetUtcNow());
        model.PageSize = model.PageSize is > 0 and <= 500 ? model.PageSize : 50;
        model.To = string.IsNullOrWhiteSpace(model.To) ? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : model.To.Trim();
        model.From = string.IsNullOrWhiteSpace(model.From) ? today.AddDays(-(DEFAULT_DAYS - 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : model.From.Trim();
        model.AvailableStates = await StateChoicesAsync(model.StateId);
        model.AvailableStores = await StoreChoicesAsync(model.StoreId);

        if (!DateOnly.TryParseExact(model.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(model.To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to < from)
        {
            model.Error = await _localizationService.GetPluginResourceAsync("Transactions.InvalidDates");
            return model;
        }

        Guid? orderGuid = null;
        if (model.OrderId is { } orderId)
        {
            var order = await _orderService.GetOrderByIdAsync(orderId);
            if (order is null)
            {
                model.Error = await _localizationService.GetPluginResourceAsync("Transactions.NoSuchOrder");
                return model;
            }

            orderGuid = order.OrderGuid;
        }

        var filter = new LedgerSearchFilter(TurkishTime.UtcBounds(from).FromUtc, TurkishTime.UtcBounds(to).ToUtc, model.StoreId, orderGuid,
            model.StateId is { } state && Enum.IsDefined(typeof(LedgerEntryState), state) ? (LedgerEntryState)state : null);
        var (lines, total) = await _ledgerSearch.SearchAsync(filter, all ? 0 : model.PageIndex, all ? int.MaxValue : model.PageSize);
        model.Total = total;
        model.Rows = await RowsAsync(lines);

        return model;
    }

    #endregion

    #region Utilities

    protected virtual async Task<IList<TransactionRowModel>> RowsAsync(IReadOnlyList<LedgerLine> lines)
    {
        var orders = new Dictionary<Guid, Nop.Core.Domain.Orders.Order>();
        var rows = new List<TransactionRowModel>();
        foreach (var line in lines)
        {
            if (!orders.TryGetValue(line.Attempt.OrderGuid, out var order))
                orders[line.Attempt.OrderGuid] = order = await _orderService.GetOrderByGuidAsync(line.Attempt.OrderGuid);

            var attempt = line.Attempt;
            var entry = line.Entry;
            var charge = entry?.Kind is LedgerEntryKind.Charge or LedgerEntryKind.Capture;
            rows.Add(new TransactionRowModel
            {
                Date = TurkishTime.FromUtc(new DateTimeOffset(DateTime.SpecifyKind(line.OccurredOnUtc, DateTimeKind.Utc))).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                OrderId = order?.Id,
                OrderNumber = order is null ? null : string.IsNullOrEmpty(order.CustomOrderNumber) ? order.Id.ToString(CultureInfo.InvariantCulture) : order.CustomOrderNumber,
                OrderReference = attempt.OrderReference,
                Kind = entry is null
                    ? await _localizationService.GetResourceAsync($"{ParamPosDefaults.EnumLocalePrefix}Domain.{nameof(PaymentKind)}.{attempt.Kind}")
                    : await _localizationService.GetResourceAsync($"{ParamPosDefaults.EnumLocalePrefix}Domain.{nameof(LedgerEntryKind)}.{entry.Kind}"),
                MaskedCard = attempt.MaskedCard,
                CardFamily = attempt.CardFamily,
                Installments = attempt.Installments,
                Amount = entry?.Amount ?? attempt.Total,
                Commission = charge || entry is null ? attempt.Total - attempt.Amount : 0m,
                Currency = attempt.CurrencyCode,
                State = entry is null ? await AttemptStateAsync(attempt) : await _localizationService.GetResourceAsync($"{ParamPosDefaults.EnumLocalePrefix}Domain.{nameof(LedgerEntryState)}.{entry.State}"),
                ReceiptId = entry?.ReceiptId,
                Result = entry is null ? attempt.DeclineReason : string.IsNullOrEmpty(entry.ResultText) ? entry.ResultCode : $"{entry.ResultCode}: {entry.ResultText}"
            });
        }

        return rows;
    }

    protected virtual async Task<string> AttemptStateAsync(ParamPosPayment attempt)
    {
        return await _localizationService.GetPluginResourceAsync(string.IsNullOrEmpty(attempt.DeclineReason) ? "Transactions.AttemptStarted" : "Transactions.AttemptDeclined");
    }

    protected virtual async Task<IList<SelectListItem>> StateChoicesAsync(int? selected)
    {
        var items = new List<SelectListItem> { new(await _localizationService.GetPluginResourceAsync("Transactions.AllLines"), string.Empty, selected is null) };
        foreach (var state in Enum.GetValues<LedgerEntryState>())
        {
            items.Add(new SelectListItem(await _localizationService.GetResourceAsync($"{ParamPosDefaults.EnumLocalePrefix}Domain.{nameof(LedgerEntryState)}.{state}"),
                ((int)state).ToString(CultureInfo.InvariantCulture), selected == (int)state));
        }

        return items;
    }

    protected virtual async Task<IList<SelectListItem>> StoreChoicesAsync(int selected)
    {
        var items = new List<SelectListItem> { new(await _localizationService.GetPluginResourceAsync("Transactions.AllStores"), "0", selected == 0) };
        foreach (var store in await _storeService.GetAllStoresAsync())
            items.Add(new SelectListItem(store.Name, store.Id.ToString(CultureInfo.InvariantCulture), selected == store.Id));

        return items;
    }

    #endregion
}
