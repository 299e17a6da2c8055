using System.Text;
using FluentAssertions;
using Microsoft.Playwright;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// The "ParamPOS transactions" admin page in Chromium: the day's lines with links to their orders, a filter by order,
/// and the CSV download.
/// </summary>
[TestFixture, Category(TestCategories.Browser), Category(TestCategories.Reconciliation)]
public class TransactionsBrowserTests : BrowserTestFixture
{
    protected override (int Width, int Height) Viewport => (1280, 900);

    [Test]
    public async Task TheDaysTransactions_Render_Filter_AndExport()
    {
        var first = await Host.Harness.PaidOrderAsync(installments: 3);
        var second = await Host.Harness.PaidOrderAsync();
        (await Host.Harness.RefundAsync(second.Id, 10m, partial: true)).Success.Should().BeTrue();

        await GoToAsync("Admin/ParamPosTransactions/List");

        await Expect(Page.Locator("#parampos-transactions tbody tr")).ToHaveCountAsync(5);
        await Expect(Page.Locator("#parampos-transactions tbody tr").First).ToContainTextAsync("Refund (IADE)");
        await Expect(Page.Locator($"#parampos-transactions a[href$='/Admin/Order/Edit/{first.Id}']").First).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("admin-transactions.png"), FullPage = true });

        await Page.Locator("#OrderId").FillAsync(first.Id.ToString());
        await Page.Locator("#parampos-search").ClickAsync();
        await Expect(Page.Locator("#parampos-transactions tbody tr")).ToHaveCountAsync(2);
        await Expect(Page.Locator("#parampos-transactions")).Not.ToContainTextAsync("Refund (IADE)");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#parampos-export").ClickAsync());
        var path = await download.PathAsync();
        var lines = (await File.ReadAllTextAsync(path!, Encoding.UTF8)).Split("\r\n".ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        lines[0].Trim('\uFEFF').Should().StartWith("Date (Turkey),Order,Siparis_ID,Kind");
        lines.Should().HaveCount(3, "the export follows the filter: the header and the order's two lines");
    }
}
