using Nop.Services.Localization;

namespace Nop.Plugin.Payments.ParamPos.Localization;

/// <summary>
/// Reads the plugin's own locale resources by their key without the "Plugins.Payments.ParamPos." prefix
/// </summary>
public static class LocalizationServiceExtensions
{
    public static Task<string> GetPluginResourceAsync(this ILocalizationService localizationService, string key)
    {
        return localizationService.GetResourceAsync(ParamPosDefaults.LocalePrefix + key);
    }

    public static Task<string> GetPluginResourceAsync(this ILocalizationService localizationService, string key, int languageId)
    {
        return localizationService.GetResourceAsync(ParamPosDefaults.LocalePrefix + key, languageId);
    }

    public static async Task<IList<string>> GetPluginResourcesAsync(this ILocalizationService localizationService, IEnumerable<string> keys)
    {
        var texts = new List<string>();
        foreach (var key in keys)
            texts.Add(await localizationService.GetPluginResourceAsync(key));

        return texts;
    }
}
