using System.Security.Cryptography;
using Nop.Core;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Sends the payment's first call for an order (first attempt at checkout, or "pay again"): TP_WMD_UCD (3D Model),
/// Pos_Odeme (3D Pay), TP_Islem_Odeme_WD (foreign currency), TP_Islem_Odeme_OnProv_WMD (authorize only) or KS_Tahsilat
/// (a saved card); records the attempt in the ledger and keeps the
/// bank's 3-D page (or a page that sends the browser to it) for the browser. The card is removed from the vault by the caller whatever happens here.
/// </summary>
public class ThreeDPaymentStarter
{
    #region Fields

    private const string ATTEMPT_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    protected readonly ILogger _logger;
    protected readonly IWebHelper _webHelper;
    protected readonly ParamCallRunner _callRunner;
    protected readonly PaymentLedger _ledger;
    protected readonly ThreeDPageStore _threeDPageStore;

    #endregion

    #region Ctor

    public ThreeDPaymentStarter(ILogger logger,
        IWebHelper webHelper,
        ParamCallRunner callRunner,
        PaymentLedger ledger,
        ThreeDPageStore threeDPageStore)
    {
        _logger = logger;
        _webHelper = webHelper;
        _callRunner = callRunner;
        _ledger = ledger;
        _threeDPageStore = threeDPageStore;
    }

    #endregion

    #region Methods

    /// <summary>
    /// A Siparis_ID for a new attempt: the order GUID plus a random suffix (36 characters). nopCommerce reuses an order
    /// GUID for 180 s across attempts and Param refuses a reused Siparis_ID, so every TP_WMD_UCD gets its own.
    /// </summary>
    public static string NewAttemptOrderId(Guid orderGuid)
    {
        return orderGuid.ToString("N").ToUpperInvariant() + "-" + RandomNumberGenerator.GetString(ATTEMPT_ALPHABET, 3);
    }

    /// <summary>
    /// Gets the order GUID a Siparis_ID was made from, or null
    /// </summary>
    public static Guid? OrderGuidOf(string attemptOrderId)
    {
        return attemptOrderId is { Length: 36 } && attemptOrderId[32] == '-' && Guid.TryParseExact(attemptOrderId[..32], "N", out var guid) ? guid : null;
    }

    /// <summary>
    /// Starts the 3-D Secure payment of an order
    /// </summary>
    /// <param name="settings">Settings of the order's store</param>
    /// <param name="storeId">Store identifier</param>
    /// <param name="orderGuid">Order GUID</param>
    /// <param name="card">Card details</param>
    /// <param name="terms">What is charged</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains what happened</returns>
    public virtual async Task<ThreeDStartOutcome> StartAsync(ParamPosSettings settings, int storeId, Guid orderGuid, CardDetails card, PaymentTerms terms)
    {
        var attemptOrderId = NewAttemptOrderId(orderGuid);
        // A foreign-currency payment is always a sale completed by the bank (TP_Islem_Odeme_WD), never held.
        var kind = terms.CurrencyCode != ParamPosDefaults.CurrencyCode ? PaymentKind.ForeignCurrencySale
            : settings.TransactionMode == TransactionMode.AuthorizeOnly ? PaymentKind.ThreeDModelPreAuthorization
            : settings.PaymentModel == PaymentModel.ThreeDPay ? PaymentKind.ThreeDPaySale
            : PaymentKind.ThreeDModelSale;
        var operation = kind switch
        {
            PaymentKind.ForeignCurrencySale => "TP_Islem_Odeme_WD",
            PaymentKind.ThreeDModelPreAuthorization => "TP_Islem_Odeme_OnProv_WMD",
            PaymentKind.ThreeDPaySale => "Pos_Odeme",
            _ => "TP_WMD_UCD"
        };
        // The bank posts a 3D Model answer (md, islemHash) to the callback, a 3D Pay result (TURKPOS_RETVAL_*) to the return.
        var callbackUrl = $"{_webHelper.GetStoreLocation()}{(IsCompletedByBank(kind) ? ParamPosDefaults.Route.ReturnPattern : ParamPosDefaults.Route.CallbackPattern)}";
        var sale = new SaleRequest
        {
            OrderId = attemptOrderId,
            CardHolderName = card.HolderName,
            CardNumber = card.Number,
            ExpiryMonth = card.ExpiryMonth,
            ExpiryYear = card.ExpiryYear,
            Cvc = card.Cvc,
            Installments = terms.Installments,
            Amount = terms.Amount,
            TotalAmount = terms.Total,
            Security = ThreeDSecurity.ThreeD,
            SuccessUrl = callbackUrl,
            FailureUrl = callbackUrl,
            Description = $"nopCommerce order {orderGuid}",
            CustomerIp = _webHelper.GetCurrentIpAddress(),
            ReferrerUrl = _webHelper.GetStoreLocation(),
            ExtraData = [orderGuid.ToString()]
        };

        return await SendAndRecordAsync(storeId, orderGuid, attemptOrderId, kind, operation, terms, () => _callRunner.CallAsync(settings, (client, context) => kind switch
        {
            PaymentKind.ThreeDModelPreAuthorization => client.StartPreAuthorizationAsync(sale, context),
            PaymentKind.ThreeDPaySale => client.StartThreeDPaySaleAsync(sale, context),
            PaymentKind.ForeignCurrencySale => client.StartForeignCurrencySaleAsync(sale, terms.CurrencyCode, context),
            _ => client.StartSaleAsync(sale, context)
        }));
    }

