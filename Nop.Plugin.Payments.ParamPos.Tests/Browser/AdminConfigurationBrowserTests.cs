using FluentAssertions;
using Microsoft.Playwright;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Tests.Browser.Host;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// The configuration page as a store owner uses it in Chromium: the plugin's Configure.cshtml compiled at run time and
/// rendered through stand-ins for nopCommerce's admin tag helpers and layout (<see cref="NopLabelStandIn"/>), posted
/// back through the plugin's admin controller with antiforgery, "Test connection" answered by the sandbox.
/// </summary>
[TestFixture, Category(TestCategories.Browser), Category(TestCategories.Admin)]
public class AdminConfigurationBrowserTests
{
    private CheckoutTestHost _host;
    private ChromiumSession _chromium;
    private IPage _page;

    [OneTimeSetUp]
    public async Task LaunchAsync()
    {
        _chromium = await ChromiumSession.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        if (_chromium is not null)
            await _chromium.DisposeAsync();
    }

    [SetUp]
    public async Task StartAsync()
    {
        _host = await CheckoutTestHost.StartAsync();
        _page = await _chromium.NewPageAsync(width: 1100, height: 1600);
        await _page.GotoAsync(new Uri(_host.BaseUrl, "Admin/PaymentParamPos/Configure").ToString());
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _page.Context.CloseAsync();
        await _host.DisposeAsync();
    }

    private Task<ParamPosSettings> StoredSettingsAsync() => _host.Harness.Settings.LoadSettingAsync<ParamPosSettings>();

    [Test]
    public async Task ConfigurePage_ShowsTheSettings_AndSavesTheOwnersChanges()
    {
        var before = await StoredSettingsAsync();

        (await _page.Locator("label[for=ClientCode]").InnerTextAsync()).Should().Be("CLIENT_CODE (terminal number)");
        (await _page.Locator("#ClientCode").InputValueAsync()).Should().Be("10738");
        (await _page.Locator("#ClientPassword").GetAttributeAsync("type")).Should().Be("password");
        (await _page.Locator("#ClientPassword").InputValueAsync()).Should().BeEmpty("a stored secret is never sent to the browser");
        (await _page.Locator("#ClientPassword").GetAttributeAsync("placeholder")).Should().Be("Stored (hidden). Leave empty to keep it.");
        (await _page.Locator("#PaymentModeId option[value='10']").IsDisabledAsync()).Should().BeTrue("Paratika is not built");
        (await _page.Locator("#parampos-rates tbody tr").CountAsync()).Should().BeGreaterThan(1);
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("admin-configure.png"), FullPage = true });

        await _page.Locator("#MaximumInstallments").FillAsync("6");
        await _page.Locator("#CommissionPayerId").SelectOptionAsync(((int)CommissionPayer.Merchant).ToString());
        await _page.Locator("button[name=save]").ClickAsync();

        await _page.Locator("[data-notification=success]").WaitForAsync();
        (await _page.Locator("[data-notification=success]").InnerTextAsync()).Should().Be("The plugin has been saved.");
        var after = await StoredSettingsAsync();
        after.MaximumInstallments.Should().Be(6);
        after.CommissionPayer.Should().Be(CommissionPayer.Merchant);
        after.ClientPassword.Should().Be(before.ClientPassword, "an empty password field keeps the stored password");
        after.Guid.Should().Be(before.Guid);
        (await _page.Locator("#MaximumInstallments").InputValueAsync()).Should().Be("6");
    }

    [Test]
    public async Task TestConnection_ShowsParamsAnswer_WithoutLeavingOrSaving()
    {
        var address = _page.Url;
        var result = _page.Locator("#parampos-test-connection-result");

        await _page.Locator("#parampos-test-connection").ClickAsync();
        await Assertions.Expect(result).ToHaveClassAsync("text-success");
        (await result.InnerTextAsync()).Should().Be("Connected: Param accepted the credentials and returned 7 card programs.");

        await _page.Locator("#ClientUsername").FillAsync("Nobody");
        await _page.Locator("#parampos-test-connection").ClickAsync();
        await Assertions.Expect(result).ToHaveClassAsync("text-danger");
        (await result.InnerTextAsync()).Should().Contain("Param -100");

        _page.Url.Should().Be(address);
        (await StoredSettingsAsync()).ClientUsername.Should().Be("Test", "testing saves nothing");
    }

    [Test]
    public async Task InvalidValues_AreExplainedNextToTheirFields_AndNothingIsSaved()
    {
        var before = await StoredSettingsAsync();

        await _page.Locator("#MaximumInstallments").FillAsync("13");
        await _page.Locator("#Guid").FillAsync("not-a-guid");
        await _page.Locator("button[name=save]").ClickAsync();

        await Assertions.Expect(_page.Locator("[data-valmsg-for=MaximumInstallments]")).ToHaveTextAsync("Enter a number from 1 to 12.");
        await Assertions.Expect(_page.Locator("[data-valmsg-for=Guid]")).ToContainTextAsync("36 characters");
        (await _page.Locator("#Guid").InputValueAsync()).Should().BeEmpty("a posted secret is not echoed back");
        (await _page.Locator("[data-notification]").CountAsync()).Should().Be(0);
        (await StoredSettingsAsync()).Should().BeEquivalentTo(before);
    }
}
