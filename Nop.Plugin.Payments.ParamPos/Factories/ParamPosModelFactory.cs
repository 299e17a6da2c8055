using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Models.Public;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.ParamPos.Factories;

/// <summary>
/// Builds the public models; views only print what is prepared here (no arithmetic or formatting in views).
/// </summary>
public class ParamPosModelFactory
{
    #region Fields

    private static readonly string[] MonthTexts = Enumerable.Range(1, 12).Select(month => month.ToString("00", CultureInfo.InvariantCulture)).ToArray();
    private static readonly string[] MonthValues = Enumerable.Range(1, 12).Select(month => month.ToString(CultureInfo.InvariantCulture)).ToArray();

    protected readonly CheckoutAmounts _checkoutAmounts;
    protected readonly ForeignCurrencyCheckout _foreignCurrencyCheckout;
    protected readonly ILocalizationService _localizationService;
    protected readonly InstallmentRateService _installmentRateService;
    protected readonly IStoreContext _storeContext;
    protected readonly ParamCallRunner _callRunner;
    protected readonly IWebHelper _webHelper;
    protected readonly ParamPosMessages _messages;
    protected readonly SavedCardOffer _savedCardOffer;
    protected readonly SavedCards _savedCards;
    protected readonly IWorkContext _workContext;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public ParamPosModelFactory(CheckoutAmounts checkoutAmounts,
        ForeignCurrencyCheckout foreignCurrencyCheckout,
        ILocalizationService localizationService,
        InstallmentRateService installmentRateService,
        IStoreContext storeContext,
        ParamCallRunner callRunner,
        IWebHelper webHelper,
        IWorkContext workContext,
        ParamPosMessages messages,
        SavedCardOffer savedCardOffer,
        SavedCards savedCards,
        TimeProvider timeProvider)
    {
        _savedCardOffer = savedCardOffer;
        _savedCards = savedCards;
        _messages = messages;
        _checkoutAmounts = checkoutAmounts;
        _foreignCurrencyCheckout = foreignCurrencyCheckout;
        _storeContext = storeContext;
        _callRunner = callRunner;
        _localizationService = localizationService;
        _installmentRateService = installmentRateService;
        _webHelper = webHelper;
        _workContext = workContext;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Prepares the card form
    /// </summary>
    /// <param name="payingAgain">The pending order the form pays again, or null at checkout (the quote is then for the cart)</param>
    /// <param name="selectedInstallments">The installment count selected when the table appears</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the model</returns>
    public virtual async Task<PaymentInfoModel> PreparePaymentInfoModelAsync(Order payingAgain = null, int selectedInstallments = 1)
    {
        var model = new PaymentInfoModel
        {
            QuoteUrl = $"{_webHelper.GetStoreLocation()}{ParamPosDefaults.Route.QuotePattern}",
            OrderGuid = payingAgain?.OrderGuid,
            SelectedInstallments = selectedInstallments
        };

        model.ExpireMonths.Add(new SelectListItem(await _localizationService.GetPluginResourceAsync("Checkout.Month"), string.Empty));
        for (var month = 1; month <= 12; month++)
            model.ExpireMonths.Add(new SelectListItem(MonthTexts[month - 1], MonthValues[month - 1]));

        model.ExpireYears.Add(new SelectListItem(await _localizationService.GetPluginResourceAsync("Checkout.Year"), string.Empty));
        var year = _timeProvider.GetUtcNow().Year;
        for (var offset = 0; offset <= 15; offset++)
        {
            var text = (year + offset).ToString(CultureInfo.InvariantCulture);
            model.ExpireYears.Add(new SelectListItem(text, text));
        }

        foreach (var key in new[] { "Checkout.EnterCardForInstallments", "Checkout.Loading", "Checkout.QuoteUnavailable", "Validation.CardNumberInvalid" })
            model.ScriptTexts[key] = await _localizationService.GetPluginResourceAsync(key);

        if (payingAgain is null)
        {
            model.ForeignCurrencyNote = await ForeignCurrencyNoteAsync();
            await PrepareSavedCardsAsync(model);
        }

        // While the shopper types the card, the rates and the BIN table are fetched (or refreshed before they expire),
        // so neither the installment table nor the payment waits for Param to list them. A foreign-currency payment
        // has neither installments nor a BIN lookup.
        if (model.ForeignCurrencyNote is null)
        {
            var store = await _storeContext.GetCurrentStoreAsync();
            await _installmentRateService.RefreshIfDueAsync(await _callRunner.LoadSettingsAsync(store.Id));
        }

        return model;
    }

    /// <summary>
    /// Offers the customer's saved cards first, and "Save this card for next time", where the store offers saved cards
    /// to this customer (registered, a lira payment)
    /// </summary>
    protected virtual async Task PrepareSavedCardsAsync(PaymentInfoModel model)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _callRunner.LoadSettingsAsync(store.Id);
        var customer = await _workContext.GetCurrentCustomerAsync();
        var foreign = model.ForeignCurrencyNote is not null;
        model.OfferSaveCard = !foreign && await _savedCardOffer.CanSaveAsync(settings, customer);
        var today = _timeProvider.GetUtcNow().UtcDateTime.Date;
        foreach (var card in await _savedCardOffer.OfferedAsync(settings, customer, store.Id, foreign))
        {
            // An expired card cannot pay: it is listed in My account, not offered here.
            if (PrepareSavedCardModel(card, today) is { Expired: false } offered)
                model.SavedCards.Add(offered);
        }
    }

