using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// A browser brought a verified report that a sale was made by someone else (the bank in 3D Pay, Paratika's hosted
/// page): the order is marked paid only when the provider's own records show that sale, for the attempt's amount, and
/// the charge is recorded once (a database-unique claim). Otherwise the charge is claimed as of unknown outcome, so
/// nobody pays again before the reconciliation task has settled it with the provider, and the merchant gets a note.
/// </summary>
public class ReportedSaleConfirmer
{
    #region Fields

    protected readonly ChargeOutcomeReader _outcomeReader;
    protected readonly ILogger _logger;
    protected readonly OrderPaymentUpdater _orderPaymentUpdater;
    protected readonly PaymentLedger _ledger;
    protected readonly ProviderStatusReader _statusReader;

    #endregion

    #region Ctor

    public ReportedSaleConfirmer(ChargeOutcomeReader outcomeReader,
        ILogger logger,
        OrderPaymentUpdater orderPaymentUpdater,
        PaymentLedger ledger,
        ProviderStatusReader statusReader)
    {
        _outcomeReader = outcomeReader;
        _logger = logger;
        _orderPaymentUpdater = orderPaymentUpdater;
        _ledger = ledger;
        _statusReader = statusReader;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Confirms a reported sale with the provider and records it
    /// </summary>
    /// <param name="order">The order</param>
    /// <param name="attempt">The attempt the report is for</param>
    /// <param name="settings">The store's settings</param>
    /// <param name="source">Who reported it (for the ledger and notes)</param>
    /// <param name="receiptId">The receipt the report names (Dekont_ID, pgTranId), or null</param>
    /// <param name="bankCode">The bank's result code the report carries, or null</param>
    /// <param name="signed">Whether the report's signature verified; an unsigned report the provider does not confirm is rejected, not recorded</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains where the shopper goes next</returns>
    public virtual async Task<CallbackOutcome> ConfirmAsync(Order order, ParamPosPayment attempt, ParamPosSettings settings, string source, string receiptId, string bankCode,
        bool signed = true)
    {
        ProviderStatus status = null;
        try
        {
            status = await _statusReader.QueryAsync(settings, attempt);
        }
        catch (ProviderStatusUnavailableException exception)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: could not confirm {source} for order {order.Id} ({exception.Reason}); the reconciliation task will ask again.", exception);
        }

        if (status is not null && OrderPaymentUpdater.ConfirmsBankSale(status, attempt, receiptId))
        {
            return await _orderPaymentUpdater.RecordBankSaleAsync(attempt, status, source, bankCode)
                ? CallbackOutcome.Paid(order)
                : await AfterLostClaimAsync(order, attempt, status, source);
        }

        if (!signed)
        {
            // Anyone could have posted it: it holds nothing up (the reconciliation task asks the provider anyway).
            await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: an unsigned report from {source} for order {order.Id} is not confirmed by the provider's records; rejected, nothing changed.");
            return CallbackOutcome.Rejected();
        }

        var claim = await _ledger.ClaimAsync(order.OrderGuid, current => LedgerRules.Charge(current, attempt, source));
        if (!claim.Won)
            return await AfterLostClaimAsync(order, attempt, status, source);

        var seen = status is null ? "its records could not be read" : $"its records show {status.RawState ?? status.State.ToString()}";
        await _ledger.CompleteAsync(claim.Entry, LedgerEntryState.Unknown, new LedgerAnswer("reported", $"{source} reported the sale; {seen}", receiptId, bankCode));
        await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: {source} reported {attempt.OrderReference} paid (receipt {receiptId ?? "-"}, "
            + $"{OrderPaymentUpdater.Money(attempt.Total)} {attempt.CurrencyCode}), but {status?.Provider ?? ProviderOf(attempt)} does not confirm it: {seen}. The order stays pending until it does; "
            + "the reconciliation task will ask again. Do not mark it paid by hand without checking.");
        await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: {source} reported order {order.Id} paid, but the provider does not confirm it yet; left for reconciliation.");

        return CallbackOutcome.Processing(order);
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Another request recorded a charge first. When it is another attempt's and the provider shows this one paid too,
    /// the shopper paid twice (two tabs, two sessions): that is said loudly, never dropped
    /// </summary>
    protected virtual async Task<CallbackOutcome> AfterLostClaimAsync(Order order, ParamPosPayment attempt, ProviderStatus status, string source)
    {
        var ledger = await _ledger.LoadAsync(order.OrderGuid);
        if (status is not null && OrderPaymentUpdater.ConfirmsBankSale(status, attempt) && ledger.ChargeOf(attempt) is null && ledger.LiveCharge is { } other)
        {
            await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS WARNING: {status.Provider} also took {OrderPaymentUpdater.Money(status.TotalAmount)} {attempt.CurrencyCode} for "
                + $"{attempt.OrderReference} (receipt {status.ReceiptId}), reported by {source}, while the order is already paid by {ledger.AttemptOf(other)?.OrderReference}. "
                + $"The customer paid twice: refund receipt {status.ReceiptId} in {status.Provider}'s merchant panel.");
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: order {order.Id} was paid twice ({attempt.OrderReference}, receipt {status.ReceiptId}); refund the second payment.");

            return CallbackOutcome.Paid(order);
        }

        return await _outcomeReader.ReadAsync(order, attempt);
    }

    protected static string ProviderOf(ParamPosPayment attempt) => attempt.Kind == PaymentKind.ParatikaHostedSale ? "Paratika" : "Param";

    #endregion
}
