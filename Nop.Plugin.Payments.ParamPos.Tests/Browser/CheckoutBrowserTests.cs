using FluentAssertions;
using Microsoft.Playwright;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Browser.Host;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// A real Chromium (Debian's, driven by Playwright) pays through the whole 3D Model flow: the card form in a host that
/// stands in for nopCommerce's checkout, the installment table changing with the BIN, the sandbox bank's 3-D page, the
/// cross-site callback, and the completed or failure page. Screenshots go to docs/screenshots.
/// </summary>
[TestFixture, Category(TestCategories.Browser), Category(TestCategories.Checkout)]
public class CheckoutBrowserTests
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
        _page = await _chromium.NewPageAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _page.Context.CloseAsync();
        await _host.DisposeAsync();
    }

    private async Task FillCardAsync(string number)
    {
        await _page.Locator("#parampos-number").FillAsync(string.Empty);
        await _page.Locator("#parampos-number").PressSequentiallyAsync(number);
    }

    private ILocator Rows => _page.Locator("[data-parampos-rows] tr");

    [Test]
    public async Task ThreeInstallments_ThroughTheBanksPage_OrderPaidAtTheRightTotal()
    {
        await _page.GotoAsync(new Uri(_host.BaseUrl, "checkout/paymentinfo").ToString());
        await _page.Locator("#parampos-holder").FillAsync("Ayşe Yılmaz");

        // A Ziraat card: Bankkart Combo offers 1–9 installments.
        await FillCardAsync(TestCards.ZIRAAT_VISA);
        await Expect(Rows).ToHaveCountAsync(9);
        await Expect(_page.Locator("[data-parampos-family]")).ToContainTextAsync("Bankkart Combo");
        var ziraatThree = await Rows.Nth(2).InnerTextAsync();

        // The BIN changes to an Akbank card: Axess offers 1, 2, 3 and 6 at other rates.
        await FillCardAsync(TestCards.AKBANK_AXESS);
        await Expect(_page.Locator("[data-parampos-family]")).ToContainTextAsync("Axess");
        await Expect(Rows).ToHaveCountAsync(4);
        (await Rows.AllInnerTextsAsync()).Select(text => text.Split('\t')[0].Trim()).Should().Equal("Single payment", "2 installments", "3 installments", "6 installments");
        (await Rows.Nth(2).InnerTextAsync()).Should().NotBe(ziraatThree, "the table follows the card");
        await Expect(Rows.Nth(2)).ToContainTextAsync("104.10 TRY");

        await _page.Locator("#parampos-installment-3").CheckAsync();
        await _page.Locator("#parampos-month").SelectOptionAsync("12");
        await _page.Locator("#parampos-year").SelectOptionAsync((DateTime.UtcNow.Year + 2).ToString());
        await _page.Locator("#parampos-cvc").FillAsync("000");
        await Expect(_page.Locator("tr.parampos-selected")).ToContainTextAsync("3 installments");
        await _page.Locator("[data-parampos-form]").ScreenshotAsync(new LocatorScreenshotOptions { Path = RepositoryPaths.Screenshot("installment-table.png") });

        await _page.Locator("#payment-info-next").ClickAsync();
        await Expect(_page.Locator("#confirm-total")).ToHaveTextAsync("104.10");
        await Expect(_page.Locator("#confirm-fee")).ToHaveTextAsync("4.10");
        await Expect(_page.Locator(".confirm-custom-value")).ToHaveTextAsync("3 installments");

        await _page.Locator("#confirm-order").ClickAsync();
        await Expect(_page.Locator("#acs")).ToBeVisibleAsync();
        await Expect(_page.Locator("#acs-card")).ToHaveTextAsync("557113******5575");
        await _page.Locator("#password").FillAsync("a");
        await _page.Locator("#acs-approve").ClickAsync();

        await Expect(_page.Locator("#completed-title")).ToBeVisibleAsync();
        await Expect(_page.Locator("#payment-status")).ToHaveTextAsync("Paid");
        await Expect(_page.Locator("#order-total")).ToHaveTextAsync("104.10");
        var order = _host.Harness.Orders.All().Single();
        order.PaymentStatus.Should().Be(PaymentStatus.Paid);
        order.OrderTotal.Should().Be(104.10m);
        _page.Url.Should().EndWith($"/checkout/completed/{order.Id}");
    }

    [Test]
    public async Task DeclineOnTheBankPage_EndsOnTheFailurePage_OrderUnpaid()
    {
        await _page.GotoAsync(new Uri(_host.BaseUrl, "checkout/paymentinfo").ToString());
        await _page.Locator("#parampos-holder").FillAsync("Mehmet Demir");
        await FillCardAsync(TestCards.AKBANK_AXESS);
        await Expect(Rows).ToHaveCountAsync(4);
        await _page.Locator("#parampos-month").SelectOptionAsync("12");
        await _page.Locator("#parampos-year").SelectOptionAsync((DateTime.UtcNow.Year + 2).ToString());
        await _page.Locator("#parampos-cvc").FillAsync("000");
        await _page.Locator("#payment-info-next").ClickAsync();
        await Expect(_page.Locator("#confirm-total")).ToHaveTextAsync("101.75");
        await _page.Locator("#confirm-order").ClickAsync();

        await _page.Locator("#acs-decline").ClickAsync();

        await Expect(_page.Locator("[data-parampos-result=failed]")).ToBeVisibleAsync();
        await Expect(_page.Locator("[data-parampos-reason]")).ToHaveTextAsync("3D Secure authentication failed.");
        await Expect(_page.Locator("[data-parampos-pay-again]")).ToBeVisibleAsync();
        await _page.Locator("main").ScreenshotAsync(new LocatorScreenshotOptions { Path = RepositoryPaths.Screenshot("payment-failed.png") });
        _host.Harness.Orders.All().Single().PaymentStatus.Should().Be(PaymentStatus.Pending);
    }

    [Test]
    public async Task RefreshingTheBanksPage_DoesNotResubmitIt()
    {
        await _page.GotoAsync(new Uri(_host.BaseUrl, "checkout/paymentinfo").ToString());
        await _page.Locator("#parampos-holder").FillAsync("Ayşe Yılmaz");
        await FillCardAsync(TestCards.AKBANK_AXESS);
        await Expect(Rows).ToHaveCountAsync(4);
        await _page.Locator("#parampos-month").SelectOptionAsync("12");
        await _page.Locator("#parampos-year").SelectOptionAsync((DateTime.UtcNow.Year + 2).ToString());
        await _page.Locator("#parampos-cvc").FillAsync("000");
        await _page.Locator("#payment-info-next").ClickAsync();
        var threeDPage = _page.WaitForRequestAsync(request => request.Url.Contains("/Plugins/ParamPos/ThreeDSecure/"));
        await _page.Locator("#confirm-order").ClickAsync();
        var threeDUrl = (await threeDPage).Url;
        await Expect(_page.Locator("#acs")).ToBeVisibleAsync();

        await _page.GotoAsync(threeDUrl);

        await Expect(_page.Locator("[data-parampos-result]")).ToBeVisibleAsync();
        _page.Url.Should().Contain("/Plugins/ParamPos/Result/");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
