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
public class CheckoutBrowserTests : BrowserTestFixture
{
    private async Task FillCardAsync(string number)
    {
        await Page.Locator("#parampos-number").FillAsync(string.Empty);
        await Page.Locator("#parampos-number").PressSequentiallyAsync(number);
    }

    private ILocator Rows => Page.Locator("[data-parampos-rows] tr");

    private async Task FillExpiryAndCvcAsync()
    {
        await Page.Locator("#parampos-month").SelectOptionAsync("12");
        await Page.Locator("#parampos-year").SelectOptionAsync((DateTime.UtcNow.Year + 2).ToString());
        await Page.Locator("#parampos-cvc").FillAsync("000");
    }

    /// <summary>Fills the card form with the Akbank card in a single payment and goes on to the confirm step.</summary>
    private async Task EnterSinglePaymentAndContinueAsync(string holder)
    {
        await GoToAsync("checkout/paymentinfo");
        await Page.Locator("#parampos-holder").FillAsync(holder);
        await FillCardAsync(TestCards.AKBANK_AXESS);
        await Expect(Rows).ToHaveCountAsync(4);
        await FillExpiryAndCvcAsync();
        await Page.Locator("#payment-info-next").ClickAsync();
    }

    [Test]
    public async Task ThreeInstallments_ThroughTheBanksPage_OrderPaidAtTheRightTotal()
    {
        await GoToAsync("checkout/paymentinfo");
        await Page.Locator("#parampos-holder").FillAsync("Ayşe Yılmaz");

        // A Ziraat card: Bankkart Combo offers 1–9 installments.
        await FillCardAsync(TestCards.ZIRAAT_VISA);
        await Expect(Rows).ToHaveCountAsync(9);
        await Expect(Page.Locator("[data-parampos-family]")).ToContainTextAsync("Bankkart Combo");
        var ziraatThree = await Rows.Nth(2).InnerTextAsync();

        // The BIN changes to an Akbank card: Axess offers 1, 2, 3 and 6 at other rates.
        await FillCardAsync(TestCards.AKBANK_AXESS);
        await Expect(Page.Locator("[data-parampos-family]")).ToContainTextAsync("Axess");
        await Expect(Rows).ToHaveCountAsync(4);
        (await Rows.AllInnerTextsAsync()).Select(text => text.Split('\t')[0].Trim()).Should().Equal("Single payment", "2 installments", "3 installments", "6 installments");
        (await Rows.Nth(2).InnerTextAsync()).Should().NotBe(ziraatThree, "the table follows the card");
        await Expect(Rows.Nth(2)).ToContainTextAsync("104.10 TRY");

        await Page.Locator("#parampos-installment-3").CheckAsync();
        await FillExpiryAndCvcAsync();
        await Expect(Page.Locator("tr.parampos-selected")).ToContainTextAsync("3 installments");
        await Page.Locator("[data-parampos-form]").ScreenshotAsync(new LocatorScreenshotOptions { Path = RepositoryPaths.Screenshot("installment-table.png") });

        await Page.Locator("#payment-info-next").ClickAsync();
        await Expect(Page.Locator("#confirm-total")).ToHaveTextAsync("104.10");
        await Expect(Page.Locator("#confirm-fee")).ToHaveTextAsync("4.10");
        await Expect(Page.Locator(".confirm-custom-value")).ToHaveTextAsync("3 installments");

        await Page.Locator("#confirm-order").ClickAsync();
        await Expect(Page.Locator("#acs")).ToBeVisibleAsync();
        await Expect(Page.Locator("#acs-card")).ToHaveTextAsync("557113******5575");
        await Page.Locator("#password").FillAsync("a");
        await Page.Locator("#acs-approve").ClickAsync();

        await Expect(Page.Locator("#completed-title")).ToBeVisibleAsync();
        await Expect(Page.Locator("#payment-status")).ToHaveTextAsync("Paid");
        await Expect(Page.Locator("#order-total")).ToHaveTextAsync("104.10");
        var order = Host.Harness.Orders.All().Single();
        order.PaymentStatus.Should().Be(PaymentStatus.Paid);
        order.OrderTotal.Should().Be(104.10m);
        Page.Url.Should().EndWith($"/checkout/completed/{order.Id}");
    }

    [Test]
    public async Task DeclineOnTheBankPage_EndsOnTheFailurePage_OrderUnpaid()
    {
        await EnterSinglePaymentAndContinueAsync("Mehmet Demir");
        await Expect(Page.Locator("#confirm-total")).ToHaveTextAsync("101.75");
        await Page.Locator("#confirm-order").ClickAsync();

        await Page.Locator("#acs-decline").ClickAsync();

        await Expect(Page.Locator("[data-parampos-result=failed]")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-parampos-reason]")).ToHaveTextAsync("3D Secure authentication failed.");
        await Expect(Page.Locator("[data-parampos-pay-again]")).ToBeVisibleAsync();
        await Page.Locator("main").ScreenshotAsync(new LocatorScreenshotOptions { Path = RepositoryPaths.Screenshot("payment-failed.png") });
        Host.Harness.Orders.All().Single().PaymentStatus.Should().Be(PaymentStatus.Pending);
    }

    [Test]
    public async Task RefreshingTheBanksPage_DoesNotResubmitIt()
    {
        await EnterSinglePaymentAndContinueAsync("Ayşe Yılmaz");
        var threeDPage = Page.WaitForRequestAsync(request => request.Url.Contains("/Plugins/ParamPos/ThreeDSecure/"));
        await Page.Locator("#confirm-order").ClickAsync();
        var threeDUrl = (await threeDPage).Url;
        await Expect(Page.Locator("#acs")).ToBeVisibleAsync();

        await Page.GotoAsync(threeDUrl);

        await Expect(Page.Locator("[data-parampos-result]")).ToBeVisibleAsync();
        Page.Url.Should().Contain("/Plugins/ParamPos/Result/");
    }

}
