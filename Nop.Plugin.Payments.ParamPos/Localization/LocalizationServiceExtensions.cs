using System.Collections.Concurrent;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.ParamPos.Localization;

/// <summary>
/// Reads the plugin's own locale resources by their key without the "Plugins.Payments.ParamPos." prefix
/// </summary>
public static class LocalizationServiceExtensions
{
    // The plugin's keys are a fixed set of constants: each full key is built once, not on every text shown.
    private static readonly ConcurrentDictionary<string, string> FullKeys = new(StringComparer.Ordinal);

    public static Task<string> GetPluginResourceAsync(this ILocalizationService localizationService, string key)
    {
        return localizationService.GetResourceAsync(FullKey(key));
    }

    public static Task<string> GetPluginResourceAsync(this ILocalizationService localizationService, string key, int languageId)
    {
        return localizationService.GetResourceAsync(FullKey(key), languageId);
    }

    private static string FullKey(string key)
    {
        return FullKeys.TryGetValue(key, out var full) ? full
            : FullKeys.Count < 4096 ? FullKeys.GetOrAdd(key, static plugin => ParamPosDefaults.LocalePrefix + plugin)
            : ParamPosDefaults.LocalePrefix + key;
    }

    public static async Task<IList<string>> GetPluginResourcesAsync(this ILocalizationService localizationService, IEnumerable<string> keys)
    {
        var texts = new List<string>();
        foreach (var key in keys)
            texts.Add(await localizationService.GetPluginResourceAsync(key));

        return texts;
    }
}
