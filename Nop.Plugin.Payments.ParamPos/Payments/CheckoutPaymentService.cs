using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// The checkout side of the payment method: the card form's validation and payment info, the order-time payment
/// (TP_WMD_UCD), the redirect to the bank's page, and the installment fee in the order total.
/// </summary>
public class CheckoutPaymentService
{
    #region Fields

    protected readonly CardVault _cardVault;
    protected readonly CheckoutAmounts _checkoutAmounts;
    protected readonly ICustomerService _customerService;
    protected readonly ForeignCurrencyCheckout _foreignCurrencyCheckout;
    protected readonly IHttpContextAccessor _httpContextAccessor;
    protected readonly ILocalizationService _localizationService;
    protected readonly ILogger _logger;
    protected readonly InstallmentChoiceStore _installmentChoiceStore;
    protected readonly InstallmentRateService _installmentRateService;
    protected readonly MarketplaceCartCheck _marketplaceCartCheck;
    protected readonly IStoreContext _storeContext;
    protected readonly IWebHelper _webHelper;
    protected readonly IWorkContext _workContext;
    protected readonly ParamCallRunner _callRunner;
    protected readonly OrderPaymentUpdater _orderPaymentUpdater;
    protected readonly ParatikaPaymentStarter _paratikaPaymentStarter;
    protected readonly ParamPosMessages _messages;
    protected readonly SavedCardEnroller _savedCardEnroller;
    protected readonly SavedCardOffer _savedCardOffer;
    protected readonly ShopperTermsWriter _shopperTermsWriter;
    protected readonly ThreeDPageStore _threeDPageStore;
    protected readonly ThreeDPaymentStarter _threeDPaymentStarter;
    protected readonly TimeProvider _timeProvider;

    // nopCommerce checks the form and then asks for the payment info in one request: the cart's amount and the card's
    // quote are worked out once per card in a request (this service lives as long as the request).
    protected (string Bin, InstallmentQuote Quote, string Problem)? _requestQuote;

    #endregion

    #region Ctor

