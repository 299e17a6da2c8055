using System.Globalization;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Marketplace;
using Nop.Plugin.Payments.ParamPos.Paratika;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Refund and cancel from the order page, through TP_Islem_Iptal_Iade_Kismi2 (ParamPOS.md §12):
/// the full amount on the sale's day → IPTAL (the sale disappears from the shopper's statement); otherwise, and for any
/// partial amount → IADE; an IPTAL refused because the day is already closed (-210) falls back to IADE once.
/// Each call is a ledger entry claimed first: one cancel or refund of an order at a time, only on the order as it is now
/// (a request made on a copy of the order loaded before another refund was recorded is refused), and never beyond the
/// charge once every refund that took or may have taken money back is counted. So of two concurrent requests (a double
/// click, two admins, two nodes) exactly one reaches Param. Refunds use the Siparis_ID of the attempt that was charged.
/// </summary>
public class RefundService
{
    #region Fields

    private const string SOURCE = "refund from the order page";

    protected readonly ILocalizationService _localizationService;
    protected readonly ILogger _logger;
    protected readonly MarketplaceRecords _marketplaceRecords;
    protected readonly MarketplaceRefundTarget _marketplaceRefundTarget;
    protected readonly OrderLedgerLoader _ledgerLoader;
    protected readonly OrderPaymentUpdater _orderPaymentUpdater;
    protected readonly ParamCallRunner _callRunner;
    protected readonly ParamPosMessages _messages;
    protected readonly ParatikaCallRunner _paratikaCallRunner;
    protected readonly PaymentLedger _ledger;
    protected readonly ProviderStatusReader _statusReader;
    protected readonly TimeProvider _timeProvider;
    protected readonly IWorkContext _workContext;

    #endregion

    #region Ctor

