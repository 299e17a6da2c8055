using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Handles the bank's POST after 3-D Secure. Runs in a cross-site request without the shopper's cookies, so it uses
/// nothing of the current customer, session or language: the order is identified from the posted data, and only after
/// the islemHash was verified with the merchant GUID of the order's store is anything changed.
/// Exactly once: a per-order lock plus the recorded state ensure one TP_WMD_Pay and one "paid" transition even for
/// concurrent or replayed callbacks, across web nodes.
/// </summary>
public class ThreeDCallbackHandler
{
    #region Fields

    private static readonly string[] RequiredFields = ["md", "mdStatus", "orderId", "islemGUID", "islemHash"];

    protected readonly ILocker _locker;
    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly OrderPaymentUpdater _orderPaymentUpdater;
    protected readonly ParamPosGateway _gateway;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public ThreeDCallbackHandler(ILocker locker,
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

    #region Properties

    /// <summary>
    /// Gets or sets how long a callback waits for another one holding the order's lock
    /// </summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(20);

    #endregion

    #region Methods

    /// <summary>
    /// Handles a posted callback
    /// </summary>
    /// <param name="form">The bank's POST</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains where the shopper goes next</returns>
    public virtual async Task<CallbackOutcome> HandleAsync(IFormCollection form)
    {
        var missing = RequiredFields.Where(field => string.IsNullOrEmpty(form[field])).ToList();
        if (missing.Count > 0)
            return await RejectAsync(null, $"fields missing: {string.Join(", ", missing)} (posted: {string.Join(", ", form.Keys)})");

        var callback = new Callback(form["md"], form["mdStatus"], form["orderId"], form["islemGUID"], form["islemHash"]);

        var orderGuid = ThreeDPaymentStarter.OrderGuidOf(callback.OrderId);
        var order = orderGuid is null ? null : await _orderService.GetOrderByGuidAsync(orderGuid.Value);
        if (order is null || order.Deleted || order.PaymentMethodSystemName != ParamPosDefaults.SystemName)
            return await RejectAsync(null, "no ParamPOS order matches orderId");

        var settings = await _gateway.LoadSettingsAsync(order.StoreId);
        if (!ParamHash.VerifyThreeDCallback(callback.Hash, callback.TransactionGuid, callback.Md, callback.MdStatus, callback.OrderId, settings.Guid))
            return await RejectAsync(order, "islemHash does not verify");

        if (callback.OrderId != OrderPaymentRecord.AttemptOrderId(order) || !string.Equals(callback.TransactionGuid, OrderPaymentRecord.AttemptTransactionGuid(order), StringComparison.OrdinalIgnoreCase))
            return await RejectAsync(order, "orderId/islemGUID are not the order's current attempt");

        CallbackOutcome outcome = null;
        var acquired = await _locker.PerformActionWithLockAsync(ParamPosDefaults.OrderLockResource(order.Id), TimeSpan.FromMinutes(2),
            async () => outcome = await CompleteLockedAsync(order.Id, callback, settings));

        return acquired ? outcome : await WaitForOtherCallbackAsync(order.Id);
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Under the order's lock: decides from the recorded state, sends TP_WMD_Pay at most once, records the result.
    /// </summary>
    protected virtual async Task<CallbackOutcome> CompleteLockedAsync(int orderId, Callback callback, ParamPosSettings settings)
    {
        var order = await _orderService.GetOrderByIdAsync(orderId);
        var state = OrderPaymentRecord.StateOf(order);

        if (order.PaymentStatus == PaymentStatus.Paid || state == PaymentState.Paid)
            return CallbackOutcome.Paid(order);
        if (order.OrderStatus == OrderStatus.Cancelled || order.PaymentStatus != PaymentStatus.Pending)
            return CallbackOutcome.Failed(order, "order");

        switch (state)
        {
            case PaymentState.Completing or PaymentState.Unknown or PaymentState.Unsettled:
                // TP_WMD_Pay went out before: sending it again could charge twice. The reconciliation task asks Param.
                return CallbackOutcome.Processing(order);
            case PaymentState.Declined:
                return CallbackOutcome.Failed(order, DeclineReason(order));
            case not PaymentState.Pending3D:
                return CallbackOutcome.Failed(order, "order");
        }

        if (!ParamResultRules.IsThreeDAuthenticated(callback.MdStatus, ParamResultRules.ParseAcceptedMdStatuses(settings.AcceptedMdStatuses)))
        {
            var (english, _) = ParamErrorCatalog.ExplainMdStatus(callback.MdStatus);
            await _orderPaymentUpdater.MarkDeclinedAsync(order, $"mdStatus={callback.MdStatus}", $"3-D Secure mdStatus {callback.MdStatus}: {english}");
            return CallbackOutcome.Failed(order, $"mdStatus={callback.MdStatus}");
        }

        await _orderPaymentUpdater.SetStateAsync(order, PaymentState.Completing, $"TP_WMD_Pay sent {_timeProvider.GetUtcNow():u}");

        PaymentCompletionResult result;
        try
        {
            result = await _gateway.CallAsync(settings, (client, context) =>
                client.CompleteThreeDPaymentAsync(new PaymentCompletionRequest(callback.OrderId, callback.TransactionGuid, callback.Md), context));
        }
        catch (ParamGatewayException exception)
        {
            await _orderPaymentUpdater.SetStateAsync(order, PaymentState.Unknown, $"TP_WMD_Pay {exception.Kind}");
            await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: TP_WMD_Pay for Siparis_ID {callback.OrderId} got no usable answer ({exception.Kind}). "
                + "The payment may or may not have gone through; the reconciliation task will ask Param. Do not mark this order paid by hand without checking.");
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: TP_WMD_Pay for order {order.Id} failed ({exception.Kind}); left for reconciliation.", exception);
            return CallbackOutcome.Processing(order);
        }

        if (result.Approved)
        {
            await _orderPaymentUpdater.MarkPaidAsync(order, result.ReceiptId, result.BankAuthCode, OrderPaymentUpdater.BankDetails(result), "the 3-D Secure callback");
            return CallbackOutcome.Paid(order);
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"sonuc={result.Error.Code},bank={result.BankCode}");
        await _orderPaymentUpdater.MarkDeclinedAsync(order, detail, $"TP_WMD_Pay refused: {result.Error}.");

        return CallbackOutcome.Failed(order, detail);
    }

    /// <summary>
    /// Another callback for the same order holds the lock: wait for the state it records.
    /// </summary>
    protected virtual async Task<CallbackOutcome> WaitForOtherCallbackAsync(int orderId)
    {
        var deadline = _timeProvider.GetUtcNow() + LockWait;
        while (true)
        {
            var order = await _orderService.GetOrderByIdAsync(orderId);
            var state = OrderPaymentRecord.StateOf(order);
            if (order.PaymentStatus == PaymentStatus.Paid || state == PaymentState.Paid)
                return CallbackOutcome.Paid(order);
            if (state == PaymentState.Declined)
                return CallbackOutcome.Failed(order, DeclineReason(order));
            if (state is PaymentState.Unknown or PaymentState.Unsettled || _timeProvider.GetUtcNow() >= deadline)
                return CallbackOutcome.Processing(order);

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    protected virtual async Task<CallbackOutcome> RejectAsync(Order order, string reason)
    {
        // Unverified input: log the reason and field names only, never values, and change nothing.
        await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: 3-D callback rejected{(order is null ? string.Empty : $" for order {order.Id}")}: {reason}.");

        return CallbackOutcome.Rejected();
    }

    /// <summary>
    /// The decline reason recorded in the order's state ("mdStatus=0", "sonuc=-1,bank=51").
    /// </summary>
    public static string DeclineReason(Order order)
    {
        var text = order.AuthorizationTransactionResult ?? string.Empty;
        var separator = text.IndexOf(':');

        return separator < 0 ? string.Empty : text[(separator + 1)..].Trim();
    }

    protected sealed record Callback(string Md, string MdStatus, string OrderId, string TransactionGuid, string Hash);

    #endregion
}

/// <summary>
/// Where the callback sends the shopper.
/// </summary>
public sealed class CallbackOutcome
{
    private CallbackOutcome(CallbackResult result, Order order, string reason)
    {
        Result = result;
        OrderId = order?.Id ?? 0;
        OrderGuid = order?.OrderGuid ?? Guid.Empty;
        Reason = reason;
    }

    /// <summary>Gets the outcome.</summary>
    public CallbackResult Result { get; }

    /// <summary>Gets the order id (0 when rejected).</summary>
    public int OrderId { get; }

    /// <summary>Gets the order GUID (empty when rejected).</summary>
    public Guid OrderGuid { get; }

    /// <summary>Gets the machine-readable failure reason ("mdStatus=0", "sonuc=-1,bank=51", "order").</summary>
    public string Reason { get; }

    public static CallbackOutcome Paid(Order order) => new(CallbackResult.Paid, order, null);

    public static CallbackOutcome Failed(Order order, string reason) => new(CallbackResult.Failed, order, reason);

    public static CallbackOutcome Processing(Order order) => new(CallbackResult.Processing, order, null);

    public static CallbackOutcome Rejected() => new(CallbackResult.Rejected, null, null);
}

/// <summary>
/// Callback outcomes.
/// </summary>
public enum CallbackResult
{
    /// <summary>The order is paid: go to checkout completed.</summary>
    Paid,

    /// <summary>Nothing was charged: show why and offer to pay again.</summary>
    Failed,

    /// <summary>The outcome is being confirmed with Param.</summary>
    Processing,

    /// <summary>The POST was not a valid callback for any order: nothing changed.</summary>
    Rejected
}
