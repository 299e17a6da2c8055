using Nop.Core;
using Nop.Core.Domain.Directory;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Services.Catalog;
using Nop.Services.Directory;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Payments in the shopper's currency when it is one the store accepts through Param (USD, EUR, GBP:
/// TP_Islem_Odeme_WD): a single payment, no installment commission, of exactly the order total nopCommerce shows the
/// shopper in that currency.
/// </summary>
public class ForeignCurrencyCheckout
{
    #region Fields

    protected readonly CurrencySettings _currencySettings;
    protected readonly ICurrencyService _currencyService;
    protected readonly IPriceCalculationService _priceCalculationService;
    protected readonly IWorkContext _workContext;

    #endregion

    #region Ctor

    public ForeignCurrencyCheckout(CurrencySettings currencySettings,
        ICurrencyService currencyService,
        IPriceCalculationService priceCalculationService,
        IWorkContext workContext)
    {
        _currencySettings = currencySettings;
        _currencyService = currencyService;
        _priceCalculationService = priceCalculationService;
        _workContext = workContext;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the foreign currencies a store accepts (ISO codes Param takes, in the settings' order)
    /// </summary>
    public static IReadOnlyList<string> Accepted(ParamPosSettings settings)
    {
        return (settings?.ForeignCurrencies ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => code.ToUpperInvariant())
            .Where(ParamCurrency.Foreign.Contains)
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// Gets what nopCommerce shows as the order total in the shopper's currency: the total (primary store currency)
    /// times the currency's rate, rounded once by nopCommerce's own price rounding for that currency (the one its price
    /// formatter applies: to the cent, to even, or the currency's cash rounding)
    /// </summary>
    /// <param name="foreign">The currency</param>
    /// <param name="orderTotal">The order total in the primary store currency</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the amount to charge</returns>
    public virtual Task<decimal> AmountOfAsync(ForeignCurrency foreign, decimal orderTotal)
    {
        return _priceCalculationService.RoundPriceAsync(orderTotal * foreign.Rate, foreign.Currency);
    }

    /// <summary>
    /// Gets the shopper's working currency when the store takes it as a foreign-currency payment, or null (the
    /// lira installment flow applies, or the method cannot take this currency)
    /// </summary>
    /// <param name="settings">Store settings</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the currency and its rate to the primary store currency, or null</returns>
    public virtual async Task<ForeignCurrency> CurrentAsync(ParamPosSettings settings)
    {
        var working = await _workContext.GetWorkingCurrencyAsync();
        if (working is null || !Accepted(settings).Contains(working.CurrencyCode?.ToUpperInvariant()))
            return null;

        var primary = await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId);
        if (primary is null || primary.Rate <= 0m || working.Rate <= 0m)
            return null;

        // As nopCommerce computes the order's CurrencyRate when the order is placed.
        return new ForeignCurrency(working.CurrencyCode.ToUpperInvariant(), working.Rate / primary.Rate, working);
    }

    #endregion
}

/// <summary>
/// A foreign currency the shopper pays in, its rate to the primary store currency (nopCommerce's order CurrencyRate)
/// and nopCommerce's currency (for its rounding).
/// </summary>
public sealed record ForeignCurrency(string Code, decimal Rate, Currency Currency);
