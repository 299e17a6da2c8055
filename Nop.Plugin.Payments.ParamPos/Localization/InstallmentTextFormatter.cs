using System.Globalization;
using Nop.Core;
using Nop.Core.Domain.Localization;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.ParamPos.Localization;

/// <summary>
/// Installment labels, commission rates and lira amounts in the working language ("1.234,56 TL", "TRY 1,234.56"),
/// with its texts and culture read once per model
/// </summary>
public sealed class InstallmentTextFormatter
{
    private readonly CultureInfo _culture;
    private readonly string _amountFormat;
    private readonly string _rateFormat;
    private readonly string _countFormat;
    private readonly string _singlePayment;

    private InstallmentTextFormatter(CultureInfo culture, string amountFormat, string rateFormat, string countFormat, string singlePayment)
    {
        _culture = culture;
        _amountFormat = amountFormat;
        _rateFormat = rateFormat;
        _countFormat = countFormat;
        _singlePayment = singlePayment;
    }

    /// <summary>
    /// Gets the formatter of the working language
    /// </summary>
    public static async Task<InstallmentTextFormatter> CreateAsync(ILocalizationService localizationService, IWorkContext workContext)
    {
        return await CreateAsync(localizationService.GetPluginResourceAsync, (await workContext.GetWorkingLanguageAsync())?.LanguageCulture);
    }

    /// <summary>
    /// Gets the formatter of a given language, without touching the current customer (for requests that have none, such
    /// as the bank's callback)
    /// </summary>
    public static Task<InstallmentTextFormatter> CreateAsync(ILocalizationService localizationService, Language language)
    {
        return CreateAsync(key => localizationService.GetPluginResourceAsync(key, language.Id), language.LanguageCulture);
    }

    private static async Task<InstallmentTextFormatter> CreateAsync(Func<string, Task<string>> resource, string cultureName)
    {
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(cultureName ?? "en-US");
        }
        catch (CultureNotFoundException)
        {
            culture = CultureInfo.InvariantCulture;
        }

        return new InstallmentTextFormatter(culture,
            await resource("Checkout.AmountFormat"),
            await resource("Checkout.RateFormat"),
            await resource("Checkout.InstallmentCount"),
            await resource("Checkout.SinglePayment"));
    }

    public string Money(decimal amount) => string.Format(_amountFormat, amount.ToString("N2", _culture));

    public string Rate(decimal rate) => string.Format(_rateFormat, rate.ToString("0.00", _culture));

    public string Label(int installments) => installments == 1 ? _singlePayment : string.Format(_countFormat, installments);
}
