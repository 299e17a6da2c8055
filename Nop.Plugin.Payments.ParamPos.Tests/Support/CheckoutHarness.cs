using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Data;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Infrastructure;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Payments;
using Nop.Services.ScheduleTasks;
using Nop.Services.Security;
using ParamPos.Sandbox;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>
/// The plugin wired as nopCommerce wires it (its NopStartup, scoped services, the typed client), around in-memory
/// nopCommerce services, talking to the sandbox over loopback HTTP. Plays nopCommerce's checkout: payment info,
/// PlaceOrder (ProcessPayment, order creation), PostProcessPayment, the bank's callback.
/// </summary>
public sealed class CheckoutHarness : IAsyncDisposable
{
    private readonly List<HarnessNode> _nodes = new();

    private CheckoutHarness()
    {
    }

    public GatewayTarget Sandbox { get; private set; }

    public FakeShop Shop { get; } = new();

    /// <summary>Where orders and the plugin's tables are kept (in memory unless a test gives a database).</summary>
    public HarnessStorage Storage { get; private set; }

    /// <summary>The store's orders.</summary>
    public IOrderTable Orders => Storage.Orders;

    public InMemoryGenericAttributes Attributes { get; } = new();

    /// <summary>Products, addresses and order lines (what the Paratika session describes).</summary>
    public FakeCatalog Catalog { get; } = new();

    public FakeStaticCacheManager Cache { get; private set; }


    public CollectingLogger Logger { get; } = new();

    public FakeSettingService Settings { get; } = new();

    public InMemoryLocalizationService Localization { get; } = new(1, 2);

    public ManualClock Clock { get; } = new();

    public CollectingNotifications Notifications { get; } = new();

    /// <summary>Every payment request as nopCommerce would persist it between steps (JSON in the GenericAttribute table).</summary>
    public List<string> PersistedRequests { get; } = new();

    /// <summary>The payment request nopCommerce keeps for the customer between the payment info and confirm steps (the
    /// "ProcessPaymentRequest" generic attribute), as JSON; null once the order is placed.</summary>
    public string StoredPaymentRequest { get; set; }

    /// <summary>The first web node: the one every step runs on unless a test names another.</summary>
    public HarnessNode DefaultNode => _nodes[0];

    public IServiceProvider Services => DefaultNode.Services;

    public ParamPosSettings PluginSettings { get; private set; }

    public static async Task<CheckoutHarness> StartAsync(Action<ParamPosSettings> configure = null, Action<SandboxOptions> sandbox = null, Func<Task<HarnessStorage>> storage = null)
    {
        var harness = new CheckoutHarness();
        harness.Storage = storage is null ? new InMemoryStorage() : await storage();
        // One clock for the store and the sandbox's stamps (its reports select by time).
        harness.Sandbox = await GatewayTarget.StartAsync(sandbox, harness.Clock);
        harness.Sandbox.RequireSandbox("the checkout is driven through the sandbox's 3-D page");
        harness.Cache = new FakeStaticCacheManager(harness.Clock);

        var settings = ParamPosPaymentMethod.CreateDefaultSettings();
        settings.Environment = ParamEnvironment.Custom;
        settings.CustomServiceUrl = harness.Sandbox.ServiceUrl.ToString();
        settings.ClientCode = harness.Sandbox.Credentials.ClientCode;
        settings.ClientUsername = harness.Sandbox.Credentials.Username;
        settings.ClientPassword = harness.Sandbox.Credentials.Password;
        settings.Guid = harness.Sandbox.Credentials.Guid;
        settings.TransactionLogDetail = TransactionLogDetail.FullRedacted;
        configure?.Invoke(settings);
        harness.PluginSettings = settings;
        harness.Settings.Put(settings);

        foreach (var (languageId, culture) in new[] { (1, "en-US"), (2, "tr-TR") })
            await harness.Localization.AddOrUpdateLocaleResourceAsync(new Dictionary<string, string>(ParamPosLocaleResources.ForCulture(culture)), languageId);

        harness.AddNode("A");

        return harness;
    }

