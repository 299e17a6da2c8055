using FluentAssertions;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// The 3D Pay model in Chromium: the same card form and installment table, the browser sent on to the sandbox bank's
/// page (UCD_URL), the bank's signed result posted cross-site to the store's return, confirmed with Param, and the
/// order completed.
/// </summary>
[TestFixture, Category(TestCategories.Browser), Category(TestCategories.ThreeDPay)]
public class ThreeDPayBrowserTests : BrowserTestFixture
{
    protected override Action<ParamPosSettings> Settings => settings => settings.PaymentModel = PaymentModel.ThreeDPay;

    [Test]
    public async Task TwoInstallments_ThroughTheBanksPage_ToAPaidOrder()
    {
        await GoToAsync("checkout/paymentinfo");
        await Page.Locator("#parampos-holder").FillAsync("Ayşe Yılmaz");
        await Page.Locator("#parampos-number").PressSequentiallyAsync(TestCards.AKBANK_AXESS);
        await Expect(Page.Locator("[data-parampos-rows] tr")).ToHaveCountAsync(4);
        await Page.Locator("#parampos-installment-2").CheckAsync();
        await FillExpiryAndCvcAsync();
        await Page.Locator("#payment-info-next").ClickAsync();
        await Expect(Page.Locator("#confirm-total")).ToHaveTextAsync("103.20");
        await Page.Locator("#confirm-order").ClickAsync();

        await Expect(Page.Locator("#acs")).ToBeVisibleAsync();
        await Expect(Page.Locator("#acs-amount")).ToHaveTextAsync("103,20 TL");
        await ApproveOnTheBanksPageAsync();

        await Expect(Page.Locator("#completed-title")).ToBeVisibleAsync();
        await Expect(Page.Locator("#payment-status")).ToHaveTextAsync("Paid");
        var order = Host.Harness.Orders.All().Single();
        order.PaymentStatus.Should().Be(PaymentStatus.Paid);
        (await Host.Harness.Sandbox.TransactionAsync(order.AuthorizationTransactionId)).Should().BeEquivalentTo(new { Status = "Paid", Total = 103.20m, Installments = 2 });
        (await Host.Harness.Sandbox.CallCountsAsync()).Should().ContainKey("Pos_Odeme").And.NotContainKey("TP_WMD_Pay");
    }
}