    public RefundService(ILocalizationService localizationService,
        ILogger logger,
        MarketplaceRecords marketplaceRecords,
        MarketplaceRefundTarget marketplaceRefundTarget,
        OrderLedgerLoader ledgerLoader,
        OrderPaymentUpdater orderPaymentUpdater,
        ParamCallRunner callRunner,
        ParamPosMessages messages,
        ParatikaCallRunner paratikaCallRunner,
        PaymentLedger ledger,
        ProviderStatusReader statusReader,
        TimeProvider timeProvider,
        IWorkContext workContext)
    {
        _paratikaCallRunner = paratikaCallRunner;
        _statusReader = statusReader;
        _workContext = workContext;
        _localizationService = localizationService;
        _logger = logger;
        _marketplaceRecords = marketplaceRecords;
        _marketplaceRefundTarget = marketplaceRefundTarget;
        _ledgerLoader = ledgerLoader;
        _orderPaymentUpdater = orderPaymentUpdater;
        _callRunner = callRunner;
        _messages = messages;
        _ledger = ledger;
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
        if (order is null || order.PaymentMethodSystemName != ParamPosDefaults.SystemName)
            return await FailAsync(result, order, "Refund.NotThisMethod");

        var ledger = await _ledgerLoader.LoadAsync(order);
        var charge = ledger.PaidCharge;
        if (charge is null)
            return await FailAsync(result, order, ledger.IsEmpty ? "Refund.NotThisMethod" : "Refund.NotPaid");

        var attempt = ledger.AttemptOf(charge);
        if (attempt.CurrencyCode != ParamPosDefaults.CurrencyCode)
        {
            // OPEN-QUESTIONS A34: no source says how Kismi2 treats the currency of a partial refund; the whole payment,
            // in its own currency, is the only refund offered here.
            if (ledger.CommittedReversals > 0m || ParamAmount.RoundToKurus(request.AmountToRefund) != ParamAmount.RoundToKurus(order.OrderTotal - order.RefundedAmount))
            {
                result.NewPaymentStatus = order.PaymentStatus;
                result.AddError(string.Format(await _localizationService.GetPluginResourceAsync("Refund.ForeignCurrencyPartial"), attempt.CurrencyCode));
                return result;
            }

            amount = charge.Amount;
        }

        var whole = ledger.CommittedReversals == 0m && amount == charge.Amount;
        var kind = whole && IsSameBusinessDay(order.PaidDateUtc ?? charge.CompletedOnUtc, _timeProvider.GetUtcNow()) ? LedgerEntryKind.Cancel : LedgerEntryKind.Refund;
        var settings = await _callRunner.LoadSettingsAsync(order.StoreId);

        // Vendors' shares declared at Param's marketplace: the reversal goes there — the whole order (every share and the
        // card), or part of one vendor's goods (that share reduced and the card credited).
        var marketplaceShares = (await _marketplaceRecords.SharesOfOrderAsync(order.OrderGuid)).Where(share => share.State == MarketplaceShareState.Declared).ToList();
        MarketplaceReversal marketplace = null;
        ParamPosMarketplaceShare vendorShare = null;
        if (marketplaceShares.Count > 0 && whole)
            marketplace = new MarketplaceReversal(marketplaceShares[0].ShareGuid, 0m, 0m, SameDay: false);
        else if (marketplaceShares.Count > 0)
        {
            vendorShare = marketplaceShares.FirstOrDefault(share => share.VendorId == _marketplaceRefundTarget.VendorId);
            if (vendorShare is null)
                return await FailAsync(result, order, "Refund.MarketplacePartial");
            if (amount > vendorShare.ProductAmount)
            {
                result.NewPaymentStatus = order.PaymentStatus;
                result.AddError(string.Format(await _localizationService.GetPluginResourceAsync("Refund.MarketplaceShareTooSmall"),
                    OrderPaymentUpdater.Money(vendorShare.ProductAmount)));
                return result;
            }

            kind = LedgerEntryKind.Refund;
            marketplace = new MarketplaceReversal(vendorShare.ShareGuid, amount, ShareAllocator.PayableAfterRefund(vendorShare.ProductAmount, vendorShare.PayableAmount, amount),
                IsSameBusinessDay(order.PaidDateUtc ?? charge.CompletedOnUtc, _timeProvider.GetUtcNow()));
        }

        var (entry, refusal, fellBack) = await ReverseAsync(settings, order, kind, amount, order.RefundedAmount, marketplace);
        if (refusal is not null)
            return await FailAsync(result, order, refusal);

        if (marketplace is not null && entry.State == LedgerEntryState.Succeeded)
        {
            if (vendorShare is null)
                await _marketplaceRecords.MarkReversedAsync(order.OrderGuid);
            else
                await _marketplaceRecords.RecordShareRefundAsync(vendorShare, amount, marketplace.NewPayable);
        }

        if (entry.State == LedgerEntryState.Succeeded && attempt.CurrencyCode != ParamPosDefaults.CurrencyCode && !await ConfirmedAtParamAsync(settings, ledger, entry, attempt))
        {
            await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: Param accepted the {OrderPaymentUpdater.CallName(attempt, entry)} of {OrderPaymentUpdater.Money(amount)} {attempt.CurrencyCode} "
                + $"for Siparis_ID {attempt.OrderReference}, but its records do not show it yet. It is not sent again; the reconciliation task adds it to the order once Param confirms it.");
            result.NewPaymentStatus = order.PaymentStatus;
            result.AddError(await _localizationService.GetPluginResourceAsync("Refund.ForeignCurrencyUnconfirmed"));
            return result;
        }

        if (entry.State == LedgerEntryState.Succeeded)
        {
            var after = await _ledger.LoadAsync(order.OrderGuid);
            var remaining = charge.Amount - after.CommittedReversals;
            await _orderPaymentUpdater.RecordRefundByHostAsync(entry);
            await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: {OrderPaymentUpdater.Money(amount)} {attempt.CurrencyCode} {(entry.Kind == LedgerEntryKind.Cancel ? "cancelled" : "refunded")} ({OrderPaymentUpdater.CallName(attempt, entry)}) for {attempt.OrderReference}"
                + (fellBack ? $" after {(attempt.Kind == PaymentKind.ParatikaHostedSale ? "VOID" : "IPTAL")} was refused because the business day was already closed" : string.Empty)
                + $". Param: {entry.ResultText}; bank code {entry.BankCode ?? "-"}, auth code {entry.BankAuthCode ?? "-"}, host reference {entry.BankReference ?? "-"}."
                + $" Left to refund: {OrderPaymentUpdater.Money(remaining)} {attempt.CurrencyCode}.");

