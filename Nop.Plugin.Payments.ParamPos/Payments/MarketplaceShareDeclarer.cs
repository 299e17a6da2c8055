using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Marketplace;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Catalog;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Declares each vendor's share of a paid marketplace order to Param (Pazaryeri_TP_Siparis_Detay_Ekle), once: the
/// shares are a snapshot made when the payment is confirmed (order lines by their products' vendors then, the order
/// discount shared by goods, the net of Param's commission, the vendor's commission rate), and each declaration is
/// sent only by the request that inserted its attempt (unique per order, vendor and attempt). A failed declaration is
/// retried by <see cref="RetryFailedAsync"/> as a new attempt, never by sending the same one twice.
/// </summary>
public class MarketplaceShareDeclarer
{
    #region Fields

    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly IProductService _productService;
    protected readonly MarketplaceRecords _records;
    protected readonly ParamCallRunner _callRunner;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public MarketplaceShareDeclarer(ILogger logger,
        IOrderService orderService,
        IProductService productService,
        MarketplaceRecords records,
        ParamCallRunner callRunner,
        TimeProvider timeProvider)
    {
        _logger = logger;
        _orderService = orderService;
        _productService = productService;
        _records = records;
        _callRunner = callRunner;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Snapshots and declares the vendors' shares of an order whose sale Param confirmed (marketplace mode only)
    /// </summary>
    /// <param name="order">The paid order</param>
    /// <param name="attempt">The attempt that was charged</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the attempts this request sent or recorded</returns>
    public virtual async Task<IReadOnlyList<ParamPosMarketplaceShare>> DeclareAsync(Order order, ParamPosPayment attempt)
    {
        var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
        if (!settings.MarketplaceMode || attempt.CurrencyCode != ParamPosDefaults.CurrencyCode)
            return [];

        var goodsByVendor = new Dictionary<int, decimal>();
        foreach (var item in await _orderService.GetOrderItemsAsync(order.Id))
        {
            var vendorId = (await _productService.GetProductByIdAsync(item.ProductId))?.VendorId ?? 0;
            goodsByVendor[vendorId] = goodsByVendor.GetValueOrDefault(vendorId) + item.PriceInclTax;
        }

        var sellers = (await _records.SellersOfVendorsAsync(goodsByVendor.Keys.Where(vendorId => vendorId > 0).ToList())).ToDictionary(seller => seller.VendorId);
        // The marketplace's own goods (vendor 0) take their part of the discount too; their share stays with the marketplace.
        var goods = goodsByVendor.Select(pair => new SellerGoods(pair.Key, pair.Value,
            sellers.TryGetValue(pair.Key, out var seller) ? seller.CommissionRate ?? settings.MarketplaceDefaultCommissionRate : 0m)).ToList();
        // Param takes its commission off the total: the installment's rate from Param's list or the contracted rate, the
        // larger, so that the shares never exceed what Param pays ("Net tutar aşıldı").
        var commissionRate = Math.Max(attempt.CommissionRate, settings.MarketplaceParamCommissionRate);
        var net = Math.Round(attempt.Total - attempt.Total * commissionRate / 100m, 2, MidpointRounding.AwayFromZero);
        var rules = new ShareRules(settings.MarketplaceShippingToVendors, settings.MarketplaceCommissionBearer == MarketplaceCommissionBearer.Marketplace, settings.MarketplaceFundsDiscounts);
        var shares = ShareAllocator.Allocate(goods, order.OrderShippingInclTax, Math.Min(goods.Sum(line => line.Goods), order.OrderSubTotalDiscountInclTax + order.OrderDiscount), net, rules);

        var sent = new List<ParamPosMarketplaceShare>();
        foreach (var share in shares.Where(share => share.SellerId > 0))
        {
            var declaration = new ParamPosMarketplaceShare
            {
                OrderGuid = order.OrderGuid,
                VendorId = share.SellerId,
                Attempt = 1,
                SubMerchantGuid = sellers.GetValueOrDefault(share.SellerId)?.SubMerchantGuid,
                TransactionId = attempt.TransactionGuid,
                Goods = share.GoodsAfterDiscount,
                ProductAmount = share.ProductAmount,
                PayableAmount = share.PayableAmount,
                State = sellers.ContainsKey(share.SellerId) ? MarketplaceShareState.Sending : MarketplaceShareState.NoSeller,
                Answer = sellers.ContainsKey(share.SellerId) ? null : "the vendor is not registered as a seller at Param: its share stays with the marketplace",
                CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
            };
            if (!await _records.TryClaimAsync(declaration))
                continue;

            if (declaration.State == MarketplaceShareState.Sending)
                await SendAsync(settings, declaration);
            sent.Add(declaration);
        }

        return sent;
    }

    /// <summary>
    /// Retries every failed declaration once, as a new attempt (the retry task; two nodes never send the same attempt)
    /// </summary>
    /// <returns>A task that represents the asynchronous operation; the task result contains the attempts this run sent</returns>
    public virtual async Task<IReadOnlyList<ParamPosMarketplaceShare>> RetryFailedAsync()
    {
        var sent = new List<ParamPosMarketplaceShare>();
        foreach (var failed in await _records.FailedAsync())
        {
            var order = await _orderService.GetOrderByGuidAsync(failed.OrderGuid);
            if (order is null)
                continue;

            var retry = new ParamPosMarketplaceShare
            {
                OrderGuid = failed.OrderGuid,
                VendorId = failed.VendorId,
                Attempt = failed.Attempt + 1,
                SubMerchantGuid = failed.SubMerchantGuid,
                TransactionId = failed.TransactionId,
                Goods = failed.Goods,
                ProductAmount = failed.ProductAmount,
                PayableAmount = failed.PayableAmount,
                State = MarketplaceShareState.Sending,
                CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
            };
            if (!await _records.TryClaimAsync(retry))
                continue;

            var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
            if (await DeclaredAtParamAsync(settings, retry) is { } shareGuid)
            {
                // The earlier attempt's answer was lost but Param holds the line: recorded, not sent again.
                retry.State = MarketplaceShareState.Declared;
                retry.ShareGuid = shareGuid;
                retry.Answer = "found at Param (the earlier answer was lost)";
                retry.CompletedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
                await _records.CompleteAsync(retry);
            }
            else
            {
                await SendAsync(settings, retry);
            }

            sent.Add(retry);
        }

        return sent;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Gets the PYSiparis_GUID of a line Param already holds for this payment, seller and amounts that no attempt
    /// recorded, or null (also when Param cannot be asked: then the attempt is sent and Param's net check stands guard)
    /// </summary>
    protected virtual async Task<string> DeclaredAtParamAsync(ParamPosSettings settings, ParamPosMarketplaceShare declaration)
    {
        if (!long.TryParse(declaration.TransactionId, NumberStyles.None, CultureInfo.InvariantCulture, out var transactionId))
            return null;

        try
        {
            var known = (await _records.SharesOfOrderAsync(declaration.OrderGuid)).Select(share => share.ShareGuid).Where(guid => guid is not null).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var lines = await _callRunner.CallMarketplaceAsync(settings, (client, context) =>
                client.QuerySharesAsync(settings.MarketplaceGuid, declaration.SubMerchantGuid, null, transactionId, context));

            return lines.Shares.FirstOrDefault(line => !known.Contains(line.ShareGuid) && line.ProductAmount == declaration.ProductAmount
                && line.PayableAmount == declaration.PayableAmount)?.ShareGuid;
        }
        catch (ParamGatewayException)
        {
            return null;
        }
    }

    protected virtual async Task SendAsync(ParamPosSettings settings, ParamPosMarketplaceShare declaration)
    {
        try
        {
            // Param names the payment by its Islem_ID: the 3D Pay start's (M9: the marketplace's documented payment path).
            if (!long.TryParse(declaration.TransactionId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                throw new InvalidOperationException("the payment's Islem_ID is not known (marketplace mode takes payments with 3D Pay)");

            var result = await _callRunner.CallMarketplaceAsync(settings, (client, context) =>
                client.DeclareShareAsync(settings.MarketplaceGuid, declaration.ProductAmount, declaration.PayableAmount, declaration.TransactionId, declaration.SubMerchantGuid, context));
            declaration.State = result.Succeeded ? MarketplaceShareState.Declared : MarketplaceShareState.Failed;
            declaration.ShareGuid = result.ShareGuid;
            declaration.Answer = result.Succeeded ? "declared" : ParamErrorCatalog.Describe(result.Error);
        }
        catch (Exception exception) when (exception is ParamGatewayException or InvalidOperationException)
        {
            // A lost answer may have declared it: the retry asks Param's lines before it sends again.
            declaration.State = MarketplaceShareState.Failed;
            declaration.Answer = exception.Message.Length > 480 ? exception.Message[..480] : exception.Message;
            await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: the share of vendor {declaration.VendorId} in order {declaration.OrderGuid} was not declared ({declaration.Answer}); it will be retried.");
        }

        declaration.CompletedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        await _records.CompleteAsync(declaration);
    }

    #endregion
}