    /// <summary>
    /// Starts the 3-D Secure payment of an order with a card the customer saved at Param (KS_Tahsilat, with the CVC)
    /// </summary>
    /// <param name="settings">Settings of the order's store</param>
    /// <param name="storeId">Store identifier</param>
    /// <param name="orderGuid">Order GUID</param>
    /// <param name="card">The saved card, already checked to be the customer's</param>
    /// <param name="cvc">The CVC typed for this payment</param>
    /// <param name="holderMobile">The customer's mobile as 5XXXXXXXXX, or empty</param>
    /// <param name="terms">What is charged</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains what happened</returns>
    public virtual Task<ThreeDStartOutcome> StartWithSavedCardAsync(ParamPosSettings settings, int storeId, Guid orderGuid, ParamPosSavedCard card, string cvc,
        string holderMobile, PaymentTerms terms)
    {
        var attemptOrderId = NewAttemptOrderId(orderGuid);
        var returnUrl = $"{_webHelper.GetStoreLocation()}{ParamPosDefaults.Route.ReturnPattern}";
        var sale = new SavedCardSaleRequest
        {
            Token = card.Token,
            CardReference = card.CardReference,
            Cvc = cvc,
            HolderMobile = holderMobile,
            OrderId = attemptOrderId,
            Installments = terms.Installments,
            Amount = terms.Amount,
            TotalAmount = terms.Total,
            Security = ThreeDSecurity.ThreeD,
            SuccessUrl = returnUrl,
            FailureUrl = returnUrl,
            Description = $"nopCommerce order {orderGuid}",
            CustomerIp = _webHelper.GetCurrentIpAddress(),
            ReferrerUrl = _webHelper.GetStoreLocation(),
            ExtraData = [orderGuid.ToString()]
        };

        return SendAndRecordAsync(storeId, orderGuid, attemptOrderId, PaymentKind.SavedCardSale, "KS_Tahsilat", terms,
            () => _callRunner.CallCardStorageAsync(settings, (client, context) => client.StartSavedCardSaleAsync(sale, context)));
    }