            result.NewPaymentStatus = remaining <= 0m ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
            return result;
        }

        result.NewPaymentStatus = order.PaymentStatus;
        switch (entry.State)
        {
            case LedgerEntryState.NotSent:
                result.AddError(await _localizationService.GetPluginResourceAsync("Refund.Unavailable"));
                break;
            case LedgerEntryState.Unknown:
                await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: the {OrderPaymentUpdater.CallName(attempt, entry)} of {OrderPaymentUpdater.Money(amount)} TRY "
                    + $"for Siparis_ID {attempt.OrderReference} got no answer and could not be confirmed yet. It is not sent again: the reconciliation task asks Param "
                    + "and adds it to the order once Param confirms it.");
                result.AddError(await _localizationService.GetPluginResourceAsync("Refund.OutcomeUnknown"));
                break;
            default:
                if (attempt.Kind == PaymentKind.ParatikaHostedSale)
                {
                    var paratikaError = new ParatikaError(entry.ResultCode, entry.ResultText);
                    var turkish = (await _workContext.GetWorkingLanguageAsync())?.LanguageCulture?.StartsWith("tr", StringComparison.OrdinalIgnoreCase) == true;
                    result.AddError(string.Format(await _localizationService.GetPluginResourceAsync("Refund.RefusedParatika"), ParatikaErrorCatalog.Describe(paratikaError, turkish))
                        + (entry.ResultCode == "ERR10106" ? " " + await _localizationService.GetPluginResourceAsync("Refund.ParatikaNotSettled") : string.Empty));
                    break;
                }

                var error = ParamError.FromResult(int.TryParse(entry.ResultCode, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) ? code : -1, entry.ResultText, entry.BankCode);
                result.AddError(string.Format(await _localizationService.GetPluginResourceAsync("Refund.Refused"), await _messages.ExplainAsync(error), error.Code, entry.ResultText));
                break;
        }

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

        return TurkishTime.DayOf(new DateTimeOffset(DateTime.SpecifyKind(paidUtc.Value, DateTimeKind.Utc))) == TurkishTime.DayOf(nowUtc);
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Claims the cancel or refund, sends it, records the outcome; an IPTAL refused with -210 is claimed and sent again
    /// as IADE once. A lost answer is settled with a status query, never by sending again.
    /// </summary>
    protected virtual async Task<(ParamPosLedgerEntry Entry, string Refusal, bool FellBack)> ReverseAsync(ParamPosSettings settings, Order order, LedgerEntryKind kind, decimal amount, decimal refundedAsSeen,
        MarketplaceReversal marketplace)
    {
        var claim = await _ledger.ClaimAsync(order.OrderGuid, ledger => LedgerRules.Reversal(ledger, kind, amount, refundedAsSeen, SOURCE));
        if (!claim.Won)
            return (null, RefusalKey(claim.Refusal), false);

        var entry = marketplace is null ? await SendAsync(settings, claim, amount) : await SendToMarketplaceAsync(settings, claim, marketplace);
        // A cancel refused because the sale's day is already closed (Param -210, Paratika ERR10033) becomes a refund.
        if (entry is { Kind: LedgerEntryKind.Cancel, State: LedgerEntryState.Refused, ResultCode: "-210" or "ERR10033" })
        {
            var fallback = await ReverseAsync(settings, order, LedgerEntryKind.Refund, amount, refundedAsSeen, marketplace);
            return fallback with { FellBack = fallback.Refusal is null };
        }

        return (entry, null, false);
    }

    protected virtual async Task<ParamPosLedgerEntry> SendAsync(ParamPosSettings settings, LedgerClaim claim, decimal amount)
    {
        var entry = claim.Entry;
        var attempt = claim.Ledger.AttemptOf(entry);
        if (attempt.Kind == PaymentKind.ParatikaHostedSale)
            return await SendToParatikaAsync(settings, claim, amount);

        var request = new ReversalRequest(entry.Kind == LedgerEntryKind.Cancel ? ReversalKind.Cancel : ReversalKind.Refund, attempt.OrderReference, amount);
        try
        {
            var answer = await _callRunner.CallAsync(settings, (client, context) => client.ReverseSaleAsync(request, context));
            await _ledger.CompleteAsync(entry, answer.Succeeded ? LedgerEntryState.Succeeded : LedgerEntryState.Refused, answer.Succeeded
                ? new LedgerAnswer("1", answer.ParamText, null, answer.BankCode, answer.BankAuthCode, answer.BankHostReference ?? answer.BankTransactionId)
                : new LedgerAnswer(answer.Error.Code.ToString(CultureInfo.InvariantCulture), answer.Error.ParamText, null, answer.Error.BankCode));

            return entry;
        }
        catch (ParamGatewayException exception)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: {request.Kind} for Siparis_ID {attempt.OrderReference} got no usable answer ({exception.Kind}).", exception);
            if (!exception.OutcomeUnknown)
            {
                await _ledger.CompleteAsync(entry, LedgerEntryState.NotSent, new LedgerAnswer(exception.Kind.ToString(), exception.Message));
                return entry;
            }

            await _ledger.CompleteAsync(entry, LedgerEntryState.Unknown, new LedgerAnswer(exception.Kind.ToString(), exception.Message));
            await SettleUnknownAsync(settings, claim.Ledger, entry, attempt);

            return entry;
        }
    }

    /// <summary>
    /// A payment whose vendors' shares are declared at Param's marketplace: Pazaryeri_TP_Iptal_Iade of the whole order
    /// (SiparisTutar 0: every share cancelled or refunded and the card credited) or of part of one vendor's goods (that
    /// share reduced to its new payable); IPTAL on the sale's day, IADE later
    /// </summary>
    protected virtual async Task<ParamPosLedgerEntry> SendToMarketplaceAsync(ParamPosSettings settings, LedgerClaim claim, MarketplaceReversal marketplace)
    {
        var entry = claim.Entry;
        var attempt = claim.Ledger.AttemptOf(entry);
        var sameDay = marketplace.OrderAmount == 0m ? entry.Kind == LedgerEntryKind.Cancel : marketplace.SameDay;
        try
        {
            var answer = await _callRunner.CallMarketplaceAsync(settings, (client, context) =>
                client.ReverseShareAsync(marketplace.ShareGuid, sameDay, attempt.OrderReference, marketplace.OrderAmount, marketplace.NewPayable, context));
            await _ledger.CompleteAsync(entry, answer.Succeeded ? LedgerEntryState.Succeeded : LedgerEntryState.Refused, answer.Succeeded
                ? new LedgerAnswer("1", marketplace.OrderAmount == 0m
                    ? $"Pazaryeri_TP_Iptal_Iade {(sameDay ? "IPTAL" : "IADE")}: the whole marketplace order"
                    : $"Pazaryeri_TP_Iptal_Iade {(sameDay ? "IPTAL" : "IADE")}: {OrderPaymentUpdater.Money(marketplace.OrderAmount)} off share {marketplace.ShareGuid}, its new payable {OrderPaymentUpdater.Money(marketplace.NewPayable)}")
                : new LedgerAnswer(answer.Error.Code.ToString(CultureInfo.InvariantCulture), answer.Error.ParamText));

            return entry;
        }
        catch (ParamGatewayException exception)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: Pazaryeri_TP_Iptal_Iade for Siparis_ID {attempt.OrderReference} got no usable answer ({exception.Kind}).", exception);
            await _ledger.CompleteAsync(entry, exception.OutcomeUnknown ? LedgerEntryState.Unknown : LedgerEntryState.NotSent, new LedgerAnswer(exception.Kind.ToString(), exception.Message));
            if (exception.OutcomeUnknown)
                await SettleUnknownAsync(settings, claim.Ledger, entry, attempt);

            return entry;
        }
    }

    /// <summary>
    /// A Paratika payment: VOID (the whole sale, its day) or REFUND of the charge's transaction (pgTranId)
    /// </summary>
    protected virtual async Task<ParamPosLedgerEntry> SendToParatikaAsync(ParamPosSettings settings, LedgerClaim claim, decimal amount)
    {
        var entry = claim.Entry;
        var attempt = claim.Ledger.AttemptOf(entry);
        var sale = claim.Ledger.PaidCharge.ReceiptId;
        try
        {
            var answer = await _paratikaCallRunner.CallAsync(settings, (client, context) => entry.Kind == LedgerEntryKind.Cancel
                ? client.VoidAsync(sale, context)
                : client.RefundAsync(sale, amount, attempt.CurrencyCode, context));
            await _ledger.CompleteAsync(entry, answer.Approved ? LedgerEntryState.Succeeded : LedgerEntryState.Refused, answer.Approved
                ? new LedgerAnswer("00", answer.ResponseMessage ?? "Approved", null, null, null, answer.PgTranId)
                : new LedgerAnswer(answer.Error?.Code ?? answer.ResponseCode, answer.Error?.Message, null, answer.Error?.BankCode));

            return entry;
        }
        catch (ParatikaException exception)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: Paratika {exception.Action} for {attempt.OrderReference} got no usable answer ({exception.Kind}).", exception);
            await _ledger.CompleteAsync(entry, exception.OutcomeUnknown ? LedgerEntryState.Unknown : LedgerEntryState.NotSent, new LedgerAnswer(exception.Kind.ToString(), exception.Message));
            if (exception.OutcomeUnknown)
                await SettleUnknownAsync(settings, claim.Ledger, entry, attempt);

            return entry;
        }
    }

    /// <summary>
    /// The answer was lost: ask Param at once whether the cancel or refund happened. Unconfirmed, it stays unknown for
    /// the reconciliation task.
    /// </summary>
    protected virtual async Task SettleUnknownAsync(ParamPosSettings settings, OrderLedger before, ParamPosLedgerEntry entry, ParamPosPayment attempt)
    {
        var status = await QueryAsync(settings, attempt, "after a lost refund answer");
        if (status is not null && ShownBy(status, before, entry))
            await _ledger.CompleteAsync(entry, LedgerEntryState.Succeeded, new LedgerAnswer("query", $"confirmed by {status.QueryName} ({status.RawState})"));
    }

    /// <summary>
    /// A refund of a foreign-currency payment that Param accepted: whether Param's records show it; when they do not,
    /// the entry stays of unknown outcome for the reconciliation task
    /// </summary>
    protected virtual async Task<bool> ConfirmedAtParamAsync(ParamPosSettings settings, OrderLedger before, ParamPosLedgerEntry entry, ParamPosPayment attempt)
    {
        var status = await QueryAsync(settings, attempt, "to confirm a foreign-currency refund");
        if (status is not null && ShownBy(status, before, entry))
            return true;

        await _ledger.CompleteAsync(entry, LedgerEntryState.Unknown, new LedgerAnswer("query", "accepted by TP_Islem_Iptal_Iade_Kismi2, not yet in Param's records"));
        return false;
    }

    /// <summary>
    /// The provider's records of the charged attempt, or null (logged) when they cannot be read
    /// </summary>
    protected virtual async Task<ProviderStatus> QueryAsync(ParamPosSettings settings, ParamPosPayment attempt, string why)
    {
        try
        {
            return await _statusReader.QueryAsync(settings, attempt);
        }
        catch (ProviderStatusUnavailableException exception)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: could not query {attempt.OrderReference} {why} ({exception.Reason}).", exception);
            return null;
        }
    }

    /// <summary>
    /// Gets whether Param's status shows a cancel (the sale cancelled) or a refund (the refunded total grown by it,
    /// over the refunds counted before it) made
    /// </summary>
    protected static bool ShownBy(ProviderStatus status, OrderLedger before, ParamPosLedgerEntry entry)
    {
        return entry.Kind == LedgerEntryKind.Cancel
            ? status.State == TransactionState.Cancelled
            : status.RefundedAmount >= before.CommittedReversals + entry.Amount;
    }

    protected virtual async Task<RefundPaymentResult> FailAsync(RefundPaymentResult result, Order order, string resourceKey)
    {
        result.NewPaymentStatus = order?.PaymentStatus ?? PaymentStatus.Pending;
        result.AddError(await _localizationService.GetPluginResourceAsync(resourceKey));

        return result;
    }

    protected static string RefusalKey(ClaimRefusal? refusal)
    {
        return refusal switch
        {
            ClaimRefusal.NotCharged => "Refund.NotPaid",
            ClaimRefusal.AmountInvalid => "Refund.AmountInvalid",
            ClaimRefusal.ReversalInFlight => "Refund.InProgress",
            ClaimRefusal.StaleOrder => "Refund.OrderChanged",
            _ => "Refund.AmountTooLarge"
        };
    }

    #endregion
}

/// <summary>
/// A reversal sent to Param's marketplace: the share named, what to take off the order (0: the whole order) and the
/// vendor's new payable; SameDay chooses IPTAL over IADE for part of a vendor's goods
/// </summary>
public sealed record MarketplaceReversal(string ShareGuid, decimal OrderAmount, decimal NewPayable, bool SameDay);
