using Moq;
using Nop.Core;
using Nop.Services.Configuration;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>
/// Builds the payment method with loose mocks for every dependency a test does not care about.
/// </summary>
public static class PluginFactory
{
    public static ParamPosPaymentMethod Create(ISettingService settingService = null,
        ILocalizationService localizationService = null,
        ILanguageService languageService = null,
        IWebHelper webHelper = null)
    {
        return new ParamPosPaymentMethod(languageService ?? Mock.Of<ILanguageService>(),
            localizationService ?? new InMemoryLocalizationService(1),
            settingService ?? Mock.Of<ISettingService>(),
            webHelper ?? Mock.Of<IWebHelper>(helper => helper.GetStoreLocation(null) == "https://shop.example/"));
    }
}
