using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Orders;
using Nop.Services.Catalog;
using Nop.Services.Common;
using Nop.Services.Tax;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>
/// The store's products, addresses and order lines, shared by every web node: what nopCommerce's ProductService,
/// AddressService and OrderService.GetOrderItemsAsync read from the database; a product's price with one attribute
/// whose values change it (nopCommerce's attribute parser and unit price), and the tax nopCommerce adds for display.
/// </summary>
public sealed partial class FakeCatalog : IProductService, IAddressService, IProductAttributeParser, ITaxService
{
    /// <summary>The form field of the product's attribute, as nopCommerce names it (product_attribute_{mapping id}).</summary>
    public const string ATTRIBUTE_FIELD = "product_attribute_1";

    private readonly ConcurrentDictionary<int, (decimal Price, IReadOnlyDictionary<string, decimal> Adjustments)> _prices = new();

    private readonly ConcurrentDictionary<int, Product> _products = new();
    private readonly ConcurrentDictionary<int, Address> _addresses = new();
    private readonly ConcurrentDictionary<int, IList<OrderItem>> _orderItems = new();

    public void Add(Product product) => _products[product.Id] = product;

    public void Add(Address address) => _addresses[address.Id] = address;

    public void SetOrderItems(int orderId, IList<OrderItem> items) => _orderItems[orderId] = items;

    /// <summary>Gets or sets the lines every order placed without its own lines has (as the cart a shopper checks out in a browser held).</summary>
    public IList<(int ProductId, decimal Price)> LinesOfEveryOrder { get; set; } = [];

    public IList<OrderItem> OrderItems(int orderId) => _orderItems.TryGetValue(orderId, out var items)
        ? items
        : LinesOfEveryOrder.Select(line => new OrderItem { OrderId = orderId, ProductId = line.ProductId, Quantity = 1, UnitPriceInclTax = line.Price, PriceInclTax = line.Price }).ToList();

    public Task<Product> GetProductByIdAsync(int productId) => Task.FromResult(_products.GetValueOrDefault(productId));

    public Task<Address> GetAddressByIdAsync(int addressId) => Task.FromResult(_addresses.GetValueOrDefault(addressId));

    /// <summary>Gets or sets the tax rate nopCommerce adds to displayed prices (0: prices include tax).</summary>
    public decimal DisplayTaxRate { get; set; }

    /// <summary>Adds a product with its price and the price changes of its attribute's values.</summary>
    public void AddPricedProduct(int id, string name, decimal price, IReadOnlyDictionary<string, decimal> adjustments = null)
    {
        Add(new Product { Id = id, Name = name, Sku = "SKU-" + id });
        _prices[id] = (price, adjustments ?? new Dictionary<string, decimal>());
    }

    /// <summary>The values of a product's attribute, in order.</summary>
    public IList<string> AttributeValues(int productId) => _prices.TryGetValue(productId, out var priced) ? priced.Adjustments.Keys.ToList() : [];

    /// <summary>The unit price of a product with its attributes (nopCommerce's ShoppingCartService.GetUnitPriceAsync).</summary>
    public decimal UnitPrice(Product product, string attributesXml)
    {
        if (!_prices.TryGetValue(product.Id, out var priced))
            return 0m;

        var value = AttributeValue().Match(attributesXml ?? string.Empty);

        return priced.Price + (value.Success && priced.Adjustments.TryGetValue(value.Groups[1].Value, out var adjustment) ? adjustment : 0m);
    }

    // IProductAttributeParser
    public Task<string> ParseProductAttributesAsync(Product product, IFormCollection form, List<string> errors)
    {
        var value = form[ATTRIBUTE_FIELD].ToString();

        return Task.FromResult(string.IsNullOrEmpty(value) ? string.Empty
            : $"<Attributes><ProductAttribute ID=\"1\"><ProductAttributeValue><Value>{System.Security.SecurityElement.Escape(value)}</Value></ProductAttributeValue></ProductAttribute></Attributes>");
    }

    // ITaxService
    public Task<(decimal price, decimal taxRate)> GetProductPriceAsync(Product product, decimal price) =>
        Task.FromResult((Math.Round(price * (1m + DisplayTaxRate / 100m), 2), DisplayTaxRate));

    [GeneratedRegex("<Value>([^<]*)</Value>")]
    private static partial Regex AttributeValue();
}
