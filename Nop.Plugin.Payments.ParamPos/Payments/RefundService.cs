using System.Globalization;
using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Refund and cancel from the order page, through TP_Islem_Iptal_Iade_Kismi2 (ParamPOS.md §12):
/// the full amount on the sale's day → IPTAL (the sale disappears from the shopper's statement); otherwise, and for any
/// partial amount → IADE; an IPTAL refused because the day is already closed (-210) falls back to IADE once.
/// Refunds of an order are serialized, add up, and never exceed what was charged (the order total, commission included).
/// </summary>
public class RefundService
{
    #region Fields

    private static readonly TimeZoneInfo Turkey = FindTurkey();

    protected readonly ILocalizationService _localizationService;
    protected readonly ILocker _locker;
    protected readonly ILogger _logger;
    protected readonly OrderPaymentUpdater _orderPaymentUpdater;
    protected readonly ParamPosGateway _gateway;
    protected readonly ParamPosMessages _messages;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public RefundService(ILocalizationService localizationService,
        ILocker locker,
        ILogger logger,
        OrderPaymentUpdater orderPaymentUpdater,
        ParamPosGateway gateway,
        ParamPosMessages messages,
        TimeProvider timeProvider)
    {
        _localizationService = localizationService;
        _locker = locker;
        _logger = logger;
        _orderPaymentUpdater = orderPaymentUpdater;
        _gateway = gateway;
        _messages = messages;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Refunds or cancels (part of) a paid order
    /// </summary>
    /// <param name="request">nopCommerce's refund request</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the result for nopCommerce, with the new payment status set explicitly</returns>
    public virtual async Task<RefundPaymentResult> RefundAsync(RefundPaymentRequest request)
    {
        var result = new RefundPaymentResult();
        var order = request.Order;
        var amount = ParamAmount.RoundToKurus(request.AmountToRefund);

        var problem = Check(order, amount);
        if (problem is not null)
        {
            result.AddError(await _localizationService.GetPluginResourceAsync(problem));
            return result;
        }

        var acquired = await _locker.PerformActionWithLockAsync($"{ParamPosDefaults.CachePrefix}refund.{order.Id}", TimeSpan.FromMinutes(2),
            async () => await RefundLockedAsync(order, amount, result));
        if (!acquired)
            result.AddError(await _localizationService.GetPluginResourceAsync("Refund.InProgress"));

        return result;
    }

    /// <summary>
    /// Gets whether a full refund of a sale paid at <paramref name="paidUtc"/> is still on the sale's business day
    /// (Turkish calendar day) at <paramref name="nowUtc"/>
    /// </summary>
    public static bool IsSameBusinessDay(DateTime? paidUtc, DateTimeOffset nowUtc)
    {
        if (paidUtc is null)
            return false;

        var paid = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(paidUtc.Value, DateTimeKind.Utc)), Turkey);
        var now = TimeZoneInfo.ConvertTime(nowUtc, Turkey);

        return paid.Date == now.Date;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// The checks nopCommerce also makes, made again because money moves on what they decide; a resource key when refused
    /// </summary>
    protected virtual string Check(Order order, decimal amount)
    {
        if (order is null || order.PaymentMethodSystemName != ParamPosDefaults.SystemName || string.IsNullOrEmpty(OrderPaymentRecord.AttemptOrderId(order)))
            return "Refund.NotThisMethod";
        if (order.PaymentStatus is not (PaymentStatus.Paid or PaymentStatus.PartiallyRefunded))
            return "Refund.NotPaid";
        if (amount <= 0m)
            return "Refund.AmountInvalid";
        if (amount > order.OrderTotal - order.RefundedAmount)
            return "Refund.AmountTooLarge";

        return null;
    }

    protected virtual async Task RefundLockedAsync(Order order, decimal amount, RefundPaymentResult result)
    {
        var settings = await _gateway.LoadSettingsAsync(order.StoreId);
        var orderId = OrderPaymentRecord.AttemptOrderId(order);
        var remaining = order.OrderTotal - order.RefundedAmount - amount;
        var isFull = order.RefundedAmount == 0m && amount == order.OrderTotal;
        var kind = isFull && IsSameBusinessDay(order.PaidDateUtc, _timeProvider.GetUtcNow()) ? ReversalKind.Cancel : ReversalKind.Refund;

        var (outcome, fellBack) = await ReverseAsync(settings, order, new ReversalRequest(kind, orderId, amount));
        if (outcome.Succeeded)
        {
            var done = outcome.Kind == ReversalKind.Cancel ? "cancelled (IPTAL)" : "refunded (IADE)";
            var money = amount.ToString("0.00", CultureInfo.InvariantCulture);
            await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: {money} TRY {done} for Siparis_ID {orderId}"
                + (fellBack ? " after IPTAL was refused because the business day was already closed" : string.Empty)
                + $". Param: {outcome.Text}; bank code {outcome.BankCode ?? "-"}, auth code {outcome.BankAuthCode ?? "-"}, host reference {outcome.BankHostReference ?? "-"}."
                + $" Left to refund: {remaining.ToString("0.00", CultureInfo.InvariantCulture)} TRY.");

            result.NewPaymentStatus = remaining == 0m ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
            return;
        }

