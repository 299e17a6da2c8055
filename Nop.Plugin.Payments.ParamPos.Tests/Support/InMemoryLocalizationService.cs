using Nop.Services.Localization;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>
/// A locale-resource store that behaves like nopCommerce's: names are stored lower-cased per language,
/// prefix deletion is case-insensitive, a missing resource reads back as its key.
/// </summary>
public sealed class InMemoryLocalizationService : ILocalizationService
{
    private readonly IReadOnlyList<int> _languageIds;

    public InMemoryLocalizationService(params int[] languageIds)
    {
        _languageIds = languageIds;
    }

    /// <summary>Resources per (language id, lower-cased name).</summary>
    public Dictionary<(int LanguageId, string Name), string> Resources { get; } = new();

    /// <summary>The language GetResourceAsync reads from.</summary>
    public int WorkingLanguageId { get; set; } = 1;

    public Task<string> GetResourceAsync(string resourceKey)
    {
        return Task.FromResult(Resources.TryGetValue((WorkingLanguageId, resourceKey.Trim().ToLowerInvariant()), out var value) ? value : resourceKey);
    }

    public Task<string> GetResourceAsync(string resourceKey, int languageId, bool logIfNotFound = true, string defaultValue = "", bool returnEmptyIfNotFound = false)
    {
        if (Resources.TryGetValue((languageId, resourceKey.Trim().ToLowerInvariant()), out var value))
            return Task.FromResult(value);

        return Task.FromResult(!string.IsNullOrEmpty(defaultValue) ? defaultValue : returnEmptyIfNotFound ? string.Empty : resourceKey);
    }

    public Task AddOrUpdateLocaleResourceAsync(IDictionary<string, string> resources, int? languageId = null)
    {
        foreach (var id in languageId.HasValue ? new[] { languageId.Value } : _languageIds)
        {
            foreach (var (name, value) in resources)
                Resources[(id, name.Trim().ToLowerInvariant())] = value;
        }

        return Task.CompletedTask;
    }

    public Task DeleteLocaleResourcesAsync(string resourceNamePrefix, int? languageId = null)
    {
        var doomed = Resources.Keys
            .Where(key => (!languageId.HasValue || key.LanguageId == languageId.Value)
                && key.Name.StartsWith(resourceNamePrefix, StringComparison.InvariantCultureIgnoreCase))
            .ToList();
        foreach (var key in doomed)
            Resources.Remove(key);

        return Task.CompletedTask;
    }
}
