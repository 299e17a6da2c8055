using FluentAssertions;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Localization;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit;

[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Admin)]
public class PluginInstallTests
{
    private const int ENGLISH = 1;
    private const int TURKISH = 2;
    private const int GERMAN = 3;

    private Mock<ISettingService> _settingService;
    private InMemoryLocalizationService _localizationService;
    private Support.NopFakes.FakeShop _scheduleTasks;
    private ParamPosPaymentMethod _plugin;

    [SetUp]
    public void SetUp()
    {
        _settingService = new Mock<ISettingService>();
        _localizationService = new InMemoryLocalizationService(ENGLISH, TURKISH, GERMAN);

        var languageService = new Mock<ILanguageService>();
        languageService.Setup(service => service.GetAllLanguagesAsync(true, 0)).ReturnsAsync(new List<Language>
        {
            new() { Id = ENGLISH, LanguageCulture = "en-US", Name = "English" },
            new() { Id = TURKISH, LanguageCulture = "tr-TR", Name = "Türkçe" },
            new() { Id = GERMAN, LanguageCulture = "de-DE", Name = "Deutsch" }
        });

        _scheduleTasks = new Support.NopFakes.FakeShop();
        _plugin = PluginFactory.Create(settingService: _settingService.Object, localizationService: _localizationService, languageService: languageService.Object, scheduleTaskService: _scheduleTasks);
    }

    [Test, Category(TestCategories.Widget)]
    public async Task InstallAsync_MakesThePluginAnActiveWidget_UninstallAsync_RemovesIt_AndItOffersItsZones()
    {
        var widgets = new Nop.Core.Domain.Cms.WidgetSettings();
        widgets.ActiveWidgetSystemNames.Add("Widgets.NivoSlider");
        _settingService.Setup(service => service.LoadSettingAsync<Nop.Core.Domain.Cms.WidgetSettings>(0)).ReturnsAsync(widgets);

        await _plugin.InstallAsync();
        widgets.ActiveWidgetSystemNames.Should().Equal("Widgets.NivoSlider", ParamPosDefaults.SystemName);
        await _plugin.UpdateAsync("1.3.0", "1.4.0");
        widgets.ActiveWidgetSystemNames.Should().Equal("Widgets.NivoSlider", ParamPosDefaults.SystemName);

        (await _plugin.GetWidgetZonesAsync()).Should().Contain(["productdetails_overview_bottom", "product_price_bottom", "order_summary_content_after"]);
        _plugin.GetWidgetViewComponent("product_price_bottom").Should().Be(typeof(Components.ParamPosInstallmentWidgetViewComponent));
        _plugin.HideInWidgetList.Should().BeTrue("it is placed on its own configuration page");

        await _plugin.UninstallAsync();
        widgets.ActiveWidgetSystemNames.Should().Equal("Widgets.NivoSlider");
    }

    [Test]
    public async Task InstallAsync_SavesDefaultSettingsWithoutCredentials()
    {
        ParamPosSettings saved = null;
        _settingService.Setup(service => service.SaveSettingAsync(It.IsAny<ParamPosSettings>(), 0))
            .Callback<ParamPosSettings, int>((settings, _) => saved = settings)
            .Returns(Task.CompletedTask);

        await _plugin.InstallAsync();

        saved.Should().NotBeNull();
        saved.Environment.Should().Be(ParamEnvironment.Test);
        saved.ClientCode.Should().BeEmpty();
        saved.ClientUsername.Should().BeEmpty();
        saved.ClientPassword.Should().BeEmpty();
        saved.Guid.Should().BeEmpty();
        saved.CustomServiceUrl.Should().StartWith("http://127.0.0.1:");
        saved.CommissionPayer.Should().Be(CommissionPayer.Customer);
        saved.AcceptedMdStatuses.Should().Be("1");
        saved.MaximumInstallments.Should().Be(12);
    }

    [Test]
    public async Task InstallAsync_AddsResourcesByCulture()
    {
        await _plugin.InstallAsync();

        var key = "Plugins.Payments.ParamPos.PaymentMethodDescription";
        _localizationService.WorkingLanguageId = ENGLISH;
        (await _localizationService.GetResourceAsync(key)).Should().Be(ParamPosLocaleResources.English[key]);
        _localizationService.WorkingLanguageId = TURKISH;
        (await _localizationService.GetResourceAsync(key)).Should().Be(ParamPosLocaleResources.Turkish[key]).And.Contain("ödeyin");
        _localizationService.WorkingLanguageId = GERMAN;
        (await _localizationService.GetResourceAsync(key)).Should().Be(ParamPosLocaleResources.English[key], "languages without a translation get English");

        _localizationService.Resources.Should().HaveCount(3 * ParamPosLocaleResources.English.Count);
    }

