using Nop.Core;
using Nop.Core.Domain.Localization;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Services.Localization;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// The payment terms the shopper sees with the order, as custom values nopCommerce shows on the confirm step, the order
/// details and the invoice: the installments and, when the customer pays it, the installment commission, which
/// nopCommerce's totals show only as "payment method additional fee". Written in the shopper's language.
/// </summary>
public class ShopperTermsWriter
{
    #region Fields

    private static readonly string[] Keys = ["CustomValues.Installments", "CustomValues.Commission"];

    /// <summary>The names the terms have in the plugin's own texts, in both languages (an earlier attempt may have written either)</summary>
    private static readonly string[] NamesInEitherLanguage = Keys
        .SelectMany(key => new[] { ParamPosLocaleResources.English[ParamPosDefaults.LocalePrefix + key], ParamPosLocaleResources.Turkish[ParamPosDefaults.LocalePrefix + key] })
        .Distinct()
        .ToArray();

    protected readonly ILocalizationService _localizationService;
    protected readonly IWorkContext _workContext;

    #endregion

    #region Ctor

    public ShopperTermsWriter(ILocalizationService localizationService,
        IWorkContext workContext)
    {
        _localizationService = localizationService;
        _workContext = workContext;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Writes (or rewrites) the terms of an installment option in the working language (checkout, pay again)
    /// </summary>
    /// <param name="values">The payment request's or the order's custom values</param>
    /// <param name="option">The option being paid</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public virtual async Task WriteAsync(CustomValues values, InstallmentOption option)
    {
        await WriteAsync(values, option.Installments, option.Rate, option.Fee,
            await InstallmentTextFormatter.CreateAsync(_localizationService, _workContext), key => _localizationService.GetPluginResourceAsync(key));
    }

    /// <summary>
    /// Writes (or rewrites) the terms of a paid attempt in a given language, without touching the current customer
    /// (the bank's callback has none)
    /// </summary>
    /// <param name="values">The order's custom values</param>
    /// <param name="attempt">The attempt that was charged</param>
    /// <param name="language">The order's language</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public virtual async Task WriteAsync(CustomValues values, ParamPosPayment attempt, Language language)
    {
        await WriteAsync(values, attempt.Installments, attempt.CommissionRate, attempt.Total - attempt.Amount,
            await InstallmentTextFormatter.CreateAsync(_localizationService, language), key => _localizationService.GetPluginResourceAsync(key, language.Id));
    }

    #endregion

    #region Utilities

    protected virtual async Task WriteAsync(CustomValues values, int installments, decimal rate, decimal fee, InstallmentTextFormatter texts, Func<string, Task<string>> resource)
    {
        var installmentsName = await resource(Keys[0]);
        var commissionName = await resource(Keys[1]);

        // An earlier attempt may have written them in another language (or the store renamed them).
        foreach (var name in NamesInEitherLanguage)
            values.Remove(name);
        values.Remove(installmentsName);
        values.Remove(commissionName);

        values.Add(new CustomValue(installmentsName, texts.Label(installments)));
        if (fee > 0m)
            values.Add(new CustomValue(commissionName, string.Format(await resource("CustomValues.CommissionValue"), texts.Money(fee), texts.Rate(rate))));
    }

    #endregion
}
