using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Models.Public;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Catalog;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Services.Tax;

namespace Nop.Plugin.Payments.ParamPos.Factories;

/// <summary>
/// Builds the installment table widget from the cached rate list only: a page view never calls Param. When the cache is
/// cold the widget is left out (null) and a background refresh fills the cache for the next view.
/// </summary>
public class InstallmentWidgetModelFactory
{
    #region Fields

    protected readonly CheckoutAmounts _checkoutAmounts;
    protected readonly ForeignCurrencyCheckout _foreignCurrencyCheckout;
    protected readonly ILocalizationService _localizationService;
    protected readonly InstallmentRateService _installmentRateService;
    protected readonly IProductService _productService;
    protected readonly IShoppingCartService _shoppingCartService;
    protected readonly IStoreContext _storeContext;
    protected readonly ITaxService _taxService;
    protected readonly IWebHelper _webHelper;
    protected readonly IWorkContext _workContext;
    protected readonly ParamCallRunner _callRunner;
    protected readonly PaymentAvailability _paymentAvailability;

    #endregion

    #region Ctor

    public InstallmentWidgetModelFactory(CheckoutAmounts checkoutAmounts,
        ForeignCurrencyCheckout foreignCurrencyCheckout,
        ILocalizationService localizationService,
        InstallmentRateService installmentRateService,
        IProductService productService,
        IShoppingCartService shoppingCartService,
        IStoreContext storeContext,
        ITaxService taxService,
        IWebHelper webHelper,
        IWorkContext workContext,
        ParamCallRunner callRunner,
        PaymentAvailability paymentAvailability)
    {
        _checkoutAmounts = checkoutAmounts;
        _foreignCurrencyCheckout = foreignCurrencyCheckout;
        _localizationService = localizationService;
        _installmentRateService = installmentRateService;
        _productService = productService;
        _shoppingCartService = shoppingCartService;
        _storeContext = storeContext;
        _taxService = taxService;
        _webHelper = webHelper;
        _workContext = workContext;
        _callRunner = callRunner;
        _paymentAvailability = paymentAvailability;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Prepares the table for a product at the price nopCommerce shows for it with these attributes (one item, discounts
    /// and the customer's tax display applied), or null when there is nothing to show
    /// </summary>
    /// <param name="productId">Product identifier</param>
    /// <param name="attributesXml">The chosen attributes (nopCommerce's XML), or empty</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the model, or null</returns>
    public virtual async Task<InstallmentWidgetModel> PrepareForProductAsync(int productId, string attributesXml = null)
    {
        var product = await _productService.GetProductByIdAsync(productId);
        if (product is null || product.Deleted)
            return null;

        var customer = await _workContext.GetCurrentCustomerAsync();
        var store = await _storeContext.GetCurrentStoreAsync();
        var (unitPrice, _, _) = await _shoppingCartService.GetUnitPriceAsync(product, customer, store, ShoppingCartType.ShoppingCart, 1, attributesXml ?? string.Empty, 0m, null, null, true);
        var (price, _) = await _taxService.GetProductPriceAsync(product, unitPrice);

        var model = await PrepareAsync(price);
        if (model is not null)
        {
            model.ProductId = product.Id;
            model.RefreshUrl = $"{_webHelper.GetStoreLocation()}{ParamPosDefaults.Route.InstallmentWidgetPath(product.Id)}";
        }

        return model;
    }

    /// <summary>
    /// Prepares the table for the current customer's cart: the amount the checkout would quote, or null when there is nothing to show
    /// </summary>
    /// <returns>A task that represents the asynchronous operation; the task result contains the model, or null</returns>
    public virtual async Task<InstallmentWidgetModel> PrepareForCartAsync()
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        var store = await _storeContext.GetCurrentStoreAsync();
        var amount = await _checkoutAmounts.AmountBeforeFeeAsync(await _checkoutAmounts.CartAsync(customer, store.Id));

        return amount is null ? null : await PrepareAsync(amount.Value);
    }

    #endregion

    #region Utilities

    /// <summary>
    /// The table of an amount, when the store takes lira card payments with installments from this shopper and the rates are cached
    /// </summary>
    protected virtual async Task<InstallmentWidgetModel> PrepareAsync(decimal amount)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _callRunner.LoadSettingsAsync(store.Id);
        if (amount <= 0m || !settings.InstallmentsEnabled || settings.PaymentMode != PaymentMode.CardForm3D
            || (await _paymentAvailability.BlockingProblemsAsync(settings, ParamPosDefaults.CurrencyCode)).Count > 0
            || await _foreignCurrencyCheckout.CurrentAsync(settings) is not null)
            return null;

        var rates = await _installmentRateService.GetCachedRatesAsync(settings);
        if (rates is null)
        {
            _installmentRateService.RefreshInBackground(settings);
            return null;
        }

        var quotes = InstallmentTableBuilder.Build(amount, rates, InstallmentPolicy.Of(settings), InstallmentTableBuilder.Families(settings.InstallmentWidgetCardFamilies));
        if (quotes.Count == 0)
            return null;

        var texts = await InstallmentTextFormatter.CreateAsync(_localizationService, _workContext);
        var model = new InstallmentWidgetModel
        {
            AmountNote = string.Format(await _localizationService.GetPluginResourceAsync(settings.CommissionPayer == CommissionPayer.Merchant ? "Widget.AmountNoteStorePays" : "Widget.AmountNote"),
                texts.Money(ParamAmount.RoundToKurus(amount)))
        };
        var upTo = await _localizationService.GetPluginResourceAsync("Widget.UpTo");
        // Families with installments first (in Param's order); single-payment-only ones (other banks' cards) after them.
        foreach (var quote in quotes.OrderBy(quote => quote.Options.Count == 1))
        {
            var most = quote.Options.Max(option => option.Installments);
            model.Families.Add(new InstallmentWidgetFamilyModel
            {
                PosId = quote.PosId,
                Name = quote.CardFamily,
                Summary = most == 1 ? texts.Label(1) : string.Format(upTo, texts.Label(most)),
                Rows = quote.Options.Select(option => new InstallmentWidgetRowModel
                {
                    Installments = option.Installments,
                    Label = texts.Label(option.Installments),
                    Monthly = texts.Money(option.Monthly),
                    Total = texts.Money(option.Total)
                }).ToList()
            });
        }

        return model;
    }

    #endregion
}
