using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Services.Catalog;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// In marketplace mode, finds the cart's goods whose vendor is not registered as a seller at Param: such a vendor could
/// not be paid, so the checkout refuses the cart (unless the store keeps those shares)
/// </summary>
public class MarketplaceCartCheck
{
    #region Fields

    protected readonly IProductService _productService;
    protected readonly MarketplaceRecords _records;

    #endregion

    #region Ctor

    public MarketplaceCartCheck(IProductService productService,
        MarketplaceRecords records)
    {
        _productService = productService;
        _records = records;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the names of the cart's products sold by vendors Param cannot pay, empty when the cart can be paid
    /// </summary>
    /// <param name="settings">The store's settings</param>
    /// <param name="cart">The cart</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the products' names</returns>
    public virtual async Task<IReadOnlyList<string>> UnpayableProductsAsync(ParamPosSettings settings, IList<ShoppingCartItem> cart)
    {
        if (!settings.MarketplaceMode || !settings.MarketplaceRefuseUnregisteredVendors || cart is null || cart.Count == 0)
            return [];

        var products = new List<Nop.Core.Domain.Catalog.Product>();
        foreach (var productId in cart.Select(item => item.ProductId).Distinct())
        {
            if (await _productService.GetProductByIdAsync(productId) is { VendorId: > 0 } product)
                products.Add(product);
        }

        var registered = (await _records.SellersOfVendorsAsync(products.Select(product => product.VendorId).Distinct().ToList())).Select(seller => seller.VendorId).ToHashSet();

        return products.Where(product => !registered.Contains(product.VendorId)).Select(product => product.Name).ToList();
    }

    #endregion
}
