using System.Globalization;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Localization;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Factories;

/// <summary>
/// Builds the order page's "Param marketplace" block: each vendor's latest share of the order, its approval, and how
/// Param reports it (state and payout date, one Pazaryeri_TP_Islem_Sorgulama per page view)
/// </summary>
public class MarketplaceOrderModelFactory
{
    #region Fields

    protected readonly ILocalizationService _localizationService;
    protected readonly IOrderService _orderService;
    protected readonly MarketplaceRecords _records;
    protected readonly ParamCallRunner _callRunner;

    #endregion

    #region Ctor

    public MarketplaceOrderModelFactory(ILocalizationService localizationService,
        IOrderService orderService,
        MarketplaceRecords records,
        ParamCallRunner callRunner)
    {
        _localizationService = localizationService;
        _orderService = orderService;
        _records = records;
        _callRunner = callRunner;
    }

    #endregion

    #region Utilities

    protected static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Gets Param's lines of the order's payment by PYSiparis_GUID, or null when Param cannot say
    /// </summary>
    protected virtual async Task<IReadOnlyDictionary<string, ShareRecord>> LinesAtParamAsync(ParamPosSettings settings, IReadOnlyList<ParamPosMarketplaceShare> shares)
    {
        var transactionId = shares.Select(share => long.TryParse(share.TransactionId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0L).FirstOrDefault(id => id > 0);
        if (transactionId == 0 || !shares.Any(share => share.ShareGuid is not null))
            return new Dictionary<string, ShareRecord>();

        try
        {
            var answer = await _callRunner.CallMarketplaceAsync(settings, (client, context) => client.QuerySharesAsync(settings.MarketplaceGuid, null, null, transactionId, context));

            return answer.Succeeded ? answer.Shares.GroupBy(line => line.ShareGuid, StringComparer.OrdinalIgnoreCase).ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase) : null;
        }
        catch (ParamGatewayException)
        {
            return null;
        }
    }

    #endregion

    #region Methods

    /// <summary>
    /// Prepares the block of an order, or null when the order has no marketplace shares
    /// </summary>
    public virtual async Task<MarketplaceOrderModel> PrepareAsync(int orderId)
    {
        var order = await _orderService.GetOrderByIdAsync(orderId);
        if (order is null)
            return null;

        var shares = (await _records.SharesOfOrderAsync(order.OrderGuid)).GroupBy(share => share.VendorId)
            .Select(group => group.OrderBy(share => share.Attempt).Last()).OrderBy(share => share.VendorId).ToList();
        if (shares.Count == 0)
            return null;

        var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
        var sellers = (await _records.SellersOfVendorsAsync(shares.Select(share => share.VendorId).ToList())).ToDictionary(seller => seller.VendorId);
        var changes = await _records.ApprovalsOfOrderAsync(order.OrderGuid);
        var atParam = await LinesAtParamAsync(settings, shares);
        var model = new MarketplaceOrderModel { OrderId = order.Id, ParamUnreachable = atParam is null };
        foreach (var share in shares)
        {
            var line = share.ShareGuid is not null && atParam?.TryGetValue(share.ShareGuid, out var found) == true ? found : null;
            var approved = changes.Where(change => change.ShareGuid == share.ShareGuid && change.Succeeded).LastOrDefault()?.Approve ?? false;
            var declared = share.State == MarketplaceShareState.Declared;
            model.Shares.Add(new MarketplaceShareRowModel
            {
                VendorId = share.VendorId,
                Seller = sellers.TryGetValue(share.VendorId, out var seller) ? seller.Title ?? seller.Name : null,
                ProductAmount = Money(share.ProductAmount),
                PayableAmount = Money(share.PayableAmount),
                RefundedAmount = Money(share.RefundedAmount),
                State = await _localizationService.GetResourceAsync($"{ParamPosDefaults.EnumLocalePrefix}Domain.{nameof(MarketplaceShareState)}.{share.State}"),
                StateAtParam = line?.StatusText,
                PayoutDate = line?.PayoutDate,
                Approved = approved,
                CanRefund = declared && share.ProductAmount > 0m
            });
            model.CanApprove |= declared && !approved;
            model.CanWithdraw |= declared && approved;
        }

        return model;
    }

    #endregion
}