    /// <summary>
    /// Prepares the customer's saved cards page
    /// </summary>
    /// <param name="customerId">The customer</param>
    /// <param name="storeId">The store</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the model</returns>
    public virtual async Task<SavedCardListModel> PrepareSavedCardListModelAsync(int customerId, int storeId)
    {
        var today = _timeProvider.GetUtcNow().UtcDateTime.Date;
        var model = new SavedCardListModel();
        foreach (var card in await _savedCards.OfCustomerAsync(customerId, storeId))
            model.Cards.Add(PrepareSavedCardModel(card, today));

        return model;
    }

    /// <summary>
    /// Prepares a saved card as the customer sees it: masked, the bank and family, the expiry
    /// </summary>
    protected virtual SavedCardModel PrepareSavedCardModel(ParamPosSavedCard card, DateTime today)
    {
        return new SavedCardModel
        {
            Id = card.Id,
            MaskedNumber = card.MaskedNumber,
            Description = string.Join(" · ", new[] { card.BankName, card.CardFamily }.Where(part => !string.IsNullOrWhiteSpace(part))),
            Expiry = $"{card.ExpiryMonth.ToString("00", CultureInfo.InvariantCulture)}/{card.ExpiryYear.ToString(CultureInfo.InvariantCulture)}",
            Expired = new DateTime(card.ExpiryYear, card.ExpiryMonth, 1).AddMonths(1) <= today
        };
    }

    /// <summary>
    /// What the shopper will pay when the cart is paid in a foreign currency (the cart total in that currency: no fee is
    /// added), or null for a lira payment
    /// </summary>
    protected virtual async Task<string> ForeignCurrencyNoteAsync()
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var foreign = await _foreignCurrencyCheckout.CurrentAsync(await _callRunner.LoadSettingsAsync(store.Id));
        if (foreign is null)
            return null;

        var customer = await _workContext.GetCurrentCustomerAsync();
        var total = await _checkoutAmounts.AmountBeforeFeeAsync(await _checkoutAmounts.CartAsync(customer, store.Id));
        if (total is null)
            return null;

