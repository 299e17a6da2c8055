using FluentAssertions;
using Microsoft.Playwright;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// Authorize-only mode in Chromium: the shopper pays in 3 installments through the bank's page and the order ends
/// Authorized; the store owner finds it in the plugin's list of orders waiting for capture, opens it (a stand-in for
/// nopCommerce's admin order page) and captures it.
/// </summary>
[TestFixture, Category(TestCategories.Browser), Category(TestCategories.PreAuth)]
public class AuthorizeOnlyBrowserTests : BrowserTestFixture
{
    protected override (int Width, int Height) Viewport => (1100, 1400);

    protected override Action<ParamPosSettings> Settings => settings => settings.TransactionMode = TransactionMode.AuthorizeOnly;

    [Test]
    public async Task Checkout_EndsAuthorized_ThenTheOwnerCapturesFromTheOrderPage()
    {
        await GoToAsync("checkout/paymentinfo");
        await Page.Locator("#parampos-holder").FillAsync("Ayşe Yılmaz");
        await Page.Locator("#parampos-number").PressSequentiallyAsync(TestCards.AKBANK_AXESS);
        await Expect(Page.Locator("[data-parampos-rows] tr")).ToHaveCountAsync(4);
        await Page.Locator("#parampos-installment-3").CheckAsync();
        await FillExpiryAndCvcAsync();
        await Page.Locator("#payment-info-next").ClickAsync();
        await Expect(Page.Locator("#confirm-total")).ToHaveTextAsync("104.10");
        await Page.Locator("#confirm-order").ClickAsync();
        await ApproveOnTheBanksPageAsync();

        await Expect(Page.Locator("#completed-title")).ToBeVisibleAsync();
        await Expect(Page.Locator("#payment-status")).ToHaveTextAsync("Authorized");
        var order = Host.Harness.Orders.All().Single();
        (await Host.Harness.Sandbox.TransactionAsync(order.AuthorizationTransactionId)).Should().BeEquivalentTo(new { Status = "PreAuthorized", Total = 104.10m, Installments = 3 });

        await GoToAsync("Admin/PaymentParamPos/Configure");
        await Expect(Page.Locator("#TransactionModeId")).ToHaveValueAsync(((int)TransactionMode.AuthorizeOnly).ToString());
        var pending = Page.Locator("#parampos-pending-captures tbody tr");
        await Expect(pending).ToHaveCountAsync(1);
        await Expect(pending).ToContainTextAsync("104.10 TRY");
        await Page.Locator("#parampos-card-pending-captures").ScreenshotAsync(new LocatorScreenshotOptions { Path = RepositoryPaths.Screenshot("admin-pending-captures.png") });

        await pending.Locator("a").ClickAsync();
        await Expect(Page.Locator("#admin-payment-status")).ToHaveTextAsync("Authorized");
        await Expect(Page.Locator("#admin-order-notes")).ToContainTextAsync("104.10 TRY is held on the card, not charged");
        await Expect(Page.Locator("#voidorder")).ToBeVisibleAsync();
        await Page.Locator("#captureorder").ClickAsync();

        await Expect(Page.Locator("#admin-payment-status")).ToHaveTextAsync("Paid");
        await Expect(Page.Locator("#captureorder")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#voidorder")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#admin-order-notes")).ToContainTextAsync("104.10 TRY captured");
        await Expect(Page.Locator("[data-notification=error]")).ToHaveCountAsync(0);
        (await Host.Harness.Sandbox.TransactionAsync(order.AuthorizationTransactionId)).Should().BeEquivalentTo(new { Status = "Captured", Captured = 104.10m });
        Host.Harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);

        await GoToAsync("Admin/PaymentParamPos/Configure");
        await Expect(Page.Locator("#parampos-pending-captures-none")).ToBeVisibleAsync();
    }
}