    /// <summary>
    /// Gets a value indicating whether the bank completes a payment of this kind itself (no TP_WMD_Pay): its result
    /// arrives as the TURKPOS_RETVAL_* POST
    /// </summary>
    public static bool IsCompletedByBank(PaymentKind kind)
    {
        return kind is PaymentKind.ThreeDPaySale or PaymentKind.ForeignCurrencySale or PaymentKind.SavedCardSale;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Sends the first call and records what it started: the attempt (and the bank's page), or the charge Param made at once
    /// </summary>
    protected virtual async Task<ThreeDStartOutcome> SendAndRecordAsync(int storeId, Guid orderGuid, string attemptOrderId, PaymentKind kind, string operation,
        PaymentTerms terms, Func<Task<SaleStartResult>> send)
    {
        var held = kind == PaymentKind.ThreeDModelPreAuthorization;
        SaleStartResult result;
        try
        {
            result = await send();
        }
        catch (ParamGatewayException exception)
        {
            // In 3D mode the start charges and holds nothing, so a lost answer is safe to report as "try again".
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: {operation} for order {orderGuid} failed ({exception.Kind}).", exception);
            return new ThreeDStartOutcome(ThreeDStartKind.Unavailable, attemptOrderId, null, null) { Held = held };
        }

        var page = result.Outcome == SaleStartOutcome.RedirectToBank ? result.ThreeDHtml ?? BankRedirectPage(result.ThreeDUrl) : null;
        if (result.Outcome == SaleStartOutcome.RedirectToBank && page is null)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: {operation} for order {orderGuid} answered with a bank page address that is not an http(s) URL; the page is not shown.");
            return new ThreeDStartOutcome(ThreeDStartKind.Unavailable, attemptOrderId, null, null) { Held = held };
        }

        if (result.Outcome is not (SaleStartOutcome.RedirectToBank or SaleStartOutcome.Approved))
        {
            await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: {operation} for order {orderGuid} declined: {ParamErrorCatalog.Describe(result.Error)}");
            return new ThreeDStartOutcome(ThreeDStartKind.Declined, attemptOrderId, null, result.Error) { Held = held };
        }

        ParamPosPayment attempt;
        try
        {
            attempt = await _ledger.AddAttemptAsync(new ParamPosPayment
            {
                OrderGuid = orderGuid,
                StoreId = storeId,
                OrderReference = attemptOrderId,
                // 3D Pay answers with Param's Islem_ID only; its Islem_GUID comes with the bank's result.
                TransactionGuid = result.TransactionGuid ?? result.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Kind = kind,
                CurrencyCode = terms.CurrencyCode,
                Amount = terms.Amount,
                Total = terms.Total,
                Installments = terms.Installments,
                CommissionRate = terms.Rate,
                MaskedCard = terms.MaskedCard,
                CardFamily = terms.CardFamily
            });
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (result.Outcome == SaleStartOutcome.Approved)
            {
                // Charged: the order must still be created paid; its authorization result lets the ledger import it later.
                await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: Param {(held ? "authorized" : "charged")} order {orderGuid} without 3-D (Dekont_ID {result.TransactionId}) and the ledger could not record it.", exception);
                return new ThreeDStartOutcome(ThreeDStartKind.ChargedWithout3D, attemptOrderId, result.TransactionGuid, null, result.TransactionId) { Held = held };
            }

            // No record, no bank page: nothing was charged (3D Model charges only with TP_WMD_Pay), the shopper tries again.
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: the payment attempt of order {orderGuid} could not be recorded; the bank's page is not shown.", exception);
            return new ThreeDStartOutcome(ThreeDStartKind.Unavailable, attemptOrderId, null, null) { Held = held };
        }

        if (result.Outcome == SaleStartOutcome.RedirectToBank)
        {
            await _threeDPageStore.StoreAsync(orderGuid, page);
            return new ThreeDStartOutcome(ThreeDStartKind.RedirectToBank, attemptOrderId, result.TransactionGuid, null) { Attempt = attempt, Held = held };
        }

        // Param charged without 3-D although 3D was asked for: record the truth, never drop a charge.
        var charge = await _ledger.ClaimAsync(orderGuid, ledger => LedgerRules.Charge(ledger, attempt, $"{operation} (approved without 3-D)"));
        if (charge.Won)
            await _ledger.CompleteAsync(charge.Entry, LedgerEntryState.Succeeded, new LedgerAnswer("1", "Approved without 3-D", result.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        return new ThreeDStartOutcome(ThreeDStartKind.ChargedWithout3D, attemptOrderId, result.TransactionGuid, null, result.TransactionId) { Attempt = attempt, Charge = charge.Entry, Held = held };
    }

    /// <summary>
    /// A page that sends the browser to the bank's 3-D page when Param gives its address (UCD_URL), or null when the
    /// address is not an absolute http(s) URL
    /// </summary>
    protected static string BankRedirectPage(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
            return null;

        var encoded = System.Net.WebUtility.HtmlEncode(address.AbsoluteUri);
        return $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url={encoded}\"><title>3-D Secure</title></head>"
            + $"<body><p><a href=\"{encoded}\">Continue to your bank</a></p></body></html>";
    }

    #endregion
}

/// <summary>
/// What starting 3-D Secure produced.
/// </summary>
public enum ThreeDStartKind
{
    /// <summary>The bank's page is waiting for the shopper.</summary>
    RedirectToBank,

    /// <summary>Param refused (card, amount, installment…); nothing was charged.</summary>
    Declined,

    /// <summary>Param could not be reached; nothing was charged.</summary>
    Unavailable,

    /// <summary>Param charged (or, for a pre-authorization, held) at once (NonSecure answer).</summary>
    ChargedWithout3D
}

/// <param name="Kind">What happened.</param>
/// <param name="AttemptOrderId">The Siparis_ID sent.</param>
/// <param name="TransactionGuid">Islem_GUID when the page is waiting.</param>
/// <param name="Error">Param's error when declined.</param>
/// <param name="ReceiptId">Receipt when charged at once.</param>
public sealed record ThreeDStartOutcome(ThreeDStartKind Kind, string AttemptOrderId, string TransactionGuid, ParamError Error, long ReceiptId = 0)
{
    /// <summary>Gets the recorded attempt (when the bank's page waits, or Param charged at once).</summary>
    public ParamPosPayment Attempt { get; init; }

    /// <summary>Gets the recorded charge (when Param charged at once), or null.</summary>
    public ParamPosLedgerEntry Charge { get; init; }

    /// <summary>Gets a value indicating whether the attempt is a pre-authorization (the amount is held, not charged).</summary>
    public bool Held { get; init; }
}