        return string.Format(await _localizationService.GetPluginResourceAsync("Checkout.ForeignCurrencyNote"),
            ForeignMoney(await _foreignCurrencyCheckout.AmountOfAsync(foreign, total.Value), foreign.Code), foreign.Code);
    }

    /// <summary>
    /// Formats an amount in a foreign currency the way Param and the order notes write it ("2.64 EUR")
    /// </summary>
    protected static string ForeignMoney(decimal amount, string currencyCode)
    {
        return amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + currencyCode;
    }

    /// <summary>
    /// Prepares the installment table for the card form
    /// </summary>
    /// <param name="quote">The server-side quote</param>
    /// <param name="settings">Store settings</param>
    /// <param name="payingAgain">The pending order paid again, or null at checkout: its total cannot change, so only the options that keep it are offered</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the model</returns>
    public virtual async Task<QuoteModel> PrepareQuoteModelAsync(InstallmentQuote quote, ParamPosSettings settings, Order payingAgain = null)
    {
        var model = new QuoteModel
        {
            CardFamily = quote.CardFamily,
            BankName = quote.BankName,
            IsDebit = quote.IsDebit
        };

        var texts = await InstallmentTextFormatter.CreateAsync(_localizationService, _workContext);
        var options = payingAgain is null ? quote.Options : PayAgainService.OptionsKeepingTotal(quote, payingAgain);
        if (quote.Options.Count == 0)
            model.Error = await _localizationService.GetPluginResourceAsync("Validation.CardNotSupported");
        else if (options.Count == 0)
            model.Error = string.Format(await _localizationService.GetPluginResourceAsync("PayAgain.NoOptionKeepsTotal"), texts.Money(payingAgain.OrderTotal));
        else if (options.Count < quote.Options.Count)
            model.Note = await _localizationService.GetPluginResourceAsync("PayAgain.OtherOptionsNeedNewOrder");
        else if (quote.IsDebit)
            model.Note = await _localizationService.GetPluginResourceAsync("Checkout.DebitSinglePaymentOnly");
        else if (settings.InstallmentsEnabled && quote.Amount < settings.MinimumAmountForInstallments)
            model.Note = string.Format(await _localizationService.GetPluginResourceAsync("Checkout.MinimumForInstallments"), texts.Money(settings.MinimumAmountForInstallments));

        var feeNote = await _localizationService.GetPluginResourceAsync("Checkout.FeeNote");
        foreach (var option in options)
        {
            model.Options.Add(new QuoteOptionModel
            {
                Installments = option.Installments,
                Label = texts.Label(option.Installments),
                Rate = settings.CommissionPayer == CommissionPayer.Merchant ? "–" : texts.Rate(option.Rate),
                Monthly = texts.Money(option.Monthly),
                Total = texts.Money(option.Total),
                FeeNote = option.Fee > 0m ? string.Format(feeNote, texts.Money(option.Fee), texts.Label(option.Installments)) : null
            });
        }

        return model;
    }

    /// <summary>
    /// Prepares the result page of an order whose payment is not (yet) complete
    /// </summary>
    /// <param name="order">The customer's order</param>
    /// <param name="ledger">The order's ledger</param>
    /// <param name="settings">Store settings</param>
    /// <param name="cartRestored">Whether the order was just cancelled and its items put back in the cart</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the model</returns>
    public virtual async Task<PaymentResultModel> PrepareResultModelAsync(Order order, OrderLedger ledger, ParamPosSettings settings, bool cartRestored)
    {
        var model = new PaymentResultModel
        {
            OrderNumber = string.IsNullOrEmpty(order.CustomOrderNumber) ? order.Id.ToString(CultureInfo.InvariantCulture) : order.CustomOrderNumber,
            Title = await _localizationService.GetPluginResourceAsync("Result.FailedTitle")
        };

        var liveCharge = ledger.LiveCharge;
        if (liveCharge is not null && ledger.OrderUpdate(LedgerEntryKind.LeftForMerchant, liveCharge) is not null)
        {
            model.Message = await _localizationService.GetPluginResourceAsync("Result.Unsettled");
            return model;
        }

        if (liveCharge is not null)
        {
            model.IsProcessing = true;
            model.Title = await _localizationService.GetPluginResourceAsync("Result.ProcessingTitle");
            model.Message = await _localizationService.GetPluginResourceAsync("Result.Processing");
            return model;
        }

        model.Reason = await _messages.ExplainRecordedDeclineAsync(ledger.DeclineReason)
            ?? await _localizationService.GetPluginResourceAsync("Result.NotCompleted");
        if (cartRestored)
        {
            model.Message = await _localizationService.GetPluginResourceAsync("Result.CartRestored");
        }
        else if (PayAgainService.CanPayAgain(order, ledger, settings))
        {
            model.Message = await _localizationService.GetPluginResourceAsync("Result.NotCharged");
            model.PayAgainUrl = $"{_webHelper.GetStoreLocation()}{ParamPosDefaults.Route.PayAgainPath(order.OrderGuid)}";
        }
        else
        {
            model.Message = await _localizationService.GetPluginResourceAsync("Result.NotChargedContactStore");
        }

        return model;
    }

    /// <summary>
    /// Prepares the pay-again page
    /// </summary>
    /// <param name="order">The customer's pending order</param>
    /// <param name="ledger">The order's ledger</param>
    /// <param name="errors">Errors of the last attempt, if any</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the model</returns>
    public virtual async Task<PayAgainModel> PreparePayAgainModelAsync(Order order, OrderLedger ledger, IList<string> errors = null)
    {
        var texts = await InstallmentTextFormatter.CreateAsync(_localizationService, _workContext);
        if ((await _callRunner.LoadSettingsAsync(order.StoreId)).PaymentMode == PaymentMode.ParatikaHostedPage)
        {
            return new PayAgainModel
            {
                OrderGuid = order.OrderGuid,
                OrderNumber = string.IsNullOrEmpty(order.CustomOrderNumber) ? order.Id.ToString(CultureInfo.InvariantCulture) : order.CustomOrderNumber,
                Total = texts.Money(order.OrderTotal),
                Introduction = string.Format(await _localizationService.GetPluginResourceAsync("PayAgain.ParatikaIntroduction"), texts.Money(order.OrderTotal)),
                HostedPage = true,
                Errors = errors ?? new List<string>()
            };
        }

        var foreign = ledger.LatestAttempt is { } attempt && attempt.CurrencyCode != ParamPosDefaults.CurrencyCode ? attempt : null;
        var total = foreign is null ? texts.Money(order.OrderTotal) : ForeignMoney(foreign.Total, foreign.CurrencyCode);
        var form = await PreparePaymentInfoModelAsync(order, ledger.LatestAttempt?.Installments ?? 1);
        if (foreign is not null)
            form.ForeignCurrencyNote = string.Format(await _localizationService.GetPluginResourceAsync("Checkout.ForeignCurrencyNote"), total, foreign.CurrencyCode);

        return new PayAgainModel
        {
            OrderGuid = order.OrderGuid,
            OrderNumber = string.IsNullOrEmpty(order.CustomOrderNumber) ? order.Id.ToString(CultureInfo.InvariantCulture) : order.CustomOrderNumber,
            Total = total,
            Introduction = string.Format(await _localizationService.GetPluginResourceAsync("PayAgain.Introduction"), total),
            Form = form,
            Errors = errors ?? new List<string>()
        };
    }

    #endregion
}
