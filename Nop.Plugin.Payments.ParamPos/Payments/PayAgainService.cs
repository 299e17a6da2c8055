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
using Nop.Services.Localization;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// "Pay again" for a pending order whose payment did not complete: a new card, any installment option of that card that
/// keeps the order's total, a new attempt (Siparis_ID) in the ledger, and the bank's page again. Quotes are made from
/// the order's attempt (its amount before the commission), never from the cart, which nopCommerce emptied when the
/// order was placed. Only for the order's own customer, and never while a charge succeeded, is being sent or has an
/// unknown outcome. The order row is not written here: whichever attempt is charged, the callback records it.
/// </summary>
public class PayAgainService
{
    #region Fields

    protected readonly ILocalizationService _localizationService;
    protected readonly InstallmentRateService _installmentRateService;
    protected readonly IOrderService _orderService;
    protected readonly IWebHelper _webHelper;
    protected readonly IWorkContext _workContext;
    protected readonly OrderLedgerLoader _ledgerLoader;
    protected readonly OrderPaymentUpdater _orderPaymentUpdater;
    protected readonly ParamCallRunner _callRunner;
    protected readonly ParamPosMessages _messages;
    protected readonly ParatikaPaymentStarter _paratikaPaymentStarter;
    protected readonly ThreeDPageStore _threeDPageStore;
    protected readonly ThreeDPaymentStarter _threeDPaymentStarter;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public PayAgainService(ILocalizationService localizationService,
        InstallmentRateService installmentRateService,
        IOrderService orderService,
        IWebHelper webHelper,
        IWorkContext workContext,
        OrderLedgerLoader ledgerLoader,
        OrderPaymentUpdater orderPaymentUpdater,
        ParamCallRunner callRunner,
        ParamPosMessages messages,
        ParatikaPaymentStarter paratikaPaymentStarter,
        ThreeDPageStore threeDPageStore,
        ThreeDPaymentStarter threeDPaymentStarter,
        TimeProvider timeProvider)
    {
        _localizationService = localizationService;
        _installmentRateService = installmentRateService;
        _orderService = orderService;
        _webHelper = webHelper;
        _workContext = workContext;
        _ledgerLoader = ledgerLoader;
        _orderPaymentUpdater = orderPaymentUpdater;
        _callRunner = callRunner;
        _messages = messages;
        _paratikaPaymentStarter = paratikaPaymentStarter;
        _threeDPageStore = threeDPageStore;
        _threeDPaymentStarter = threeDPaymentStarter;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets a value indicating whether an order's payment can be tried again
    /// </summary>
    public static bool CanPayAgain(Order order, OrderLedger ledger, ParamPosSettings settings)
    {
        return order is not null && !order.Deleted
            && order.PaymentMethodSystemName == ParamPosDefaults.SystemName
            && order.PaymentStatus == PaymentStatus.Pending
            && order.OrderStatus != OrderStatus.Cancelled
            && settings.FailedPaymentAction == FailedPaymentAction.KeepPendingForRetry
            // In the hosted page mode an order may have no attempt yet (its first session could not be opened).
            && (ledger.LatestAttempt is { Amount: > 0m } || (settings.PaymentMode == PaymentMode.ParatikaHostedPage && ledger.IsEmpty && order.OrderTotal > 0m))
            // A foreign-currency order is paid again in its currency while the store still accepts it.
            && (ledger.LatestAttempt is null || ledger.LatestAttempt.CurrencyCode == ParamPosDefaults.CurrencyCode
                || ForeignCurrencyCheckout.Accepted(settings).Contains(ledger.LatestAttempt.CurrencyCode))
            && LedgerRules.NewAttempt(ledger) is null;
    }

    /// <summary>
    /// Gets a value indicating whether an order's payment can be tried again, from its ledger
    /// </summary>
    public virtual async Task<bool> CanPayAgainAsync(Order order)
    {
        return CanPayAgain(order, await _ledgerLoader.LoadAsync(order), await _callRunner.LoadSettingsAsync(order.StoreId));
    }

    /// <summary>
    /// Gets the options of a quote that keep an order's total: the order exists, so its total cannot change
    /// </summary>
    public static IReadOnlyList<InstallmentOption> OptionsKeepingTotal(InstallmentQuote quote, Order order)
    {
        return quote.Options.Where(option => option.Total == order.OrderTotal).ToList();
    }

    /// <summary>
    /// Quotes a card for paying an order again, from the amount before commission its payment started with
    /// </summary>
    /// <param name="order">The customer's order</param>
    /// <param name="bin">First 6 digits of the card</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the quote (all its options, see <see cref="OptionsKeepingTotal"/>), or a resource key saying why there is none</returns>
    public virtual async Task<(InstallmentQuote Quote, ParamPosSettings Settings, string Problem)> QuoteAsync(Order order, string bin)
    {
        var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
        var ledger = await _ledgerLoader.LoadAsync(order);
        if (!CanPayAgain(order, ledger, settings))
            return (null, settings, "Errors.CannotPayAgain");
        if (!ParamCallRunner.IsConfigured(settings))
            return (null, settings, "Errors.NotConfigured");

        try
        {
            return (await _installmentRateService.QuoteAsync(settings, bin, ledger.LatestAttempt.Amount), settings, null);
        }
        catch (Exception exception) when (exception is ParamGatewayException or ParamRefusedException)
        {
            return (null, settings, "Validation.ServiceUnavailable");
        }
    }

    /// <summary>
    /// Gets the current customer's order by its GUID, or null when it is not theirs
    /// </summary>
    public virtual async Task<Order> GetOwnOrderAsync(Guid orderGuid)
    {
        var order = await _orderService.GetOrderByGuidAsync(orderGuid);
        var customer = await _workContext.GetCurrentCustomerAsync();

        return order is null || order.Deleted || order.CustomerId != customer.Id ? null : order;
    }

    /// <summary>
    /// Tries the payment again with a new card
    /// </summary>
    /// <param name="order">The customer's pending order</param>
    /// <param name="form">Posted card form</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the bank page URL, or localized errors</returns>
    public virtual async Task<(string RedirectUrl, IList<string> Errors)> SubmitAsync(Order order, IFormCollection form)
    {
        var current = await _callRunner.LoadSettingsAsync(order.StoreId);
        if (current.PaymentMode == PaymentMode.ParatikaHostedPage)
            return await StartAtParatikaAsync(order, current);

        var (card, installments, formErrors) = PaymentForm.Read(form, _timeProvider.GetUtcNow().UtcDateTime);
        if (formErrors.Count > 0)
            return (null, await _localizationService.GetPluginResourcesAsync(formErrors));

        if (await ForeignTermsAsync(order, card, installments) is { } foreign)
            return foreign.Problem is not null ? (null, [await _localizationService.GetPluginResourceAsync(foreign.Problem)]) : await StartAsync(foreign.Settings, order, card, foreign.Terms);

        var (quote, settings, problem) = await QuoteAsync(order, card.Bin);
        if (problem is not null)
            return (null, [await _localizationService.GetPluginResourceAsync(problem)]);

        // The order's total is fixed: an option whose commission gives another total cannot pay it.
        var option = quote.Option(installments);
        if (option is null)
            return (null, [await _localizationService.GetPluginResourceAsync("Validation.InstallmentNotOffered")]);
        if (option.Total != order.OrderTotal)
            return (null, [await _localizationService.GetPluginResourceAsync("Errors.DifferentRate")]);

        return await StartAsync(settings, order, card, new PaymentTerms(option.Installments, option.Rate, quote.Amount, option.Total, card.Masked, quote.CardFamily));
    }

    #endregion

    #region Utilities

    /// <summary>
    /// The terms of paying a foreign-currency order again: the same single payment, in its currency, as its first
    /// attempt (the order total as the shopper saw it); null for a lira order
    /// </summary>
    protected virtual async Task<(PaymentTerms Terms, ParamPosSettings Settings, string Problem)?> ForeignTermsAsync(Order order, CardDetails card, int installments)
    {
        var ledger = await _ledgerLoader.LoadAsync(order);
        if (ledger.LatestAttempt is not { } first || first.CurrencyCode == ParamPosDefaults.CurrencyCode)
            return null;

        var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
        if (!CanPayAgain(order, ledger, settings))
            return (null, settings, "Errors.CannotPayAgain");
        if (installments != 1)
            return (null, settings, "Validation.InstallmentNotOffered");

        return (new PaymentTerms(1, 0m, first.Total, first.Total, card.Masked, null) { CurrencyCode = first.CurrencyCode }, settings, null);
    }

    /// <summary>
    /// Opens a new Paratika session for the order and sends the shopper to its page
    /// </summary>
    protected virtual async Task<(string RedirectUrl, IList<string> Errors)> StartAtParatikaAsync(Order order, ParamPosSettings settings)
    {
        if (!CanPayAgain(order, await _ledgerLoader.LoadAsync(order), settings))
            return (null, [await _localizationService.GetPluginResourceAsync("Errors.CannotPayAgain")]);

        var start = await _paratikaPaymentStarter.StartAsync(order, settings);

        return start.Kind switch
        {
            ParatikaStartKind.RedirectToPage => (start.Url, []),
            ParatikaStartKind.Paid => (null, []),
            _ => (null, [await _localizationService.GetPluginResourceAsync("Errors.Unavailable")])
        };
    }

    /// <summary>
    /// Starts the new attempt and says where the shopper goes
    /// </summary>
    protected virtual async Task<(string RedirectUrl, IList<string> Errors)> StartAsync(ParamPosSettings settings, Order order, CardDetails card, PaymentTerms terms)
    {
        var outcome = await _threeDPaymentStarter.StartAsync(settings, order.StoreId, order.OrderGuid, card, terms);
        switch (outcome.Kind)
        {
            case ThreeDStartKind.RedirectToBank:
                await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: the customer is paying again with card {card.Masked}, "
                    + $"{(terms.Installments == 1 ? "single payment" : $"{terms.Installments} installments")} (Siparis_ID {outcome.AttemptOrderId}).");
                var nonce = await _threeDPageStore.GetNonceAsync(order.OrderGuid);
                return ($"{_webHelper.GetStoreLocation()}{ParamPosDefaults.Route.ThreeDSecurePath(order.OrderGuid, nonce)}", []);
            case ThreeDStartKind.Declined:
                return (null, [string.Format(await _localizationService.GetPluginResourceAsync("Errors.Declined"), await _messages.ExplainAsync(outcome.Error))]);
            case ThreeDStartKind.ChargedWithout3D:
                if (outcome.Charge is not null)
                    await _orderPaymentUpdater.ConfirmChargeAsync(outcome.Charge, "TP_WMD_UCD (charged without 3-D)");
                return (null, []);
            default:
                return (null, [await _localizationService.GetPluginResourceAsync("Errors.Unavailable")]);
        }
    }

    #endregion
}
