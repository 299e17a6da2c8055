using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Every change the plugin makes to a nopCommerce order because of its ledger, each made once: the order update is
/// claimed in the ledger first, then made on the order as the database has it now (never on a copy read before, or
/// cached). Notes are for the merchant (not shown to the customer) and never contain card data beyond the mask.
/// </summary>
public class OrderPaymentUpdater
{
    #region Fields

    protected readonly ILanguageService _languageService;
    protected readonly ILogger _logger;
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IOrderService _orderService;
    protected readonly ISettingService _settingService;
    protected readonly MarketplaceShareDeclarer _marketplaceShareDeclarer;
    protected readonly PaymentLedger _ledger;
    protected readonly SavedCardEnroller _savedCardEnroller;
    protected readonly ShopperTermsWriter _shopperTermsWriter;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public OrderPaymentUpdater(ILanguageService languageService,
        ILogger logger,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        ISettingService settingService,
        MarketplaceShareDeclarer marketplaceShareDeclarer,
        PaymentLedger ledger,
        SavedCardEnroller savedCardEnroller,
        ShopperTermsWriter shopperTermsWriter,
        TimeProvider timeProvider)
    {
        _languageService = languageService;
        _logger = logger;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _settingService = settingService;
        _marketplaceShareDeclarer = marketplaceShareDeclarer;
        _ledger = ledger;
        _savedCardEnroller = savedCardEnroller;
        _shopperTermsWriter = shopperTermsWriter;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Marks the order paid for a successful sale, or authorized for a successful pre-authorization, once across every
    /// node and task
    /// </summary>
    /// <param name="charge">The successful charge (TP_WMD_Pay)</param>
    /// <param name="source">What confirmed it (the 3-D callback, the reconciliation task)</param>
    /// <param name="staleBefore">An order update claimed before this and still not done may be taken over (reconciliation), or null</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains whether this call updated the order (false: it was, or is being, updated by another, or cannot be)</returns>
    public virtual async Task<bool> ConfirmChargeAsync(ParamPosLedgerEntry charge, string source, DateTime? staleBefore = null)
    {
        var claim = await _ledger.ClaimAsync(charge.OrderGuid, ledger => LedgerRules.OrderConfirmed(ledger, charge, source, staleBefore));
        if (!claim.Won)
            return false;

        var attempt = claim.Ledger.AttemptOf(charge);
        var held = claim.Entry.Kind == LedgerEntryKind.OrderAuthorized;
        var (taken, remedy) = held ? ("held (pre-authorized)", "Release it (Void) or capture it from Param's merchant panel") : ("charged", "Refund it from Param's merchant panel");
        var order = await _orderService.GetOrderByGuidAsync(charge.OrderGuid);
        if (order is null || order.Deleted)
        {
            await _ledger.CompleteAsync(claim.Entry, LedgerEntryState.NotSent, new LedgerAnswer("order", "the order no longer exists"));
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: Param {taken} {Money(charge.Amount)} {attempt.CurrencyCode} (Dekont_ID {charge.ReceiptId}, Siparis_ID {attempt.OrderReference}) "
                + $"for order GUID {charge.OrderGuid}, which no longer exists. {remedy}.");
            return false;
        }

        if (order.OrderStatus == OrderStatus.Cancelled)
        {
            // ARCHITECTURE §8: a host task may cancel pending orders; money taken for one must be said loudly.
            await _ledger.CompleteAsync(claim.Entry, LedgerEntryState.NotSent, new LedgerAnswer("order", "the order was cancelled"));
            await AddNoteAsync(order, $"ParamPOS WARNING: Param {taken} {Money(charge.Amount)} {attempt.CurrencyCode} for this order (Dekont_ID {charge.ReceiptId}, Siparis_ID {attempt.OrderReference}), "
                + $"but the order had been cancelled, so it was not marked {(held ? "authorized" : "paid")}. {remedy}, or restore the order.");
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: Param {taken} cancelled order {order.Id} ({Money(charge.Amount)} {attempt.CurrencyCode}, Dekont_ID {charge.ReceiptId}). {remedy}, or restore the order.");
            return false;
        }

        var updated = held ? await MarkAuthorizedAsync(claim.Entry, order, attempt, charge, source) : await MarkPaidAsync(claim.Entry, order, attempt, charge, source);
        // The payment is confirmed (once: this request won the claim): only now may its card be saved, when the shopper asked,
        // and a marketplace's vendors' shares be declared.
        await _savedCardEnroller.SaveAfterPaymentAsync(attempt, order);
        if (updated && !held)
            await DeclareMarketplaceSharesAsync(order, attempt);

        return updated;
    }

