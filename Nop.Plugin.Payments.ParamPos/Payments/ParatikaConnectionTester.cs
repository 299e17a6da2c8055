using Nop.Core;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Paratika;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Plugin.Payments.ParamPos.Validators;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// "Test the Paratika connection" on the configuration page: the Paratika account as typed (saved or not) asks Paratika
/// for the transactions of an id no payment has (QUERYTRANSACTION, which moves nothing): an answer, even "not found",
/// means the API user is accepted. The secret key is never sent anywhere, so it is checked by the first payment's result.
/// </summary>
public class ParatikaConnectionTester
{
    #region Fields

    private const string PROBE_PAYMENT_ID = "PARAMPOS-CONNECTION-TEST";

    protected readonly ILocalizationService _localizationService;
    protected readonly IWorkContext _workContext;
    protected readonly ParatikaCallRunner _callRunner;

    #endregion

    #region Ctor

    public ParatikaConnectionTester(ILocalizationService localizationService, IWorkContext workContext, ParatikaCallRunner callRunner)
    {
        _localizationService = localizationService;
        _workContext = workContext;
        _callRunner = callRunner;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Tests the posted Paratika account (an empty password or secret key field means the stored one)
    /// </summary>
    public virtual async Task<ConnectionTestModel> TestAsync(ParamPosSettings saved, ConfigurationModel posted)
    {
        var settings = ParamPosSettings.CopyOf(saved);
        ConfigurationModelMapper.Apply(posted, settings);
        if (settings.ParatikaEnvironment == ParatikaEnvironment.Custom && ConfigurationValidator.CustomUrlProblem(settings.ParatikaCustomApiUrl) is { } urlProblem)
            return Failure(await _localizationService.GetPluginResourceAsync(urlProblem));
        if (!ParatikaCallRunner.Credentials(settings).IsComplete || ParatikaCallRunner.ApiUrl(settings) is null)
            return Failure(await _localizationService.GetPluginResourceAsync("Warnings.ParatikaMissingCredentials"));

        // A stored password is only ever sent to the service it was saved for: testing another one needs it typed.
        var usesStoredPassword = string.IsNullOrEmpty(posted.ParatikaMerchantPassword) && !string.IsNullOrEmpty(saved.ParatikaMerchantPassword);
        if (usesStoredPassword && ParatikaCallRunner.ApiUrl(saved) != ParatikaCallRunner.ApiUrl(settings))
            return Failure(await _localizationService.GetPluginResourceAsync("Connection.StoredSecretsStay"));

        try
        {
            var answer = await _callRunner.CallAsync(settings, (client, context) => client.QueryTransactionAsync(PROBE_PAYMENT_ID, context));
            if (answer.Approved)
                return new ConnectionTestModel { Success = true, Message = await _localizationService.GetPluginResourceAsync("Connection.ParatikaSuccess") };

            var turkish = (await _workContext.GetWorkingLanguageAsync())?.LanguageCulture?.StartsWith("tr", StringComparison.OrdinalIgnoreCase) == true;
            return Failure(string.Format(await _localizationService.GetPluginResourceAsync("Connection.ParatikaRefused"), ParatikaErrorCatalog.Describe(answer.Error, turkish)));
        }
        catch (ParatikaException exception)
        {
            var key = exception.Kind switch
            {
                ParatikaFailureKind.Transport => "Connection.Unreachable",
                ParatikaFailureKind.Timeout => "Connection.Timeout",
                ParatikaFailureKind.Configuration => "Validation.CustomUrlInvalid",
                _ => "Connection.UnexpectedAnswer"
            };

            return Failure(string.Format(await _localizationService.GetPluginResourceAsync(key), exception.Message));
        }
    }

    #endregion

    #region Utilities

    private static ConnectionTestModel Failure(string message) => new() { Success = false, Message = message };

    #endregion
}
