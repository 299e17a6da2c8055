using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Paratika;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Handles the browser's POST from Paratika's hosted page to RETURNURL (Paratika.md §6). Cross-site, without the
/// shopper's cookies. Believed only as far as it goes: its sdSha512 must verify with the store's secret key, and it must
/// be for a session the plugin opened; a reported payment marks the order paid only once QUERYTRANSACTION shows an
/// approved sale for that MERCHANTPAYMENTID with the order's amount (<see cref="ReportedSaleConfirmer"/>), recorded
/// once under a database-unique claim, so replays and concurrent POSTs change nothing more.
/// </summary>
public class ParatikaReturnHandler
{
    #region Fields

    private const string SOURCE = "Paratika's payment page";

    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly OrderLedgerLoader _ledgerLoader;
    protected readonly OrderPaymentUpdater _orderPaymentUpdater;
    protected readonly ParamCallRunner _callRunner;
    protected readonly PaymentLedger _ledger;
    protected readonly ReportedSaleConfirmer _confirmer;

    #endregion

    #region Ctor

    public ParatikaReturnHandler(ILogger logger,
        IOrderService orderService,
        OrderLedgerLoader ledgerLoader,
        OrderPaymentUpdater orderPaymentUpdater,
        ParamCallRunner callRunner,
        PaymentLedger ledger,
        ReportedSaleConfirmer confirmer)
    {
        _logger = logger;
        _orderService = orderService;
        _ledgerLoader = ledgerLoader;
        _orderPaymentUpdater = orderPaymentUpdater;
        _callRunner = callRunner;
        _ledger = ledger;
        _confirmer = confirmer;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Handles a posted result
    /// </summary>
    /// <param name="form">Paratika's POST</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains where the shopper goes next</returns>
    public virtual async Task<CallbackOutcome> HandleAsync(IFormCollection form)
    {
        var posted = ParatikaReturn.Read(name => form.TryGetValue(name, out var value) ? value.ToString() : null);
        if (posted is null)
            return await RejectAsync(null, $"fields missing (posted: {PostedForm.FieldNames(form)})");

        var attempt = await _ledger.FindAttemptAsync(posted.MerchantPaymentId);
        var order = attempt is { Kind: PaymentKind.ParatikaHostedSale } ? await _orderService.GetOrderByGuidAsync(attempt.OrderGuid) : null;
        if (order is null || order.Deleted || order.PaymentMethodSystemName != ParamPosDefaults.SystemName)
            return await RejectAsync(null, "no Paratika payment of a ParamPOS order matches merchantPaymentId");

        var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
        if (!posted.Verify(settings.ParatikaSecretKey))
            return await RejectAsync(order, "sdSha512 does not verify");
        if (posted.SessionToken != attempt.TransactionGuid)
            return await RejectAsync(order, "sessionToken is not the session opened for merchantPaymentId");

        var ledger = await _ledgerLoader.LoadAsync(order);
        if (ledger.ChargeOf(attempt) is { State: LedgerEntryState.Succeeded } paid)
        {
            // A replay: the order is paid; make sure the order says so.
            await _orderPaymentUpdater.ConfirmChargeAsync(paid, SOURCE);
            return CallbackOutcome.Paid(order);
        }

        if (!posted.Approved)
            return await DeclineAsync(order, ledger, attempt, posted, settings);

        if (posted.PostedAmount is { } amount && amount != attempt.Total)
        {
            await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS WARNING: Paratika's page reports {attempt.OrderReference} paid for {posted.Amount}, but the session was opened for "
                + $"{OrderPaymentUpdater.Money(attempt.Total)} {attempt.CurrencyCode}. The order was not marked paid: check the transaction in Paratika's merchant panel.");
            return await RejectAsync(order, "the amount differs from the session's");
        }

        return await _confirmer.ConfirmAsync(order, attempt, settings, SOURCE, posted.PgTranId, posted.BankErrorCode);
    }

    #endregion

    #region Utilities

    /// <summary>
    /// The shopper cancelled, 3-D Secure failed or the bank declined: nothing was taken. Recorded once, for the latest
    /// attempt only (an older session's decline says nothing about the current one)
    /// </summary>
    protected virtual async Task<CallbackOutcome> DeclineAsync(Order order, OrderLedger ledger, ParamPosPayment attempt, ParatikaReturn posted, ParamPosSettings settings)
    {
        var reason = string.Create(CultureInfo.InvariantCulture, $"paratika={posted.ResponseCode},{posted.ErrorCode ?? "-"}");
        if (ledger.PaidCharge is not null)
            return CallbackOutcome.Paid(order);
        if (attempt.Id != ledger.LatestAttempt?.Id)
            return CallbackOutcome.Failed(order, reason);

        if (ledger.ChargeOf(attempt) is null && string.IsNullOrEmpty(attempt.DeclineReason))
        {
            await _ledger.RecordDeclineAsync(attempt, reason);
            await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: the Paratika payment was not completed (MERCHANTPAYMENTID {attempt.OrderReference}): "
                + $"{ParatikaErrorCatalog.Describe(new ParatikaError(posted.ErrorCode, posted.ErrorMessage ?? posted.ResponseMessage, BankCode: posted.BankErrorCode))}. Nothing was charged.");
        }

        await _orderPaymentUpdater.CancelAfterDeclineAsync(order, settings, SOURCE);

        return CallbackOutcome.Failed(order, reason);
    }

    protected virtual async Task<CallbackOutcome> RejectAsync(Order order, string reason)
    {
        // Unverified input: log the reason, never values, and change nothing.
        await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: Paratika return rejected{(order is null ? string.Empty : $" for order {order.Id}")}: {reason}.");

        return CallbackOutcome.Rejected();
    }

    #endregion
}
