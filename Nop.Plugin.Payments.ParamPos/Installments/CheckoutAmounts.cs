using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Installments;

/// <summary>
/// The amount the commission is computed on: the cart total with everything nopCommerce applies (discounts, gift cards,
/// shipping, tax) except this payment method's own fee. That is Islem_Tutar.
/// </summary>
public class CheckoutAmounts
{
    #region Fields

    protected readonly IOrderTotalCalculationService _orderTotalCalculationService;
    protected readonly IShoppingCartService _shoppingCartService;

    #endregion

    #region Ctor

    public CheckoutAmounts(IOrderTotalCalculationService orderTotalCalculationService,
        IShoppingCartService shoppingCartService)
    {
        _orderTotalCalculationService = orderTotalCalculationService;
        _shoppingCartService = shoppingCartService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the customer's shopping cart in a store
    /// </summary>
    public virtual Task<IList<ShoppingCartItem>> CartAsync(Customer customer, int storeId)
    {
        return _shoppingCartService.GetShoppingCartAsync(customer, ShoppingCartType.ShoppingCart, storeId);
    }

    /// <summary>
    /// Gets the cart total without this method's fee, or null when nopCommerce cannot compute it yet (e.g. no shipping chosen)
    /// </summary>
    public virtual async Task<decimal?> AmountBeforeFeeAsync(IList<ShoppingCartItem> cart)
    {
        if (cart is null || cart.Count == 0)
            return null;

        var (total, _, _, _, _, _) = await _orderTotalCalculationService.GetShoppingCartTotalAsync(cart, usePaymentMethodAdditionalFee: false);

        return total;
    }

    #endregion
}
