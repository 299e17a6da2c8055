using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// Marketplace mode in Chromium: a shopper's checkout to a paid order whose vendor shares are declared; the vendor page's
/// "Param marketplace seller" block, where a store owner fills a company's data inside the vendor form and registers it
/// at the sandbox's marketplace service (a wrong IBAN is explained and nothing is sent); the order page's "Param
/// marketplace" block (a paid order's vendor shares, approved, and a refund from one vendor); the marketplace page.
/// </summary>
[TestFixture, Category(TestCategories.Browser), Category(TestCategories.Marketplace)]
public class MarketplaceBrowserTests : BrowserTestFixture
{
    protected override Action<ParamPosSettings> Settings => settings =>
    {
        settings.PaymentModel = PaymentModel.ThreeDPay;
        settings.MarketplaceMode = true;
        settings.MarketplaceGuid = "0c13d406-873b-403b-9c09-a5766840d98c";
        settings.MarketplaceParamCommissionRate = 1.79m;
        settings.MarketplaceDefaultCommissionRate = 10m;
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

    [Test]
    public async Task AShopperChecksOutAMarketplaceCart_ToAPaidOrder_WhoseSharesAreDeclared()
    {
        var store = await MarketplaceStore.OpenAsync(Host.Harness);
        Host.Harness.Catalog.LinesOfEveryOrder = [(1, 50m), (2, 30m), (3, 20m)];

        await GoToAsync("checkout/paymentinfo");
        await Page.Locator("#parampos-holder").FillAsync("Ayşe Yılmaz");
        await Page.Locator("#parampos-number").PressSequentiallyAsync(TestCards.AKBANK_AXESS);
        await Page.Locator("#parampos-installment-1").CheckAsync();
        await FillExpiryAndCvcAsync();
        await Page.Locator("#payment-info-next").ClickAsync();
        await Page.Locator("#confirm-order").ClickAsync();
        await Expect(Page.Locator("#acs")).ToBeVisibleAsync();
        await ApproveOnTheBanksPageAsync();

        await Expect(Page.Locator("#payment-status")).ToHaveTextAsync("Paid");
        var order = Host.Harness.Orders.All().Single();
        var shares = await store.SharesAsync(order);
        shares.Select(share => share.VendorId).Should().Equal(11, 12, 13);
        shares.Should().OnlyContain(share => share.State == MarketplaceShareState.Declared && share.ShareGuid != null);
        (await store.StatusesAtParamAsync(order)).Should().Equal("0", "0", "0");
    }

    [Test]
    public async Task TheOrderPage_ShowsTheVendorsShares_ApprovesThem_AndRefundsFromOneVendor()
    {
        var store = await MarketplaceStore.OpenAsync(Host.Harness);
        var (order, callback) = await store.OrderAtTheBankAsync();
        await Host.Harness.PostReturnAsync(callback);

        await GoToAsync($"Admin/Order/Edit/{order.Id}");
        var block = Page.Locator("#parampos-marketplace-order");
        await Expect(block.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(block.Locator("tr[data-vendor='12']")).ToContainTextAsync("Satıcı 12");
        await Expect(block.Locator("tr[data-vendor='12']")).ToContainTextAsync("Onay Bekliyor");

        await block.Locator("#parampos-shares-approve").ClickAsync();

        await Expect(Page.Locator("[data-notification='success']")).ToContainTextAsync("3 share(s) approved for payout.");
        await Expect(block.Locator("tr[data-vendor='12']")).ToContainTextAsync("Onaylandı");
        await Expect(block.Locator("#parampos-shares-withdraw")).ToBeVisibleAsync();

        await block.Locator("#parampos-share-amount-12").FillAsync("10,00");
        await block.Locator("#parampos-share-refund-12").ClickAsync();

        await Expect(Page.Locator("[data-notification='success']")).ToContainTextAsync("Refunded from the vendor's share at Param.");
        await Expect(Page.Locator("#admin-payment-status")).ToHaveTextAsync("PartiallyRefunded");
        await Expect(block.Locator("tr[data-vendor='12'] td").Nth(0)).ToHaveTextAsync("19.97");
        await Expect(block.Locator("tr[data-vendor='12'] td").Nth(2)).ToHaveTextAsync("10.00");
        await Expect(block.Locator("tr[data-vendor='11'] td").Nth(2)).ToHaveTextAsync("0.00");
        await block.ScreenshotAsync(new LocatorScreenshotOptions { Path = RepositoryPaths.Screenshot("admin-marketplace-order.png") });
        (await store.LinesAtParamAsync(order)).Single(line => line.ProductAmount == 19.97m).PayableAmount.Should().Be(17.97m);

        await GoToAsync("Admin/ParamPosMarketplace/Index");
        var vendors = Page.Locator("#parampos-marketplace-vendors");
        await Expect(vendors.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(vendors.Locator("tr[data-vendor='12'] td").Nth(1)).ToHaveTextAsync("1 · 17.97");
        await Expect(vendors.Locator("tr[data-vendor='12'] td").Nth(3)).ToHaveTextAsync("1 · 10.00");
        await Expect(vendors.Locator("#parampos-marketplace-totals td").Nth(1)).ToHaveTextAsync("3 · 80.91");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("admin-marketplace-page.png"), FullPage = true });
    }
}
