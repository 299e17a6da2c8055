using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Catalog;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// In marketplace mode, finds what in a cart Param could not pay to its vendor: goods of a vendor not registered as a
/// seller at Param (refused unless the store keeps those shares), and goods of an individual seller over its spending
/// limit at Param (Pazaryeri_TP_Limit_Kontrol: no payment may be taken for them)
/// </summary>
public class MarketplaceCartCheck
{
    #region Fields

    protected readonly ILogger _logger;
    protected readonly IProductService _productService;
    protected readonly IShoppingCartService _shoppingCartService;
    protected readonly MarketplaceRecords _records;
    protected readonly ParamCallRunner _callRunner;

    #endregion

    #region Ctor

    public MarketplaceCartCheck(ILogger logger,
        IProductService productService,
        IShoppingCartService shoppingCartService,
        MarketplaceRecords records,
        ParamCallRunner callRunner)
    {
        _logger = logger;
        _productService = productService;
        _shoppingCartService = shoppingCartService;
        _records = records;
        _callRunner = callRunner;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Gets the vendors' goods in the cart (the lines' subtotals with their discounts), with their products
    /// </summary>
    protected virtual async Task<IReadOnlyList<(Product Product, decimal Goods)>> VendorLinesAsync(IList<ShoppingCartItem> cart)
    {
        var lines = new List<(Product, decimal)>();
        foreach (var item in cart)
        {
            if (await _productService.GetProductByIdAsync(item.ProductId) is { VendorId: > 0 } product)
                lines.Add((product, (await _shoppingCartService.GetSubTotalAsync(item, true)).subTotal));
        }

        return lines;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets what in the cart Param could not pay to its vendor, or null when the whole cart can be paid
    /// </summary>
    /// <param name="settings">The store's settings</param>
    /// <param name="cart">The cart</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the problem (its text's key and the products' names), or null</returns>
    public virtual async Task<(string ResourceKey, IReadOnlyList<string> Products)?> ProblemAsync(ParamPosSettings settings, IList<ShoppingCartItem> cart)
    {
        if (!settings.MarketplaceMode || cart is null || cart.Count == 0)
            return null;

        var lines = await VendorLinesAsync(cart);
        var sellers = (await _records.SellersOfVendorsAsync(lines.Select(line => line.Product.VendorId).Distinct().ToList())).ToDictionary(seller => seller.VendorId);
        var unregistered = lines.Where(line => !sellers.ContainsKey(line.Product.VendorId)).Select(line => line.Product.Name).Distinct().ToList();
        if (unregistered.Count > 0 && settings.MarketplaceRefuseUnregisteredVendors)
            return ("Marketplace.VendorNotRegistered", unregistered);

        var overLimit = new List<string>();
        foreach (var vendor in lines.Where(line => sellers.TryGetValue(line.Product.VendorId, out var seller) && seller.SellerTypeId == (int)SellerType.Individual).GroupBy(line => line.Product.VendorId))
        {
            var seller = sellers[vendor.Key];
            try
            {
                var limit = await _callRunner.CallMarketplaceAsync(settings, (client, context) =>
                    client.CheckSellerLimitAsync(settings.MarketplaceGuid, seller.SubMerchantGuid, vendor.Sum(line => line.Goods), context));
                if (limit.Succeeded && !limit.Allowed)
                    overLimit.AddRange(vendor.Select(line => line.Product.Name));
            }
            catch (ParamGatewayException exception)
            {
                // Param's own check at the declaration still applies; the shopper is not stopped by an unreachable service.
                await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: the individual seller limit of vendor {vendor.Key} could not be checked ({exception.Kind}).");
            }
        }

        return overLimit.Count > 0 ? ("Marketplace.SellerOverLimit", overLimit.Distinct().ToList()) : null;
    }

    #endregion
}
