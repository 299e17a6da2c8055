namespace Nop.Plugin.Payments.ParamPos.Localization;

/// <summary>
/// Every text the shopper or the admin sees, in English and Turkish. Installed per language by culture name
/// (a language whose culture is tr-* gets Turkish, every other language English) and removed on uninstall.
/// </summary>
public static partial class ParamPosLocaleResources
{
    /// <summary>
    /// Gets the resources for a language culture (e.g. "tr-TR", "en-US")
    /// </summary>
    /// <param name="languageCulture">Language culture of a nopCommerce language</param>
    /// <returns>The Turkish set for Turkish cultures, otherwise the English set</returns>
    public static IReadOnlyDictionary<string, string> ForCulture(string languageCulture)
    {
        var isTurkish = languageCulture is not null
            && (languageCulture.Equals("tr", StringComparison.OrdinalIgnoreCase) || languageCulture.StartsWith("tr-", StringComparison.OrdinalIgnoreCase));

        return isTurkish ? Turkish : English;
    }

    /// <summary>
    /// Gets the English resources
    /// </summary>
    public static IReadOnlyDictionary<string, string> English => LazyEnglish.Value;

    /// <summary>
    /// Gets the Turkish resources
    /// </summary>
    public static IReadOnlyDictionary<string, string> Turkish => LazyTurkish.Value;

    // Lazy: the text table lives in another part of this partial class, whose static initializers run in file order.
    private static readonly Lazy<Dictionary<string, string>> LazyEnglish = new(() => Build(Texts, turkish: false));
    private static readonly Lazy<Dictionary<string, string>> LazyTurkish = new(() => Build(Texts, turkish: true));

    private static Dictionary<string, string> Build(IEnumerable<(string Key, string English, string Turkish)> texts, bool turkish)
    {
        // Param's result, bank and mdStatus texts come from the gateway's catalog, so they are written once.
        var catalog = ParamErrorCatalog.Texts().Select(text => (ParamPosDefaults.LocalePrefix + text.Key, text.English, text.Turkish));

        var resources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, english, turkishText) in texts.Concat(catalog))
            resources.Add(key, turkish ? turkishText : english);

        return resources;
    }
}
