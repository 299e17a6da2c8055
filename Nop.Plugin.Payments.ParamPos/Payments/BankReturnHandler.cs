using System.Globalization;
using Microsoft.AspNetCore.Http;
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
/// Handles the bank's TURKPOS_RETVAL_* POST after a 3D Pay (Pos_Odeme) or foreign-currency payment, where the bank
/// completed the sale itself. Cross-site, without the shopper's cookies. The POST is believed only as far as it goes:
/// its hash is verified with the store's own CLIENT_CODE and GUID, it must be for the order's current attempt and for
/// the attempt's amount, and a payment is marked paid only once Param's own records (TP_Islem_Sorgulama4) show a
/// successful sale with that receipt and amount (<see cref="ReportedSaleConfirmer"/>).
/// </summary>
public class BankReturnHandler
{
    #region Fields

    private const string SOURCE = "the bank's 3D Pay result";
    private const string SAVED_CARD_SOURCE = "the bank's saved-card payment result";

    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly OrderLedgerLoader _ledgerLoader;
    protected readonly OrderPaymentUpdater _orderPaymentUpdater;
    protected readonly ParamCallRunner _callRunner;
    protected readonly PaymentLedger _ledger;
    protected readonly ProviderStatusReader _statusReader;
    protected readonly ReportedSaleConfirmer _confirmer;

    #endregion

    #region Ctor

    public BankReturnHandler(ILogger logger,
        IOrderService orderService,
        OrderLedgerLoader ledgerLoader,
        OrderPaymentUpdater orderPaymentUpdater,
        ParamCallRunner callRunner,
        PaymentLedger ledger,
        ProviderStatusReader statusReader,
        ReportedSaleConfirmer confirmer)
    {
        _statusReader = statusReader;
        _confirmer = confirmer;
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
    /// Handles a posted result
    /// </summary>
    /// <param name="form">The bank's POST</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains where the shopper goes next</returns>
    public virtual async Task<CallbackOutcome> HandleAsync(IFormCollection form)
    {
        var posted = BankPaymentReturn.Read(name => form.TryGetValue(name, out var value) ? value.ToString() : null);
        if (posted is null)
            return await RejectAsync(null, $"fields missing (posted: {PostedForm.FieldNames(form)})");

        var orderGuid = ThreeDPaymentStarter.OrderGuidOf(posted.OrderId);
        var order = orderGuid is null ? null : await _orderService.GetOrderByGuidAsync(orderGuid.Value);
        if (order is null || order.Deleted || order.PaymentMethodSystemName != ParamPosDefaults.SystemName)
            return await RejectAsync(null, "no ParamPOS order matches TURKPOS_RETVAL_Siparis_ID");

        var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
        if (posted.IsSigned && !posted.Verify(settings.ClientCode, settings.Guid))
            return await RejectAsync(order, "TURKPOS_RETVAL_Hash does not verify");

        var ledger = await _ledgerLoader.LoadAsync(order);
        var attempt = ledger.LatestAttempt;
        if (attempt is null || attempt.OrderReference != posted.OrderId || !ThreeDPaymentStarter.IsCompletedByBank(attempt.Kind))
            return await RejectAsync(order, "TURKPOS_RETVAL_Siparis_ID is not the order's current 3D Pay attempt");

        // 3D Pay and foreign-currency results are always signed; a saved-card result may not be (A28): then nothing it
        // says is believed until Param's records say the same.
        var source = attempt.Kind == PaymentKind.SavedCardSale ? SAVED_CARD_SOURCE : SOURCE;
        if (!posted.IsSigned && attempt.Kind != PaymentKind.SavedCardSale)
            return await RejectAsync(order, "TURKPOS_RETVAL_Hash is missing");

        if (ledger.PaidCharge is { } paid)
        {
            // A replay: the order is paid; make sure the order says so.
            await _orderPaymentUpdater.ConfirmChargeAsync(paid, source);
            return CallbackOutcome.Paid(order);
        }

        if (!posted.Approved)
        {
            if (!posted.IsSigned && !await ParamShowsNoSaleAsync(settings, attempt))
                return await RejectAsync(order, "an unsigned decline that Param's records do not confirm");

            // TURKPOS_RETVAL_Sonuc is not signed: a "decline" that carries a receipt (Param issues one only for a sale)
            // is believed only when Param's records show no sale; otherwise the pending check settles the order.
            if (posted.ReceiptId > 0 && !await ParamShowsNoSaleAsync(settings, attempt))
                return await RejectAsync(order, "a decline with a receipt that Param's records do not confirm");

            return await DeclineAsync(order, ledger, attempt, posted, settings, source);
        }

        if (posted.TahsilatTutari != ParamAmount.FormatPayment(attempt.Total) || (posted.CurrencyCode is not null && posted.CurrencyCode != attempt.CurrencyCode))
        {
            await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS WARNING: the bank reports Siparis_ID {attempt.OrderReference} paid (Dekont_ID {posted.ReceiptId}) for "
                + $"{posted.TahsilatTutari} {posted.CurrencyCode ?? "?"}, but the payment was started for {OrderPaymentUpdater.Money(attempt.Total)} {attempt.CurrencyCode}. "
                + "The order was not marked paid: check the transaction in Param's merchant panel.");
            return await RejectAsync(order, "the amount or currency differs from the attempt's");
        }

        return await _confirmer.ConfirmAsync(order, attempt, settings, source, posted.ReceiptId.ToString(CultureInfo.InvariantCulture), posted.BankCode, posted.IsSigned);
    }

    #endregion

    #region Utilities

    /// <summary>
    /// The bank reports nothing charged (3-D Secure failed, or the bank declined)
    /// </summary>
    protected virtual async Task<CallbackOutcome> DeclineAsync(Order order, OrderLedger ledger, ParamPosPayment attempt, BankPaymentReturn posted, ParamPosSettings settings,
        string source)
    {
        var reason = string.Create(CultureInfo.InvariantCulture, $"sonuc={posted.Sonuc},bank={posted.BankCode}");
        if (ledger.ChargeOf(attempt) is null && string.IsNullOrEmpty(attempt.DeclineReason))
        {
            await _ledger.RecordDeclineAsync(attempt, reason);
            await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS payment not completed (Siparis_ID {attempt.OrderReference}): the bank answered {posted.Sonuc} "
                + $"({posted.SonucText}), bank code {posted.BankCode ?? "-"}. Nothing was charged.");
        }

        await _orderPaymentUpdater.CancelAfterDeclineAsync(order, settings, source);

        return CallbackOutcome.Failed(order, reason);
    }

    /// <summary>
    /// Gets whether Param's records show that the attempt made no sale (an unsigned decline is believed only then)
    /// </summary>
    protected virtual async Task<bool> ParamShowsNoSaleAsync(ParamPosSettings settings, ParamPosPayment attempt)
    {
        try
        {
            return !(await _statusReader.QueryAsync(settings, attempt)).ShowsSaleOf(attempt);
        }
        catch (ProviderStatusUnavailableException)
        {
            return false;
        }
    }

    protected virtual async Task<CallbackOutcome> RejectAsync(Order order, string reason)
    {
        // Unverified input: log the reason, never values, and change nothing.
        await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: 3D Pay result rejected{(order is null ? string.Empty : $" for order {order.Id}")}: {reason}.");

        return CallbackOutcome.Rejected();
    }

    #endregion
}
