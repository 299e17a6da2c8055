using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Settles what the ledger does not know yet, by asking the provider that took the payment (Param's TP_Islem_Sorgulama4,
/// Paratika's QUERYTRANSACTION), on any node and as often as it
/// runs: a charge or a refund sent without a usable answer (or by an owner that stopped), and an order update an owner
/// did not get to. It never sends a call that moves money (it never captures or releases a pre-authorization) and never
/// marks an order paid or authorized without Param's receipt; every order update it makes is claimed in the ledger, so
/// two nodes running it at once make each update once. Attempts nobody sent TP_WMD_Pay for are left alone: nothing can
/// have been charged for them. Authorized orders whose hold is getting old get one warning note.
/// </summary>
public class PendingPaymentReconciler
{
    #region Fields

    private const string SOURCE = "the reconciliation task";

    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly OrderLedgerLoader _ledgerLoader;
    protected readonly OrderPaymentUpdater _orderPaymentUpdater;
    protected readonly ParamCallRunner _callRunner;
    protected readonly PaymentLedger _ledger;
    protected readonly ProviderStatusReader _statusReader;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public PendingPaymentReconciler(ILogger logger,
        IOrderService orderService,
        OrderLedgerLoader ledgerLoader,
        OrderPaymentUpdater orderPaymentUpdater,
        ParamCallRunner callRunner,
        PaymentLedger ledger,
        ProviderStatusReader statusReader,
        TimeProvider timeProvider)
    {
        _statusReader = statusReader;
        _logger = logger;
        _orderService = orderService;
        _ledgerLoader = ledgerLoader;
        _orderPaymentUpdater = orderPaymentUpdater;
        _callRunner = callRunner;
        _ledger = ledger;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Settles every open ledger entry whose owner had its chance (older than the configured delay)
    /// </summary>
    /// <returns>A task that represents the asynchronous operation; the task result contains what was done</returns>
    public virtual async Task<ReconciliationSummary> RunAsync()
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var summary = new ReconciliationSummary();
        var defaults = await _callRunner.LoadSettingsAsync(0);
        var staleBefore = now.AddMinutes(-Math.Max(1, defaults.ReconciliationDelayMinutes));

        await ImportLegacyOrdersAsync(now, staleBefore, Math.Max(1, defaults.ReconciliationDeadlineHours));
        await SettleBankCompletedSalesAsync(now, Math.Max(1, defaults.ReconciliationDeadlineHours), summary);

        var entries = await _ledger.EntriesToSettleAsync(staleBefore);
        foreach (var orderGuid in entries.Select(entry => entry.OrderGuid).Distinct().ToList())
        {
            try
            {
                await SettleOrderAsync(orderGuid, now, summary);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One order must not stop the others; it is tried again next run.
                summary.Unreachable++;
                await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: reconciliation of order GUID {orderGuid} failed; will retry.", exception);
            }
        }

        await WarnOfOldAuthorizationsAsync(now, summary);

        return summary;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Orders placed by version 1.0 that are still pending get their ledger (the import happens once), so their lost
    /// TP_WMD_Pay answers are settled like any other.
    /// </summary>
    protected virtual async Task ImportLegacyOrdersAsync(DateTime now, DateTime staleBefore, int deadlineHours)
    {
        var pending = await _orderService.SearchOrdersAsync(paymentMethodSystemName: ParamPosDefaults.SystemName,
            createdFromUtc: now.AddHours(-deadlineHours - 24), createdToUtc: staleBefore, psIds: [(int)PaymentStatus.Pending]);
        foreach (var order in pending.Where(LegacyOrderRecord.IsLegacy))
            await _ledgerLoader.LoadAsync(order);
    }

    /// <summary>
    /// 3D Pay, foreign-currency and Paratika sales are completed by someone else (the bank, Paratika's page): when the
    /// result never reached the store (the shopper closed the browser), the provider's records are the only word. For a
    /// pending order, each such attempt without a charge, newest first, is asked about once its delay passed (an older
    /// one too: a shopper may have paid in a tab left open on an earlier page, unless its own result said it failed); a
    /// sale the provider shows made, for the attempt's amount, is recorded and the order marked paid. Nothing else
    /// changes: without the provider's receipt the order stays pending.
    /// </summary>
    protected virtual async Task SettleBankCompletedSalesAsync(DateTime now, int deadlineHours, ReconciliationSummary summary)
    {
        var pending = await _orderService.SearchOrdersAsync(paymentMethodSystemName: ParamPosDefaults.SystemName,
            createdFromUtc: now.AddHours(-deadlineHours - 24), psIds: [(int)PaymentStatus.Pending]);
        foreach (var order in pending)
        {
            var ledger = await _ledger.LoadAsync(order.OrderGuid);
            var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
            var askable = ledger.Attempts.Where(attempt => IsCompletedElsewhere(attempt.Kind) && ledger.ChargeOf(attempt) is null
                    && (attempt == ledger.LatestAttempt || string.IsNullOrEmpty(attempt.DeclineReason))
                    && ProviderStatusReader.CanAsk(settings, attempt) && attempt.CreatedOnUtc < now.AddMinutes(-Math.Max(1, settings.ReconciliationDelayMinutes)))
                .OrderByDescending(attempt => attempt.AttemptNumber);
            foreach (var attempt in askable)
            {
                try
                {
                    summary.Checked++;
                    var status = await _statusReader.QueryAsync(settings, attempt);
                    if (OrderPaymentUpdater.ConfirmsBankSale(status, attempt) && await _orderPaymentUpdater.RecordBankSaleAsync(attempt, status, SOURCE))
                    {
                        summary.MarkedPaid++;
                        break;
                    }
                }
                catch (ProviderStatusUnavailableException exception)
                {
                    summary.Unreachable++;
                    await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: could not query {attempt.OrderReference} ({exception.Reason}); will retry.", exception);
                }
            }
        }
    }

    protected virtual async Task SettleOrderAsync(Guid orderGuid, DateTime now, ReconciliationSummary summary)
    {
        var order = await _orderService.GetOrderByGuidAsync(orderGuid);
        if (order is null)
            return;

        var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
        if (!ParamCallRunner.IsConfigured(settings) && !ParatikaCallRunner.IsConfigured(settings))
            return;

        var staleBefore = now.AddMinutes(-Math.Max(1, settings.ReconciliationDelayMinutes));
        // Through the loader: it finishes an import of a version 1.0 order that stopped half-way.
        var ledger = await _ledgerLoader.LoadAsync(order);
        var open = ledger.Entries.Where(entry => IsMoney(entry) && (entry.State == LedgerEntryState.Unknown || (entry.State == LedgerEntryState.Sending && entry.CreatedOnUtc < staleBefore))).ToList();
        if (open.Count > 0)
        {
            // One node asks Param at a time (the query is claimed), so each outcome is recorded, and noted, once.
            var query = await _ledger.ClaimAsync(orderGuid, current => LedgerRules.StatusQuery(current, open[0], SOURCE, staleBefore));
            if (!query.Won)
                return;

            summary.Checked += open.Count;
            var settled = await SettleOpenAsync(order, query.Ledger, open, staleBefore, settings, now, summary);
            await _ledger.CompleteAsync(query.Entry, settled ? LedgerEntryState.Succeeded : LedgerEntryState.NotSent);
            ledger = await _ledger.LoadAsync(orderGuid);
        }

        // Owners that stopped between their money call and its order update (paid, or authorized for a pre-authorization).
        foreach (var charge in ledger.Entries.Where(entry => entry.Kind == LedgerEntryKind.Charge && entry.State == LedgerEntryState.Succeeded && entry.CompletedOnUtc < staleBefore))
        {
            if (ledger.OrderUpdate(ledger.ConfirmationOf(charge)) is null or { State: LedgerEntryState.Sending } && await _orderPaymentUpdater.ConfirmChargeAsync(charge, SOURCE, staleBefore))
                summary.MarkedPaid++;
        }

        foreach (var reversal in ledger.Reversals.Where(entry => entry.State == LedgerEntryState.Succeeded && entry.CompletedOnUtc < staleBefore))
        {
            if (ledger.OrderUpdate(LedgerEntryKind.OrderRefunded, reversal) is null or { State: LedgerEntryState.Sending })
                await _orderPaymentUpdater.RecordRefundAsync(reversal, SOURCE, staleBefore);
        }
    }

    /// <summary>
    /// Asks Param once for the attempt the open entries act on and settles each; whether all are settled
    /// </summary>
    protected virtual async Task<bool> SettleOpenAsync(Order order, OrderLedger ledger, IReadOnlyList<ParamPosLedgerEntry> open, DateTime staleBefore,
        ParamPosSettings settings, DateTime now, ReconciliationSummary summary)
    {
        var attempt = ledger.AttemptOf(open[0]);
        ProviderStatus status;
        try
        {
            status = await _statusReader.QueryAsync(settings, attempt);
        }
        catch (ProviderStatusUnavailableException exception)
        {
            summary.Unreachable++;
            await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: could not query {attempt.OrderReference} ({exception.Reason}); will retry.", exception);
            await LeaveOverdueAsync(order, ledger, open, settings, now, summary, $"the provider could not be asked ({exception.Reason})");
            return false;
        }

        var settled = true;
        foreach (var charge in open.Where(entry => entry.Kind == LedgerEntryKind.Charge))
            settled &= await SettleChargeAsync(order, ledger, charge, status, staleBefore, settings, now, summary);
        settled &= await SettleReversalsAsync(order, ledger, open.Where(entry => entry.Kind is LedgerEntryKind.Cancel or LedgerEntryKind.Refund).ToList(), status, staleBefore, settings, now, summary);
        settled &= await SettleHoldChangesAsync(order, ledger, open.Where(entry => entry.Kind is LedgerEntryKind.Capture or LedgerEntryKind.Void).ToList(), status, staleBefore, settings, now, summary);

        return settled;
    }

    /// <summary>
    /// A capture or a release of a pre-authorization without a usable answer. A release shows as a cancelled
    /// transaction and is confirmed; a hold still in place once the owner's call is long over means it did not happen
    /// (the store may void again). A capture cannot be told from the hold in TP_Islem_Sorgulama4, so it waits and is
    /// then left for the merchant. Never sent again. Whether all are settled
    /// </summary>
    protected virtual async Task<bool> SettleHoldChangesAsync(Order order, OrderLedger ledger, IReadOnlyList<ParamPosLedgerEntry> open, ProviderStatus status, DateTime staleBefore,
        ParamPosSettings settings, DateTime now, ReconciliationSummary summary)
    {
        var settled = true;
        foreach (var entry in open)
        {
            if (entry.Kind == LedgerEntryKind.Void && status.State == TransactionState.Cancelled)
            {
                await _ledger.CompleteAsync(entry, LedgerEntryState.Succeeded, new LedgerAnswer("query", $"confirmed by {status.QueryName} ({status.RawState})"));
                await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: Param confirms that the hold for Siparis_ID {ledger.AttemptOf(entry).OrderReference} was released. "
                    + "Nothing was charged; mark the order voided with \"Void (offline)\".");
                continue;
            }

            if (entry.Kind == LedgerEntryKind.Void && status.State == TransactionState.Paid && entry.CreatedOnUtc < staleBefore)
            {
                await _ledger.CompleteAsync(entry, LedgerEntryState.NotSent, new LedgerAnswer("query", $"Param shows the hold still in place ({status.QueryName}: {status.RawState})"));
                await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: Param confirms that the hold for Siparis_ID {ledger.AttemptOf(entry).OrderReference} was not released; "
                    + "it is still held. The order can be captured or voided again.");
                continue;
            }

            await LeaveOverdueAsync(order, ledger, [entry], settings, now, summary, entry.Kind == LedgerEntryKind.Capture
                ? "Param's status does not tell a captured pre-authorization from a held one: check it in Param's merchant panel"
                : $"Param reports state {status.RawState ?? status.State.ToString()}");
            settled = false;
        }

        return settled;
    }

    /// <summary>
    /// Authorized orders whose hold is older than the store's warning age get one note: the bank may release the hold
    /// by itself, and the store should capture or void the order. Nothing is captured here.
    /// </summary>
    protected virtual async Task WarnOfOldAuthorizationsAsync(DateTime now, ReconciliationSummary summary)
    {
        var authorized = await _orderService.SearchOrdersAsync(paymentMethodSystemName: ParamPosDefaults.SystemName, psIds: [(int)PaymentStatus.Authorized]);
        foreach (var order in authorized)
        {
            var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
            var ledger = await _ledger.LoadAsync(order.OrderGuid);
            if (ledger.OpenAuthorization is not { } held || !AuthorizationAge.IsAtRisk(held.CompletedOnUtc ?? held.CreatedOnUtc, now, settings))
                continue;

            var claim = await _ledger.ClaimAsync(order.OrderGuid, current => LedgerRules.AuthorizationAgeWarned(current, SOURCE));
            if (!claim.Won)
                continue;

            await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS WARNING: {OrderPaymentUpdater.Money(held.Amount)} TRY has been held on the card since "
                + $"{(held.CompletedOnUtc ?? held.CreatedOnUtc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} (UTC) and is not captured. "
                + "Banks release old pre-authorizations by themselves; a capture after that is refused. Capture the order now, or void it to release the hold.");
            await _ledger.CompleteAsync(claim.Entry, LedgerEntryState.Succeeded);
            summary.AuthorizationsAtRisk++;
        }
    }

    /// <summary>
    /// A charge without a usable answer: Param's receipt for exactly this Siparis_ID and amount marks the order paid;
    /// no payment at Param (once the owner's call is long over) means nothing was charged; anything else waits, then is
    /// left for the merchant. Whether it is settled
    /// </summary>
    protected virtual async Task<bool> SettleChargeAsync(Order order, OrderLedger ledger, ParamPosLedgerEntry charge, ProviderStatus status, DateTime staleBefore,
        ParamPosSettings settings, DateTime now, ReconciliationSummary summary)
    {
        var attempt = ledger.AttemptOf(charge);
        var receipt = status.ReceiptId;
        if (status.ShowsSaleOf(attempt))
        {
            if (!OrderPaymentUpdater.ConfirmsBankSale(status, attempt) || status.TotalAmount != charge.Amount)
            {
                await LeaveForMerchantAsync(order, charge, $"{status.Provider} reports {attempt.OrderReference} paid (receipt {receipt}) for {OrderPaymentUpdater.Money(status.TotalAmount)} {status.Currency ?? attempt.CurrencyCode}, "
                    + $"but the order expects {OrderPaymentUpdater.Money(charge.Amount)} {attempt.CurrencyCode}. Not marked paid: please check in {status.Provider}'s merchant panel.", summary);
                return false;
            }

            await _ledger.CompleteAsync(charge, LedgerEntryState.Succeeded, new LedgerAnswer("query", $"confirmed by {status.QueryName} ({status.RawState})", receipt));
            if (await _orderPaymentUpdater.ConfirmChargeAsync(charge, SOURCE))
                summary.MarkedPaid++;
            return true;
        }

        if (status.State is TransactionState.NotFound or TransactionState.Failed && charge.CreatedOnUtc < staleBefore)
        {
            await _ledger.CompleteAsync(charge, LedgerEntryState.NotSent, new LedgerAnswer("query", status.State == TransactionState.NotFound
                ? $"{status.Provider} has no payment for it ({status.QueryName})"
                : $"{status.Provider} reports the payment failed ({status.RawState})"));
            await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: {status.Provider} confirms that {attempt.OrderReference} was not charged ({status.RawState ?? "no payment"}). "
                + "The order stays pending; the customer can pay again.");
            summary.NotCharged++;
            return true;
        }

        await LeaveOverdueAsync(order, ledger, [charge], settings, now, summary, status.State switch
        {
            TransactionState.Cancelled => $"{status.Provider} reports it cancelled",
            TransactionState.Refunded => $"{status.Provider} reports it refunded",
            _ => $"{status.Provider} reports state {status.RawState ?? status.State.ToString()}"
        });

        return false;
    }

    /// <summary>
    /// Cancels and refunds without a usable answer, from Param's totals: a cancel happened if the sale is cancelled; the
    /// refunds happened if Param's refunded total grew by all of them, none if it did not grow (and their owners' calls
    /// are long over). Anything in between cannot be told apart: it waits, then is left for the merchant. Whether all
    /// are settled
    /// </summary>
    protected virtual async Task<bool> SettleReversalsAsync(Order order, OrderLedger ledger, IReadOnlyList<ParamPosLedgerEntry> open, ProviderStatus status, DateTime staleBefore,
        ParamPosSettings settings, DateTime now, ReconciliationSummary summary)
    {
        var cancelled = status.State == TransactionState.Cancelled;
        var known = ledger.Reversals.Where(entry => entry.State == LedgerEntryState.Succeeded && entry.Kind == LedgerEntryKind.Refund).Sum(entry => entry.Amount);
        var refunds = open.Where(entry => entry.Kind == LedgerEntryKind.Refund).ToList();
        var growth = status.RefundedAmount - known;
        var allRefunded = refunds.Count > 0 && growth == refunds.Sum(entry => entry.Amount);
        var noneRefunded = growth == 0m && refunds.All(entry => entry.CreatedOnUtc < staleBefore);

        var settled = true;
        foreach (var entry in open)
        {
            bool? happened = entry.Kind == LedgerEntryKind.Cancel
                ? cancelled ? true : entry.CreatedOnUtc < staleBefore && status.State != TransactionState.NotFound ? false : null
                : allRefunded ? true : noneRefunded ? false : null;

            if (happened == true)
            {
                await _ledger.CompleteAsync(entry, LedgerEntryState.Succeeded, new LedgerAnswer("query", $"confirmed by {status.QueryName} ({status.RawState})"));
                await _orderPaymentUpdater.RecordRefundAsync(entry, SOURCE);
                summary.RefundsConfirmed++;
            }
            else if (happened == false)
            {
                await _ledger.CompleteAsync(entry, LedgerEntryState.NotSent, new LedgerAnswer("query", $"{status.Provider} shows it did not happen ({status.QueryName})"));
                await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: {status.Provider} confirms that the {OrderPaymentUpdater.CallName(ledger.AttemptOf(entry), entry)} of "
                    + $"{OrderPaymentUpdater.Money(entry.Amount)} TRY did not happen; nothing was refunded. It can be made again from the order page.");
                summary.RefundsNotMade++;
            }
            else
            {
                await LeaveOverdueAsync(order, ledger, [entry], settings, now, summary, "Param's refunded total does not tell which refunds happened");
                settled = false;
            }
        }

        return settled;
    }

    /// <summary>
    /// Entries still open after the deadline are left for the merchant (a note, once); before it they wait.
    /// </summary>
    protected virtual async Task LeaveOverdueAsync(Order order, OrderLedger ledger, IEnumerable<ParamPosLedgerEntry> entries, ParamPosSettings settings, DateTime now,
        ReconciliationSummary summary, string what)
    {
        foreach (var entry in entries)
        {
            if (now < entry.CreatedOnUtc.AddHours(Math.Max(1, settings.ReconciliationDeadlineHours)))
            {
                summary.StillWaiting++;
                continue;
            }

            if (ledger.OrderUpdate(LedgerEntryKind.LeftForMerchant, entry) is null)
                await LeaveForMerchantAsync(order, entry, $"still not settled after {settings.ReconciliationDeadlineHours} h; {what} "
                    + $"(Siparis_ID {ledger.AttemptOf(entry).OrderReference}). Left for the merchant; the order was not changed.", summary);
        }
    }

    protected virtual async Task LeaveForMerchantAsync(Order order, ParamPosLedgerEntry entry, string note, ReconciliationSummary summary)
    {
        var claim = await _ledger.ClaimAsync(entry.OrderGuid, ledger => LedgerRules.LeftForMerchant(ledger, entry, SOURCE));
        if (!claim.Won)
            return;

        await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: the {entry.Kind.ToString().ToLowerInvariant()} of {OrderPaymentUpdater.Money(entry.Amount)} TRY: {note}");
        await _ledger.CompleteAsync(claim.Entry, LedgerEntryState.Succeeded);
        summary.LeftForMerchant++;
    }

    /// <summary>
    /// Gets a value indicating whether someone else completes a payment of this kind (the bank in 3D Pay and foreign
    /// currency, Paratika's hosted page): only its provider's records say whether it was made
    /// </summary>
    protected static bool IsCompletedElsewhere(PaymentKind kind)
    {
        return ThreeDPaymentStarter.IsCompletedByBank(kind) || kind == PaymentKind.ParatikaHostedSale;
    }

    protected static bool IsMoney(ParamPosLedgerEntry entry)
    {
        return entry.Kind is LedgerEntryKind.Charge or LedgerEntryKind.Cancel or LedgerEntryKind.Refund or LedgerEntryKind.Capture or LedgerEntryKind.Void;
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
    public int NotCharged { get; set; }
    public int RefundsConfirmed { get; set; }
    public int RefundsNotMade { get; set; }
    public int StillWaiting { get; set; }
    public int LeftForMerchant { get; set; }
    public int Unreachable { get; set; }
    public int AuthorizationsAtRisk { get; set; }

    public override string ToString()
    {
        return $"checked {Checked}, marked paid {MarkedPaid}, confirmed not charged {NotCharged}, refunds confirmed {RefundsConfirmed}, refunds confirmed not made {RefundsNotMade}, "
            + $"still waiting {StillWaiting}, left for the merchant {LeftForMerchant}, unreachable {Unreachable}, authorizations at risk {AuthorizationsAtRisk}";
    }
}
