using System.Collections.Concurrent;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Orders;
using Nop.Services.Catalog;
using Nop.Services.Common;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>
/// The store's products, addresses and order lines, shared by every web node: what nopCommerce's ProductService,
/// AddressService and OrderService.GetOrderItemsAsync read from the database.
/// </summary>
public sealed class FakeCatalog : IProductService, IAddressService
{
    private readonly ConcurrentDictionary<int, Product> _products = new();
    private readonly ConcurrentDictionary<int, Address> _addresses = new();
    private readonly ConcurrentDictionary<int, IList<OrderItem>> _orderItems = new();

    public void Add(Product product) => _products[product.Id] = product;

    public void Add(Address address) => _addresses[address.Id] = address;

    public void SetOrderItems(int orderId, IList<OrderItem> items) => _orderItems[orderId] = items;

    public IList<OrderItem> OrderItems(int orderId) => _orderItems.TryGetValue(orderId, out var items) ? items : [];

    public Task<Product> GetProductByIdAsync(int productId) => Task.FromResult(_products.GetValueOrDefault(productId));

    public Task<Address> GetAddressByIdAsync(int addressId) => Task.FromResult(_addresses.GetValueOrDefault(addressId));
}
