using Moq;
using Nop.Core;
using Nop.Core.Domain.Directory;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>
/// Builds the payment method for tests of its own behaviour (install, flags), with mocks for what a test does not
/// care about. Checkout flows use <see cref="CheckoutHarness"/> instead.
/// </summary>
public static class PluginFactory
{
    public static ParamPosPaymentMethod Create(ISettingService settingService = null,
        ILocalizationService localizationService = null,
        ILanguageService languageService = null,
        IWebHelper webHelper = null,
        IScheduleTaskService scheduleTaskService = null,
        string primaryCurrency = "TRY",
        ParamPosSettings settings = null)
    {
        var shop = new FakeShop { PrimaryCurrencyCode = primaryCurrency, StoreLocation = "https://shop.example/" };
        if (localizationService is null)
        {
            var english = new InMemoryLocalizationService(1);
            english.AddOrUpdateLocaleResourceAsync(new Dictionary<string, string>(ParamPosLocaleResources.English), 1).GetAwaiter().GetResult();
            localizationService = english;
        }

        // Enough of the capture and void service to refuse an order of another payment method.
        var authorizationService = new AuthorizationService(localizationService, logger: null, ledgerLoader: null, orderPaymentUpdater: null, callRunner: null, messages: null, ledger: null);

        return new ParamPosPaymentMethod(authorizationService,
            checkoutPaymentService: null,
            languageService ?? Mock.Of<ILanguageService>(),
            localizationService,
            scheduleTaskService ?? shop,
            settingService ?? Mock.Of<ISettingService>(),
            webHelper ?? shop,
            settings ?? ParamPosPaymentMethod.CreateDefaultSettings(),
            payAgainService: null,
            new PaymentAvailability(new CurrencySettings { PrimaryStoreCurrencyId = 1 }, shop, shop),
            refundService: null);
    }
}
