namespace Nop.Services.Localization;

public partial interface ILocalizationService
{
    Task<string> GetResourceAsync(string resourceKey);

    Task<string> GetResourceAsync(string resourceKey, int languageId,
        bool logIfNotFound = true, string defaultValue = "", bool returnEmptyIfNotFound = false);

    Task AddOrUpdateLocaleResourceAsync(IDictionary<string, string> resources, int? languageId = null);

    Task DeleteLocaleResourcesAsync(string resourceNamePrefix, int? languageId = null);
}
