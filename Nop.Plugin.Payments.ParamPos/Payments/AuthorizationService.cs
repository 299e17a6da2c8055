using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Capture and void of an authorized order (authorize-only mode), from the order page: TP_Islem_Odeme_OnProv_Kapa
/// charges the held amount, TP_Islem_Iptal_OnProv releases it (ParamPOS.md §8.9, §8.10). Each is a ledger entry
/// claimed first, so of two concurrent requests (a double click, two admins, two nodes) exactly one reaches Param, and
/// nothing follows a capture or a void but a refund of the capture. A lost answer is never sent again: a void is
/// confirmed by a status query at once; a capture, which a status query cannot tell from the hold, is left for the
/// merchant to check in Param's panel.
/// </summary>
public class AuthorizationService
{
    #region Fields

    private const string SOURCE = "the order page";

    protected readonly ILocalizationService _localizationService;
    protected readonly ILogger _logger;
    protected readonly OrderLedgerLoader _ledgerLoader;
    protected readonly OrderPaymentUpdater _orderPaymentUpdater;
    protected readonly ParamCallRunner _callRunner;
    protected readonly ParamPosMessages _messages;
    protected readonly PaymentLedger _ledger;

    #endregion

    #region Ctor

    public AuthorizationService(ILocalizationService localizationService,
        ILogger logger,
        OrderLedgerLoader ledgerLoader,
        OrderPaymentUpdater orderPaymentUpdater,
        ParamCallRunner callRunner,
        ParamPosMessages messages,
        PaymentLedger ledger)
    {
        _localizationService = localizationService;
        _logger = logger;
        _ledgerLoader = ledgerLoader;
        _orderPaymentUpdater = orderPaymentUpdater;
        _callRunner = callRunner;
        _messages = messages;
        _ledger = ledger;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Captures the amount held for an authorized order
    /// </summary>
    /// <param name="request">nopCommerce's capture request</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the result for nopCommerce (Paid when captured)</returns>
    public virtual async Task<CapturePaymentResult> CaptureAsync(CapturePaymentRequest request)
    {
        var result = new CapturePaymentResult { NewPaymentStatus = request.Order?.PaymentStatus ?? PaymentStatus.Pending };
        var (claim, problem) = await ClaimAsync(request.Order, LedgerRules.Capture);
        if (problem is not null)
            return Fail(result, await _localizationService.GetPluginResourceAsync(problem));

        var order = request.Order;
        var entry = claim.Entry;
        var attempt = claim.Ledger.AttemptOf(entry);
        var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
        var (answer, failure) = await SendOnceAsync(settings, entry, "TP_Islem_Odeme_OnProv_Kapa", attempt,
            (client, context) => client.CapturePreAuthorizationAsync(attempt.OrderReference, entry.Amount, null, context));
        if (failure is { OutcomeUnknown: false })
            return Fail(result, await _localizationService.GetPluginResourceAsync("Capture.Unavailable"));
        if (failure is not null)
        {
            await NoteUnconfirmedAsync(order, $"the capture of {OrderPaymentUpdater.Money(entry.Amount)} TRY", attempt);
            return Fail(result, await _localizationService.GetPluginResourceAsync("Capture.OutcomeUnknown"));
        }

        var receipt = answer.ReceiptId.ToString(CultureInfo.InvariantCulture);
        var bankCode = answer.BankCode.ToString(CultureInfo.InvariantCulture);
        if (!answer.Captured)
        {
            await _ledger.CompleteAsync(entry, LedgerEntryState.Refused, new LedgerAnswer(answer.Error.Code.ToString(CultureInfo.InvariantCulture), answer.Error.ParamText, null, answer.Error.BankCode ?? bankCode));
            await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: Param refused the capture for Siparis_ID {attempt.OrderReference}: {ParamErrorCatalog.Describe(answer.Error)}. Nothing was charged.");
            return Fail(result, string.Format(await _localizationService.GetPluginResourceAsync("Capture.Refused"), await _messages.ExplainAsync(answer.Error), answer.Error.Code, answer.Error.ParamText));
        }

        await _ledger.CompleteAsync(entry, LedgerEntryState.Succeeded, new LedgerAnswer("1", "Captured", receipt, bankCode));
        await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: {OrderPaymentUpdater.Money(entry.Amount)} TRY captured for Siparis_ID {attempt.OrderReference} "
            + $"(TP_Islem_Odeme_OnProv_Kapa): Dekont_ID {receipt}, bank code {bankCode}. The held amount is now charged; refunds follow the usual rules.");

        result.NewPaymentStatus = PaymentStatus.Paid;
        result.CaptureTransactionId = receipt;
        result.CaptureTransactionResult = $"Captured: Dekont_ID {receipt}";
        return result;
    }