    [Test]
    public async Task InstallAsync_NamesThePluginInEachLanguage()
    {
        await _plugin.InstallAsync();

        // nopCommerce shows a plugin's name from "Plugins.FriendlyName.<system name>", else plugin.json's FriendlyName.
        const string key = "Plugins.FriendlyName.Payments.ParamPos";
        _localizationService.Resources[(ENGLISH, key.ToLowerInvariant())].Should().Be("ParamPOS (credit card, installments, 3D Secure)");
        _localizationService.Resources[(TURKISH, key.ToLowerInvariant())].Should().Be("ParamPOS (kredi kartı, taksit, 3D Secure)");
        _localizationService.Resources[(GERMAN, key.ToLowerInvariant())].Should().Be("ParamPOS (credit card, installments, 3D Secure)");
        var pluginJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "plugin.json")));
        pluginJson.RootElement.GetProperty("FriendlyName").GetString().Should().Be(ParamPosLocaleResources.English[key], "before install the store shows plugin.json's name: English");
    }

    [Test]
    public async Task UpdateAsync_BringsTextsAddedSinceTheInstalledVersion()
    {
        await _plugin.InstallAsync();
        const string added = "plugins.payments.paramPos.checkout.feenote";
        _localizationService.Resources.Remove((ENGLISH, added.ToLowerInvariant()));
        _localizationService.Resources.Remove((TURKISH, added.ToLowerInvariant()));

        await _plugin.UpdateAsync("1.0.0", "1.1.0");

        _localizationService.Resources[(ENGLISH, added.ToLowerInvariant())].Should().Contain("payment method fee");
        _localizationService.Resources[(TURKISH, added.ToLowerInvariant())].Should().Contain("ödeme yöntemi ücreti");
        _localizationService.Resources.Should().HaveCount(3 * ParamPosLocaleResources.English.Count);
    }

    [Test]
    public async Task InstallAsync_AddsTheThreeTasksOnce()
    {
        await _plugin.InstallAsync();
        await _plugin.InstallAsync();

        _scheduleTasks.Tasks.Should().HaveCount(3);
        var pending = _scheduleTasks.Tasks.Single(task => task.Seconds == 300);
        pending.Type.Should().Be("Nop.Plugin.Payments.ParamPos.Payments.ReconciliationTask");
        Type.GetType(pending.Type + ", Nop.Plugin.Payments.ParamPos").Should().Be(typeof(Payments.ReconciliationTask), "nopCommerce's task runner finds the type by this name");
        var daily = _scheduleTasks.Tasks.Single(task => task.Seconds == 3600);
        Type.GetType(daily.Type + ", Nop.Plugin.Payments.ParamPos").Should().Be(typeof(Payments.DailyReconciliationTask));
        var retry = _scheduleTasks.Tasks.Single(task => task.Seconds == 600);
        Type.GetType(retry.Type + ", Nop.Plugin.Payments.ParamPos").Should().Be(typeof(Payments.MarketplaceRetryTask));
        _scheduleTasks.Tasks.Should().OnlyContain(task => task.Enabled && !task.StopOnError);
    }

    [Test, Category(TestCategories.Reconciliation)]
    public async Task UpdateAsync_AddsTheDailyCheckToAStoreThatHasOnlyThePendingTask()
    {
        await _plugin.InstallAsync();
        _scheduleTasks.Tasks.RemoveAll(task => task.Seconds == 3600);

        await _plugin.UpdateAsync("1.1.0", "1.2.0");
        await _plugin.UpdateAsync("1.1.0", "1.2.0");

        _scheduleTasks.Tasks.Select(task => task.Type).Should().BeEquivalentTo(
            "Nop.Plugin.Payments.ParamPos.Payments.ReconciliationTask", "Nop.Plugin.Payments.ParamPos.Payments.DailyReconciliationTask",
            "Nop.Plugin.Payments.ParamPos.Payments.MarketplaceRetryTask");
    }

    [Test]
    public async Task UninstallAsync_RemovesSettingsAndEveryResource()
    {
        await _localizationService.AddOrUpdateLocaleResourceAsync(new Dictionary<string, string> { ["Admin.Unrelated"] = "stays" });
        await _plugin.InstallAsync();

        await _plugin.UninstallAsync();

        _settingService.Verify(service => service.DeleteSettingAsync<ParamPosSettings>(), Times.Once);
        _scheduleTasks.Tasks.Should().BeEmpty();
        _localizationService.Resources.Keys.Select(key => key.Name).Should().OnlyContain(name => name == "admin.unrelated");
    }

    [Test]
    public void ForCulture_PicksTurkishOnlyForTurkishCultures()
    {
        ParamPosLocaleResources.ForCulture("tr-TR").Should().BeSameAs(ParamPosLocaleResources.Turkish);
        ParamPosLocaleResources.ForCulture("tr").Should().BeSameAs(ParamPosLocaleResources.Turkish);
        ParamPosLocaleResources.ForCulture("en-US").Should().BeSameAs(ParamPosLocaleResources.English);
        ParamPosLocaleResources.ForCulture("tt-RU").Should().BeSameAs(ParamPosLocaleResources.English);
        ParamPosLocaleResources.ForCulture(null).Should().BeSameAs(ParamPosLocaleResources.English);
    }
}
