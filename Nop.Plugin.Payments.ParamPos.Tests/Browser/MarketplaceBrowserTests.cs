using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// The vendor page's "Param marketplace seller" block in Chromium: a store owner fills a company's data inside the
/// vendor form and registers it at the sandbox's marketplace service; a wrong IBAN is explained and nothing is sent.
/// </summary>
[TestFixture, Category(TestCategories.Browser), Category(TestCategories.Marketplace)]
public class MarketplaceBrowserTests : BrowserTestFixture
{
    protected override Action<ParamPosSettings> Settings => settings =>
    {
        settings.PaymentModel = PaymentModel.ThreeDPay;
        settings.MarketplaceMode = true;
        settings.MarketplaceGuid = "0c13d406-873b-403b-9c09-a5766840d98c";
    };

    [Test]
    public async Task TheVendorsSellerBlock_RegistersTheVendorAtParam()
    {
        await GoToAsync("Admin/Vendor/Edit/21");
        var block = Page.Locator("#parampos-marketplace-seller");
        await Expect(block.Locator("#parampos-seller-status")).ToContainTextAsync("Not registered");

        await Page.Locator("#parampos-seller-type").SelectOptionAsync("3");
        foreach (var (field, value) in new[]
        {
            ("Name", "Yılmaz Ticaret"), ("IdentityNumber", "4840847211"), ("Mobile", "0532 123 45 67"), ("Iban", "TR33 0006 1005 1978 6457 8413 27"),
            ("IbanHolder", "Yılmaz Ticaret Ltd. Şti."), ("Province", "34"), ("District", "1421"), ("TaxOffice", "Kadıköy"), ("AuthorisedPersonIdentity", "10000000146")
        })
            await Page.Locator($"#parampos-seller-{field}").FillAsync(value);
        await Page.Locator("#parampos-seller-AuthorisedPersonBirthDate").FillAsync("1980-01-02");
        await Page.Locator("#parampos-seller-save").ClickAsync();

        await Expect(Page.Locator("[data-notification='error']")).ToContainTextAsync("IBAN");
        (await Host.Harness.Sandbox.CallCountsAsync()).Should().NotContainKey("Pazaryeri_TP_AltUyeIsyeri_Ekleme");

        await Page.Locator("#parampos-seller-type").SelectOptionAsync("3");
        foreach (var (field, value) in new[]
        {
            ("Name", "Yılmaz Ticaret"), ("IdentityNumber", "4840847211"), ("Mobile", "0532 123 45 67"), ("Iban", "TR33 0006 1005 1978 6457 8413 26"),
            ("IbanHolder", "Yılmaz Ticaret Ltd. Şti."), ("Province", "34"), ("District", "1421"), ("TaxOffice", "Kadıköy"), ("AuthorisedPersonIdentity", "10000000146")
        })
            await Page.Locator($"#parampos-seller-{field}").FillAsync(value);
        await Page.Locator("#parampos-seller-AuthorisedPersonBirthDate").FillAsync("1980-01-02");
        await Page.Locator("#parampos-seller-save").ClickAsync();

        await Expect(Page.Locator("[data-notification='success']")).ToContainTextAsync("saved at Param");
        await Expect(block.Locator("#parampos-seller-status")).ToContainTextAsync("*******211");
        await Expect(Page.Locator("#parampos-seller-IdentityNumber")).ToHaveCountAsync(0, new() { Timeout = 5000 });
        await block.ScreenshotAsync(new LocatorScreenshotOptions { Path = RepositoryPaths.Screenshot("admin-marketplace-seller.png") });
        var record = await Host.Harness.InScopeAsync(services => services.GetRequiredService<MarketplaceRecords>().SellerOfVendorAsync(21));
        record.SubMerchantGuid.Should().NotBeNullOrEmpty();
    }
}
