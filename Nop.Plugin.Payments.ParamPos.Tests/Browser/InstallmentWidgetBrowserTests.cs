using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// The installment table widget in Chromium: on the test store's product page (the zone the store chose) and in its
/// cart, following the price when an attribute changes it (nopCommerce's jQuery event), without a call to Param.
/// </summary>
[TestFixture, Category(TestCategories.Browser), Category(TestCategories.Widget)]
public class InstallmentWidgetBrowserTests : BrowserTestFixture
{
    protected override Action<ParamPosSettings> Settings => settings =>
    {
        settings.InstallmentWidgetZone = "productdetails_overview_bottom";
        settings.InstallmentWidgetInCart = true;
    };

    protected override (int Width, int Height) Viewport => (900, 1300);

    [SetUp]
    public async Task StockAsync()
    {
        Host.Harness.Catalog.AddPricedProduct(42, "Kablosuz kulaklık", 1250m, new Dictionary<string, decimal> { ["Standart"] = 0m, ["Pro"] = 250m });
        await Host.Harness.InScopeAsync(services => services.GetRequiredService<InstallmentRateService>().GetRatesAsync(Host.Harness.PluginSettings));
    }

    [Test]
    public async Task TheProductPage_ShowsTheTable_AndChoosingAnAttributeUpdatesIt()
    {
        var callsBefore = await Host.Harness.Sandbox.CallCountsAsync();

        await GoToAsync("product/42");

        var widget = Page.Locator("[data-parampos-widget]");
        await Expect(widget.Locator("h2")).ToHaveTextAsync("Installment options");
        await Expect(widget.Locator("[data-parampos-widget-amount]")).ToContainTextAsync("1,250.00");
        var axess = widget.Locator("[data-parampos-family='1014']");
        await Expect(axess.Locator("summary")).ToHaveTextAsync("Axess up to 6 installments");
        await Expect(axess.Locator("table")).ToBeHiddenAsync();
        await axess.Locator("summary").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(axess.Locator("table")).ToBeVisibleAsync();
        await Expect(axess.Locator("caption")).ToHaveTextAsync("Axess");
        await Expect(axess.Locator("tbody tr")).ToHaveCountAsync(4);
        await Expect(axess.Locator("tbody tr[data-installments='3'] td").Last).ToHaveTextAsync("1,301.25 TRY");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("widget-product-page.png"), FullPage = true });

        await Page.Locator("#product_attribute_1").SelectOptionAsync("Pro");

        await Expect(Page.Locator("#product-price")).ToHaveTextAsync("1.500,00 TL");
        await Expect(widget.Locator("[data-parampos-widget-amount]")).ToContainTextAsync("1,500.00");
        await Expect(axess.Locator("tbody tr[data-installments='3'] td").Last).ToHaveTextAsync("1,561.50 TRY");
        // Keyboard and screen readers: real tables with captions and header cells.
        (await widget.Locator("table th[scope='col']").CountAsync()).Should().BeGreaterThan(0);
        (await Host.Harness.Sandbox.CallCountsAsync()).Should().Equal(callsBefore, "the page and its update were served from the cached rates");
    }

    [Test]
    public async Task TheCart_ShowsTheTableOfItsTotal()
    {
        await GoToAsync("cart");

        var widget = Page.Locator("[data-parampos-widget]");
        await Expect(widget.Locator("[data-parampos-widget-amount]")).ToContainTextAsync("100.00");
        await Expect(widget.Locator("[data-parampos-family='1014'] tbody tr[data-installments='1'] td").Last).ToHaveTextAsync("101.75 TRY");
        await Page.Locator(".shopping-cart-page").ScreenshotAsync(new LocatorScreenshotOptions { Path = RepositoryPaths.Screenshot("widget-cart.png") });
    }
}