    public CheckoutPaymentService(CardVault cardVault,
        CheckoutAmounts checkoutAmounts,
        ICustomerService customerService,
        ForeignCurrencyCheckout foreignCurrencyCheckout,
        IHttpContextAccessor httpContextAccessor,
        ILocalizationService localizationService,
        ILogger logger,
        InstallmentChoiceStore installmentChoiceStore,
        InstallmentRateService installmentRateService,
        IStoreContext storeContext,
        MarketplaceCartCheck marketplaceCartCheck,
        IWebHelper webHelper,
        IWorkContext workContext,
        OrderPaymentUpdater orderPaymentUpdater,
        ParamCallRunner callRunner,
        ParatikaPaymentStarter paratikaPaymentStarter,
        ParamPosMessages messages,
        SavedCardEnroller savedCardEnroller,
        SavedCardOffer savedCardOffer,
        ShopperTermsWriter shopperTermsWriter,
        ThreeDPageStore threeDPageStore,
        ThreeDPaymentStarter threeDPaymentStarter,
        TimeProvider timeProvider)
    {
        _messages = messages;
        _savedCardEnroller = savedCardEnroller;
        _savedCardOffer = savedCardOffer;
        _orderPaymentUpdater = orderPaymentUpdater;
        _paratikaPaymentStarter = paratikaPaymentStarter;
        _cardVault = cardVault;
        _checkoutAmounts = checkoutAmounts;
        _customerService = customerService;
        _foreignCurrencyCheckout = foreignCurrencyCheckout;
        _httpContextAccessor = httpContextAccessor;
        _localizationService = localizationService;
        _logger = logger;
        _installmentChoiceStore = installmentChoiceStore;
        _installmentRateService = installmentRateService;
        _marketplaceCartCheck = marketplaceCartCheck;
        _storeContext = storeContext;
        _webHelper = webHelper;
        _workContext = workContext;
        _callRunner = callRunner;
        _shopperTermsWriter = shopperTermsWriter;
        _threeDPageStore = threeDPageStore;
        _threeDPaymentStarter = threeDPaymentStarter;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Validates the card form on the server, including that the chosen installment count is offered for this card and cart
    /// </summary>
    /// <param name="form">Posted form</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains localized errors</returns>
    public virtual async Task<IList<string>> ValidateAsync(IFormCollection form)
    {
        // Paratika's page takes the card: there is no form to check (nopCommerce skips the step in that mode).
        if (await IsHostedPageModeAsync())
            return new List<string>();

        if (await UnpayableVendorsProblemAsync() is { } vendorProblem)
            return new List<string> { vendorProblem };

        string bin;
        int installments;
        if (PaymentForm.ReadSavedCard(form) is { } saved)
        {
            if (saved.Errors.Count > 0)
                return await _localizationService.GetPluginResourcesAsync(saved.Errors);
            if (await ChosenSavedCardAsync(saved.Choice) is not { } savedCard)
                return await _localizationService.GetPluginResourcesAsync(["SavedCards.NotFound"]);

            (bin, installments) = (SavedCardOffer.BinOf(savedCard), saved.Installments);
        }
        else
        {
            var (card, cardInstallments, errors) = PaymentForm.Read(form, _timeProvider.GetUtcNow().UtcDateTime);
            if (errors.Count > 0)
                return await _localizationService.GetPluginResourcesAsync(errors);

            var store = await _storeContext.GetCurrentStoreAsync();
            if (await _foreignCurrencyCheckout.CurrentAsync(await _callRunner.LoadSettingsAsync(store.Id)) is not null)
                return cardInstallments == 1 ? new List<string>() : await _localizationService.GetPluginResourcesAsync(["Validation.InstallmentNotOffered"]);

            (bin, installments) = (card.Bin, cardInstallments);
        }

        var (quote, problem) = await CurrentQuoteAsync(bin);
        if (problem is not null)
            return await _localizationService.GetPluginResourcesAsync([problem]);
        if (quote.Options.Count == 0)
            return await _localizationService.GetPluginResourcesAsync(["Validation.CardNotSupported"]);
        if (quote.Option(installments) is null)
            return await _localizationService.GetPluginResourcesAsync([quote.IsDebit && installments > 1 ? "Validation.DebitSinglePaymentOnly" : "Validation.InstallmentNotOffered"]);

        return new List<string>();
    }

    /// <summary>
    /// Turns the validated form into the payment request nopCommerce keeps until the order is placed: the card goes to the
    /// vault and only its encrypted reference, the masked number and the installment count go into the request
    /// </summary>
    /// <param name="form">Posted form</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the payment request</returns>
    public virtual async Task<ProcessPaymentRequest> GetPaymentInfoAsync(IFormCollection form)
    {
        var request = new ProcessPaymentRequest();
        if (await IsHostedPageModeAsync())
            return request;

        if (PaymentForm.ReadSavedCard(form) is { } saved)
            return await SavedCardPaymentInfoAsync(request, saved.Choice, saved.Installments);

        var (card, installments, errors) = PaymentForm.Read(form, _timeProvider.GetUtcNow().UtcDateTime);
        if (errors.Count > 0)
            return request;

        var customer = await _workContext.GetCurrentCustomerAsync();
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _callRunner.LoadSettingsAsync(store.Id);
        var foreign = await _foreignCurrencyCheckout.CurrentAsync(settings);
        var (quote, _) = foreign is null ? await CurrentQuoteAsync(card.Bin) : (null, null);
        // Kept with the card in the vault: the card is saved at Param only once its payment succeeded.
        card = card with { SaveRequested = foreign is null && PaymentForm.WantsCardSaved(form) && await _savedCardOffer.CanSaveAsync(settings, customer) };
        if (quote is not null)
            await _installmentChoiceStore.SaveAsync(customer, store.Id, new InstallmentChoice(quote.PosId, installments, quote.IsDebit));

        request.CreditCardNumber = card.Masked;
        request.CustomValues.Add(new CustomValue(ParamPosDefaults.CardReferenceCustomValue, await _cardVault.StoreAsync(card),
            CustomValueDisplayLocation.Payment, displayToCustomer: false));
        if (quote?.Option(installments) is { } option)
            await _shopperTermsWriter.WriteAsync(request.CustomValues, option);

        return request;
    }

    /// <summary>
    /// Starts the payment when the shopper confirms the order: re-checks everything, requires the order total to equal
    /// what will be charged, sends TP_WMD_UCD and returns Pending (the bank's page follows in PostProcessPaymentAsync)
    /// </summary>
    /// <param name="request">Payment request</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the result for nopCommerce</returns>
    public virtual async Task<ProcessPaymentResult> ProcessAsync(ProcessPaymentRequest request)
    {
        var result = new ProcessPaymentResult();
        var settings = await _callRunner.LoadSettingsAsync(request.StoreId);
        if (settings.PaymentMode == PaymentMode.ParatikaHostedPage)
        {
            // Nothing is sent yet: the order is placed pending, then PostProcessPaymentAsync opens the Paratika session.
            result.NewPaymentStatus = PaymentStatus.Pending;
            result.AuthorizationTransactionResult = "Pending: Paratika hosted payment page";
            return result;
        }

        var savedCardPayment = request.CustomValues.TryGetValue(ParamPosDefaults.SavedCardReferenceCustomValue, out var referenceValue);
        if (!savedCardPayment && !request.CustomValues.TryGetValue(ParamPosDefaults.CardReferenceCustomValue, out referenceValue))
        {
            // A stale request of another payment method (nopCommerce issue #8156) or a skipped payment info step.
            result.AddError(await _localizationService.GetPluginResourceAsync("Errors.CardDataMissing"));
            return result;
        }

        var reference = referenceValue.Value;
        try
        {
            var customer = await _customerService.GetCustomerByIdAsync(request.CustomerId);
            // Checked again at the order: the cart may have changed since the payment info step.
            if (await _marketplaceCartCheck.ProblemAsync(settings, await _checkoutAmounts.CartAsync(customer, request.StoreId)) is { } unpayable)
            {
                result.AddError(string.Format(await _localizationService.GetPluginResourceAsync(unpayable.ResourceKey), string.Join(", ", unpayable.Products)));
                return result;
            }

            var foreign = await _foreignCurrencyCheckout.CurrentAsync(settings);
            CardDetails card = null;
            ParamPosSavedCard savedCard = null;
            SavedCardChoice choice = null;
            if (savedCardPayment)
            {
                choice = await _cardVault.ReadSecretAsync<SavedCardChoice>(reference);
                // Checked again here, on the server, with the order's customer and store: whatever the browser posted.
                savedCard = choice is null ? null : await _savedCardOffer.UsableAsync(choice.SavedCardId, settings, customer, request.StoreId, foreign is not null);
                if (choice is not null && savedCard is null)
                {
                    await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: saved card {choice.SavedCardId} refused for customer {request.CustomerId} in store {request.StoreId} (not theirs, deleted, or not offered); payment not started.", customer: customer);
                    result.AddError(await _localizationService.GetPluginResourceAsync("SavedCards.NotFound"));
                    return result;
                }
            }
            else
            {
                card = await _cardVault.ReadAsync(reference);
            }

            if (card is null && savedCard is null)
            {
                result.AddError(await _localizationService.GetPluginResourceAsync("Errors.CardDataExpired"));
                return result;
            }

            var (bin, masked) = savedCard is null ? (card.Bin, card.Masked) : (SavedCardOffer.BinOf(savedCard), savedCard.MaskedNumber);
            var (terms, option, problem) = foreign is null
                ? await LiraTermsAsync(request, bin, masked, settings, customer)
                : (await ForeignTermsAsync(request, masked, foreign), null, null);
            if (problem is not null)
            {
                result.AddError(await _localizationService.GetPluginResourceAsync(problem));
                return result;
            }

            var outcome = savedCard is null
                ? await _threeDPaymentStarter.StartAsync(settings, request.StoreId, request.OrderGuid, card, terms)
                : await _threeDPaymentStarter.StartWithSavedCardAsync(settings, request.StoreId, request.OrderGuid, savedCard, choice.Cvc, SavedCardOffer.MobileOf(customer?.Phone), terms);
            if (card?.SaveRequested == true && outcome.Kind is ThreeDStartKind.RedirectToBank or ThreeDStartKind.ChargedWithout3D)
                await _savedCardEnroller.HoldAsync(outcome.AttemptOrderId, request.CustomerId, request.StoreId, card, terms);
            switch (outcome.Kind)
            {
                case ThreeDStartKind.RedirectToBank:
                    result.NewPaymentStatus = PaymentStatus.Pending;
                    result.AuthorizationTransactionId = outcome.AttemptOrderId;
                    result.AuthorizationTransactionCode = outcome.TransactionGuid;
                    result.AuthorizationTransactionResult = "Pending3D: waiting for 3-D Secure";
                    break;
                case ThreeDStartKind.ChargedWithout3D when outcome.Held:
                    // nopCommerce creates the order authorized; the ledger records that it is, so nothing marks it again.
                    result.NewPaymentStatus = PaymentStatus.Authorized;
                    result.AuthorizationTransactionId = outcome.AttemptOrderId;
                    result.AuthorizationTransactionResult = $"Authorized: Dekont_ID {outcome.ReceiptId} (without 3-D)";
                    if (outcome.Charge is not null)
                        await _orderPaymentUpdater.RecordPaidByHostAsync(outcome.Charge);
                    if (outcome.Attempt is not null)
                        await _savedCardEnroller.SaveAfterPaymentAsync(outcome.Attempt, order: null);
                    break;
                case ThreeDStartKind.ChargedWithout3D:
                    // nopCommerce creates the order paid; the ledger records that it is, so nothing marks it again.
                    result.NewPaymentStatus = PaymentStatus.Paid;
                    result.AuthorizationTransactionId = outcome.AttemptOrderId;
                    result.CaptureTransactionId = outcome.ReceiptId.ToString(CultureInfo.InvariantCulture);
                    result.AuthorizationTransactionResult = $"Paid: Dekont_ID {outcome.ReceiptId} (charged without 3-D)";
                    if (outcome.Charge is not null)
                        await _orderPaymentUpdater.RecordPaidByHostAsync(outcome.Charge);
                    if (outcome.Attempt is not null)
                        await _savedCardEnroller.SaveAfterPaymentAsync(outcome.Attempt, order: null);
                    break;
                case ThreeDStartKind.Declined:
                    result.AddError(string.Format(await _localizationService.GetPluginResourceAsync("Errors.Declined"), await _messages.ExplainAsync(outcome.Error)));
                    return result;
                default:
                    result.AddError(await _localizationService.GetPluginResourceAsync("Errors.Unavailable"));
                    return result;
            }

            // The payment request becomes the order: the shopper's view of the terms, never the card reference.
            request.CustomValues.Remove(ParamPosDefaults.CardReferenceCustomValue);
            request.CustomValues.Remove(ParamPosDefaults.SavedCardReferenceCustomValue);
            if (option is not null)
                await _shopperTermsWriter.WriteAsync(request.CustomValues, option);
            await _installmentChoiceStore.ClearAsync(customer, request.StoreId);

            return result;
        }
        finally
        {
            await _cardVault.RemoveAsync(reference);
        }
    }

    /// <summary>
    /// Sends the shopper to the bank's page of the order (or to the pay-again page when there is none waiting)
    /// </summary>
    /// <param name="order">Order</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public virtual async Task PostProcessAsync(Order order)
    {
        if (order.PaymentMethodSystemName != ParamPosDefaults.SystemName || order.PaymentStatus != PaymentStatus.Pending)
            return;

        var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
        if (settings.PaymentMode == PaymentMode.ParatikaHostedPage)
        {
            var start = await _paratikaPaymentStarter.StartAsync(order, settings);
            _httpContextAccessor.HttpContext?.Response.Redirect(start.Url ?? $"{_webHelper.GetStoreLocation()}{ParamPosDefaults.Route.ResultPath(order.OrderGuid)}");
            return;
        }

        var nonce = await _threeDPageStore.GetNonceAsync(order.OrderGuid);
        var path = nonce is null
            ? ParamPosDefaults.Route.PayAgainPath(order.OrderGuid)
            : ParamPosDefaults.Route.ThreeDSecurePath(order.OrderGuid, nonce);

        _httpContextAccessor.HttpContext?.Response.Redirect($"{_webHelper.GetStoreLocation()}{path}");
    }

    /// <summary>
    /// Gets the installment commission to add to the order total for a cart (0 until the shopper chose, or when the store absorbs it)
    /// </summary>
    /// <param name="cart">Shopping cart</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the fee</returns>
    public virtual async Task<decimal> FeeAsync(IList<ShoppingCartItem> cart)
    {
        if (cart is null || cart.Count == 0)
            return 0m;

        var storeId = cart[0].StoreId;
        var settings = await _callRunner.LoadSettingsAsync(storeId);
        // Paratika's page shows and charges its own installment terms: the order total is what the session asks for.
        if (settings.CommissionPayer == Domain.CommissionPayer.Merchant || settings.PaymentMode == PaymentMode.ParatikaHostedPage || !ParamCallRunner.IsConfigured(settings))
            return 0m;

        // A foreign-currency payment is a single payment without commission.
        if (await _foreignCurrencyCheckout.CurrentAsync(settings) is not null)
            return 0m;

        var choice = await _installmentChoiceStore.GetAsync(cart[0].CustomerId, storeId);
        if (choice is null)
            return 0m;

        var amount = await _checkoutAmounts.AmountBeforeFeeAsync(cart);
        if (amount is null)
            return 0m;

        try
        {
            var rates = await _installmentRateService.GetRatesAsync(settings);
            var card = new CardProfile(choice.PosId, choice.IsDebit);

            return InstallmentQuoteBuilder.Build(amount.Value, card, rates, InstallmentPolicy.Of(settings)).Option(choice.Installments)?.Fee ?? 0m;
        }
        catch (Exception exception) when (exception is ParamGatewayException or ParamRefusedException)
        {
            // No rates, no fee: the payment itself will refuse to start rather than charge an unseen amount.
            await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: rates unavailable while computing the payment fee.", exception);
            return 0m;
        }
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Gets a value indicating whether the current store takes payments on Paratika's hosted page
    /// </summary>
    protected virtual async Task<bool> IsHostedPageModeAsync()
    {
        var store = await _storeContext.GetCurrentStoreAsync();

        return (await _callRunner.LoadSettingsAsync(store.Id)).PaymentMode == PaymentMode.ParatikaHostedPage;
    }

    /// <summary>
    /// The terms of a lira payment: the installment option the shopper chose, re-quoted from the rates; its total must be
    /// the order total. A resource key instead when the payment must not start
    /// </summary>
    protected virtual async Task<(PaymentTerms Terms, InstallmentOption Option, string Problem)> LiraTermsAsync(ProcessPaymentRequest request, string bin, string maskedCard,
        ParamPosSettings settings, Nop.Core.Domain.Customers.Customer customer)
    {
        var cart = await _checkoutAmounts.CartAsync(customer, request.StoreId);
        var amount = await _checkoutAmounts.AmountBeforeFeeAsync(cart);
        var choice = await _installmentChoiceStore.GetAsync(request.CustomerId, request.StoreId);
        if (amount is null || choice is null)
            return (null, null, "Errors.TotalChanged");

        InstallmentQuote quote;
        try
        {
            quote = await _installmentRateService.QuoteAsync(settings, bin, amount.Value);
        }
        catch (Exception exception) when (exception is ParamGatewayException or ParamRefusedException)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: rates or BIN unavailable at order confirmation.", exception, customer);
            return (null, null, "Errors.Unavailable");
        }

        var option = quote.Option(choice.Installments);
        if (option is null)
            return (null, null, "Validation.InstallmentNotOffered");

        // The order total already contains the fee computed from the same rates; anything else (a taxable fee, a
        // cart changed in another tab) would charge an amount the shopper did not see.
        if (option.Total != request.OrderTotal)
        {
            await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: order total {request.OrderTotal.ToString(CultureInfo.InvariantCulture)} differs from the amount to charge "
                + $"{option.Total.ToString(CultureInfo.InvariantCulture)} ({quote.Amount.ToString(CultureInfo.InvariantCulture)} + commission); payment not started. "
                + "Check that the payment method fee is not taxable.", customer: customer);
            return (null, null, "Errors.TotalChanged");
        }

        return (new PaymentTerms(option.Installments, option.Rate, quote.Amount, option.Total, maskedCard, quote.CardFamily)
        {
            PosId = quote.PosId,
            IsDebit = quote.IsDebit,
            BankName = quote.BankName
        }, option, null);
    }

