using FluentAssertions;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// The Paratika hosted payment page mode in Chromium: no card form in the store, the order confirmed, the shopper on
/// the sandbox's Paratika page (card, installments, 3-D step), Paratika's signed result posted cross-site to the
/// store's return, confirmed with QUERYTRANSACTION, and the order completed; a cancelled payment comes back to the
/// result page, and paying again opens a new session.
/// </summary>
[TestFixture, Category(TestCategories.Browser), Category(TestCategories.Paratika)]
public class ParatikaBrowserTests : BrowserTestFixture
{
    protected override bool Paratika => true;

    private async Task PayOnParatikasPageAsync(string card, string installments)
    {
        await Expect(Page.Locator("#hpp")).ToBeVisibleAsync();
        await Expect(Page.Locator("#hpp-amount")).ToHaveTextAsync("100,00 TRY");
        await Page.Locator("#cardOwner").FillAsync("Ayşe Yılmaz");
        await Page.Locator("#pan").FillAsync(card);
        await Page.Locator("#expiryMonth").FillAsync("12");
        await Page.Locator("#expiryYear").FillAsync((DateTime.UtcNow.Year + 2).ToString());
        await Page.Locator("#cvv").FillAsync("000");
        await Page.Locator("#installmentCount").SelectOptionAsync(installments);
        await Page.Locator("#hpp-pay").ClickAsync();
        await ApproveOnTheBanksPageAsync();
    }

    [Test]
    public async Task ConfirmedOrder_IsPaidOnParatikasPage_WithoutACardFormInTheStore()
    {
        await GoToAsync("checkout/paymentinfo");

        await Expect(Page.Locator("#confirm-total")).ToHaveTextAsync("100.00");
        (await Page.Locator("#parampos-number").CountAsync()).Should().Be(0, "the payment info step is skipped");
        await Page.Locator("#confirm-order").ClickAsync();
        await Expect(Page.Locator("#hpp")).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = RepositoryPaths.Screenshot("paratika-hosted-page.png"), FullPage = true });
        await PayOnParatikasPageAsync("4508034508034509", "3");

        await Expect(Page.Locator("#completed-title")).ToBeVisibleAsync();
        await Expect(Page.Locator("#payment-status")).ToHaveTextAsync("Paid");
        var order = Host.Harness.Orders.All().Single();
        order.PaymentStatus.Should().Be(PaymentStatus.Paid);
        (await Host.Harness.Sandbox.ParatikaRowsAsync(order.AuthorizationTransactionId)).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Type = "SALE", Status = "AP", Amount = 100m, Installments = 3 });
        Host.Harness.EverythingPersistedAndLogged().Should().NotContain("4508034508034509");
    }

    [Test]
    public async Task CancelledOnParatikasPage_ComesBackToTheResultPage_AndPaysAgainWithANewSession()
    {
        await GoToAsync("checkout/paymentinfo");
        await Page.Locator("#confirm-order").ClickAsync();
        await Expect(Page.Locator("#hpp")).ToBeVisibleAsync();
        await Page.Locator("#hpp-cancel").ClickAsync();

        await Expect(Page.Locator("[data-parampos-result=failed]")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-parampos-reason]")).ToContainTextAsync("not completed on Paratika's secure payment page");
        var order = Host.Harness.Orders.All().Single();
        order.PaymentStatus.Should().Be(PaymentStatus.Pending);

        await Page.Locator("[data-parampos-pay-again]").ClickAsync();
        await Expect(Page.Locator("#parampos-paratika-continue")).ToBeVisibleAsync();
        (await Page.Locator("#parampos-number").CountAsync()).Should().Be(0);
        await Page.Locator("#parampos-paratika-continue").ClickAsync();
        await PayOnParatikasPageAsync("5406675406675403", "1");

        await Expect(Page.Locator("#completed-title")).ToBeVisibleAsync();
        Host.Harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
        (await Host.Harness.LedgerAsync(order)).Attempts.Should().HaveCount(2, "a new session, a new MERCHANTPAYMENTID");
    }

    [Test]
    public async Task OnePageCheckout_GoesFromThePaymentMethodStraightToConfirm_ThenToParatika()
    {
        await GoToAsync("checkout/onepagecheckout");

        await Expect(Page.Locator("#confirm-total")).ToHaveTextAsync("100.00");
        (await Page.Locator("#parampos-number").CountAsync()).Should().Be(0);
        await Page.Locator("#confirm-order").ClickAsync();
        await PayOnParatikasPageAsync("4508034508034509", "1");

        await Expect(Page.Locator("#completed-title")).ToBeVisibleAsync();
        Host.Harness.Orders.All().Single().PaymentStatus.Should().Be(PaymentStatus.Paid);
    }
}
