using FluentAssertions;
using Microsoft.Playwright;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Browser.Host;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// A real Chromium (Debian's, driven by Playwright) pays through the whole 3D Model flow: the card form in a host that
/// stands in for nopCommerce's checkout (the one-page checkout, nopCommerce's default, which loads the form by AJAX,
/// and the multi-step one), the installment table changing with the BIN, the sandbox bank's 3-D page, the cross-site
/// callback, the completed or failure page, and paying again. Screenshots go to docs/screenshots.
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

    private ILocator FeeNote => Page.Locator("[data-parampos-fee]");

    private const string THREE_INSTALLMENTS_FEE_NOTE = "The commission of 3 installments, 4.10 TRY, is added to your order total as the payment method fee.";

    private static readonly string[] ThreeInstallmentsTerms = ["3 installments", "4.10 TRY (4.10 %), included in the order total as the payment method fee"];

    /// <summary>The completed page of the only order, paid, at its total; and what Param charged for it.</summary>
    private async Task<SandboxTransaction> ExpectPaidAsync(string total)
    {
        await Expect(Page.Locator("#completed-title")).ToBeVisibleAsync();
        await Expect(Page.Locator("#payment-status")).ToHaveTextAsync("Paid");
        await Expect(Page.Locator("#order-total")).ToHaveTextAsync(total);
        var order = Host.Harness.Orders.All().Single();
        order.PaymentStatus.Should().Be(PaymentStatus.Paid);
        Page.Url.Should().EndWith($"/checkout/completed/{order.Id}");

        return await Host.Harness.Sandbox.TransactionAsync(order.AuthorizationTransactionId);
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
        await Expect(FeeNote).ToHaveTextAsync(THREE_INSTALLMENTS_FEE_NOTE);

        await Page.Locator("#payment-info-next").ClickAsync();
        await Expect(Page.Locator("#confirm-total")).ToHaveTextAsync("104.10");
        await Expect(Page.Locator("#confirm-fee")).ToHaveTextAsync("4.10");
        await Expect(Page.Locator(".confirm-custom-value")).ToHaveTextAsync(ThreeInstallmentsTerms);

        await Page.Locator("#confirm-order").ClickAsync();
        await ApproveOnTheBanksPageAsync("557113******5575");

        var charged = await ExpectPaidAsync("104.10");
        charged.Should().BeEquivalentTo(new { Total = 104.10m, Installments = 3 });
    }

    [Test]
    public async Task OnePageCheckout_TheFormLoadedByAjax_ChargesThreeInstallmentsAtTheRightTotal()
    {
        await GoToAsync("checkout/onepagecheckout");
        var form = Page.Locator("#checkout-payment-info-load [data-parampos-form]");
        await Expect(form).ToBeVisibleAsync();
        (await form.EvaluateAsync<string>("form => getComputedStyle(form).maxWidth")).Should().Be("560px", "the form's styles came with it");
        await Page.Locator("#parampos-holder").FillAsync("Ayşe Yılmaz");

        await FillCardAsync(TestCards.AKBANK_AXESS);
        await Expect(Rows).ToHaveCountAsync(4);
        await Expect(Page.Locator("[data-parampos-family]")).ToContainTextAsync("Axess");
        await Page.Locator("#parampos-installment-3").CheckAsync();
        await Expect(FeeNote).ToHaveTextAsync(THREE_INSTALLMENTS_FEE_NOTE);
        await FillExpiryAndCvcAsync();
        await Page.Locator("#opc-payment_info").ScreenshotAsync(new LocatorScreenshotOptions { Path = RepositoryPaths.Screenshot("installment-table.png") });

        await Page.Locator("#payment-info-next").ClickAsync();
        await Expect(Page.Locator("#confirm-total")).ToHaveTextAsync("104.10");
        await Expect(Page.Locator("#confirm-fee")).ToHaveTextAsync("4.10");
        await Expect(Page.Locator(".confirm-custom-value")).ToHaveTextAsync(ThreeInstallmentsTerms);
        await Page.Locator("#opc-confirm_order").ScreenshotAsync(new LocatorScreenshotOptions { Path = RepositoryPaths.Screenshot("onepage-confirm.png") });

        await Page.Locator("#confirm-order").ClickAsync();
        await ApproveOnTheBanksPageAsync("557113******5575");

        var charged = await ExpectPaidAsync("104.10");
        charged.Should().BeEquivalentTo(new { Total = 104.10m, Installments = 3 }, "the chosen installments reach Param, not a single payment");
    }

    [Test]
    public async Task OnePageCheckout_AfterAValidationError_TheReloadedFormWorksAgain()
    {
        await GoToAsync("checkout/onepagecheckout");
        await Page.Locator("#parampos-holder").FillAsync("Ayşe Yılmaz");
        await FillCardAsync(TestCards.AKBANK_AXESS);
        await Expect(Rows).ToHaveCountAsync(4);
        await Page.Locator("#payment-info-next").ClickAsync();

        // The step comes back by AJAX with the errors and an empty form, which must work as the first one did.
        await Expect(Page.Locator("#payment-errors")).ToContainTextAsync("Choose the card's expiry month and year.");
        await Expect(Page.Locator("#parampos-number")).ToHaveValueAsync(string.Empty);
        await FillCardAsync(TestCards.ZIRAAT_VISA);
        await Expect(Rows).ToHaveCountAsync(9);
        (await Page.Locator("[data-parampos-form]").CountAsync()).Should().Be(1);
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

    [Test]
    public async Task PayAgain_AfterADecline_OffersTheOptionsThatKeepTheTotal_AndCompletesTheOrder()
    {
        await GoToAsync("checkout/paymentinfo");
        await Page.Locator("#parampos-holder").FillAsync("Ayşe Yılmaz");
        await FillCardAsync(TestCards.AKBANK_AXESS);
        await Page.Locator("#parampos-installment-3").CheckAsync();
        await FillExpiryAndCvcAsync();
        await Page.Locator("#payment-info-next").ClickAsync();
        await Expect(Page.Locator("#confirm-total")).ToHaveTextAsync("104.10");
        await Page.Locator("#confirm-order").ClickAsync();
        await Page.Locator("#acs-decline").ClickAsync();
        await Page.Locator("[data-parampos-pay-again]").ClickAsync();

        // The cart is empty now: the table comes from the order. A Ziraat card's options all change the total.
        await Expect(Page.Locator("[data-parampos-order-total]")).ToHaveTextAsync("104.10 TRY");
        await Page.Locator("#parampos-holder").FillAsync("Ayşe Yılmaz");
        await FillCardAsync(TestCards.ZIRAAT_VISA);
        await Expect(Page.Locator("[data-parampos-note]")).ToHaveTextAsync("Every installment option of this card would change your order's total of 104.10 TRY. Pay with another card, or place a new order.");
        await Expect(Rows).ToHaveCountAsync(0);

        // An Akbank card again: only 3 installments keeps 104.10, and it is chosen.
        await FillCardAsync(TestCards.AKBANK_AXESS);
        await Expect(Rows).ToHaveCountAsync(1);
        await Expect(Page.Locator("tr.parampos-selected")).ToContainTextAsync("3 installments");
        await Expect(Page.Locator("[data-parampos-note]")).ToHaveTextAsync("Only the options that keep your order's total are shown. For another installment option, place a new order.");
        await Expect(FeeNote).ToHaveTextAsync(THREE_INSTALLMENTS_FEE_NOTE);
        await FillExpiryAndCvcAsync();
        await Page.Locator("main").ScreenshotAsync(new LocatorScreenshotOptions { Path = RepositoryPaths.Screenshot("pay-again.png") });
        await Page.Locator("[data-parampos-submit]").ClickAsync();
        await ApproveOnTheBanksPageAsync("557113******5575");

        var charged = await ExpectPaidAsync("104.10");
        charged.Should().BeEquivalentTo(new { Total = 104.10m, Installments = 3 });
    }
}
