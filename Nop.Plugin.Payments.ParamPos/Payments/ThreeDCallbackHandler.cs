using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Handles the bank's POST after 3-D Secure. Runs in a cross-site request without the shopper's cookies, so it uses
/// nothing of the current customer, session or language: the order is identified from the posted data, and only after
/// the islemHash was verified with the merchant GUID of the order's store is anything changed.
/// Exactly once, across web nodes: TP_WMD_Pay is sent only by the callback that claims the order's charge in the
/// ledger (a database-enforced unique insert); a concurrent or replayed callback reads the outcome the owner records.
/// </summary>
public class ThreeDCallbackHandler
{
    #region Fields

    private const string SOURCE = "the 3-D Secure callback";
    private static readonly string[] RequiredFields = ["md", "mdStatus", "orderId", "islemGUID", "islemHash"];

    protected readonly ChargeOutcomeReader _outcomeReader;
    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly OrderLedgerLoader _ledgerLoader;
    protected readonly OrderPaymentUpdater _orderPaymentUpdater;
    protected readonly ParamCallRunner _callRunner;
    protected readonly PaymentLedger _ledger;

    #endregion

    #region Ctor

    public ThreeDCallbackHandler(ChargeOutcomeReader outcomeReader,
        ILogger logger,
        IOrderService orderService,
        OrderLedgerLoader ledgerLoader,
        OrderPaymentUpdater orderPaymentUpdater,
        ParamCallRunner callRunner,
        PaymentLedger ledger)
    {
        _outcomeReader = outcomeReader;
        _logger = logger;
        _orderService = orderService;
        _ledgerLoader = ledgerLoader;
        _orderPaymentUpdater = orderPaymentUpdater;
        _callRunner = callRunner;
        _ledger = ledger;
    }

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
            return await RejectAsync(null, $"fields missing: {string.Join(", ", missing)} (posted: {PostedForm.FieldNames(form)})");

        var callback = new Callback(form["md"], form["mdStatus"], form["orderId"], form["islemGUID"], form["islemHash"]);

        var orderGuid = ThreeDPaymentStarter.OrderGuidOf(callback.OrderId);
        var order = orderGuid is null ? null : await _orderService.GetOrderByGuidAsync(orderGuid.Value);
        if (order is null || order.Deleted || order.PaymentMethodSystemName != ParamPosDefaults.SystemName)
            return await RejectAsync(null, "no ParamPOS order matches orderId");

        var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
        if (!ParamHash.VerifyThreeDCallback(callback.Hash, callback.TransactionGuid, callback.Md, callback.MdStatus, callback.OrderId, settings.Guid))
            return await RejectAsync(order, "islemHash does not verify");

        var ledger = await _ledgerLoader.LoadAsync(order);
        var attempt = ledger.Attempts.FirstOrDefault(candidate => candidate.OrderReference == callback.OrderId);
        if (attempt is null || !string.Equals(callback.TransactionGuid, attempt.TransactionGuid, StringComparison.OrdinalIgnoreCase))
            return await RejectAsync(order, "orderId/islemGUID are not one of the order's attempts");
        if (ThreeDPaymentStarter.IsCompletedByBank(attempt.Kind) || attempt.Kind == PaymentKind.ParatikaHostedSale)
            return await RejectAsync(order, "orderId is not a 3D Model attempt (its result comes another way)");

        if ((ledger.PaidCharge ?? ledger.Authorization) is { } completed)
        {
            // A replay, or a callback of another attempt: the order is paid (or authorized); make sure the order says so.
            await _orderPaymentUpdater.ConfirmChargeAsync(completed, SOURCE);
            return CallbackOutcome.Paid(order);
        }

        if (!ParamResultRules.IsThreeDAuthenticated(callback.MdStatus, ParamResultRules.ParseAcceptedMdStatuses(settings.AcceptedMdStatuses)))
        {
            var declined = await DeclineThreeDAsync(order, ledger, attempt, callback.MdStatus);
            await _orderPaymentUpdater.CancelAfterDeclineAsync(order, settings, SOURCE);

            return declined;
        }

        var outcome = await ChargeOnceAsync(order, attempt, callback, settings);
        if (outcome.Result == CallbackResult.Failed)
            await _orderPaymentUpdater.CancelAfterDeclineAsync(order, settings, SOURCE);

        return outcome;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Claims the attempt's charge: the winner sends TP_WMD_Pay, any other callback reads the winner's outcome
    /// </summary>
    protected virtual async Task<CallbackOutcome> ChargeOnceAsync(Order order, ParamPosPayment attempt, Callback callback, ParamPosSettings settings)
    {
        var claim = await _ledger.ClaimAsync(order.OrderGuid, current => LedgerRules.Charge(current, attempt, SOURCE));
        if (!claim.Won)
            return await _outcomeReader.ReadAsync(order, attempt);

        return await ChargeAsync(order, claim.Ledger.AttemptOf(claim.Entry), claim.Entry, callback, settings);
    }

