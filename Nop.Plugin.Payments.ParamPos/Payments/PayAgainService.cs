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
/// "Pay again" for a pending order whose payment did not complete: a new card, the same installment count and the same
/// total, a new Siparis_ID, and the bank's page again. Only for the order's own customer.
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
        var settings = await _gateway.LoadSettingsAsync(order.StoreId);
        if (!CanPayAgain(order, settings))
            return (null, [await _localizationService.GetPluginResourceAsync("Errors.CannotPayAgain")]);

        var (card, _, formErrors) = PaymentForm.Read(form, _timeProvider.GetUtcNow().UtcDateTime);
        if (formErrors.Count > 0)
            return (null, await _localizationService.GetPluginResourcesAsync(formErrors));

        var terms = OrderPaymentRecord.TermsOf(order);
        InstallmentQuote quote;
        try
        {
            quote = await _installmentRateService.QuoteAsync(settings, card.Bin, terms.Amount);
        }
        catch (Exception exception) when (exception is ParamGatewayException or ParamRefusedException)
        {
            return (null, [await _localizationService.GetPluginResourceAsync("Validation.ServiceUnavailable")]);
        }

        // The order's total and installments are fixed: a card whose program charges another commission cannot pay it.
        var option = quote.Option(terms.Installments);
        if (option is null)
            return (null, [await _localizationService.GetPluginResourceAsync("Validation.InstallmentNotOffered")]);
        if (option.Total != order.OrderTotal)
            return (null, [await _localizationService.GetPluginResourceAsync("Errors.DifferentRate")]);

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

            var newTerms = terms with { MaskedCard = card.Masked, CardFamily = quote.CardFamily, Rate = option.Rate };
            var outcome = await _threeDPaymentStarter.StartAsync(settings, current.OrderGuid, card, newTerms);
            switch (outcome.Kind)
            {
                case ThreeDStartKind.RedirectToBank:
                    current.AuthorizationTransactionId = outcome.AttemptOrderId;
                    current.AuthorizationTransactionCode = outcome.TransactionGuid;
                    var values = new CustomValues();
                    values.FillByXml(current.CustomValuesXml);
                    OrderPaymentRecord.WriteTerms(values, newTerms);
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
