using Nop.Core.Domain.Localization;

namespace Nop.Services.Localization;

public partial interface ILanguageService
{
    Task<IList<Language>> GetAllLanguagesAsync(bool showHidden = false, int storeId = 0);

    Task<Language> GetLanguageByIdAsync(int languageId);
}
