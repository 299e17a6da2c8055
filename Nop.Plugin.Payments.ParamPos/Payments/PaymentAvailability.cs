using Nop.Core.Domain.Directory;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Directory;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Why the payment method cannot work in a store: it hides itself at checkout and the configuration page says why.
/// </summary>
public class PaymentAvailability
{
    #region Fields

    protected readonly CurrencySettings _currencySettings;
    protected readonly ICurrencyService _currencyService;

    #endregion

    #region Ctor

    public PaymentAvailability(CurrencySettings currencySettings,
        ICurrencyService currencyService)
    {
        _currencySettings = currencySettings;
        _currencyService = currencyService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the blocking problems of a store's settings, as locale resource keys (empty when the method can take payments)
    /// </summary>
    /// <param name="settings">Store settings</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the problems</returns>
    public virtual async Task<IList<string>> BlockingProblemsAsync(ParamPosSettings settings)
    {
        var problems = new List<string>();

        var primary = await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId);
        if (!string.Equals(primary?.CurrencyCode, ParamPosDefaults.CurrencyCode, StringComparison.OrdinalIgnoreCase))
            problems.Add("Warnings.CurrencyNotTry");

        if (!ParamCallRunner.Credentials(settings).IsComplete)
            problems.Add("Warnings.MissingCredentials");
        else if (!ParamCallRunner.IsConfigured(settings))
            problems.Add("Warnings.InvalidServiceUrl");

        if (settings.PaymentMode == PaymentMode.ParatikaHostedPage)
            problems.Add("Warnings.ParatikaNotBuilt");

        return problems;
    }

    #endregion
}