    /// <summary>
    /// A store in the Paratika hosted payment page mode, talking to the sandbox's Paratika API (or the real one the
    /// environment names), with no ParamPOS credentials at all: that mode does not need them
    /// </summary>
    public static async Task<CheckoutHarness> StartParatikaAsync(Action<ParamPosSettings> configure = null, Func<Task<HarnessStorage>> storage = null)
    {
        var harness = await StartAsync(storage: storage);
        var settings = harness.PluginSettings;
        settings.PaymentMode = PaymentMode.ParatikaHostedPage;
        settings.ParatikaEnvironment = ParatikaEnvironment.Custom;
        settings.ParatikaCustomApiUrl = harness.Sandbox.ParatikaApiUrl.ToString();
        var credentials = harness.Sandbox.ParatikaCredentials;
        settings.ParatikaMerchant = credentials.Merchant;
        settings.ParatikaMerchantUser = credentials.MerchantUser;
        settings.ParatikaMerchantPassword = credentials.MerchantPassword;
        settings.ParatikaSecretKey = credentials.SecretKey;
        settings.ClientCode = settings.ClientUsername = settings.ClientPassword = settings.Guid = string.Empty;
        configure?.Invoke(settings);
        harness.Settings.Put(settings);

        return harness;
    }

    /// <summary>
    /// Checkout in the Paratika mode: nopCommerce skips the payment info step (an empty payment request), places the
    /// order (ProcessPayment), and the order gets its lines (two products adding up to its total) and billing address
    /// </summary>
    public async Task<Order> ParatikaCheckoutAsync(Nop.Core.Domain.Customers.Customer customer = null, HarnessNode node = null)
    {
        var current = customer ?? Shop.DefaultCustomer;
        Shop.FillCart(current.Id);
        var (result, order) = await PlaceOrderAsync(new ProcessPaymentRequest(), current, node: node);
        if (!result.Success)
            throw new InvalidOperationException(string.Join(" ", result.Errors));

        Catalog.Add(new Nop.Core.Domain.Catalog.Product { Id = 1, Name = "Kitap", Sku = "SKU-1" });
        Catalog.Add(new Nop.Core.Domain.Catalog.Product { Id = 2, Name = "Kalem", Sku = "SKU-2" });
        var first = Math.Round(order.OrderTotal * 0.6m, 2);
        Catalog.SetOrderItems(order.Id,
        [
            new OrderItem { Id = order.Id * 10 + 1, OrderId = order.Id, ProductId = 1, Quantity = 1, UnitPriceInclTax = first, PriceInclTax = first },
            new OrderItem { Id = order.Id * 10 + 2, OrderId = order.Id, ProductId = 2, Quantity = 2, UnitPriceInclTax = (order.OrderTotal - first) / 2, PriceInclTax = order.OrderTotal - first }
        ]);
        Catalog.Add(new Nop.Core.Domain.Common.Address { Id = 500 + order.Id, FirstName = "Ayşe", LastName = "Yılmaz", Email = "ayse@example.com", PhoneNumber = "0555 111 22 33" });
        order.BillingAddressId = 500 + order.Id;
        await Orders.UpdateOrderAsync(order);

        return Orders.Get(order.Id);
    }

    /// <summary>Paratika's POST from the hosted page to the store's return URL, on a node (the default one unless given).</summary>
    public Task<CallbackOutcome> PostParatikaReturnAsync(BankCallback callback, HarnessNode node = null)
    {
        var form = new FormCollection(callback.Fields.ToDictionary(field => field.Key, field => new StringValues(field.Value)));

        return InScopeAsync(services => services.GetRequiredService<ParatikaReturnHandler>().HandleAsync(form), node: node);
    }

    /// <summary>
    /// Adds a web node: its own service provider (its own request scopes, its own in-process locker, its own
    /// per-request order cache) over the shared store, database, cache and Param.
    /// </summary>
    /// <param name="name">The node's name</param>
    /// <param name="configure">Changes to the node's services after the plugin registered its own (a benchmark's in-process transport)</param>
    public HarnessNode AddNode(string name, Action<IServiceCollection> configure = null)
    {
        var services = new ServiceCollection();
        var locker = new FakeLocker();
        AddNopServices(services);
        configure?.Invoke(services);
        services.AddSingleton<ILocker>(locker);
        var node = new HarnessNode(name, services.BuildServiceProvider(), locker);
        _nodes.Add(node);

        return node;
    }

