using System.Globalization;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Paratika;
using Nop.Services.Catalog;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Describes an order to Paratika for a payment session: its total in lira, the customer from the billing address, and
/// its lines (products, shipping, the payment fee) adding up to the total exactly (<see cref="ParatikaOrderItems.Balance"/>).
/// </summary>
public class ParatikaSessionBuilder
{
    #region Fields

    protected readonly IAddressService _addressService;
    protected readonly ICustomerService _customerService;
    protected readonly ILanguageService _languageService;
    protected readonly IOrderService _orderService;
    protected readonly IProductService _productService;
    protected readonly IWebHelper _webHelper;

    #endregion

    #region Ctor

    public ParatikaSessionBuilder(IAddressService addressService,
        ICustomerService customerService,
        ILanguageService languageService,
        IOrderService orderService,
        IProductService productService,
        IWebHelper webHelper)
    {
        _addressService = addressService;
        _customerService = customerService;
        _languageService = languageService;
        _orderService = orderService;
        _productService = productService;
        _webHelper = webHelper;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Builds the session request of an attempt
    /// </summary>
    /// <param name="order">The order</param>
    /// <param name="merchantPaymentId">The attempt's MERCHANTPAYMENTID</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the request</returns>
    public virtual async Task<ParatikaSessionRequest> BuildAsync(Order order, string merchantPaymentId)
    {
        var address = await _addressService.GetAddressByIdAsync(order.BillingAddressId);
        var customer = await _customerService.GetCustomerByIdAsync(order.CustomerId);
        var language = await _languageService.GetLanguageByIdAsync(order.CustomerLanguageId);
        var turkish = language?.LanguageCulture?.StartsWith("tr", StringComparison.OrdinalIgnoreCase) == true;
        var name = string.Join(' ', new[] { address?.FirstName ?? customer?.FirstName, address?.LastName ?? customer?.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));

        return new ParatikaSessionRequest
        {
            MerchantPaymentId = merchantPaymentId,
            Amount = order.OrderTotal,
            Currency = ParamPosDefaults.CurrencyCode,
            CustomerId = order.CustomerId.ToString(CultureInfo.InvariantCulture),
            CustomerName = name,
            CustomerEmail = address?.Email ?? customer?.Email,
            CustomerPhone = InternationalPhone(address?.PhoneNumber ?? customer?.Phone),
            CustomerIp = order.CustomerIp,
            ReturnUrl = $"{_webHelper.GetStoreLocation()}{ParamPosDefaults.Route.ParatikaReturnPattern}",
            Items = ParatikaOrderItems.Balance(await LinesAsync(order, turkish), order.OrderTotal,
                ("OTHER", turkish ? "Vergi ve diğer tutarlar" : "Tax and other charges", string.Empty)),
            Language = turkish ? "tr" : "en"
        };
    }

    /// <summary>
    /// Gets a phone number in the international form Paratika shows (+905551112233), or null when it cannot be told
    /// </summary>
    public static string InternationalPhone(string phone)
    {
        var digits = new string((phone ?? string.Empty).Where(char.IsAsciiDigit).ToArray());

        return digits switch
        {
            { Length: 12 } when digits.StartsWith("90", StringComparison.Ordinal) => "+" + digits,
            { Length: 11 } when digits.StartsWith('0') => "+9" + digits,
            { Length: 10 } when digits.StartsWith('5') => "+90" + digits,
            _ when phone?.TrimStart().StartsWith('+') == true && digits.Length is >= 8 and <= 15 => "+" + digits,
            _ => null
        };
    }

    #endregion

    #region Utilities

    /// <summary>
    /// The order's lines before balancing: each product line (its total, quantity folded into the name), shipping and the payment fee
    /// </summary>
    protected virtual async Task<List<ParatikaOrderItem>> LinesAsync(Order order, bool turkish)
    {
        var lines = new List<ParatikaOrderItem>();
        foreach (var item in await _orderService.GetOrderItemsAsync(order.Id))
        {
            var product = await _productService.GetProductByIdAsync(item.ProductId);
            var code = string.IsNullOrWhiteSpace(product?.Sku) ? item.ProductId.ToString(CultureInfo.InvariantCulture) : product.Sku;
            var name = Cut(product?.Name ?? code, 100);
            var description = item.Quantity == 1 ? string.Empty : $"{item.Quantity} × {item.UnitPriceInclTax.ToString("0.00", CultureInfo.InvariantCulture)}";
            lines.Add(new ParatikaOrderItem(Cut(code, 50), item.Quantity == 1 ? name : $"{item.Quantity} × {name}", description, item.PriceInclTax));
        }

        if (order.OrderShippingInclTax > 0m)
            lines.Add(new ParatikaOrderItem("SHIPPING", turkish ? "Kargo" : "Shipping", string.Empty, order.OrderShippingInclTax));
        if (order.PaymentMethodAdditionalFeeInclTax > 0m)
            lines.Add(new ParatikaOrderItem("FEE", turkish ? "Ödeme ücreti" : "Payment fee", string.Empty, order.PaymentMethodAdditionalFeeInclTax));

        return lines;
    }

    protected static string Cut(string text, int length) => text is null || text.Length <= length ? text : text[..length];

    #endregion
}
