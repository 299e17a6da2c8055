using FluentAssertions;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// A shopper working in euros, in Chromium: the card form says what is paid in euros (no installment table), the
/// foreign card goes through the sandbox bank's page, and the bank's signed result ends in a paid order charged
/// exactly the euro total.
/// </summary>
[TestFixture, Category(TestCategories.Browser), Category(TestCategories.Currency)]
public class ForeignCurrencyBrowserTests : BrowserTestFixture
{
    protected override Action<ParamPosSettings> Settings => settings => settings.ForeignCurrencies = "USD,EUR";

    [Test]
    public async Task EuroCheckout_ThroughTheBanksPage_ToAPaidOrder()
    {
        Host.Harness.Shop.WorkingCurrencyCode = "EUR";

        await GoToAsync("checkout/paymentinfo");
        await Expect(Page.Locator("#parampos-foreign-currency")).ToHaveTextAsync("You pay 2.64 EUR, a single payment in EUR without installments. Cards issued outside Turkey only.");
        (await Page.Locator("[data-parampos-table]").CountAsync()).Should().Be(0, "no installment table for a foreign-currency payment");
        await Page.Locator("#parampos-holder").FillAsync("Jane Doe");
        await Page.Locator("#parampos-number").PressSequentiallyAsync(TestCards.FOREIGN_VISA);
        await FillExpiryAndCvcAsync();
        await Page.Locator("#payment-info-next").ClickAsync();
        await Page.Locator("#confirm-order").ClickAsync();

        await Expect(Page.Locator("#acs")).ToBeVisibleAsync();
        await Expect(Page.Locator("#acs-amount")).ToHaveTextAsync("2,64 EUR");
        await ApproveOnTheBanksPageAsync();

        await Expect(Page.Locator("#completed-title")).ToBeVisibleAsync();
        await Expect(Page.Locator("#payment-status")).ToHaveTextAsync("Paid");
        var order = Host.Harness.Orders.All().Single();
        order.PaymentStatus.Should().Be(PaymentStatus.Paid);
        (await Host.Harness.Sandbox.TransactionAsync(order.AuthorizationTransactionId)).Should().BeEquivalentTo(new { Status = "Paid", Currency = "EUR", Total = 2.64m, Installments = 1 });
        (await Host.Harness.Sandbox.CallCountsAsync()).Should().ContainKey("TP_Islem_Odeme_WD").And.NotContainKey("BIN_SanalPos");
    }
}
