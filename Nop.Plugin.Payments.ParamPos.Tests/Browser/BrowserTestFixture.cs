using Microsoft.Playwright;
using Nop.Plugin.Payments.ParamPos.Tests.Browser.Host;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser;

/// <summary>
/// One Chromium per fixture; for every test a fresh <see cref="CheckoutTestHost"/> (with its sandbox) and a page in
/// its own browser context.
/// </summary>
public abstract class BrowserTestFixture
{
    private ChromiumSession _chromium;

    protected CheckoutTestHost Host { get; private set; }

    protected IPage Page { get; private set; }

    protected virtual (int Width, int Height) Viewport => (900, 1100);

    /// <summary>Gets how a fixture changes the store's settings before each test, or null.</summary>
    protected virtual Action<ParamPosSettings> Settings => null;

    /// <summary>Gets a value indicating whether the store takes payments on Paratika's hosted page.</summary>
    protected virtual bool Paratika => false;

    [OneTimeSetUp]
    public async Task LaunchAsync()
    {
        _chromium = await ChromiumSession.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        if (_chromium is not null)
            await _chromium.DisposeAsync();
    }

    [SetUp]
    public async Task StartAsync()
    {
        Host = await CheckoutTestHost.StartAsync(Settings, Paratika);
        Page = await _chromium.NewPageAsync(Viewport.Width, Viewport.Height);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await Page.Context.CloseAsync();
        await Host.DisposeAsync();
    }

    protected Task GoToAsync(string path) => Page.GotoAsync(new Uri(Host.BaseUrl, path).ToString());

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>The card form's expiry (December, in two years) and security code.</summary>
    protected async Task FillExpiryAndCvcAsync()
    {
        await Page.Locator("#parampos-month").SelectOptionAsync("12");
        await Page.Locator("#parampos-year").SelectOptionAsync((DateTime.UtcNow.Year + 2).ToString());
        await Page.Locator("#parampos-cvc").FillAsync("000");
    }

    /// <summary>The shopper approves on the sandbox bank's 3-D page (showing the masked card, when given).</summary>
    protected async Task ApproveOnTheBanksPageAsync(string maskedCard = null)
    {
        await Expect(Page.Locator("#acs")).ToBeVisibleAsync();
        if (maskedCard is not null)
            await Expect(Page.Locator("#acs-card")).ToHaveTextAsync(maskedCard);
        await Page.Locator("#password").FillAsync("a");
        await Page.Locator("#acs-approve").ClickAsync();
    }
}
