using System.Diagnostics;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Models.Public;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Widget;

/// <summary>
/// The installment table widget against the sandbox: rendered from the cached rate list only (no call to Param per
/// view), nothing while the cache is cold and one background refresh, the same numbers as the checkout shows.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Widget)]
public class InstallmentWidgetTests
{
    private const int PRODUCT = 42;
    private CheckoutHarness _harness;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartAsync(settings =>
        {
            settings.InstallmentWidgetZone = "productdetails_overview_bottom";
            settings.InstallmentWidgetInCart = true;
        });
        _harness.Catalog.AddPricedProduct(PRODUCT, "Kablosuz kulaklık", 1250m, new Dictionary<string, decimal> { ["Standart"] = 0m, ["Pro"] = 250m });
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    private Task<InstallmentWidgetModel> ProductWidgetAsync(string attributesXml = null) =>
        _harness.InScopeAsync(services => services.GetRequiredService<InstallmentWidgetModelFactory>().PrepareForProductAsync(PRODUCT, attributesXml));

    private Task WarmAsync() => _harness.InScopeAsync(services => services.GetRequiredService<InstallmentRateService>().GetRatesAsync(_harness.PluginSettings));

    [Test]
    public async Task AWarmCache_RendersWithoutAnyCallToParam_AndShowsWhatTheCheckoutShows()
    {
        await WarmAsync();
        var callsBefore = await _harness.Sandbox.CallCountsAsync();

        var stopwatch = Stopwatch.StartNew();
        InstallmentWidgetModel product = null;
        for (var view = 0; view < 50; view++)
            product = await ProductWidgetAsync();
        stopwatch.Stop();
        var cart = await _harness.InScopeAsync(services => services.GetRequiredService<InstallmentWidgetModelFactory>().PrepareForCartAsync());

        (await _harness.Sandbox.CallCountsAsync()).Should().Equal(callsBefore, "a page view never calls Param");
        product.Should().NotBeNull();
        product.Families.Should().NotBeEmpty();
        product.AmountNote.Should().Contain("1,250.00");
        cart!.AmountNote.Should().Contain("100.00", "the cart's amount is the checkout's");
        TestContext.Out.WriteLine($"50 product-page widget models from a warm cache: {stopwatch.Elapsed.TotalMilliseconds / 50:0.###} ms each (in the test harness, not a benchmark)");

        // The checkout's table for an Axess card and the same amount, as the card form shows it.
        var checkout = await _harness.InScopeAsync(async services =>
        {
            var quote = await services.GetRequiredService<InstallmentRateService>().QuoteAsync(_harness.PluginSettings, TestCards.AKBANK_AXESS[..6], 1250m);
            return await services.GetRequiredService<ParamPosModelFactory>().PrepareQuoteModelAsync(quote, _harness.PluginSettings);
        });
        var axess = product.Families.Single(family => family.Name == checkout.CardFamily);
        axess.Rows.Select(row => (row.Label, row.Monthly, row.Total)).Should().Equal(checkout.Options.Select(option => (option.Label, option.Monthly, option.Total)));
    }

    [Test]
    public async Task TheTable_FollowsThePriceOfTheChosenAttributes()
    {
        await WarmAsync();
        var attributes = await _harness.Catalog.ParseProductAttributesAsync(await _harness.Catalog.GetProductByIdAsync(PRODUCT),
            new Microsoft.AspNetCore.Http.FormCollection(new() { [FakeCatalog.ATTRIBUTE_FIELD] = "Pro" }), new List<string>());

        var standard = await ProductWidgetAsync();
        var pro = await ProductWidgetAsync(attributes);

        standard.AmountNote.Should().Contain("1,250.00");
        pro.AmountNote.Should().Contain("1,500.00");
        pro.Families[0].Rows[0].Total.Should().NotBe(standard.Families[0].Rows[0].Total);

        _harness.Catalog.DisplayTaxRate = 20m;
        (await ProductWidgetAsync()).AmountNote.Should().Contain("1,500.00", "the price as nopCommerce displays it, with tax");
    }

    [Test]
    public async Task AColdCache_RendersNothing_AndStartsOneBackgroundRefresh()
    {
        var views = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => ProductWidgetAsync())));

        views.Should().OnlyContain(view => view == null, "a page view never waits for Param");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await _harness.InScopeAsync(services => services.GetRequiredService<InstallmentRateService>().GetCachedRatesAsync(_harness.PluginSettings)) is null)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the background refresh fills the cache");
            await Task.Delay(50);
        }

        (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault("TP_Ozel_Oran_SK_Liste").Should().Be(1, "six cold views start one refresh");
        (await ProductWidgetAsync()).Should().NotBeNull();
    }

    [Test]
    public async Task NothingIsShown_WhereTheCheckoutWouldNotOfferInstallments()
    {
        await WarmAsync();

        _harness.Shop.WorkingCurrencyCode = "EUR";
        _harness.PluginSettings.ForeignCurrencies = "EUR";
        _harness.Settings.Put(_harness.PluginSettings);
        (await ProductWidgetAsync()).Should().BeNull("a shopper paying in euros pays once, without installments");

        _harness.Shop.WorkingCurrencyCode = null;
        _harness.PluginSettings.InstallmentsEnabled = false;
        _harness.Settings.Put(_harness.PluginSettings);
        (await ProductWidgetAsync()).Should().BeNull();

        _harness.PluginSettings.InstallmentsEnabled = true;
        _harness.PluginSettings.PaymentMode = PaymentMode.ParatikaHostedPage;
        _harness.Settings.Put(_harness.PluginSettings);
        (await ProductWidgetAsync()).Should().BeNull("Paratika's page shows its own terms");

        _harness.PluginSettings.PaymentMode = PaymentMode.CardForm3D;
        _harness.PluginSettings.InstallmentWidgetCardFamilies = "1014";
        _harness.Settings.Put(_harness.PluginSettings);
        (await ProductWidgetAsync()).Families.Should().ContainSingle().Which.PosId.Should().Be(1014);
        (await _harness.InScopeAsync(services => services.GetRequiredService<InstallmentWidgetModelFactory>().PrepareForProductAsync(9999))).Should().BeNull();
    }
}
