using Microsoft.Playwright;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, headless, with no network of its own. Browsers are never downloaded.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    private const string CHROMIUM = "/usr/bin/chromium";
    private IPlaywright _playwright;
    private IBrowser _browser;

    private ChromiumSession()
    {
    }

    public static async Task<ChromiumSession> LaunchAsync()
    {
        if (!File.Exists(CHROMIUM))
            Assert.Fail($"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium); .ci/run does. Browsers are never downloaded.");

        var session = new ChromiumSession { _playwright = await Playwright.CreateAsync() };
        session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = CHROMIUM,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
        });

        return session;
    }

    /// <summary>A page in a fresh context (its own cookies), in English, failing any wait after 20 s.</summary>
    public async Task<IPage> NewPageAsync(int width = 900, int height = 1100)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "en-US" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);

        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