        result.NewPaymentStatus = order.PaymentStatus;
        if (outcome.Unreachable)
        {
            result.AddError(await _localizationService.GetPluginResourceAsync("Refund.Unavailable"));
            return;
        }

        if (outcome.Error is null)
        {
            result.AddError(await _localizationService.GetPluginResourceAsync("Refund.OutcomeUnknown"));
            return;
        }

        result.AddError(string.Format(await _localizationService.GetPluginResourceAsync("Refund.Refused"), await _messages.ExplainAsync(outcome.Error), outcome.Error.Code, outcome.Error.ParamText));
    }

    /// <summary>
    /// Sends the cancel or refund; an IPTAL refused with -210 is retried once as IADE. A lost answer is settled with a
    /// status query, never by sending again.
    /// </summary>
    protected virtual async Task<(Reversal Outcome, bool FellBack)> ReverseAsync(ParamPosSettings settings, Order order, ReversalRequest request)
    {
        var first = await SendAsync(settings, order, request);
        if (request.Kind == ReversalKind.Cancel && !first.Succeeded && first.Error?.Code == -210)
            return (await SendAsync(settings, order, request with { Kind = ReversalKind.Refund }), true);

        return (first, false);
    }

    protected virtual async Task<Reversal> SendAsync(ParamPosSettings settings, Order order, ReversalRequest request)
    {
        try
        {
            var answer = await _gateway.CallAsync(settings, (client, context) => client.ReverseSaleAsync(request, context));

            return new Reversal(request.Kind, answer.Succeeded, answer.ParamText, answer.BankCode, answer.BankAuthCode, answer.BankHostReference, answer.Error);
        }
        catch (ParamGatewayException exception)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: {request.Kind} of order {order.Id} got no usable answer ({exception.Kind}).", exception);
            if (!exception.OutcomeUnknown)
                return new Reversal(request.Kind, false, null, null, null, null, null, Unreachable: true);

            return await SettleUnknownAsync(settings, order, request);
        }
    }

    /// <summary>
    /// The answer was lost: ask Param whether the cancel or refund happened (cancelled state, or the refunded total grew).
    /// </summary>
    protected virtual async Task<Reversal> SettleUnknownAsync(ParamPosSettings settings, Order order, ReversalRequest request)
    {
        try
        {
            var status = await _gateway.CallAsync(settings, (client, context) => client.QueryTransactionAsync(request.OrderId, context));
            var happened = request.Kind == ReversalKind.Cancel
                ? status.State == TransactionState.Cancelled
                : status.RefundedAmount >= order.RefundedAmount + request.Amount;
            if (happened)
                return new Reversal(request.Kind, true, $"confirmed by TP_Islem_Sorgulama4 ({status.RawState})", null, null, null, null);
        }
        catch (ParamGatewayException exception)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: could not query order {order.Id} after a lost refund answer ({exception.Kind}).", exception);
        }

        await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: the {(request.Kind == ReversalKind.Cancel ? "IPTAL" : "IADE")} of "
            + $"{request.Amount.ToString("0.00", CultureInfo.InvariantCulture)} TRY for Siparis_ID {request.OrderId} got no answer and could not be confirmed. "
            + "Check the transaction in Param's merchant panel before trying again.");

        return new Reversal(request.Kind, false, null, null, null, null, null);
    }

    private static TimeZoneInfo FindTurkey()
    {
        foreach (var id in new[] { "Europe/Istanbul", "Turkey Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
                return zone;
        }

        // Turkey has kept UTC+3 all year since 2016.
        return TimeZoneInfo.CreateCustomTimeZone("Turkey", TimeSpan.FromHours(3), "Turkey", "Turkey");
    }

    /// <summary>What one cancel or refund did: succeeded, refused (Error), never sent (Unreachable), or unknown (none of these).</summary>
    protected sealed record Reversal(ReversalKind Kind, bool Succeeded, string Text, string BankCode, string BankAuthCode, string BankHostReference, ParamError Error, bool Unreachable = false);

    #endregion
}