    /// <summary>
    /// Registers the in-memory nopCommerce services, then the plugin's own registrations, as the host does.
    /// </summary>
    public void AddNopServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddHttpContextAccessor();
        services.AddSingleton(Shop);
        services.AddSingleton<IShoppingCartService>(Shop);
        services.AddSingleton<IOrderTotalCalculationService>(Shop);
        services.AddSingleton<ICustomerService>(Shop);
        services.AddSingleton<ICurrencyService>(Shop);
        services.AddSingleton<Nop.Services.Catalog.IPriceCalculationService>(Shop);
        services.AddSingleton<IStoreContext>(Shop);
        services.AddSingleton<IWorkContext>(Shop);
        services.AddSingleton<IWebHelper>(Shop);
        services.AddSingleton<IScheduleTaskService>(Shop);
        services.AddSingleton<Nop.Services.Stores.IStoreService>(Shop);
        services.AddSingleton(Catalog);
        services.AddSingleton<Nop.Services.Catalog.IProductService>(Catalog);
        services.AddSingleton<IAddressService>(Catalog);
        services.AddSingleton<Nop.Services.Catalog.IProductAttributeParser>(Catalog);
        services.AddSingleton<Nop.Services.Tax.ITaxService>(Catalog);
        Shop.UnitPrices = Catalog.UnitPrice;
        Storage.AddTo(services);
        services.AddSingleton<IGenericAttributeService>(Attributes);
        services.AddSingleton<IStaticCacheManager>(Cache);
        services.AddSingleton<ILocker, FakeLocker>();
        services.AddSingleton<ILogger>(Logger);
        services.AddSingleton<ISettingService>(Settings);
        services.AddSingleton<ILocalizationService>(Localization);
        services.AddSingleton<ILanguageService>(new FixedLanguages());
        services.AddSingleton<IEncryptionService, FakeEncryptionService>();
        services.AddSingleton(new CurrencySettings { PrimaryStoreCurrencyId = 1 });
        services.AddSingleton<Nop.Services.Messages.INotificationService>(Notifications);

