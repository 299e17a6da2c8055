using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Models.Public;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Catalog;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Payments.ParamPos.Controllers;

/// <summary>
/// The shopper's pages: the installment quote, the bank's 3-D page, the payment result and "pay again".
/// </summary>
[AutoValidateAntiforgeryToken]
public class ParamPosPublicController : BasePluginController
{
    #region Fields

    protected readonly BinLookupLimiter _binLookupLimiter;
    protected readonly CheckoutAmounts _checkoutAmounts;
    protected readonly ILocalizationService _localizationService;
    protected readonly ILogger _logger;
    protected readonly InstallmentRateService _installmentRateService;
    protected readonly InstallmentWidgetModelFactory _installmentWidgetModelFactory;
    protected readonly IProductAttributeParser _productAttributeParser;
    protected readonly IProductService _productService;
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IStoreContext _storeContext;
    protected readonly IWebHelper _webHelper;
    protected readonly IWorkContext _workContext;
    protected readonly OrderLedgerLoader _ledgerLoader;
    protected readonly ParamCallRunner _callRunner;
    protected readonly ParamPosModelFactory _modelFactory;
    protected readonly PayAgainService _payAgainService;
    protected readonly PaymentLedger _ledger;
    protected readonly SavedCardOffer _savedCardOffer;
    protected readonly ThreeDPageStore _threeDPageStore;

    #endregion

    #region Ctor

    public ParamPosPublicController(BinLookupLimiter binLookupLimiter,
        CheckoutAmounts checkoutAmounts,
        ILocalizationService localizationService,
        ILogger logger,
        InstallmentRateService installmentRateService,
        InstallmentWidgetModelFactory installmentWidgetModelFactory,
        IOrderProcessingService orderProcessingService,
        IProductAttributeParser productAttributeParser,
        IProductService productService,
        IStoreContext storeContext,
        IWebHelper webHelper,
        IWorkContext workContext,
        OrderLedgerLoader ledgerLoader,
        ParamCallRunner callRunner,
        ParamPosModelFactory modelFactory,
        PayAgainService payAgainService,
        PaymentLedger ledger,
        SavedCardOffer savedCardOffer,
        ThreeDPageStore threeDPageStore)
    {
        _savedCardOffer = savedCardOffer;
        _binLookupLimiter = binLookupLimiter;
        _checkoutAmounts = checkoutAmounts;
        _localizationService = localizationService;
        _logger = logger;
        _installmentRateService = installmentRateService;
        _installmentWidgetModelFactory = installmentWidgetModelFactory;
        _productAttributeParser = productAttributeParser;
        _productService = productService;
        _orderProcessingService = orderProcessingService;
        _storeContext = storeContext;
        _webHelper = webHelper;
        _workContext = workContext;
        _ledgerLoader = ledgerLoader;
        _callRunner = callRunner;
        _modelFactory = modelFactory;
        _payAgainService = payAgainService;
        _ledger = ledger;
        _threeDPageStore = threeDPageStore;
    }

    #endregion

    #region Methods

    /// <summary>
    /// The installment table for a BIN and the current cart, or the order being paid again, computed on the server from cached rates
    /// </summary>
    [HttpPost, IgnoreAntiforgeryToken]
    public async Task<IActionResult> Quote([FromBody] QuoteRequestModel request)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _callRunner.LoadSettingsAsync(store.Id);
        var customer = await _workContext.GetCurrentCustomerAsync();
        if (request?.SavedCardId is { } savedCardId && request.OrderGuid is null)
        {
            // A saved card's table: its BIN is the store's to know, for the card's owner only.
            var savedCard = await _savedCardOffer.UsableAsync(savedCardId, settings, customer, store.Id, foreignCurrency: false);
            if (savedCard is null)
                return await QuoteErrorAsync("SavedCards.NotFound");
            request.Bin = SavedCardOffer.BinOf(savedCard);
        }

        var bin = request?.Bin ?? string.Empty;
        if (bin.Length < 6 || !bin.All(char.IsAsciiDigit))
            return BadRequest();

        bin = bin[..6];
        if (ParamCallRunner.IsConfigured(settings) && !await _installmentRateService.IsCardCachedAsync(settings, bin)
            && !await _binLookupLimiter.TryTakeAsync(customer.Id, _webHelper.GetCurrentIpAddress()))
            return await QuoteErrorAsync("Checkout.TooManyCards");

        if (request.OrderGuid is { } orderGuid)
            return await QuoteForOrderAsync(orderGuid, bin);

        var amount = await _checkoutAmounts.AmountBeforeFeeAsync(await _checkoutAmounts.CartAsync(customer, store.Id));
        if (amount is null || !ParamCallRunner.IsConfigured(settings))
            return await QuoteErrorAsync("Checkout.QuoteUnavailable");

        try
        {
            var quote = await _installmentRateService.QuoteAsync(settings, bin, amount.Value);

            return ScriptJson.Result(await _modelFactory.PrepareQuoteModelAsync(quote, settings));
        }
        catch (Exception exception) when (exception is ParamGatewayException or ParamRefusedException)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: installment quote failed.", exception, customer);