    /// <summary>
    /// Records a sale someone else completed (the bank in 3D Pay and foreign currency, Paratika's hosted page) and the
    /// provider's records confirm as the attempt's charge, once across every node (claimed), and marks the order paid
    /// </summary>
    /// <param name="attempt">The attempt</param>
    /// <param name="status">The provider's records, confirming the sale (<see cref="ConfirmsBankSale"/>)</param>
    /// <param name="source">What confirmed it</param>
    /// <param name="bankCode">The bank's result code the browser posted, or null</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains whether this call recorded it (false: another did, or is doing it)</returns>
    public virtual async Task<bool> RecordBankSaleAsync(ParamPosPayment attempt, ProviderStatus status, string source, string bankCode = null)
    {
        var claim = await _ledger.ClaimAsync(attempt.OrderGuid, ledger => LedgerRules.Charge(ledger, attempt, source));
        if (!claim.Won)
            return false;

        await _ledger.CompleteAsync(claim.Entry, LedgerEntryState.Succeeded, new LedgerAnswer(status.Provider == "Param" ? "1" : "00",
            $"confirmed by {status.QueryName} ({status.RawState})", status.ReceiptId, bankCode));
        await ConfirmChargeAsync(claim.Entry, source);

        return true;
    }

    /// <summary>
    /// Gets whether the provider's records show the attempt's sale made: paid, for the attempt's id, amount and currency,
    /// with the receipt the browser posted (when one is known)
    /// </summary>
    public static bool ConfirmsBankSale(ProviderStatus status, ParamPosPayment attempt, string receiptId = null)
    {
        return status.ShowsSaleOf(attempt) && (string.IsNullOrEmpty(receiptId) || status.ReceiptId == receiptId) && status.TotalAmount == attempt.Total
            && (status.Currency is null || string.Equals(status.Currency, attempt.CurrencyCode, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Cancels the order and puts its items back in the customer's cart after a declined payment, when the store prefers
    /// that to paying again: once (claimed), and only while nothing was or may have been charged
    /// </summary>
    /// <param name="order">The order</param>
    /// <param name="settings">The store's settings</param>
    /// <param name="source">What declined (for the ledger)</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains whether this call cancelled the order</returns>
    public virtual async Task<bool> CancelAfterDeclineAsync(Order order, ParamPosSettings settings, string source)
    {
        if (settings.FailedPaymentAction != FailedPaymentAction.CancelAndRestoreCart)
            return false;

        var claim = await _ledger.ClaimAsync(order.OrderGuid, ledger => LedgerRules.OrderCancelled(ledger, source));
        if (!claim.Won)
            return false;

        var current = await _orderService.GetOrderByGuidAsync(order.OrderGuid);
        if (current is null || !_orderProcessingService.CanCancelOrder(current))
        {
            await _ledger.CompleteAsync(claim.Entry, LedgerEntryState.NotSent, new LedgerAnswer("order", $"not cancelled: the order is {current?.OrderStatus.ToString() ?? "gone"}"));
            return false;
        }

        // nopCommerce's re-order fills the cart of the order's customer, whoever's request this is (the bank's POST).
        await _orderProcessingService.CancelOrderAsync(current, notifyCustomer: false);
        await _orderProcessingService.ReOrderAsync(current);
        await _ledger.CompleteAsync(claim.Entry, LedgerEntryState.Succeeded);
        await AddNoteAsync(current, $"ParamPOS: the payment was declined ({claim.Ledger.DeclineReason}); as the store's settings ask, the order was cancelled and its items put back in the customer's cart.");

        return true;
    }

    /// <summary>
    /// Adds a refund settled after the fact (its answer was lost) to the order's refunded amount and payment status, once
    /// </summary>
    /// <param name="reversal">The successful cancel or refund</param>
    /// <param name="source">What confirmed it</param>
    /// <param name="staleBefore">An order update claimed before this and still not done may be taken over, or null</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public virtual async Task RecordRefundAsync(ParamPosLedgerEntry reversal, string source, DateTime? staleBefore = null)
    {
        var claim = await _ledger.ClaimAsync(reversal.OrderGuid, ledger => LedgerRules.OrderRefunded(ledger, reversal, source, staleBefore));
        if (!claim.Won)
            return;

        var order = await _orderService.GetOrderByGuidAsync(reversal.OrderGuid);
        if (order is null || order.Deleted)
        {
            await _ledger.CompleteAsync(claim.Entry, LedgerEntryState.NotSent, new LedgerAnswer("order", "the order no longer exists"));
            return;
        }

        // A foreign-currency payment is refunded in full only; its amounts are not in the order's (primary) currency.
        var foreign = claim.Ledger.AttemptOf(reversal)?.CurrencyCode is { } currency && currency != ParamPosDefaults.CurrencyCode;
        order.RefundedAmount = foreign ? order.OrderTotal : Math.Min(order.OrderTotal, order.RefundedAmount + reversal.Amount);
        order.PaymentStatus = order.RefundedAmount >= order.OrderTotal ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
        await _orderService.UpdateOrderAsync(order);
        await _ledger.CompleteAsync(claim.Entry, LedgerEntryState.Succeeded);
        await AddNoteAsync(order, $"ParamPOS: {Money(reversal.Amount)} TRY {(reversal.Kind == LedgerEntryKind.Cancel ? "cancelled" : "refunded")} ({CallName(claim.Ledger.AttemptOf(reversal), reversal)}), "
            + $"confirmed by {source} after its answer was lost; added to the refunded amount ({Money(order.RefundedAmount)} TRY).");
    }

    /// <summary>
    /// Records that nopCommerce itself creates the order paid or authorized (Param approved at once, at order
    /// placement), so nothing marks it again
    /// </summary>
    public virtual async Task RecordPaidByHostAsync(ParamPosLedgerEntry charge)
    {
        var claim = await _ledger.ClaimAsync(charge.OrderGuid, ledger => LedgerRules.OrderConfirmed(ledger, charge, "nopCommerce, at order placement"));
        if (claim.Won)
            await _ledger.CompleteAsync(claim.Entry, LedgerEntryState.Succeeded);
    }

    /// <summary>
    /// Records that nopCommerce itself adds a successful refund to the order (its refund button got the answer), so
    /// the reconciliation task never adds it a second time
    /// </summary>
    public virtual async Task RecordRefundByHostAsync(ParamPosLedgerEntry reversal)
    {
        var claim = await _ledger.ClaimAsync(reversal.OrderGuid, ledger => LedgerRules.OrderRefunded(ledger, reversal, "nopCommerce's refund"));
        if (claim.Won)
            await _ledger.CompleteAsync(claim.Entry, LedgerEntryState.Succeeded);
    }

    /// <summary>
    /// Adds a merchant-only order note
    /// </summary>
    public virtual Task AddNoteAsync(Order order, string note)
    {
        return _orderService.InsertOrderNoteAsync(new OrderNote
        {
            OrderId = order.Id,
            Note = note,
            DisplayToCustomer = false,
            CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
        });
    }

    /// <summary>
    /// Declares the vendors' shares of a paid marketplace order; a failure never touches the payment (the retry task declares it later)
    /// </summary>
    protected virtual async Task DeclareMarketplaceSharesAsync(Order order, ParamPosPayment attempt)
    {
        try
        {
            await _marketplaceShareDeclarer.DeclareAsync(order, attempt);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: the vendors' shares of order {order.Id} could not be declared; the payment is not affected.", exception);
        }
    }

    /// <summary>
    /// Marks the order paid (the confirmation was claimed)
    /// </summary>
    protected virtual async Task<bool> MarkPaidAsync(ParamPosLedgerEntry update, Order order, ParamPosPayment attempt, ParamPosLedgerEntry charge, string source)
    {
        if (!_orderProcessingService.CanMarkOrderAsPaid(order))
            return await LeaveAsItIsAsync(update, order, charge, "the payment");

        order.AuthorizationTransactionId = attempt.OrderReference;
        order.AuthorizationTransactionCode = attempt.TransactionGuid;
        order.AuthorizationTransactionResult = $"Paid: Dekont_ID {charge.ReceiptId}";
        order.CaptureTransactionId = charge.ReceiptId;
        order.CaptureTransactionResult = string.IsNullOrEmpty(charge.BankAuthCode) ? "Approved" : $"Approved, auth code {charge.BankAuthCode}";
        await WriteShopperTermsAsync(order, attempt);

        await _orderProcessingService.MarkOrderAsPaidAsync(order);
        await _ledger.CompleteAsync(update, LedgerEntryState.Succeeded);
        await AddNoteAsync(order, $"ParamPOS payment confirmed by {source}. {Terms(attempt)}: "
            + $"amount {Money(attempt.Amount)}, charged {Money(charge.Amount)} {attempt.CurrencyCode}. Dekont_ID {charge.ReceiptId}, Siparis_ID {attempt.OrderReference}"
            + (string.IsNullOrEmpty(charge.BankAuthCode) ? "." : $", auth code {charge.BankAuthCode}."));

        return true;
    }

    /// <summary>
    /// Marks the order authorized (the confirmation was claimed): the amount is held on the card until the store
    /// captures or voids the order
    /// </summary>
    protected virtual async Task<bool> MarkAuthorizedAsync(ParamPosLedgerEntry update, Order order, ParamPosPayment attempt, ParamPosLedgerEntry charge, string source)
    {
        if (!_orderProcessingService.CanMarkOrderAsAuthorized(order))
            return await LeaveAsItIsAsync(update, order, charge, "the pre-authorization");

        order.AuthorizationTransactionId = attempt.OrderReference;
        order.AuthorizationTransactionCode = attempt.TransactionGuid;
        order.AuthorizationTransactionResult = string.IsNullOrEmpty(charge.BankAuthCode)
            ? $"Authorized: Dekont_ID {charge.ReceiptId}"
            : $"Authorized: Dekont_ID {charge.ReceiptId}, auth code {charge.BankAuthCode}";
        await WriteShopperTermsAsync(order, attempt);

        await _orderProcessingService.MarkAsAuthorizedAsync(order);
        await _ledger.CompleteAsync(update, LedgerEntryState.Succeeded);
        var settings = await _settingService.LoadSettingAsync<ParamPosSettings>(order.StoreId);
        var captureBy = (charge.CompletedOnUtc ?? _timeProvider.GetUtcNow().UtcDateTime).AddDays(AuthorizationAge.WarningDays(settings));
        await AddNoteAsync(order, $"ParamPOS pre-authorization confirmed by {source}: {Money(charge.Amount)} TRY is held on the card, not charged. {Terms(attempt)}. "
            + $"Dekont_ID {charge.ReceiptId}, Siparis_ID {attempt.OrderReference}" + (string.IsNullOrEmpty(charge.BankAuthCode) ? "." : $", auth code {charge.BankAuthCode}.")
            + $" Capture the order to charge it, or void it to release the hold; capture by {captureBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (UTC): "
            + "the bank may release an old hold by itself.");

        return true;
    }

    /// <summary>
    /// The order already moved on (paid by hand, refunded…): the confirmation is recorded and said, the order left as it is
    /// </summary>
    protected virtual async Task<bool> LeaveAsItIsAsync(ParamPosLedgerEntry update, Order order, ParamPosLedgerEntry charge, string what)
    {
        await _ledger.CompleteAsync(update, LedgerEntryState.Succeeded, new LedgerAnswer("order", $"already {order.PaymentStatus}"));
        await AddNoteAsync(order, $"ParamPOS: Param confirmed {what} (Dekont_ID {charge.ReceiptId}); the order was already {order.PaymentStatus}.");

        return false;
    }

    /// <summary>
    /// Paid again, perhaps with other installments: the terms the shopper sees follow the charge
    /// </summary>
    protected virtual async Task WriteShopperTermsAsync(Order order, ParamPosPayment attempt)
    {
        if (attempt.AttemptNumber <= 1 || await _languageService.GetLanguageByIdAsync(order.CustomerLanguageId) is not { } language)
            return;

        var values = new CustomValues();
        values.FillByXml(order.CustomValuesXml);
        await _shopperTermsWriter.WriteAsync(values, attempt, language);
        order.CustomValuesXml = values.SerializeToXml();
    }

    /// <summary>
    /// Describes an attempt's card and installments for a note
    /// </summary>
    protected static string Terms(ParamPosPayment attempt)
    {
        return $"Card {attempt.MaskedCard} ({attempt.CardFamily}), {(attempt.Installments == 1 ? "single payment" : $"{attempt.Installments} installments")} "
            + $"at {attempt.CommissionRate.ToString("0.####", CultureInfo.InvariantCulture)} %";
    }

    /// <summary>
    /// Formats the bank references of a TP_WMD_Pay answer for the ledger
    /// </summary>
    public static LedgerAnswer Answer(PaymentCompletionResult result)
    {
        var bankCode = result.BankCode.ToString(CultureInfo.InvariantCulture);

        return result.Approved
            ? new LedgerAnswer("1", "Approved", result.ReceiptId.ToString(CultureInfo.InvariantCulture), bankCode, result.BankAuthCode, result.BankTransactionId ?? result.BankHostReference)
            : new LedgerAnswer(result.Error.Code.ToString(CultureInfo.InvariantCulture), ParamErrorCatalog.Describe(result.Error), null, result.Error.BankCode ?? bankCode);
    }

    /// <summary>
    /// Gets the provider's name of the call a cancel or refund was made with: IPTAL/IADE at Param, VOID/REFUND at Paratika
    /// </summary>
    public static string CallName(ParamPosPayment attempt, ParamPosLedgerEntry reversal)
    {
        var cancel = reversal.Kind == LedgerEntryKind.Cancel;

        return attempt?.Kind == PaymentKind.ParatikaHostedSale ? cancel ? "VOID" : "REFUND" : cancel ? "IPTAL" : "IADE";
    }

    /// <summary>
    /// Formats an amount for a note
    /// </summary>
    public static string Money(decimal amount)
    {
        return amount.ToString("0.00", CultureInfo.InvariantCulture);
    }

    #endregion
}
