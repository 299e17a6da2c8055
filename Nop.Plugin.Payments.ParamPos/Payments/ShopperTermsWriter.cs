using Nop.Core;
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
    /// Writes (or rewrites) the shopper's view of the terms of an installment option
    /// </summary>
    /// <param name="values">The payment request's or the order's custom values</param>
    /// <param name="option">The option being paid</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public virtual async Task WriteAsync(CustomValues values, InstallmentOption option)
    {
        var installmentsName = await _localizationService.GetPluginResourceAsync(Keys[0]);
        var commissionName = await _localizationService.GetPluginResourceAsync(Keys[1]);

        // An earlier attempt may have written them in another language.
        foreach (var name in Keys.SelectMany(key => new[] { ParamPosLocaleResources.English[ParamPosDefaults.LocalePrefix + key], ParamPosLocaleResources.Turkish[ParamPosDefaults.LocalePrefix + key] })
                     .Append(installmentsName).Append(commissionName).Distinct().ToList())
            values.Remove(name);

        var texts = await InstallmentTextFormatter.CreateAsync(_localizationService, _workContext);
        values.Add(new CustomValue(installmentsName, texts.Label(option.Installments)));
        if (option.Fee > 0m)
            values.Add(new CustomValue(commissionName, string.Format(await _localizationService.GetPluginResourceAsync("CustomValues.CommissionValue"), texts.Money(option.Fee), texts.Rate(option.Rate))));
    }

    #endregion
}