    /// <summary>
    /// The terms of a foreign-currency payment: a single payment, no commission, of the order total as nopCommerce shows
    /// it in the shopper's currency
    /// </summary>
    protected virtual async Task<PaymentTerms> ForeignTermsAsync(ProcessPaymentRequest request, string maskedCard, ForeignCurrency foreign)
    {
        var amount = await _foreignCurrencyCheckout.AmountOfAsync(foreign, request.OrderTotal);

        return new PaymentTerms(1, 0m, amount, amount, maskedCard, null) { CurrencyCode = foreign.Code };
    }

    /// <summary>
    /// In marketplace mode, the refusal of a cart with goods Param cannot pay to their vendor (not registered, or an
    /// individual seller over its limit), or null
    /// </summary>
    protected virtual async Task<string> UnpayableVendorsProblemAsync()
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var customer = await _workContext.GetCurrentCustomerAsync();
        var unpayable = await _marketplaceCartCheck.ProblemAsync(await _callRunner.LoadSettingsAsync(store.Id), await _checkoutAmounts.CartAsync(customer, store.Id));

        return unpayable is { } problem ? string.Format(await _localizationService.GetPluginResourceAsync(problem.ResourceKey), string.Join(", ", problem.Products)) : null;
    }

    /// <summary>
    /// The current customer's saved card a form chose, when they may pay with it here and now; null otherwise
    /// </summary>
    protected virtual async Task<ParamPosSavedCard> ChosenSavedCardAsync(SavedCardChoice choice)
    {
        if (choice is null)
            return null;

        var store = await _storeContext.GetCurrentStoreAsync();
        var customer = await _workContext.GetCurrentCustomerAsync();
        var settings = await _callRunner.LoadSettingsAsync(store.Id);
        var foreign = await _foreignCurrencyCheckout.CurrentAsync(settings) is not null;

        return await _savedCardOffer.UsableAsync(choice.SavedCardId, settings, customer, store.Id, foreign);
    }

    /// <summary>
    /// The payment request of a saved-card payment: the chosen card's id and the CVC go to the vault, the request keeps
    /// only their encrypted reference and the masked number
    /// </summary>
    protected virtual async Task<ProcessPaymentRequest> SavedCardPaymentInfoAsync(ProcessPaymentRequest request, SavedCardChoice choice, int installments)
    {
        if (await ChosenSavedCardAsync(choice) is not { } savedCard)
            return request;

        var (quote, _) = await CurrentQuoteAsync(SavedCardOffer.BinOf(savedCard));
        if (quote is null)
            return request;

        var customer = await _workContext.GetCurrentCustomerAsync();
        await _installmentChoiceStore.SaveAsync(customer, savedCard.StoreId, new InstallmentChoice(quote.PosId, installments, quote.IsDebit));
        request.CreditCardNumber = savedCard.MaskedNumber;
        request.CustomValues.Add(new CustomValue(ParamPosDefaults.SavedCardReferenceCustomValue, await _cardVault.StoreSecretAsync(choice),
            CustomValueDisplayLocation.Payment, displayToCustomer: false));
        if (quote.Option(installments) is { } option)
            await _shopperTermsWriter.WriteAsync(request.CustomValues, option);

        return request;
    }

    /// <summary>
    /// The quote for the current customer's cart and a BIN (once per card in a request); a resource key instead when it cannot be made
    /// </summary>
    protected virtual async Task<(InstallmentQuote Quote, string Problem)> CurrentQuoteAsync(string bin)
    {
        if (_requestQuote is { } known && known.Bin == bin)
            return (known.Quote, known.Problem);

        var (quote, problem) = await QuoteNowAsync(bin);
        _requestQuote = (bin, quote, problem);

        return (quote, problem);
    }

    /// <summary>
    /// Works the quote out from the cart's amount now
    /// </summary>
    protected virtual async Task<(InstallmentQuote Quote, string Problem)> QuoteNowAsync(string bin)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var customer = await _workContext.GetCurrentCustomerAsync();
        var settings = await _callRunner.LoadSettingsAsync(store.Id);
        if (!ParamCallRunner.IsConfigured(settings))
            return (null, "Errors.NotConfigured");

        var amount = await _checkoutAmounts.AmountBeforeFeeAsync(await _checkoutAmounts.CartAsync(customer, store.Id));
        if (amount is null)
            return (null, "Errors.TotalChanged");

        try
        {
            return (await _installmentRateService.QuoteAsync(settings, bin, amount.Value), null);
        }
        catch (Exception exception) when (exception is ParamGatewayException or ParamRefusedException)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: installment quote failed.", exception, customer);
            return (null, "Validation.ServiceUnavailable");
        }
    }

    #endregion
}
