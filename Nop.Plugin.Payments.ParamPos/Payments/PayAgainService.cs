using Microsoft.AspNetCore.Http;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Services.Localization;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// "Pay again" for a pending order whose payment did not complete: a new card, any installment option of that card that
/// keeps the order's total, a new Siparis_ID, and the bank's page again. Quotes are made from the order (its amount
/// before the commission), never from the cart, which nopCommerce emptied when the order was placed. Only for the
/// order's own customer.
/// </summary>
public class PayAgainService
{
    #region Fields

    protected readonly ILocalizationService _localizationService;
    protected readonly ILocker _locker;
    protected readonly InstallmentRateService _installmentRateService;
    protected readonly IOrderService _orderService;
    protected readonly IWebHelper _webHelper;
    protected readonly IWorkContext _workContext;
    protected readonly OrderPaymentUpdater _orderPaymentUpdater;
    protected readonly ParamPosGateway _gateway;
    protected readonly ParamPosMessages _messages;
    protected readonly ShopperTermsWriter _shopperTermsWriter;
    protected readonly ThreeDPageStore _threeDPageStore;
    protected readonly ThreeDPaymentStarter _threeDPaymentStarter;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public PayAgainService(ILocalizationService localizationService,
        ILocker locker,
        InstallmentRateService installmentRateService,
        IOrderService orderService,
        IWebHelper webHelper,
        IWorkContext workContext,
        OrderPaymentUpdater orderPaymentUpdater,
        ParamPosGateway gateway,
        ParamPosMessages messages,
        ShopperTermsWriter shopperTermsWriter,
        ThreeDPageStore threeDPageStore,
        ThreeDPaymentStarter threeDPaymentStarter,
        TimeProvider timeProvider)
    {
        _messages = messages;
        _localizationService = localizationService;
        _locker = locker;
        _installmentRateService = installmentRateService;
        _orderService = orderService;
        _webHelper = webHelper;
        _workContext = workContext;
        _orderPaymentUpdater = orderPaymentUpdater;
        _gateway = gateway;
        _shopperTermsWriter = shopperTermsWriter;
        _threeDPageStore = threeDPageStore;
        _threeDPaymentStarter = threeDPaymentStarter;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets a value indicating whether an order's payment can be tried again
    /// </summary>
    public static bool CanPayAgain(Order order, ParamPosSettings settings)
    {
        return order is not null && !order.Deleted
            && order.PaymentMethodSystemName == ParamPosDefaults.SystemName
            && order.PaymentStatus == PaymentStatus.Pending
            && order.OrderStatus != OrderStatus.Cancelled
            && OrderPaymentRecord.StateOf(order) is PaymentState.Pending3D or PaymentState.Declined
            && settings.FailedPaymentAction == FailedPaymentAction.KeepPendingForRetry;
    }

    /// <summary>
    /// Gets the options of a quote that keep an order's total: the order exists, so its total cannot change
    /// </summary>
    public static IReadOnlyList<InstallmentOption> OptionsKeepingTotal(InstallmentQuote quote, Order order)
    {
        return quote.Options.Where(option => option.Total == order.OrderTotal).ToList();
    }

    /// <summary>
    /// Quotes a card for paying an order again, from the order's amount before the commission
    /// </summary>
    /// <param name="order">The customer's order</param>
    /// <param name="bin">First 6 digits of the card</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the quote (all its options, see <see cref="OptionsKeepingTotal"/>), or a resource key saying why there is none</returns>
    public virtual async Task<(InstallmentQuote Quote, ParamPosSettings Settings, string Problem)> QuoteAsync(Order order, string bin)
    {
        var settings = await _gateway.LoadSettingsAsync(order.StoreId);
        var terms = OrderPaymentRecord.TermsOf(order);
        if (!CanPayAgain(order, settings) || terms.Amount <= 0m)
            return (null, settings, "Errors.CannotPayAgain");
        if (!ParamPosGateway.IsConfigured(settings))
            return (null, settings, "Errors.NotConfigured");

        try
        {
            return (await _installmentRateService.QuoteAsync(settings, bin, terms.Amount), settings, null);
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
        var (card, installments, formErrors) = PaymentForm.Read(form, _timeProvider.GetUtcNow().UtcDateTime);
        if (formErrors.Count > 0)
            return (null, await _localizationService.GetPluginResourcesAsync(formErrors));

        var (quote, settings, problem) = await QuoteAsync(order, card.Bin);
        if (problem is not null)
            return (null, [await _localizationService.GetPluginResourceAsync(problem)]);

        // The order's total is fixed: an option whose commission gives another total cannot pay it.
        var option = quote.Option(installments);
        if (option is null)
            return (null, [await _localizationService.GetPluginResourceAsync("Validation.InstallmentNotOffered")]);
        if (option.Total != order.OrderTotal)
            return (null, [await _localizationService.GetPluginResourceAsync("Errors.DifferentRate")]);

        var terms = OrderPaymentRecord.TermsOf(order);
        string redirect = null;
        IList<string> errors = null;
        var acquired = await _locker.PerformActionWithLockAsync(ParamPosDefaults.OrderLockResource(order.Id), TimeSpan.FromMinutes(2), async () =>
        {
            var current = await _orderService.GetOrderByIdAsync(order.Id);
            if (!CanPayAgain(current, settings))
            {
                errors = [await _localizationService.GetPluginResourceAsync("Errors.CannotPayAgain")];
                return;
            }

            var newTerms = terms with { Installments = option.Installments, Rate = option.Rate, MaskedCard = card.Masked, CardFamily = quote.CardFamily };
            var outcome = await _threeDPaymentStarter.StartAsync(settings, current.OrderGuid, card, newTerms);
            switch (outcome.Kind)
            {
                case ThreeDStartKind.RedirectToBank:
                    current.AuthorizationTransactionId = outcome.AttemptOrderId;
                    current.AuthorizationTransactionCode = outcome.TransactionGuid;
                    var values = new CustomValues();
                    values.FillByXml(current.CustomValuesXml);
                    OrderPaymentRecord.WriteTerms(values, newTerms);
                    await _shopperTermsWriter.WriteAsync(values, option);
                    current.CustomValuesXml = values.SerializeToXml();
                    await _orderPaymentUpdater.SetStateAsync(current, PaymentState.Pending3D, "waiting for 3-D Secure (paying again)");
                    await _orderPaymentUpdater.AddNoteAsync(current, $"ParamPOS: the customer is paying again with card {card.Masked} (Siparis_ID {outcome.AttemptOrderId}).");
                    var nonce = await _threeDPageStore.GetNonceAsync(current.OrderGuid);
                    redirect = $"{_webHelper.GetStoreLocation()}{string.Format(ParamPosDefaults.Route.ThreeDSecurePath, current.OrderGuid, nonce)}";
                    break;
                case ThreeDStartKind.Declined:
                    errors = [string.Format(await _localizationService.GetPluginResourceAsync("Errors.Declined"), await _messages.ExplainAsync(outcome.Error))];
                    break;
                case ThreeDStartKind.ChargedWithout3D:
                    await _orderPaymentUpdater.MarkPaidAsync(current, outcome.ReceiptId, null, "charged without 3-D", "TP_WMD_UCD");
                    redirect = null;
                    errors = [];
                    break;
                default:
                    errors = [await _localizationService.GetPluginResourceAsync("Errors.Unavailable")];
                    break;
            }
        });

        if (!acquired)
            return (null, [await _localizationService.GetPluginResourceAsync("Result.Processing")]);

        return (redirect, errors ?? []);
    }

    #endregion
}
