using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Plugin.Payments.ParamPos.Validators;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// "Test connection": asks Param for the rate list (TP_Ozel_Oran_SK_Liste) with the values on the form, saved or not,
/// and says in plain words what happened.
/// </summary>
public class ConnectionTester
{
    #region Fields

    protected readonly ILocalizationService _localizationService;
    protected readonly ParamCallRunner _callRunner;
    protected readonly ParamPosMessages _messages;

    #endregion

    #region Ctor

    public ConnectionTester(ILocalizationService localizationService,
        ParamCallRunner callRunner,
        ParamPosMessages messages)
    {
        _localizationService = localizationService;
        _callRunner = callRunner;
        _messages = messages;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Tests settings against Param
    /// </summary>
    /// <param name="settings">The settings to test (not saved)</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the outcome</returns>
    public virtual async Task<ConnectionTestModel> TestAsync(ParamPosSettings saved, ConfigurationModel posted)
    {
        // The form as typed, over what is saved (an empty password or GUID field means the stored one).
        var settings = ParamPosSettings.CopyOf(saved);
        ConfigurationModelMapper.Apply(posted, settings);
        if (ConfigurationValidator.EndpointProblem(posted) is { } endpointProblem)
            return Failure(await _localizationService.GetPluginResourceAsync(endpointProblem));
        if (!ParamCallRunner.Credentials(settings).IsComplete)
            return Failure(await _localizationService.GetPluginResourceAsync("Connection.MissingCredentials"));

        // A stored password or GUID is only ever sent to the service it was saved for: testing another one needs them typed.
        var usesStoredSecret = (string.IsNullOrEmpty(posted.ClientPassword) && !string.IsNullOrEmpty(saved.ClientPassword))
            || (string.IsNullOrWhiteSpace(posted.Guid) && !string.IsNullOrEmpty(saved.Guid));
        if (usesStoredSecret && !SameService(saved, settings))
            return Failure(await _localizationService.GetPluginResourceAsync("Connection.StoredSecretsStay"));

        try
        {
            var result = await _callRunner.CallAsync(settings, (client, context) => client.GetInstallmentRatesAsync(context));
            if (result.Error is null)
                return new ConnectionTestModel { Success = true, Message = string.Format(await _localizationService.GetPluginResourceAsync("Connection.Success"), result.Programs.Count) };

            var hint = result.Error.Code switch
            {
                -100 => await _localizationService.GetPluginResourceAsync("Connection.Hint.Account"),
                -101 => await _localizationService.GetPluginResourceAsync("Connection.Hint.Security"),
                -103 or -216 => await _localizationService.GetPluginResourceAsync("Connection.Hint.Guid"),
                -114 => await _localizationService.GetPluginResourceAsync("Connection.Hint.TestAccount"),
                _ => string.Empty
            };

            return Failure(string.Format(await _localizationService.GetPluginResourceAsync("Connection.Refused"), await _messages.ExplainAsync(result.Error), result.Error.Code, result.Error.ParamText, hint).Trim());
        }
        catch (ParamGatewayException exception)
        {
            var key = exception.Kind switch
            {
                ParamFailureKind.Transport => "Connection.Unreachable",
                ParamFailureKind.Timeout => "Connection.Timeout",
                ParamFailureKind.Configuration => "Validation.CustomUrlInvalid",
                _ => "Connection.UnexpectedAnswer"
            };

            return Failure(string.Format(await _localizationService.GetPluginResourceAsync(key), exception.Message));
        }
    }

    #endregion

    #region Utilities

    private static ConnectionTestModel Failure(string message) => new() { Success = false, Message = message };

    private static bool SameService(ParamPosSettings saved, ParamPosSettings tried)
    {
        return ParamCallRunner.EndpointProblem(saved.Environment, saved.CustomServiceUrl) is null
            && ParamCallRunner.ServiceUrl(saved.Environment, saved.CustomServiceUrl) == ParamCallRunner.ServiceUrl(tried.Environment, tried.CustomServiceUrl);
    }

    #endregion
}
