using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Components;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Models.Public;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Browser.Host;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Checkout;

/// <summary>
/// The plugin's controllers, routes and Razor views in a web host standing in for nopCommerce's storefront, over HTTP.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Checkout)]
public partial class StorefrontPagesTests
{
    private CheckoutTestHost _host;
    private HttpClient _browser;

    [SetUp]
    public async Task StartAsync()
    {
        _host = await CheckoutTestHost.StartAsync();
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.BaseUrl };
    }

    [TearDown]
    public async Task StopAsync()
    {
        _browser.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task PaymentInfo_RendersTheAccessibleCardForm()
    {
        var html = await _browser.GetStringAsync("checkout/paymentinfo");

        html.Should().Contain("autocomplete=\"cc-number\"").And.Contain("autocomplete=\"cc-name\"").And.Contain("autocomplete=\"cc-csc\"")
            .And.Contain("autocomplete=\"cc-exp-month\"").And.Contain("autocomplete=\"cc-exp-year\"");
        html.Should().Contain("<label for=\"parampos-number\">Card number</label>");
        html.Should().Contain("data-quote-url=\"" + _host.BaseUrl + "Plugins/ParamPos/Quote\"");
        html.Should().Contain("<style>" + StorefrontAssets.Styles + "</style>").And.Contain("<script>" + StorefrontAssets.Script + "</script>");
    }

    [Test]
    public async Task PaymentInfo_LoadedByAjax_AsTheOnePageCheckoutDoes_CarriesItsScriptAndStyles()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "checkout/OpcSavePaymentMethod") { Content = new StringContent(string.Empty) };
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");

        var answer = await (await _browser.SendAsync(request)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var html = answer.GetProperty("update_section").GetProperty("html").GetString();

        html.Should().Contain("data-parampos-form");
        html.Should().Contain("<style>" + StorefrontAssets.Styles + "</style>", "a <link> never reaches an AJAX partial");
        html.Should().Contain("<script>" + StorefrontAssets.Script + "</script>", "a <script src> loses its src in an AJAX partial; inline code stays");
        html.Should().NotContain("<link").And.NotContain("<script></script>");
    }

    [Test]
    public async Task Quote_IsComputedOnTheServerFromTheBinAndTheCart()
    {
        var response = await _browser.PostAsJsonAsync("Plugins/ParamPos/Quote", new { bin = "557113" });
        var quote = await response.Content.ReadFromJsonAsync<QuoteModel>();

        quote!.CardFamily.Should().Be("Axess");
        quote.Options.Select(option => option.Installments).Should().Equal(1, 2, 3, 6);
        quote.Options[2].Should().BeEquivalentTo(new { Label = "3 installments", Rate = "4.10 %", Total = "104.10 TRY", Monthly = "34.70 TRY" });
        (await _browser.PostAsJsonAsync("Plugins/ParamPos/Quote", new { bin = "12" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Quote_LooksUpEachBinAtParamOnce_EvenAnUnknownOne_AndLimitsTheCardsOneShopperTries()
    {
        async Task<QuoteModel> QuoteAsync(string bin) => await (await _browser.PostAsJsonAsync("Plugins/ParamPos/Quote", new { bin })).Content.ReadFromJsonAsync<QuoteModel>();
        async Task<int> LookupsAsync() => (await _host.Harness.Sandbox.CallCountsAsync()).GetValueOrDefault("BIN_SanalPos");
        var (perCustomer, _, window) = ParamPosDefaults.BinLookupLimits;
        var unknownBins = Enumerable.Range(0, perCustomer - 1).Select(index => $"99{index:0000}").ToList();
        var before = await LookupsAsync();

        var known = await QuoteAsync("557113");
        var unknown = new List<QuoteModel>();
        foreach (var bin in unknownBins)
            unknown.Add(await QuoteAsync(bin));
        var unknownAgain = await QuoteAsync(unknownBins[0]);
        var lookupsWithinTheLimit = await LookupsAsync() - before;
        var oneMore = await QuoteAsync("980000");
        var knownAgain = await QuoteAsync("557113");
        var lookupsAtTheLimit = await LookupsAsync() - before;
        _host.Harness.Clock.Advance(window);
        var afterTheWindow = await QuoteAsync("980000");

        known!.CardFamily.Should().Be("Axess");
        unknown.Should().OnlyContain(quote => quote.Error == null && quote.Options.Count == 1, "a card of another bank is paid in one installment");
        unknownAgain!.Error.Should().BeNull();
        lookupsWithinTheLimit.Should().Be(perCustomer, "one BIN_SanalPos per BIN, the unknown ones cached too");
        oneMore!.Error.Should().Be("Too many different cards were tried. Please wait a few minutes and try again.");
        knownAgain!.CardFamily.Should().Be("Axess", "a cached card costs Param nothing and is never limited");
        lookupsAtTheLimit.Should().Be(perCustomer);
        afterTheWindow!.Error.Should().BeNull();
        (await LookupsAsync() - before).Should().Be(perCustomer + 1);
    }

    [Test]
    public async Task Quote_ForPayingAgain_ComesFromTheOrder_AndKeepsItsTotal()
    {
        var order = await _host.Harness.CheckoutToBankAsync(TestCards.AKBANK_AXESS, installments: 3);
        await _host.Harness.PostCallbackAsync(await _host.Harness.AuthenticateAsync(order, approve: false));
        Task<QuoteModel> QuoteAsync(string bin, Guid? orderGuid) => _browser.PostAsJsonAsync("Plugins/ParamPos/Quote", new { bin, orderGuid })
            .ContinueWith(response => response.Result.Content.ReadFromJsonAsync<QuoteModel>()).Unwrap();

        var forTheCart = await QuoteAsync("557113", null);
        var sameProgram = await QuoteAsync("557113", order.OrderGuid);
        var otherProgram = await QuoteAsync("454671", order.OrderGuid);

        forTheCart!.Error.Should().Be("The installment options cannot be loaded right now. Please try again in a moment.", "placing the order emptied the cart");
        sameProgram!.Options.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Installments = 3, Total = "104.10 TRY" });
        sameProgram.Note.Should().Be("Only the options that keep your order's total are shown. For another installment option, place a new order.");
        otherProgram!.Options.Should().BeEmpty();
        otherProgram.Error.Should().Be("Every installment option of this card would change your order's total of 104.10 TRY. Pay with another card, or place a new order.");
    }

    [Test]
    public async Task Quote_ForPayingAgain_SomeoneElsesOrderOrAPaidOne_GivesNothing()
    {
        var stranger = _host.Harness.Shop.AddCustomer(7, 250m);
        var theirs = await _host.Harness.CheckoutToBankAsync(customer: stranger);
        await _host.Harness.PostCallbackAsync(await _host.Harness.AuthenticateAsync(theirs, approve: false));
        var paid = await _host.Harness.PaidOrderAsync();

        foreach (var orderGuid in new[] { theirs.OrderGuid, paid.OrderGuid, Guid.NewGuid() })
        {
            var quote = await (await _browser.PostAsJsonAsync("Plugins/ParamPos/Quote", new { bin = "557113", orderGuid })).Content.ReadFromJsonAsync<QuoteModel>();

            quote!.Options.Should().BeEmpty();
            quote.Error.Should().Be("The payment of this order can no longer be retried.");
        }
    }

    [Test]
    public async Task Quote_IsInTurkishForTurkishShoppers()
    {
        _host.Harness.Shop.WorkingLanguage = new Nop.Core.Domain.Localization.Language { Id = 2, LanguageCulture = "tr-TR" };
        _host.Harness.Localization.WorkingLanguageId = 2;

        var quote = await (await _browser.PostAsJsonAsync("Plugins/ParamPos/Quote", new { bin = "581877" })).Content.ReadFromJsonAsync<QuoteModel>();

        quote!.IsDebit.Should().BeTrue();
        quote.Note.Should().Be("Banka kartlarıyla yalnızca tek çekim yapılabilir.");
        quote.Options.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Label = "Tek çekim", Rate = "%1,75", Total = "101,75 TL" });
    }

    [Test]
    public async Task ThreeDPage_IsRenderedOnce()
    {
        var order = await _host.Harness.CheckoutToBankAsync();
        var location = await _host.Harness.PostProcessAsync(order);

        var first = await _browser.GetAsync(location);
        var refresh = await _browser.GetAsync(location);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        (await first.Content.ReadAsStringAsync()).Should().Contain("/bank/3d/");
        first.Headers.CacheControl!.NoStore.Should().BeTrue();
        refresh.StatusCode.Should().Be(HttpStatusCode.Redirect);
        refresh.Headers.Location!.ToString().Should().Contain($"Plugins/ParamPos/Result/{order.OrderGuid}");
    }

    [Test]
    public async Task Callback_RedirectsToCompletedOrResult()
    {
        var paid = await _host.Harness.CheckoutToBankAsync();
        var paidCallback = await _host.Harness.AuthenticateAsync(paid, approve: true);
        var declined = await _host.Harness.CheckoutToBankAsync();
        var declinedCallback = await _host.Harness.AuthenticateAsync(declined, approve: false);

        var success = await _browser.PostAsync("Plugins/ParamPos/Callback", new FormUrlEncodedContent(paidCallback.Fields));
        var failure = await _browser.PostAsync("Plugins/ParamPos/Callback", new FormUrlEncodedContent(declinedCallback.Fields));
        var garbage = await _browser.PostAsync("Plugins/ParamPos/Callback", new FormUrlEncodedContent(new Dictionary<string, string> { ["md"] = "x" }));

        success.StatusCode.Should().Be(HttpStatusCode.Redirect);
        success.Headers.Location!.ToString().Should().Be($"/checkout/completed/{paid.Id}");
        success.Headers.Contains("Set-Cookie").Should().BeFalse("the callback never touches cookies");
        failure.Headers.Location!.ToString().Should().Be($"/Plugins/ParamPos/Result/{declined.OrderGuid}");
        garbage.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task ResultPage_ExplainsTheDeclineAndOffersToPayAgain()
    {
        var order = await _host.Harness.CheckoutToBankAsync();
        await _host.Harness.PostCallbackAsync(await _host.Harness.AuthenticateAsync(order, approve: false));

        var html = await _browser.GetStringAsync($"Plugins/ParamPos/Result/{order.OrderGuid}");
        var payAgain = await _browser.GetStringAsync($"Plugins/ParamPos/PayAgain/{order.OrderGuid}");

        html.Should().Contain("Your payment was not completed").And.Contain("3D Secure authentication failed.").And.Contain($"Plugins/ParamPos/PayAgain/{order.OrderGuid}");
        payAgain.Should().Contain("Pay for your order").And.Contain("101.75 TRY").And.Contain("name=\"__RequestVerificationToken\"");
    }

    [Test]
    public async Task PayAgainPost_NeedsTheAntiforgeryToken()
    {
        var order = await _host.Harness.CheckoutToBankAsync();
        await _host.Harness.PostCallbackAsync(await _host.Harness.AuthenticateAsync(order, approve: false));

        var url = $"Plugins/ParamPos/PayAgain/{order.OrderGuid}";
        var card = CheckoutHarness.CardForm().ToDictionary(field => field.Key, field => field.Value.ToString());

        var withoutToken = await _browser.PostAsync(url, new FormUrlEncodedContent(card));
        var page = await _browser.GetStringAsync(url);
        var token = Regex.Match(page, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var withToken = await _browser.PostAsync(url, new FormUrlEncodedContent(card.Append(new("__RequestVerificationToken", token))));

        withoutToken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        token.Should().NotBeEmpty("the page's form carries the token");
        withToken.StatusCode.Should().Be(HttpStatusCode.Redirect, "the same card with the page's token is accepted");
        withToken.Headers.Location!.ToString().Should().Contain($"Plugins/ParamPos/ThreeDSecure/{order.OrderGuid}/");
    }

    [Test]
    public async Task DeclinedCallback_CancelsAndRestoresTheCart_WhenTheStorePrefersIt_AndTheResultPageOnlySaysSo()
    {
        _host.Harness.PluginSettings.FailedPaymentAction = FailedPaymentAction.CancelAndRestoreCart;
        _host.Harness.Settings.Put(_host.Harness.PluginSettings);
        var order = await _host.Harness.CheckoutToBankAsync();
        var callback = await _host.Harness.AuthenticateAsync(order, approve: false);

        await _host.Harness.PostCallbackAsync(callback);
        var afterCallback = _host.Harness.Orders.Get(order.Id);
        var notes = _host.Harness.Orders.Notes(order.Id).Count;
        var html = await _browser.GetStringAsync($"Plugins/ParamPos/Result/{order.OrderGuid}");
        await _browser.GetStringAsync($"Plugins/ParamPos/Result/{order.OrderGuid}");
        await _host.Harness.PostCallbackAsync(callback);

        afterCallback.OrderStatus.Should().Be(OrderStatus.Cancelled, "the bank's POST cancels; a GET changes nothing");
        afterCallback.PaymentStatus.Should().Be(PaymentStatus.Pending, "nothing was paid");
        _host.Harness.Orders.Reordered.Should().Equal([order.Id], "once, though the page was read twice and the bank posted twice");
        html.Should().Contain("Your order was cancelled and its items are back in your cart.").And.Contain("href=\"/cart\"").And.NotContain("PayAgain");
        _host.Harness.Orders.Notes(order.Id).Should().HaveCount(notes, "reading the result page writes nothing, and a repeated callback nothing more");
    }

    [Test]
    public async Task ResultPage_OfADeclinedOrderKeptPending_ChangesNothing()
    {
        var order = await _host.Harness.CheckoutToBankAsync();
        await _host.Harness.PostCallbackAsync(await _host.Harness.AuthenticateAsync(order, approve: false));
        var before = _host.Harness.Orders.Get(order.Id);
        var ledgerBefore = await _host.Harness.LedgerAsync(order);

        await _browser.GetStringAsync($"Plugins/ParamPos/Result/{order.OrderGuid}");

        _host.Harness.Orders.Get(order.Id).Should().BeEquivalentTo(before);
        (await _host.Harness.LedgerAsync(order)).Entries.Should().HaveCount(ledgerBefore.Entries.Count);
        _host.Harness.Orders.Reordered.Should().BeEmpty();
    }

    [Test]
    public async Task ResultPage_OfSomeoneElsesOrder_ShowsNothing()
    {
        var other = _host.Harness.Shop.AddCustomer(7, 50m);
        var order = await _host.Harness.CheckoutToBankAsync(customer: other);

        var response = await _browser.GetAsync($"Plugins/ParamPos/Result/{order.OrderGuid}");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/");
    }
}
