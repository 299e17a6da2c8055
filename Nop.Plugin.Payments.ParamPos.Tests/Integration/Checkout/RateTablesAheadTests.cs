using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using ParamPos.Sandbox.Faults;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Checkout;

/// <summary>
/// The rate table and the BIN table are fetched while the shopper types and refreshed before they expire, so neither
/// the installment table nor the payment waits for Param to list them (issue 18's "no cold round trip on the shopper's
/// path"); a BIN the table lacks is still looked up alone, and a refused BIN table changes nothing for the shopper.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Checkout)]
public class RateTablesAheadTests
{
    private CheckoutHarness _harness;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    private Task<T> RatesAsync<T>(Func<InstallmentRateService, Task<T>> work) =>
        _harness.InScopeAsync(services => work(services.GetRequiredService<InstallmentRateService>()));

    private Task ShowCardFormAsync() =>
        _harness.InScopeAsync(services => services.GetRequiredService<ParamPosModelFactory>().PreparePaymentInfoModelAsync());

    private async Task<int> CallsAsync(string operation) => (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault(operation);

    /// <summary>Waits for this node's background refresh to end (it runs on the thread pool; a busy machine may be slow).</summary>
    private async Task RefreshEndedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await RatesAsync(rates => Task.FromResult(rates.IsRefreshing(_harness.PluginSettings))))
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail("The background refresh did not end within 30 s.");
            await Task.Delay(10);
        }
    }

    [Test]
    public async Task TheCardForm_FetchesBothTablesInTheBackground_SoTheQuoteAndThePaymentCallOnlyToPay()
    {
        await ShowCardFormAsync();
        await RefreshEndedAsync();
        var before = await _harness.Sandbox.CallCountsAsync();
        before.Should().ContainKey("TP_Ozel_Oran_SK_Liste").And.ContainKey("BIN_SanalPos");

        var quote = await RatesAsync(rates => rates.QuoteAsync(_harness.PluginSettings, TestCards.AKBANK_AXESS[..6], 100m));
        (await RatesAsync(rates => rates.QuoteAsync(_harness.PluginSettings, TestCards.ZIRAAT_VISA[..6], 100m))).Options.Should().NotBeEmpty();
        await _harness.PaidOrderAsync(TestCards.AKBANK_AXESS, installments: 3);

        quote.Options.Should().Contain(option => option.Installments == 3, "the Axess program's rates came from the cached tables");
        var after = await _harness.Sandbox.CallCountsAsync();
        after["BIN_SanalPos"].Should().Be(before["BIN_SanalPos"], "both cards' programs were in the BIN table");
        after["TP_Ozel_Oran_SK_Liste"].Should().Be(before["TP_Ozel_Oran_SK_Liste"]);
        after.Where(call => call.Key is not ("TP_WMD_UCD" or "TP_WMD_Pay")).Should().BeEquivalentTo(before.Where(call => call.Key is not ("TP_WMD_UCD" or "TP_WMD_Pay")),
            "the shopper's path called Param only to pay");
    }

    [Test]
    public async Task ARateTablePastThreeQuartersOfItsLifetime_IsServedAtOnce_AndRefreshedBeforeItExpires()
    {
        await RatesAsync(rates => rates.GetRatesAsync(_harness.PluginSettings));
        await RefreshEndedAsync();
        var fetched = await CallsAsync("TP_Ozel_Oran_SK_Liste");

        _harness.Clock.Advance(TimeSpan.FromMinutes(_harness.PluginSettings.RateCacheMinutes * 0.8));
        (await RatesAsync(rates => rates.GetRatesAsync(_harness.PluginSettings))).Should().NotBeEmpty("the table still cached is served at once");
        await RefreshEndedAsync();
        (await CallsAsync("TP_Ozel_Oran_SK_Liste")).Should().Be(fetched + 1, "one refresh ran in the background");

        // Past the first table's expiry: the refreshed one is still there, so nobody waits for Param.
        _harness.Clock.Advance(TimeSpan.FromMinutes(_harness.PluginSettings.RateCacheMinutes * 0.3));
        (await RatesAsync(rates => rates.GetCachedRatesAsync(_harness.PluginSettings))).Should().NotBeNull();
        await RefreshEndedAsync();
        (await CallsAsync("TP_Ozel_Oran_SK_Liste")).Should().Be(fetched + 1, "the refreshed table is not due yet");
    }

    [Test]
    public async Task WhenParamIsDown_TheKeptRateTableServes_AndTheRefreshIsTriedOncePerPause()
    {
        await RatesAsync(rates => rates.GetRatesAsync(_harness.PluginSettings));
        await RefreshEndedAsync();
        var fetched = await CallsAsync("TP_Ozel_Oran_SK_Liste");
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Ozel_Oran_SK_Liste", Mode = FaultMode.Http500, Count = 100 });
        _harness.Clock.Advance(TimeSpan.FromMinutes(_harness.PluginSettings.RateCacheMinutes * 0.8));

        for (var shopper = 0; shopper < 5; shopper++)
        {
            (await RatesAsync(rates => rates.GetRatesAsync(_harness.PluginSettings))).Should().NotBeEmpty("the kept table serves while Param is down");
            await RefreshEndedAsync();
        }

        (await CallsAsync("TP_Ozel_Oran_SK_Liste")).Should().BeGreaterThan(fetched).And.BeLessThanOrEqualTo(fetched + 2, "one refresh (a query is retried once), then a pause");
        _harness.Logger.Entries.Count(entry => entry.Level == "Warning" && entry.Text.Contains("installment rates")).Should().Be(1);

        _harness.Clock.Advance(InstallmentRateService.RatesRetryAfter);
        await RatesAsync(rates => rates.GetRatesAsync(_harness.PluginSettings));
        await RefreshEndedAsync();
        _harness.Logger.Entries.Count(entry => entry.Level == "Warning" && entry.Text.Contains("installment rates")).Should().Be(2, "after the pause it is tried again");
    }

    [Test]
    public async Task ABinTheTableLacks_IsLookedUpAlone_Once()
    {
        await ShowCardFormAsync();
        await RefreshEndedAsync();
        var before = await CallsAsync("BIN_SanalPos");

        (await RatesAsync(rates => rates.IsCardCachedAsync(_harness.PluginSettings, "979200"))).Should().BeFalse();
        await RatesAsync(rates => rates.QuoteAsync(_harness.PluginSettings, "979200", 100m));
        await RatesAsync(rates => rates.QuoteAsync(_harness.PluginSettings, "979200", 100m));

        (await CallsAsync("BIN_SanalPos")).Should().Be(before + 1, "looked up once, then cached");
    }

    [Test]
    public async Task ARefusedBinTable_IsNotAskedAgainForAWhile_AndCardsAreLookedUpOneByOne()
    {
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "BIN_SanalPos", Mode = FaultMode.NegativeSonuc, Sonuc = -1, SonucText = "BIN boş olamaz." });

        await ShowCardFormAsync();
        await RefreshEndedAsync();
        var asked = await CallsAsync("BIN_SanalPos");
        asked.Should().Be(1, "the whole table was asked for once and refused");
        _harness.Logger.Entries.Should().ContainSingle(entry => entry.Level == "Warning" && entry.Text.Contains("BIN table"));
        (await RatesAsync(rates => rates.GetCachedRatesAsync(_harness.PluginSettings))).Should().NotBeNull("the rate table was fetched all the same");

        await ShowCardFormAsync();
        await RefreshEndedAsync();
        (await CallsAsync("BIN_SanalPos")).Should().Be(asked, $"a refused table is asked again only after {InstallmentRateService.BinTableRetryAfter.TotalMinutes} minutes");

        var quote = await RatesAsync(rates => rates.QuoteAsync(_harness.PluginSettings, TestCards.AKBANK_AXESS[..6], 100m));
        quote.Options.Should().Contain(option => option.Installments == 3);
        (await CallsAsync("BIN_SanalPos")).Should().Be(asked + 1, "the card was looked up alone");

        _harness.Clock.Advance(InstallmentRateService.BinTableRetryAfter + TimeSpan.FromMinutes(1));
        await ShowCardFormAsync();
        await RefreshEndedAsync();
        (await CallsAsync("BIN_SanalPos")).Should().Be(asked + 2, "after the pause the table is asked for again");
        (await RatesAsync(rates => rates.IsCardCachedAsync(_harness.PluginSettings, TestCards.ZIRAAT_VISA[..6]))).Should().BeTrue();
    }
}
