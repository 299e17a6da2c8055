using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Settles ParamPOS orders left pending (browser closed after 3-D Secure, TP_WMD_Pay timed out) by asking Param with
/// TP_Islem_Sorgulama4. Paid at Param → marked paid with a note. Not paid → left alone until the deadline, then left
/// for the merchant with a note. Never marks an order paid without Param's receipt; never sends a payment call.
/// </summary>
public class PendingPaymentReconciler
{
    #region Fields

    protected readonly ILocker _locker;
    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly OrderPaymentUpdater _orderPaymentUpdater;
    protected readonly ParamPosGateway _gateway;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public PendingPaymentReconciler(ILocker locker,
        ILogger logger,
        IOrderService orderService,
        OrderPaymentUpdater orderPaymentUpdater,
        ParamPosGateway gateway,
        TimeProvider timeProvider)
    {
        _locker = locker;
        _logger = logger;
        _orderService = orderService;
        _orderPaymentUpdater = orderPaymentUpdater;
        _gateway = gateway;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Checks every pending ParamPOS order older than the configured delay
    /// </summary>
    /// <returns>A task that represents the asynchronous operation; the task result contains what was done</returns>
    public virtual async Task<ReconciliationSummary> RunAsync()
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var summary = new ReconciliationSummary();
        var defaults = await _gateway.LoadSettingsAsync(0);
        var pending = await _orderService.SearchOrdersAsync(paymentMethodSystemName: ParamPosDefaults.SystemName,
            createdToUtc: now.AddMinutes(-Math.Max(1, defaults.ReconciliationDelayMinutes)),
            psIds: [(int)PaymentStatus.Pending]);

        foreach (var order in pending)
        {
            var state = OrderPaymentRecord.StateOf(order);
            if (state is PaymentState.None or PaymentState.Paid or PaymentState.Unsettled || string.IsNullOrEmpty(OrderPaymentRecord.AttemptOrderId(order)))
                continue;

            summary.Checked++;
            await _locker.PerformActionWithLockAsync(ParamPosDefaults.OrderLockResource(order.Id), TimeSpan.FromMinutes(2),
                async () => await SettleLockedAsync(order.Id, now, summary));
        }

        return summary;
    }

    #endregion

    #region Utilities

    protected virtual async Task SettleLockedAsync(int orderId, DateTime now, ReconciliationSummary summary)
    {
        var order = await _orderService.GetOrderByIdAsync(orderId);
        if (order is null || order.PaymentStatus != PaymentStatus.Pending || OrderPaymentRecord.StateOf(order) is PaymentState.Paid or PaymentState.Unsettled)
            return;

        var settings = await _gateway.LoadSettingsAsync(order.StoreId);
        if (!ParamPosGateway.IsConfigured(settings) || order.CreatedOnUtc > now.AddMinutes(-Math.Max(1, settings.ReconciliationDelayMinutes)))
            return;

        var attemptOrderId = OrderPaymentRecord.AttemptOrderId(order);
        TransactionStatus status;
        try
        {
            status = await _gateway.CallAsync(settings, (client, context) => client.QueryTransactionAsync(attemptOrderId, context));
        }
        catch (ParamGatewayException exception)
        {
            summary.Unreachable++;
            await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: could not query order {order.Id} ({exception.Kind}); will retry.", exception);
            return;
        }

        if (status.State == TransactionState.Paid && status.ReceiptId > 0 && status.OrderId == attemptOrderId)
        {
            var terms = OrderPaymentRecord.TermsOf(order);
            if (terms.Total > 0m && status.TotalAmount != terms.Total)
            {
                await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: Param reports Siparis_ID {attemptOrderId} paid (Dekont_ID {status.ReceiptId}) "
                    + $"for {status.TotalAmount:0.00} TRY, but the order expects {terms.Total:0.00} TRY. Not marked paid: please check in the Param panel.");
                await _orderPaymentUpdater.SetStateAsync(order, PaymentState.Unsettled, "amount differs at Param");
                summary.LeftForMerchant++;
                return;
            }

            await _orderPaymentUpdater.MarkPaidAsync(order, status.ReceiptId, null, $"confirmed by TP_Islem_Sorgulama4 ({status.RawState})", "the reconciliation task");
            summary.MarkedPaid++;
            return;
        }

        var deadline = order.CreatedOnUtc.AddHours(Math.Max(1, settings.ReconciliationDeadlineHours));
        if (now < deadline)
        {
            summary.StillWaiting++;
            return;
        }

        var what = status.State switch
        {
            TransactionState.NotFound => "Param has no completed payment for it",
            TransactionState.Failed => "Param reports the payment failed",
            TransactionState.Cancelled => "Param reports it cancelled",
            TransactionState.Refunded => "Param reports it refunded",
            _ => $"Param reports state {status.RawState}"
        };
        await _orderPaymentUpdater.SetStateAsync(order, PaymentState.Unsettled, what);
        await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: still pending after {settings.ReconciliationDeadlineHours} h; {what} (Siparis_ID {attemptOrderId}). "
            + "Left for the merchant; the order was not marked paid.");
        summary.LeftForMerchant++;
    }

    #endregion
}

/// <summary>
/// What one reconciliation run did.
/// </summary>
public sealed class ReconciliationSummary
{
    public int Checked { get; set; }
    public int MarkedPaid { get; set; }
    public int StillWaiting { get; set; }
    public int LeftForMerchant { get; set; }
    public int Unreachable { get; set; }

    public override string ToString()
    {
        return $"checked {Checked}, marked paid {MarkedPaid}, still waiting {StillWaiting}, left for the merchant {LeftForMerchant}, unreachable {Unreachable}";
    }
}
