using FluentAssertions;
using Microsoft.Playwright;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// The reconciliation admin page in Chromium: a day not checked yet, "Check now" finding a sale made outside the store
/// and saying what to do, both sides' figures, the 30-day table; and a clean day said to be clean.
/// </summary>
[TestFixture, Category(TestCategories.Browser), Category(TestCategories.Reconciliation)]
public class ReconciliationBrowserTests : BrowserTestFixture
{
    protected override (int Width, int Height) Viewport => (1280, 900);

    [Test]
    public async Task CheckNow_FindsTheDifference_ThenACleanDayIsSaidToBeClean()
    {
        var paid = await Host.Harness.PaidOrderAsync(installments: 3);
        await Host.Harness.Sandbox.RecordOutsideSaleAsync("PANEL-SALE-7", 250m);
        var today = TurkishTime.DayOf(Host.Harness.Clock.GetUtcNow()).ToString("yyyy-MM-dd");

        await GoToAsync($"Admin/ParamPosReconciliation/Index?day={today}");
        await Expect(Page.Locator("#parampos-day-unchecked")).ToBeVisibleAsync();
        await Page.Locator("#parampos-check-now-button").ClickAsync();

        await Expect(Page.Locator("[data-notification=warning]")).ToContainTextAsync("differs from Param's records in 1 place(s)");
        await Expect(Page.Locator("#parampos-differences li")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#parampos-differences")).ToContainTextAsync("Unknown transaction");
        await Expect(Page.Locator("#parampos-differences")).ToContainTextAsync("PANEL-SALE-7");
        await Expect(Page.Locator("#parampos-figures tbody tr").First).ToContainTextAsync("2");
        // Today is not one of the last 30 closed days.
        await Expect(Page.Locator("#parampos-days-table tbody tr")).ToHaveCountAsync(0);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("admin-reconciliation.png"), FullPage = true });

        // Yesterday: nothing happened, and the check says so; it then shows in the last 30 days.
        var yesterday = TurkishTime.DayOf(Host.Harness.Clock.GetUtcNow()).AddDays(-1).ToString("yyyy-MM-dd");
        await Page.Locator("#day").FillAsync(yesterday);
        await Page.Locator("#parampos-show-day").ClickAsync();
        await Page.Locator("#parampos-check-now-button").ClickAsync();

        await Expect(Page.Locator("[data-notification=success]")).ToContainTextAsync($"{yesterday} matches Param's records");
        await Expect(Page.Locator("#parampos-day-verdict")).ToContainTextAsync("Matches Param's records.");
        await Expect(Page.Locator("#parampos-days-table tbody tr")).ToHaveCountAsync(1);
        Host.Harness.Orders.Get(paid.Id).PaymentStatus.Should().Be(Nop.Core.Domain.Payments.PaymentStatus.Paid, "checking changes nothing");
    }
}
