using Nop.Core;
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
    protected readonly IWorkContext _workContext;

    #endregion

    #region Ctor

    public PaymentAvailability(CurrencySettings currencySettings,
        ICurrencyService currencyService,
        IWorkContext workContext)
    {
        _currencySettings = currencySettings;
        _currencyService = currencyService;
        _workContext = workContext;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the blocking problems of a store's settings, as locale resource keys (empty when the method can take payments)
    /// </summary>
    /// <param name="settings">Store settings</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the problems</returns>
    /// <param name="paymentCurrencyCode">The currency the shopper would pay in, or null for the store as a whole (the configuration page)</param>
    public virtual async Task<IList<string>> BlockingProblemsAsync(ParamPosSettings settings, string paymentCurrencyCode = null)
    {
        var problems = new List<string>();
        if (settings.PaymentMode == PaymentMode.ParatikaHostedPage)
            return await HostedPageProblemsAsync(settings, paymentCurrencyCode);

        // Lira payments need a lira primary currency (the installment commission is a fee in it); foreign ones are
        // charged in the shopper's currency whatever the primary one is.
        var primary = await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId);
        var liraPrimary = string.Equals(primary?.CurrencyCode, ParamPosDefaults.CurrencyCode, StringComparison.OrdinalIgnoreCase);
        var foreign = ForeignCurrencyCheckout.Accepted(settings);
        if (paymentCurrencyCode is null ? !liraPrimary && foreign.Count == 0
            : !foreign.Contains(paymentCurrencyCode.ToUpperInvariant()) && !(liraPrimary && string.Equals(paymentCurrencyCode, ParamPosDefaults.CurrencyCode, StringComparison.OrdinalIgnoreCase)))
            problems.Add(liraPrimary ? "Warnings.CurrencyNotAccepted" : "Warnings.CurrencyNotTry");

        if (!ParamCallRunner.Credentials(settings).IsComplete)
            problems.Add("Warnings.MissingCredentials");
        else if (!ParamCallRunner.IsConfigured(settings))
            problems.Add("Warnings.InvalidServiceUrl");

        return problems;
    }

    /// <summary>
    /// The problems of the Paratika hosted page mode: the order total is charged in lira (the primary currency, and
    /// the shopper's), and the Paratika API user, secret key and URL must be complete. The ParamPOS credentials are not needed.
    /// </summary>
    protected virtual async Task<IList<string>> HostedPageProblemsAsync(ParamPosSettings settings, string paymentCurrencyCode)
    {
        var problems = new List<string>();
        var primary = await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId);
        if (!string.Equals(primary?.CurrencyCode, ParamPosDefaults.CurrencyCode, StringComparison.OrdinalIgnoreCase))
            problems.Add("Warnings.CurrencyNotTry");
        else if (paymentCurrencyCode is not null && !string.Equals(paymentCurrencyCode, ParamPosDefaults.CurrencyCode, StringComparison.OrdinalIgnoreCase))
            problems.Add("Warnings.CurrencyNotAccepted");

        if (!ParatikaCallRunner.Credentials(settings).IsComplete)
            problems.Add("Warnings.ParatikaMissingCredentials");
        else if (!ParatikaCallRunner.IsConfigured(settings))
            problems.Add("Warnings.ParatikaInvalidUrl");

        return problems;
    }

    /// <summary>
    /// Gets the blocking problems for the current shopper, in the working currency
    /// </summary>
    public virtual async Task<IList<string>> BlockingProblemsForShopperAsync(ParamPosSettings settings)
    {
        var working = await _workContext.GetWorkingCurrencyAsync();

        return await BlockingProblemsAsync(settings, working?.CurrencyCode ?? ParamPosDefaults.CurrencyCode);
    }

    #endregion
}