    /// <summary>
    /// Releases the amount held for an authorized order
    /// </summary>
    /// <param name="request">nopCommerce's void request</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the result for nopCommerce (Voided when released)</returns>
    public virtual async Task<VoidPaymentResult> VoidAsync(VoidPaymentRequest request)
    {
        var result = new VoidPaymentResult { NewPaymentStatus = request.Order?.PaymentStatus ?? PaymentStatus.Pending };
        var (claim, problem) = await ClaimAsync(request.Order, LedgerRules.Void);
        if (problem is not null)
            return Fail(result, await _localizationService.GetPluginResourceAsync(problem));

        var order = request.Order;
        var entry = claim.Entry;
        var attempt = claim.Ledger.AttemptOf(entry);
        var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
        var (answer, failure) = await SendOnceAsync(settings, entry, "TP_Islem_Iptal_OnProv", attempt,
            (client, context) => client.CancelPreAuthorizationAsync(attempt.OrderReference, null, context));
        if (failure is { OutcomeUnknown: false })
            return Fail(result, await _localizationService.GetPluginResourceAsync("Void.Unavailable"));
        if (failure is not null)
        {
            if (!await ConfirmedReleasedAsync(settings, entry, attempt))
            {
                await NoteUnconfirmedAsync(order, "the release (void) of the hold", attempt);
                return Fail(result, await _localizationService.GetPluginResourceAsync("Void.OutcomeUnknown"));
            }

            answer = new ReversalResult { Succeeded = true, ParamText = "confirmed by TP_Islem_Sorgulama4" };
        }

        if (!answer.Succeeded)
        {
            await _ledger.CompleteAsync(entry, LedgerEntryState.Refused, new LedgerAnswer(answer.Error.Code.ToString(CultureInfo.InvariantCulture), answer.Error.ParamText, null, answer.Error.BankCode));
            await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: Param refused to release the hold for Siparis_ID {attempt.OrderReference}: {ParamErrorCatalog.Describe(answer.Error)}.");
            return Fail(result, string.Format(await _localizationService.GetPluginResourceAsync("Void.Refused"), await _messages.ExplainAsync(answer.Error), answer.Error.Code, answer.Error.ParamText));
        }

        if (entry.State != LedgerEntryState.Succeeded)
            await _ledger.CompleteAsync(entry, LedgerEntryState.Succeeded, new LedgerAnswer("1", answer.ParamText, null, answer.BankCode));
        await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: the hold of {OrderPaymentUpdater.Money(entry.Amount)} TRY for Siparis_ID {attempt.OrderReference} was released "
            + $"(TP_Islem_Iptal_OnProv: {answer.ParamText}). Nothing was charged.");

        result.NewPaymentStatus = PaymentStatus.Voided;
        return result;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Claims a capture or a void of the order's held pre-authorization; the resource key of the reason when refused
    /// </summary>
    protected virtual async Task<(LedgerClaim Claim, string Problem)> ClaimAsync(Order order, Func<OrderLedger, string, ClaimDecision> rule)
    {
        if (order is null || order.PaymentMethodSystemName != ParamPosDefaults.SystemName)
            return (null, "Authorization.NotThisMethod");

        // Through the loader: a version 1.0 order gets its ledger (it holds no pre-authorization, so the rule refuses).
        await _ledgerLoader.LoadAsync(order);
        var claim = await _ledger.ClaimAsync(order.OrderGuid, ledger => rule(ledger, SOURCE));
        if (claim.Won)
            return (claim, null);

        return (null, claim.Refusal switch
        {
            ClaimRefusal.AuthorizationCaptured => "Authorization.Captured",
            ClaimRefusal.AuthorizationVoided => "Authorization.Voided",
            _ => "Authorization.NotHeld"
        });
    }

    /// <summary>
    /// Sends the claimed call once. A failure is recorded on the entry (NotSent when Param certainly did not act,
    /// Unknown when it may have) and returned; the call is never sent again
    /// </summary>
    protected virtual async Task<(TAnswer Answer, ParamGatewayException Failure)> SendOnceAsync<TAnswer>(ParamPosSettings settings, ParamPosLedgerEntry entry, string operation,
        ParamPosPayment attempt, Func<ParamClient, ParamCallContext, Task<TAnswer>> call)
    {
        try
        {
            return (await _callRunner.CallAsync(settings, call), null);
        }
        catch (ParamGatewayException exception)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: {operation} for Siparis_ID {attempt.OrderReference} got no usable answer ({exception.Kind}).", exception);
            await _ledger.CompleteAsync(entry, exception.OutcomeUnknown ? LedgerEntryState.Unknown : LedgerEntryState.NotSent, new LedgerAnswer(exception.Kind.ToString(), exception.Message));

            return (default, exception);
        }
    }

    protected virtual Task NoteUnconfirmedAsync(Order order, string what, ParamPosPayment attempt)
    {
        return _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: {what} for Siparis_ID {attempt.OrderReference} got no answer and could not be confirmed. It is not sent "
            + "again, and the order can be neither captured nor voided here: check the transaction in Param's merchant panel.");
    }

    /// <summary>
    /// The answer to a release was lost: whether Param's status shows the hold released
    /// </summary>
    protected virtual async Task<bool> ConfirmedReleasedAsync(ParamPosSettings settings, ParamPosLedgerEntry entry, ParamPosPayment attempt)
    {
        try
        {
            var status = await _callRunner.CallAsync(settings, (client, context) => client.QueryTransactionAsync(attempt.OrderReference, context));
            if (status.State != TransactionState.Cancelled)
                return false;

            await _ledger.CompleteAsync(entry, LedgerEntryState.Succeeded, new LedgerAnswer("query", $"confirmed by TP_Islem_Sorgulama4 ({status.RawState})"));
            return true;
        }
        catch (ParamGatewayException exception)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: could not query Siparis_ID {attempt.OrderReference} after a lost release answer ({exception.Kind}).", exception);
            return false;
        }
    }

    protected static TResult Fail<TResult>(TResult result, string error) where TResult : BaseNopResult
    {
        result.AddError(error);
        return result;
    }

    #endregion
}
