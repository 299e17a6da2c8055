using FluentAssertions;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// Saved cards in Chromium: a registered customer ticks "Save this card for next time" on the first order, pays the
/// second with the saved card and its CVC only (3-D at the sandbox bank, confirmed with Param), then deletes the card
/// from My account → Saved cards.
/// </summary>
[TestFixture, Category(TestCategories.Browser), Category(TestCategories.SavedCards)]
public class SavedCardsBrowserTests : BrowserTestFixture
{
    protected override Action<ParamPosSettings> Settings => settings => settings.OfferSavedCards = true;

    [Test]
    public async Task SaveOnTheFirstOrder_PayTheSecondWithTheCvcOnly_DeleteFromMyAccount()
    {
        Host.Harness.Shop.RegisteredCustomers[Host.Harness.Shop.DefaultCustomer.Id] = true;

        // First order: a new card, saved.
        await GoToAsync("checkout/paymentinfo");
        await Expect(Page.Locator("[data-parampos-saved-cards]")).ToHaveCountAsync(0);
        await Page.Locator("#parampos-holder").FillAsync("Ayşe Yılmaz");
        await Page.Locator("#parampos-number").PressSequentiallyAsync(TestCards.AKBANK_AXESS);
        await Expect(Page.Locator("[data-parampos-rows] tr")).ToHaveCountAsync(4);
        await FillExpiryAndCvcAsync();
        await Page.Locator("#parampos-save-card").CheckAsync();
        await Page.Locator("#payment-info-next").ClickAsync();
        await Page.Locator("#confirm-order").ClickAsync();
        await ApproveOnTheBanksPageAsync();
        await Expect(Page.Locator("#payment-status")).ToHaveTextAsync("Paid");
        (await Host.Harness.Sandbox.SavedCardsAsync()).Should().ContainSingle();

        // Second order: the saved card comes first; only its CVC is asked.
        Host.Harness.Shop.FillCart(Host.Harness.Shop.DefaultCustomer.Id);
        await GoToAsync("checkout/paymentinfo");
        var saved = Page.Locator("[data-parampos-saved-cards] input[type=radio]").First;
        await Expect(saved).ToBeCheckedAsync();
        await Expect(Page.Locator("[data-parampos-saved-cards]")).ToContainTextAsync("557113******5575");
        await Expect(Page.Locator("[data-parampos-new-card]")).ToBeHiddenAsync();
        await Expect(Page.Locator("[data-parampos-rows] tr")).ToHaveCountAsync(4);
        await Page.Locator("#parampos-installment-3").CheckAsync();
        await Page.Locator("#parampos-saved-cvc").FillAsync("000");
        await Page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("checkout-saved-card.png"), FullPage = true });
        await Page.Locator("#payment-info-next").ClickAsync();
        await Expect(Page.Locator("#confirm-total")).ToHaveTextAsync("104.10");
        await Page.Locator("#confirm-order").ClickAsync();
        await ApproveOnTheBanksPageAsync();
        await Expect(Page.Locator("#payment-status")).ToHaveTextAsync("Paid");
        var second = Host.Harness.Orders.All().Last();
        second.PaymentStatus.Should().Be(PaymentStatus.Paid);
        (await Host.Harness.Sandbox.CallCountsAsync()).Should().Contain("KS_Tahsilat", 1);

        // My account → Saved cards: delete it.
        await GoToAsync("Plugins/ParamPos/SavedCards");
        await Expect(Page.Locator("#account-navigation .parampos-saved-cards.active")).ToHaveTextAsync("Saved cards");
        await Expect(Page.Locator("#parampos-saved-cards tbody tr")).ToHaveCountAsync(1);
        await Page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("my-account-saved-cards.png"), FullPage = true });
        await Page.Locator("#parampos-saved-cards button").ClickAsync();
        await Expect(Page.Locator("#parampos-saved-cards-message")).ToContainTextAsync("was deleted");
        await Expect(Page.Locator("#parampos-saved-cards-empty")).ToBeVisibleAsync();
        (await Host.Harness.Sandbox.SavedCardsAsync()).Should().BeEmpty();
    }
}