            return await QuoteErrorAsync("Checkout.QuoteUnavailable");
        }
    }

    /// <summary>
    /// The product page's installment table again, for the price of the attributes now chosen in the product form
    /// (nopCommerce's price-update event), from the cached rates only; empty when there is nothing to show
    /// </summary>
    [HttpPost, IgnoreAntiforgeryToken]
    public async Task<IActionResult> InstallmentWidget(int productId)
    {
        var product = await _productService.GetProductByIdAsync(productId);
        if (product is null || product.Deleted)
            return Content(string.Empty);

        var attributesXml = await _productAttributeParser.ParseProductAttributesAsync(product, await Request.ReadFormAsync(), new List<string>());
        var model = await _installmentWidgetModelFactory.PrepareForProductAsync(productId, attributesXml);
        if (model is null)
            return Content(string.Empty);

        return PartialView(ParamPosDefaults.ViewsPath + "Public/_InstallmentWidgetTables.cshtml", model);
    }

    /// <summary>
    /// The bank's 3-D Secure page, rendered once: a refresh cannot re-submit a used form
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> ThreeDSecure(Guid orderGuid, string nonce)
    {
        Response.Headers.CacheControl = "no-store, no-cache, must-revalidate";
        Response.Headers.Pragma = "no-cache";

        var html = await _threeDPageStore.TakeAsync(orderGuid, nonce);
        if (html is null)
            return RedirectToRoute(ParamPosDefaults.Route.Result, new { orderGuid });

        return Content(html, "text/html; charset=utf-8");
    }

    /// <summary>
    /// What happened to the payment of one of the customer's orders
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> Result(Guid orderGuid)
    {
        var order = await _payAgainService.GetOwnOrderAsync(orderGuid);
        if (order is null)
            return RedirectToRoute(NopRouteNames.General.HOMEPAGE);

        var ledger = await _ledgerLoader.LoadAsync(order);
        if (order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.Authorized || ledger.PaidCharge is not null || ledger.Authorization is not null)
            return RedirectToRoute(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = order.Id });

        // Only reads: a declined order is cancelled (when the store prefers that) by the bank's callback, a POST.
        var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
        var cartRestored = ledger.CancelledAfterDecline;
        var model = await _modelFactory.PrepareResultModelAsync(order, ledger, settings, cartRestored);
        model.CartRestored = cartRestored;
        model.OrderDetailsUrl = Url.RouteUrl(NopRouteNames.Standard.ORDER_DETAILS, new { orderId = order.Id });
        model.CartUrl = cartRestored ? Url.RouteUrl(NopRouteNames.General.CART) : null;

        return View(ParamPosDefaults.ViewsPath + "Public/Result.cshtml", model);
    }

    /// <summary>
    /// The card form to pay a pending order again
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> PayAgain(Guid orderGuid)
    {
        var order = await _payAgainService.GetOwnOrderAsync(orderGuid);
        if (order is null)
            return RedirectToRoute(NopRouteNames.General.HOMEPAGE);

        var ledger = await _ledgerLoader.LoadAsync(order);
        if (!PayAgainService.CanPayAgain(order, ledger, await _callRunner.LoadSettingsAsync(order.StoreId)))
            return RedirectToRoute(ParamPosDefaults.Route.Result, new { orderGuid });

        return View(ParamPosDefaults.ViewsPath + "Public/PayAgain.cshtml", await _modelFactory.PreparePayAgainModelAsync(order, ledger));
    }

    [HttpPost, ActionName(nameof(PayAgain))]
    public async Task<IActionResult> PayAgainPost(Guid orderGuid)
    {
        var order = await _payAgainService.GetOwnOrderAsync(orderGuid);
        if (order is null)
            return RedirectToRoute(NopRouteNames.General.HOMEPAGE);

        var (redirectUrl, errors) = await _payAgainService.SubmitAsync(order, await Request.ReadFormAsync());
        if (redirectUrl is not null)
            return Redirect(redirectUrl);
        if (errors.Count == 0)
            return RedirectToRoute(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = order.Id });

        return View(ParamPosDefaults.ViewsPath + "Public/PayAgain.cshtml", await _modelFactory.PreparePayAgainModelAsync(order, await _ledgerLoader.LoadAsync(order), errors));
    }

    #endregion

    #region Utilities

    /// <summary>
    /// The installment table of the pay-again page: from the order's amount, only the options that keep its total
    /// </summary>
    protected virtual async Task<IActionResult> QuoteForOrderAsync(Guid orderGuid, string bin)
    {
        var order = await _payAgainService.GetOwnOrderAsync(orderGuid);
        if (order is null)
            return await QuoteErrorAsync("Errors.CannotPayAgain");

        var (quote, settings, problem) = await _payAgainService.QuoteAsync(order, bin);
        if (problem is not null)
            return await QuoteErrorAsync(problem);

        return ScriptJson.Result(await _modelFactory.PrepareQuoteModelAsync(quote, settings, payingAgain: order));
    }

    protected virtual async Task<IActionResult> QuoteErrorAsync(string resourceKey)
    {
        return ScriptJson.Result(new QuoteModel { Error = await _localizationService.GetPluginResourceAsync(resourceKey) });
    }

    #endregion
}