        new NopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());
        services.AddSingleton(new ParamClientOptions { QueryRetries = 1, RetryDelay = _ => TimeSpan.Zero });
        // As nopCommerce registers every ISettings: scoped, loaded for the current store.
        services.AddScoped(provider => provider.GetRequiredService<ISettingService>()
            .LoadSettingAsync<ParamPosSettings>(provider.GetRequiredService<IStoreContext>().GetCurrentStore()?.Id ?? 0).GetAwaiter().GetResult());
        services.AddScoped(provider => ActivatorUtilities.CreateInstance<ParamPosPaymentMethod>(provider));
    }

    /// <summary>Runs code in a request scope of a node (the default one unless given), as the current customer.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work, Nop.Core.Domain.Customers.Customer customer = null, HarnessNode node = null)
    {
        await using var scope = (node ?? DefaultNode).Services.CreateAsyncScope();
        Shop.ActAs(customer ?? Shop.DefaultCustomer);
        // Inside a web request (browser tests) keep the request's context: replacing it would clear it for the caller too.
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext ??= new DefaultHttpContext { RequestServices = scope.ServiceProvider };

        return await work(scope.ServiceProvider);
    }

    public static IFormCollection CardForm(string card = TestCards.AKBANK_AXESS, int installments = 1, string cvc = "000", int? year = null, int month = 12, string holder = "Ayşe Yılmaz",
        bool saveCard = false)
    {
        return new FormCollection(new Dictionary<string, StringValues>
        {
            [PaymentForm.SAVE_CARD] = saveCard ? "true" : StringValues.Empty,
            [PaymentForm.HOLDER] = holder,
            [PaymentForm.NUMBER] = card.Length == 16 ? string.Join(' ', card.Chunk(4).Select(chunk => new string(chunk))) : card,
            [PaymentForm.MONTH] = month.ToString(),
            [PaymentForm.YEAR] = (year ?? DateTime.UtcNow.Year + 2).ToString(),
            [PaymentForm.CVC] = cvc,
            [PaymentForm.INSTALLMENTS] = installments.ToString()
        });
    }

    /// <summary>The card form with a saved card chosen and its CVC typed.</summary>
    public static IFormCollection SavedCardForm(int savedCardId, string cvc = "000", int installments = 1)
    {
        return new FormCollection(new Dictionary<string, StringValues>
        {
            [PaymentForm.SAVED_CARD] = savedCardId.ToString(),
            [PaymentForm.SAVED_CARD_CVC] = cvc,
            [PaymentForm.INSTALLMENTS] = installments.ToString()
        });
    }

    /// <summary>
    /// Runs nopCommerce's own work in a checkout step (cart totals, persisting the payment request, creating the
    /// order), so that a benchmark can measure it apart from the plugin's
    /// </summary>
    public Func<Func<Task>, Task> HostWork { get; set; } = work => work();

    /// <summary>The payment info step: validation, then the payment request nopCommerce persists.</summary>
    public Task<(IList<string> Errors, ProcessPaymentRequest Request)> EnterPaymentInfoAsync(IFormCollection form, Nop.Core.Domain.Customers.Customer customer = null,
        HarnessNode node = null)
    {
        return InScopeAsync(async services =>
        {
            var plugin = services.GetRequiredService<ParamPosPaymentMethod>();
            var errors = await plugin.ValidatePaymentFormAsync(form);
            if (errors.Count > 0)
                return (errors, null);

            var request = await plugin.GetPaymentInfoAsync(form);
            await HostWork(() =>
            {
                lock (PersistedRequests)
                    PersistedRequests.Add(JsonSerializer.Serialize(request));
                return Task.CompletedTask;
            });

            return (errors, request);
        }, customer, node);
    }

    /// <summary>The order total nopCommerce shows on the confirm step: cart total plus this method's fee.</summary>
    public Task<decimal> OrderTotalAsync(Nop.Core.Domain.Customers.Customer customer = null, HarnessNode node = null)
    {
        return InScopeAsync(async services =>
        {
            var current = customer ?? Shop.DefaultCustomer;
            IList<ShoppingCartItem> cart = null;
            decimal? total = null;
            await HostWork(async () =>
            {
                cart = await Shop.GetShoppingCartAsync(current, ShoppingCartType.ShoppingCart, Shop.Store.Id);
                total = (await Shop.GetShoppingCartTotalAsync(cart, usePaymentMethodAdditionalFee: false)).shoppingCartTotal;
            });
            var fee = await services.GetRequiredService<ParamPosPaymentMethod>().GetAdditionalHandlingFeeAsync(cart);

            return total!.Value + fee;
        }, customer, node);
    }

    /// <summary>
    /// nopCommerce's PlaceOrderAsync: totals (with the fee), ProcessPaymentAsync, and, only on success, the order.
    /// </summary>
    public async Task<(ProcessPaymentResult Result, Order Order)> PlaceOrderAsync(ProcessPaymentRequest request, Nop.Core.Domain.Customers.Customer customer = null,
        decimal? orderTotalOverride = null, HarnessNode node = null)
    {
        var current = customer ?? Shop.DefaultCustomer;
        var orderTotal = orderTotalOverride ?? await OrderTotalAsync(current, node);
        var fee = 0m;
        await HostWork(async () =>
        {
            var cart = await Shop.GetShoppingCartAsync(current, ShoppingCartType.ShoppingCart, Shop.Store.Id);
            fee = orderTotal - (await Shop.GetShoppingCartTotalAsync(cart, usePaymentMethodAdditionalFee: false)).shoppingCartTotal!.Value;

            request.StoreId = Shop.Store.Id;
            request.CustomerId = current.Id;
            request.PaymentMethodSystemName = ParamPosDefaults.SystemName;
            request.OrderTotal = orderTotal;
            lock (PersistedRequests)
                PersistedRequests.Add(JsonSerializer.Serialize(request));
        });

        var result = await InScopeAsync(services => services.GetRequiredService<ParamPosPaymentMethod>().ProcessPaymentAsync(request), current, node);
        if (!result.Success)
            return (result, null);

        Order order = null;
        await HostWork(async () => order = await CreateOrderAsync(request, result, current, orderTotal, fee));

        return (result, order);
    }

    /// <summary>nopCommerce's SaveOrderDetailsAsync, as far as the plugin sees it: the order, and the cart emptied.</summary>
    private async Task<Order> CreateOrderAsync(ProcessPaymentRequest request, ProcessPaymentResult result, Nop.Core.Domain.Customers.Customer current, decimal orderTotal, decimal fee)
    {
        // SaveOrderDetailsAsync moves the cart's items into the order: the cart is empty from now on.
        Shop.EmptyCart(current.Id);

        // As nopCommerce's PlaceOrder: the customer's currency and its rate to the primary one at placement.
        var working = await Shop.GetWorkingCurrencyAsync();
        var primary = await Shop.GetCurrencyByIdAsync(1);
        var encryption = new FakeEncryptionService();
        var digits = new string((request.CreditCardNumber ?? string.Empty).Where(char.IsDigit).ToArray());
        var order = Orders.Insert(new Order
        {
            OrderGuid = request.OrderGuid,
            StoreId = request.StoreId,
            CustomerId = request.CustomerId,
            PaymentMethodSystemName = request.PaymentMethodSystemName,
            CustomerCurrencyCode = working.CurrencyCode,
            CurrencyRate = working.Rate / primary.Rate,
            CustomerLanguageId = Shop.WorkingLanguage.Id,
            OrderTotal = orderTotal,
            PaymentMethodAdditionalFeeInclTax = fee,
            PaymentMethodAdditionalFeeExclTax = fee,
            PaymentStatus = result.NewPaymentStatus,
            OrderStatus = result.NewPaymentStatus == PaymentStatus.Paid ? OrderStatus.Processing : OrderStatus.Pending,
            AuthorizationTransactionId = result.AuthorizationTransactionId,
            AuthorizationTransactionCode = result.AuthorizationTransactionCode,
            AuthorizationTransactionResult = result.AuthorizationTransactionResult,
            CaptureTransactionId = result.CaptureTransactionId,
            CaptureTransactionResult = result.CaptureTransactionResult,
            // nopCommerce keeps only the last four digits of the number it was given, encrypted.
            MaskedCreditCardNumber = encryption.EncryptText(digits.Length >= 4 ? new string('*', digits.Length - 4) + digits[^4..] : string.Empty),
            CustomValuesXml = request.CustomValues.SerializeToXml(),
            CreatedOnUtc = Clock.GetUtcNow().UtcDateTime
        });

        return order;
    }

    /// <summary>PostProcessPaymentAsync: where the plugin sends the browser.</summary>
    public Task<string> PostProcessAsync(Order order)
    {
        return InScopeAsync(async services =>
        {
            var http = services.GetRequiredService<IHttpContextAccessor>().HttpContext!;
            await services.GetRequiredService<ParamPosPaymentMethod>().PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });

            return http.Response.Headers.Location.ToString();
        });
    }

    /// <summary>The shopper opens the 3-D page (once) and answers the sandbox bank.</summary>
    public async Task<BankCallback> AuthenticateAsync(Order order, bool approve)
    {
        var html = await InScopeAsync(async services =>
        {
            var pages = services.GetRequiredService<ThreeDPageStore>();
            return await pages.TakeAsync(order.OrderGuid, await pages.GetNonceAsync(order.OrderGuid));
        });

        return await Sandbox.AuthenticateAsync(html, approve);
    }

    /// <summary>The bank's cross-site POST to the callback, on a node (the default one unless given).</summary>
    public Task<CallbackOutcome> PostCallbackAsync(BankCallback callback, HarnessNode node = null)
    {
        var form = new FormCollection(callback.Fields.ToDictionary(field => field.Key, field => new StringValues(field.Value)));

        return InScopeAsync(services => services.GetRequiredService<ThreeDCallbackHandler>().HandleAsync(form), node: node);
    }

    /// <summary>The bank's cross-site TURKPOS_RETVAL_* POST to the 3D Pay return, on a node (the default one unless given).</summary>
    public Task<CallbackOutcome> PostReturnAsync(BankCallback callback, HarnessNode node = null)
    {
        var form = new FormCollection(callback.Fields.ToDictionary(field => field.Key, field => new StringValues(field.Value)));

        return InScopeAsync(services => services.GetRequiredService<BankReturnHandler>().HandleAsync(form), node: node);
    }

    /// <summary>The reconciliation schedule task, on a node (the default one unless given).</summary>
    public Task<ReconciliationSummary> ReconcileAsync(HarnessNode node = null)
    {
        return InScopeAsync(services => services.GetRequiredService<PendingPaymentReconciler>().RunAsync(), node: node);
    }

    /// <summary>The whole checkout up to the bank's page, from a filled cart: payment info, confirm (the order is placed).</summary>
    public async Task<Order> CheckoutToBankAsync(string card = TestCards.AKBANK_AXESS, int installments = 1, Nop.Core.Domain.Customers.Customer customer = null, HarnessNode node = null)
    {
        // A customer's earlier order emptied the cart: the shopper fills it again before checking out.
        Shop.FillCart((customer ?? Shop.DefaultCustomer).Id);
        var (errors, request) = await EnterPaymentInfoAsync(CardForm(card, installments), customer);
        if (errors.Count > 0)
            throw new InvalidOperationException(string.Join(" ", errors));

        var (result, order) = await PlaceOrderAsync(request, customer, node: node);
        if (!result.Success)
            throw new InvalidOperationException(string.Join(" ", result.Errors));

        return order;
    }

    /// <summary>
    /// nopCommerce's admin Refund / Partial refund buttons (OrderProcessingService.RefundAsync/PartiallyRefundAsync): the
    /// order is loaded when the request starts, the plugin's RefundAsync answers, and nopCommerce saves that same copy
    /// with the refunded amount added (or an error note). <paramref name="loaded"/> is the copy a request loaded earlier
    /// (a double click), otherwise it is read now.
    /// </summary>
    public async Task<RefundPaymentResult> RefundAsync(int orderId, decimal amount, bool partial, HarnessNode node = null, Order loaded = null)
    {
        var order = loaded ?? Orders.Get(orderId);
        var result = await InScopeAsync(services => services.GetRequiredService<ParamPosPaymentMethod>()
            .RefundAsync(new RefundPaymentRequest { Order = order, AmountToRefund = amount, IsPartialRefund = partial }), node: node);

        if (result.Success)
        {
            order.RefundedAmount = Math.Round(order.RefundedAmount, 2) + amount;
            order.PaymentStatus = partial && order.OrderTotal == order.RefundedAmount && result.NewPaymentStatus == PaymentStatus.PartiallyRefunded
                ? PaymentStatus.Refunded
                : result.NewPaymentStatus;
            await Orders.UpdateOrderAsync(order);
        }
        else
        {
            await Orders.InsertOrderNoteAsync(new OrderNote { OrderId = orderId, Note = $"Unable to refund order. {string.Join(" ", result.Errors)}", CreatedOnUtc = DateTime.UtcNow });
        }

        return result;
    }

    /// <summary>
    /// nopCommerce's admin Capture button (OrderProcessingService.CaptureAsync): allowed only for an Authorized order
    /// that is neither pending nor cancelled while the method supports capture; on success the copy the request loaded
    /// is saved with the capture's ids and new status, otherwise an error note is added. <paramref name="loaded"/> is
    /// the copy a request loaded earlier (a double click, another node), otherwise it is read now.
    /// </summary>
    public async Task<CapturePaymentResult> CaptureAsync(int orderId, HarnessNode node = null, Order loaded = null)
    {
        var order = loaded ?? Orders.Get(orderId);
        var result = await InScopeAsync(async services =>
        {
            var plugin = services.GetRequiredService<ParamPosPaymentMethod>();
            if (order.OrderStatus is OrderStatus.Cancelled or OrderStatus.Pending || order.PaymentStatus != PaymentStatus.Authorized || !plugin.SupportCapture)
                throw new NopException("Cannot do capture for order.");

            return await plugin.CaptureAsync(new CapturePaymentRequest { Order = order });
        }, node: node);

        if (result.Success)
        {
            order.CaptureTransactionId = result.CaptureTransactionId;
            order.CaptureTransactionResult = result.CaptureTransactionResult;
            order.PaymentStatus = result.NewPaymentStatus;
            if (result.NewPaymentStatus == PaymentStatus.Paid)
                order.PaidDateUtc = Clock.GetUtcNow().UtcDateTime;
            await Orders.UpdateOrderAsync(order);
            await Orders.InsertOrderNoteAsync(new OrderNote { OrderId = orderId, Note = "Order has been captured", CreatedOnUtc = DateTime.UtcNow });
        }
        else
        {
            await Orders.InsertOrderNoteAsync(new OrderNote { OrderId = orderId, Note = $"Unable to capture order. {string.Join(" ", result.Errors)}", CreatedOnUtc = DateTime.UtcNow });
        }

        return result;
    }

    /// <summary>
    /// nopCommerce's admin Void button (OrderProcessingService.VoidAsync): allowed only for an Authorized order while the
    /// method supports void; on success the loaded copy is saved with the new status, otherwise an error note is added.
    /// </summary>
    public async Task<VoidPaymentResult> VoidAsync(int orderId, HarnessNode node = null, Order loaded = null)
    {
        var order = loaded ?? Orders.Get(orderId);
        var result = await InScopeAsync(async services =>
        {
            var plugin = services.GetRequiredService<ParamPosPaymentMethod>();
            if (order.PaymentStatus != PaymentStatus.Authorized || !plugin.SupportVoid)
                throw new NopException("Cannot do void for order.");

            return await plugin.VoidAsync(new VoidPaymentRequest { Order = order });
        }, node: node);

        if (result.Success)
        {
            order.PaymentStatus = result.NewPaymentStatus;
            await Orders.UpdateOrderAsync(order);
            await Orders.InsertOrderNoteAsync(new OrderNote { OrderId = orderId, Note = "Order has been voided", CreatedOnUtc = DateTime.UtcNow });
        }
        else
        {
            await Orders.InsertOrderNoteAsync(new OrderNote { OrderId = orderId, Note = $"Unable to voiding order. {string.Join(" ", result.Errors)}", CreatedOnUtc = DateTime.UtcNow });
        }

        return result;
    }

    /// <summary>An authorized order (authorize-only mode): checkout, bank approval, callback.</summary>
    public async Task<Order> AuthorizedOrderAsync(string card = TestCards.AKBANK_AXESS, int installments = 1, HarnessNode node = null)
    {
        var order = await CheckoutToBankAsync(card, installments, node: node);
        var outcome = await PostCallbackAsync(await AuthenticateAsync(order, approve: true), node);
        if (outcome.Result != CallbackResult.Paid)
            throw new InvalidOperationException($"The order was not authorized: {outcome.Result} {outcome.Reason}");

        return Orders.Get(order.Id);
    }

    /// <summary>A paid order: checkout, bank approval, callback.</summary>
    public async Task<Order> PaidOrderAsync(string card = TestCards.AKBANK_AXESS, int installments = 1, Nop.Core.Domain.Customers.Customer customer = null, HarnessNode node = null)
    {
        var order = await CheckoutToBankAsync(card, installments, customer, node);
        var outcome = await PostCallbackAsync(await AuthenticateAsync(order, approve: true), node);
        if (outcome.Result != CallbackResult.Paid)
            throw new InvalidOperationException($"The order was not paid: {outcome.Result} {outcome.Reason}");

        return Orders.Get(order.Id);
    }

    /// <summary>An order's ledger, as the plugin reads it.</summary>
    public Task<OrderLedger> LedgerAsync(Order order)
    {
        return InScopeAsync(services => services.GetRequiredService<PaymentLedger>().LoadAsync(order.OrderGuid));
    }

    /// <summary>Everything persisted or logged, as one text to search for card data.</summary>
    public string EverythingPersistedAndLogged()
    {
        var parts = new List<string> { Logger.AllText };
        parts.AddRange(PersistedRequests);
        parts.AddRange(Attributes.Values.Values);
        parts.AddRange(Cache.Values.Select(value => value as string ?? JsonSerializer.Serialize(value)));
        parts.AddRange(Storage.PluginRows());
        foreach (var order in Orders.All())
        {
            parts.Add(JsonSerializer.Serialize(order));
            parts.AddRange(Orders.Notes(order.Id).Select(note => note.Note));
        }

        return string.Join("\n", parts);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.Services.DisposeAsync();
        if (Sandbox is not null)
            await Sandbox.DisposeAsync();
        if (Storage is not null)
            await Storage.DisposeAsync();
    }

    /// <summary>The store's two languages: English (1) and Turkish (2).</summary>
    public sealed class FixedLanguages : ILanguageService
    {
        private static readonly IList<Nop.Core.Domain.Localization.Language> Languages =
        [
            new() { Id = 1, Name = "English", LanguageCulture = "en-US" },
            new() { Id = 2, Name = "Türkçe", LanguageCulture = "tr-TR" }
        ];

        public Task<IList<Nop.Core.Domain.Localization.Language>> GetAllLanguagesAsync(bool showHidden = false, int storeId = 0) => Task.FromResult(Languages);

        public Task<Nop.Core.Domain.Localization.Language> GetLanguageByIdAsync(int languageId) => Task.FromResult(Languages.FirstOrDefault(language => language.Id == languageId));
    }
}