    /// <summary>
    /// The owner of the charge: TP_WMD_Pay (which charges a sale, or holds a pre-authorization), sent once, and its
    /// outcome recorded as Param gave it
    /// </summary>
    protected virtual async Task<CallbackOutcome> ChargeAsync(Order order, ParamPosPayment attempt, ParamPosLedgerEntry charge, Callback callback, ParamPosSettings settings)
    {
        // ARCHITECTURE §8: a host task may have cancelled the order while the shopper was on the bank's page.
        var current = await _orderService.GetOrderByGuidAsync(order.OrderGuid);
        if (current is null || current.Deleted || current.OrderStatus == OrderStatus.Cancelled || current.PaymentStatus != PaymentStatus.Pending)
        {
            await _ledger.CompleteAsync(charge, LedgerEntryState.NotSent, new LedgerAnswer("order", $"not sent: the order is {current?.OrderStatus.ToString() ?? "gone"}, payment {current?.PaymentStatus.ToString() ?? "-"}"));
            if (current is not null)
                await _orderPaymentUpdater.AddNoteAsync(current, $"ParamPOS: the bank's 3-D Secure answer for Siparis_ID {attempt.OrderReference} arrived, but the order is {current.OrderStatus} "
                    + $"({current.PaymentStatus}); TP_WMD_Pay was not sent and nothing was charged.");
            return CallbackOutcome.Failed(order, "order");
        }

        PaymentCompletionResult result;
        try
        {
            result = await _callRunner.CallAsync(settings, (client, context) =>
                client.CompleteThreeDPaymentAsync(new PaymentCompletionRequest(callback.OrderId, callback.TransactionGuid, callback.Md), context));
        }
        catch (ParamGatewayException exception)
        {
            // Certainly not carried out (refused connection, SOAP fault, HTTP 4xx): nothing was charged, the shopper may
            // pay again. Otherwise Param may have charged: only a status query may settle it.
            var state = exception.OutcomeUnknown ? LedgerEntryState.Unknown : LedgerEntryState.NotSent;
            await _ledger.CompleteAsync(charge, state, new LedgerAnswer(exception.Kind.ToString(), exception.Message));
            await _orderPaymentUpdater.AddNoteAsync(order, state == LedgerEntryState.Unknown
                ? $"ParamPOS: TP_WMD_Pay for Siparis_ID {attempt.OrderReference} got no usable answer ({exception.Kind}). The payment may or may not have gone through; "
                    + "the reconciliation task will ask Param. Do not mark this order paid by hand without checking."
                : $"ParamPOS: TP_WMD_Pay for Siparis_ID {attempt.OrderReference} was not carried out ({exception.Kind}: {exception.Message}). Nothing was charged; the customer can pay again.");
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: TP_WMD_Pay for order {order.Id} failed ({exception.Kind}, {(exception.OutcomeUnknown ? "outcome unknown, left for reconciliation" : "not carried out")}).", exception);

            return state == LedgerEntryState.Unknown ? CallbackOutcome.Processing(order) : CallbackOutcome.Failed(order, "unavailable");
        }

        var answer = OrderPaymentUpdater.Answer(result);
        if (result.Approved)
        {
            await _ledger.CompleteAsync(charge, LedgerEntryState.Succeeded, answer);
            await _orderPaymentUpdater.ConfirmChargeAsync(charge, SOURCE);
            return CallbackOutcome.Paid(order);
        }

        await _ledger.CompleteAsync(charge, LedgerEntryState.Refused, answer);
        await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS payment not completed (Siparis_ID {attempt.OrderReference}): TP_WMD_Pay refused: {ParamErrorCatalog.Describe(result.Error)}. Nothing was charged.");

        return CallbackOutcome.Failed(order, string.Create(CultureInfo.InvariantCulture, $"sonuc={result.Error.Code},bank={result.BankCode}"));
    }

    /// <summary>
    /// 3-D Secure did not authenticate: nothing can be charged for this attempt.
    /// </summary>
    protected virtual async Task<CallbackOutcome> DeclineThreeDAsync(Order order, OrderLedger ledger, ParamPosPayment attempt, string mdStatus)
    {
        var reason = $"mdStatus={mdStatus}";
        if (ledger.ChargeOf(attempt) is null && string.IsNullOrEmpty(attempt.DeclineReason))
        {
            var (english, _) = ParamErrorCatalog.ExplainMdStatus(mdStatus);
            await _ledger.RecordDeclineAsync(attempt, reason);
            await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS payment not completed (Siparis_ID {attempt.OrderReference}): 3-D Secure mdStatus {mdStatus}: {english} Nothing was charged.");
        }

        return CallbackOutcome.Failed(order, reason);
    }

    protected virtual async Task<CallbackOutcome> RejectAsync(Order order, string reason)
    {
        // Unverified input: log the reason and at most a few field names, never values, and change nothing.
        await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: 3-D callback rejected{(order is null ? string.Empty : $" for order {order.Id}")}: {reason}.");

        return CallbackOutcome.Rejected();
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

    /// <summary>Gets the machine-readable failure reason ("mdStatus=0", "sonuc=-1,bank=51", "order", "unavailable").</summary>
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
    /// <summary>The order is paid (or, in authorize-only mode, the amount is held): go to checkout completed.</summary>
    Paid,

    /// <summary>Nothing was charged: show why and offer to pay again.</summary>
    Failed,

    /// <summary>The outcome is being confirmed with Param.</summary>
    Processing,

    /// <summary>The POST was not a valid callback for any order: nothing changed.</summary>
    Rejected
}
