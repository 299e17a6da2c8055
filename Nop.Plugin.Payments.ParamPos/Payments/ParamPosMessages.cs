using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Explains Param's errors and 3-D statuses to shoppers and admins with the store's locale resources (seeded in English
/// and Turkish from <see cref="ParamErrorCatalog"/>, editable by the store owner). Only for requests with a working
/// language: never in the bank's callback.
/// </summary>
public class ParamPosMessages
{
    #region Fields

    protected readonly ILocalizationService _localizationService;

    #endregion

    #region Ctor

    public ParamPosMessages(ILocalizationService localizationService)
    {
        _localizationService = localizationService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets a plain-language explanation of a Param error
    /// </summary>
    public virtual async Task<string> ExplainAsync(ParamError error)
    {
        var key = ParamErrorCatalog.KeyFor(error);
        if (key is not null)
            return await _localizationService.GetPluginResourceAsync(key);

        return string.Format(await _localizationService.GetPluginResourceAsync("Param.Unknown"), error.Code, error.ParamText);
    }

    /// <summary>
    /// Gets a plain-language explanation of a 3D Secure mdStatus
    /// </summary>
    public virtual async Task<string> ExplainMdStatusAsync(string mdStatus)
    {
        var key = ParamErrorCatalog.KeyForMdStatus(mdStatus);

        return key is null ? string.Format(await _localizationService.GetPluginResourceAsync("Param.MdStatusUnknown"), mdStatus) : await _localizationService.GetPluginResourceAsync(key);
    }

    /// <summary>
    /// Gets the explanation of a decline recorded on an order ("mdStatus=0", "sonuc=-1,bank=51"), or null
    /// </summary>
    public virtual async Task<string> ExplainRecordedDeclineAsync(string reason)
    {
        if (string.IsNullOrEmpty(reason))
            return null;
        if (reason.StartsWith("mdStatus=", StringComparison.Ordinal))
            return await ExplainMdStatusAsync(reason["mdStatus=".Length..]);
        if (reason.StartsWith("paratika=", StringComparison.Ordinal))
            return await ExplainParatikaDeclineAsync(reason.Split(',').ElementAtOrDefault(1));
        if (!reason.StartsWith("sonuc=", StringComparison.Ordinal))
            return null;

        var parts = reason.Split(',').Select(part => part.Split('=')).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1]);
        var code = int.TryParse(parts.GetValueOrDefault("sonuc"), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var sonuc) ? sonuc : -1;
        var bank = parts.GetValueOrDefault("bank");

        return await ExplainAsync(ParamError.FromResult(code, null, bank is null or "0" or "-1" ? null : bank));
    }

    /// <summary>
    /// Explains why Paratika's page did not take the payment: a bank's answer (ERR200xx carries the bank's code) as the
    /// bank's, anything else (cancelled, 3-D Secure failed) in general words with Paratika's code
    /// </summary>
    protected virtual async Task<string> ExplainParatikaDeclineAsync(string errorCode)
    {
        if (errorCode is { Length: 8 } && errorCode.StartsWith("ERR200", StringComparison.Ordinal))
            return await ExplainAsync(ParamError.FromResult(-1, null, errorCode[6..]));

        return string.Format(await _localizationService.GetPluginResourceAsync("Result.ParatikaNotCompleted"), errorCode is null or "-" ? "-" : errorCode);
    }

    #endregion
}
