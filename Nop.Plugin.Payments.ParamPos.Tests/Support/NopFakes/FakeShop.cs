using System.Collections.Concurrent;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Core.Domain.Stores;
using Nop.Services.Catalog;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Orders;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>
/// The store around the plugin: one store, customers with carts, the cart total nopCommerce would compute (without this
/// method's fee), the current customer and language, TRY as the primary currency, the schedule tasks.
/// </summary>
public sealed class FakeShop : IShoppingCartService, IOrderTotalCalculationService, ICustomerService, ICurrencyService,
    IStoreContext, IWorkContext, IWebHelper, IScheduleTaskService, IPriceCalculationService, Nop.Services.Stores.IStoreService
{
    private readonly ConcurrentDictionary<int, decimal> _cartTotals = new();
    private readonly ConcurrentDictionary<int, decimal> _shoppingTotals = new();
    private readonly Dictionary<int, Customer> _customers = new();
    private readonly AsyncLocal<Customer> _currentCustomer = new();

    public FakeShop()
    {
        Store = new Store { Id = 1, Name = "Test Mağaza", Url = "http://127.0.0.1/", SslEnabled = false };
        AddCustomer(1, 100m);
        DefaultCustomer = _customers[1];
    }

    public Store Store { get; }

    // IStoreService: the shop has one store.
    public Task<IList<Store>> GetAllStoresAsync() => Task.FromResult<IList<Store>>([Store]);

    public Customer DefaultCustomer { get; }

    public Language WorkingLanguage { get; set; } = new() { Id = 1, Name = "English", LanguageCulture = "en-US" };

    public string PrimaryCurrencyCode { get; set; } = "TRY";

    /// <summary>Gets or sets the shopper's working currency (the primary one unless set).</summary>
    public string WorkingCurrencyCode { get; set; }

    /// <summary>Gets the currencies' rates to the primary one (nopCommerce's Currency.Rate; the primary's is 1).</summary>
    public Dictionary<string, decimal> CurrencyRates { get; } = new(StringComparer.OrdinalIgnoreCase) { ["USD"] = 0.0287m, ["EUR"] = 0.02645m, ["GBP"] = 0.0228m };

    /// <summary>Gets prices' rounding per currency where a test sets one (a cash rounding); the others are rounded to the cent, to even, as nopCommerce's default.</summary>
    public Dictionary<string, Func<decimal, decimal>> CurrencyRounding { get; } = new(StringComparer.OrdinalIgnoreCase);

    // IPriceCalculationService
    public Task<decimal> RoundPriceAsync(decimal value, Currency currency = null) =>
        Task.FromResult(currency is not null && CurrencyRounding.TryGetValue(currency.CurrencyCode, out var round) ? round(value) : Math.Round(value, 2));

    private Currency CurrencyOf(string code, int id) => new()
    {
        Id = id,
        CurrencyCode = code,
        Name = code,
        Rate = string.Equals(code, PrimaryCurrencyCode, StringComparison.OrdinalIgnoreCase) ? 1m : CurrencyRates.GetValueOrDefault(code, 1m)
    };

    public string StoreLocation { get; set; } = "http://127.0.0.1/";

    public string CustomerIp { get; set; } = "127.0.0.1";

    public List<ScheduleTask> Tasks { get; } = new();

    public Customer AddCustomer(int id, decimal cartTotal)
    {
        var customer = new Customer { Id = id, CustomerGuid = Guid.NewGuid(), Email = $"customer{id}@example.com", Active = true };
        _customers[id] = customer;
        SetCartTotal(id, cartTotal);

        return customer;
    }

    /// <summary>Sets a customer's cart total (what nopCommerce computes before this method's fee); fills an emptied cart again.</summary>
    public void SetCartTotal(int customerId, decimal total) => _cartTotals[customerId] = _shoppingTotals[customerId] = total;

    /// <summary>The customer puts the same items in the cart again (after an order emptied it).</summary>
    public void FillCart(int customerId) => _cartTotals[customerId] = _shoppingTotals[customerId];

    /// <summary>Empties a customer's cart, as placing an order does (the items become order items).</summary>
    public void EmptyCart(int customerId) => _cartTotals.TryRemove(customerId, out _);

    /// <summary>Makes a customer current for the calling flow.</summary>
    public void ActAs(Customer customer) => _currentCustomer.Value = customer;

    // IShoppingCartService
    public Task<IList<ShoppingCartItem>> GetShoppingCartAsync(Customer customer, ShoppingCartType? shoppingCartType = null, int storeId = 0, int? productId = null,
        DateTime? createdFromUtc = null, DateTime? createdToUtc = null, int? customWishlistId = null)
    {
        IList<ShoppingCartItem> cart = _cartTotals.ContainsKey(customer.Id)
            ? new List<ShoppingCartItem> { new() { Id = customer.Id * 100, CustomerId = customer.Id, StoreId = Store.Id, ProductId = 1, Quantity = 1, ShoppingCartType = ShoppingCartType.ShoppingCart } }
            : new List<ShoppingCartItem>();

        return Task.FromResult(cart);
    }

    /// <summary>A cart here holds one line, so its subtotal is the cart's total.</summary>
    public Task<(decimal subTotal, decimal discountAmount, List<Discount> appliedDiscounts, int? maximumDiscountQty)> GetSubTotalAsync(ShoppingCartItem shoppingCartItem, bool includeDiscounts) =>
        Task.FromResult((_cartTotals.GetValueOrDefault(shoppingCartItem.CustomerId), 0m, new List<Discount>(), (int?)null));

    private int _cartTotalsComputed;

    /// <summary>How often a cart's total was computed (a costly call in nopCommerce: discounts, shipping, taxes)</summary>
    public int CartTotalsComputed => Volatile.Read(ref _cartTotalsComputed);

    // IOrderTotalCalculationService
    public Task<(decimal? shoppingCartTotal, decimal discountAmount, List<Discount> appliedDiscounts, List<AppliedGiftCard> appliedGiftCards, int redeemedRewardPoints, decimal redeemedRewardPointsAmount)>
        GetShoppingCartTotalAsync(IList<ShoppingCartItem> cart, bool? useRewardPoints = null, bool usePaymentMethodAdditionalFee = true)
    {
        if (usePaymentMethodAdditionalFee)
            throw new InvalidOperationException("The plugin must compute its fee on the total without it (no recursion).");

        Interlocked.Increment(ref _cartTotalsComputed);

        decimal? total = cart.Count == 0 || !_cartTotals.TryGetValue(cart[0].CustomerId, out var value) ? null : value;

        return Task.FromResult<(decimal?, decimal, List<Discount>, List<AppliedGiftCard>, int, decimal)>((total, 0m, new List<Discount>(), new List<AppliedGiftCard>(), 0, 0m));
    }

    public Task<decimal> CalculatePaymentAdditionalFeeAsync(IList<ShoppingCartItem> cart, decimal fee, bool usePercentage) => Task.FromResult(fee);

    // ICustomerService
    public Task<Customer> GetCustomerByIdAsync(int customerId) => Task.FromResult(_customers.GetValueOrDefault(customerId));

    /// <summary>Gets or sets how a product's unit price is found (the catalog's).</summary>
    public Func<Nop.Core.Domain.Catalog.Product, string, decimal> UnitPrices { get; set; } = (_, _) => 0m;

    public Task<(decimal unitPrice, decimal discountAmount, List<Discount> appliedDiscounts)> GetUnitPriceAsync(Nop.Core.Domain.Catalog.Product product, Customer customer, Store store,
        ShoppingCartType shoppingCartType, int quantity, string attributesXml, decimal customerEnteredPrice, DateTime? rentalStartDate, DateTime? rentalEndDate, bool includeDiscounts) =>
        Task.FromResult((UnitPrices(product, attributesXml), 0m, new List<Discount>()));

    /// <summary>Gets the customers who have an account (the others are guests).</summary>
    public ConcurrentDictionary<int, bool> RegisteredCustomers { get; } = new();

    public Task<bool> IsRegisteredAsync(Customer customer, bool onlyActiveCustomerRoles = true) => Task.FromResult(customer is not null && RegisteredCustomers.ContainsKey(customer.Id));

    // ICurrencyService
    public Task<Currency> GetCurrencyByIdAsync(int currencyId) => Task.FromResult(CurrencyOf(PrimaryCurrencyCode, currencyId));

    public Task<Currency> GetCurrencyByCodeAsync(string currencyCode) => Task.FromResult(CurrencyOf(currencyCode, 2));

    public Task<decimal> ConvertToPrimaryStoreCurrencyAsync(decimal amount, Currency sourceCurrencyCode) => Task.FromResult(amount);

    public Task<decimal> ConvertFromPrimaryStoreCurrencyAsync(decimal amount, Currency targetCurrencyCode) => Task.FromResult(amount);

    // IStoreContext
    public Task<Store> GetCurrentStoreAsync() => Task.FromResult(Store);

    public Store GetCurrentStore() => Store;

    public Task<int> GetActiveStoreScopeConfigurationAsync() => Task.FromResult(ActiveStoreScope);

    public int ActiveStoreScope { get; set; }

    // IWorkContext
    public Task<Customer> GetCurrentCustomerAsync() => Task.FromResult(_currentCustomer.Value ?? DefaultCustomer);

    public Task SetCurrentCustomerAsync(Customer customer = null)
    {
        _currentCustomer.Value = customer;
        return Task.CompletedTask;
    }

    public Task<Language> GetWorkingLanguageAsync() => Task.FromResult(WorkingLanguage);

    public Task<Currency> GetWorkingCurrencyAsync() => Task.FromResult(WorkingCurrencyCode is null ? CurrencyOf(PrimaryCurrencyCode, 1) : CurrencyOf(WorkingCurrencyCode, 2));

    // IWebHelper
    public string GetCurrentIpAddress() => CustomerIp;

    public string GetStoreLocation(bool? useSsl = null) => StoreLocation;

    public bool IsRequestBeingRedirected => false;

    public bool IsPostBeingDone { get; set; }

    // IScheduleTaskService
    public Task DeleteTaskAsync(ScheduleTask task)
    {
        Tasks.Remove(task);
        return Task.CompletedTask;
    }

    public Task<ScheduleTask> GetTaskByTypeAsync(string type) => Task.FromResult(Tasks.FirstOrDefault(task => task.Type == type));

    public Task InsertTaskAsync(ScheduleTask task)
    {
        Tasks.Add(task);
        return Task.CompletedTask;
    }
}
