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
public class AdminConfigurationBrowserTests : BrowserTestFixture
{
    protected override (int Width, int Height) Viewport => (1100, 1600);

    [SetUp]
    public Task OpenConfigurePageAsync() => GoToAsync("Admin/PaymentParamPos/Configure");

    private Task<ParamPosSettings> StoredSettingsAsync() => Host.Harness.Settings.LoadSettingAsync<ParamPosSettings>();

    [Test]
    public async Task ConfigurePage_ShowsTheSettings_AndSavesTheOwnersChanges()
    {
        var before = await StoredSettingsAsync();

        (await Page.Locator("label[for=ClientCode]").InnerTextAsync()).Should().Be("CLIENT_CODE (terminal number)");
        (await Page.Locator("#ClientCode").InputValueAsync()).Should().Be("10738");
        (await Page.Locator("#ClientPassword").GetAttributeAsync("type")).Should().Be("password");
        (await Page.Locator("#ClientPassword").InputValueAsync()).Should().BeEmpty("a stored secret is never sent to the browser");
        (await Page.Locator("#ClientPassword").GetAttributeAsync("placeholder")).Should().Be("Stored (hidden). Leave empty to keep it.");
        (await Page.Locator("#PaymentModeId option[value='10']").IsDisabledAsync()).Should().BeFalse("the Paratika hosted payment page can be chosen");
        (await Page.Locator("#parampos-card-paratika #ParatikaSecretKey").GetAttributeAsync("type")).Should().Be("password");
        (await Page.Locator("#parampos-card-paratika #ParatikaMerchantPassword").GetAttributeAsync("type")).Should().Be("password");
        (await Page.Locator("#parampos-rates tbody tr").CountAsync()).Should().Be(12, "one row per installment count");
        (await Page.Locator("#parampos-rates thead th").AllInnerTextsAsync()).Should().HaveCount(8, "the installment column and 7 card programs");
        (await Page.Locator("#parampos-rates .parampos-rates-wrapper").EvaluateAsync<bool>("wrapper => wrapper.scrollWidth <= wrapper.clientWidth"))
            .Should().BeTrue("the rates table fits inside its card, with nothing to scroll sideways");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("admin-configure.png"), FullPage = true });

        await Page.Locator("#MaximumInstallments").FillAsync("6");
        await Page.Locator("#CommissionPayerId").SelectOptionAsync(((int)CommissionPayer.Merchant).ToString());
        await Page.Locator("button[name=save]").ClickAsync();

        await Page.Locator("[data-notification=success]").WaitForAsync();
        (await Page.Locator("[data-notification=success]").InnerTextAsync()).Should().Be("The plugin has been saved.");
        var after = await StoredSettingsAsync();
        after.MaximumInstallments.Should().Be(6);
        after.CommissionPayer.Should().Be(CommissionPayer.Merchant);
        after.ClientPassword.Should().Be(before.ClientPassword, "an empty password field keeps the stored password");
        after.Guid.Should().Be(before.Guid);
        (await Page.Locator("#MaximumInstallments").InputValueAsync()).Should().Be("6");
    }

    [Test]
    public async Task TestConnection_ShowsParamsAnswer_WithoutLeavingOrSaving()
    {
        var address = Page.Url;
        var result = Page.Locator("#parampos-test-connection-result");

        await Page.Locator("#parampos-test-connection").ClickAsync();
        await Expect(result).ToHaveClassAsync("text-success");
        (await result.InnerTextAsync()).Should().Be("Connected: Param accepted the credentials and returned 7 card programs.");

        await Page.Locator("#ClientUsername").FillAsync("Nobody");
        await Page.Locator("#parampos-test-connection").ClickAsync();
        await Expect(result).ToHaveClassAsync("text-danger");
        (await result.InnerTextAsync()).Should().Contain("Param -100");

        Page.Url.Should().Be(address);
        (await StoredSettingsAsync()).ClientUsername.Should().Be("Test", "testing saves nothing");
    }

    [Test]
    public async Task InvalidValues_AreExplainedNextToTheirFields_AndNothingIsSaved()
    {
        var before = await StoredSettingsAsync();

        await Page.Locator("#MaximumInstallments").FillAsync("13");
        await Page.Locator("#Guid").FillAsync("not-a-guid");
        await Page.Locator("button[name=save]").ClickAsync();

        await Expect(Page.Locator("[data-valmsg-for=MaximumInstallments]")).ToHaveTextAsync("Enter a number from 1 to 12.");
        await Expect(Page.Locator("[data-valmsg-for=Guid]")).ToContainTextAsync("36 characters");
        (await Page.Locator("#Guid").InputValueAsync()).Should().BeEmpty("a posted secret is not echoed back");
        (await Page.Locator("[data-notification]").CountAsync()).Should().Be(0);
        (await StoredSettingsAsync()).Should().BeEquivalentTo(before);
    }

    [Test, Category(TestCategories.Paratika)]
    public async Task TestParatikaConnection_AnswersInPlace()
    {
        await Page.Locator("#ParatikaEnvironmentId").SelectOptionAsync("20");
        await Page.Locator("#ParatikaCustomApiUrl").FillAsync(Host.Harness.Sandbox.ParatikaApiUrl.ToString());
        await Page.Locator("#ParatikaMerchant").FillAsync(Host.Harness.Sandbox.ParatikaCredentials.Merchant);
        await Page.Locator("#ParatikaMerchantUser").FillAsync(Host.Harness.Sandbox.ParatikaCredentials.MerchantUser);
        await Page.Locator("#ParatikaMerchantPassword").FillAsync(Host.Harness.Sandbox.ParatikaCredentials.MerchantPassword);
        await Page.Locator("#ParatikaSecretKey").FillAsync(Host.Harness.Sandbox.ParatikaCredentials.SecretKey);

        await Page.Locator("#parampos-test-paratika").ClickAsync();

        await Expect(Page.Locator("#parampos-test-paratika-result")).ToHaveTextAsync("Paratika accepted the API user. (The secret key is never sent: the first payment's result checks it.)");
        await Expect(Page.Locator("#parampos-test-paratika-result")).ToHaveClassAsync("text-success");
        (await Page.Locator("#parampos-test-connection-result").InnerTextAsync()).Should().BeEmpty("only the Paratika test answered");
    }
}
