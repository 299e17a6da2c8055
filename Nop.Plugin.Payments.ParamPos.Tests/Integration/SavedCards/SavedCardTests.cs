using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Domain.Payments;
using Data = Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Services.Payments;
using NUnit.Framework;
using ParamPos.Sandbox;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.SavedCards;

/// <summary>
/// Saved cards against the sandbox over HTTP: the card-storage service on its own path and namespace (KS_Kart_Ekle after
/// a successful payment only, KS_Tahsilat with the CVC through the bank's 3-D page, confirmed by TP_Islem_Sorgulama4,
/// KS_Kart_Sil), the ownership checks, faults at saving and at paying, and the card-data scan.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.SavedCards)]
public class SavedCardTests
{
    private CheckoutHarness _harness;

    private async Task StartAsync(Action<SandboxOptions> sandbox = null, bool offer = true)
    {
        _harness = await CheckoutHarness.StartAsync(settings => settings.OfferSavedCards = offer, sandbox);
        _harness.Shop.RegisteredCustomers[_harness.Shop.DefaultCustomer.Id] = true;
    }

    [TearDown]
    public async Task StopAsync()
    {
        if (_harness is not null)
            await _harness.DisposeAsync();
    }

    private async Task<int> CallsAsync(string operation) => (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault(operation);

    private Task<IList<ParamPosSavedCard>> SavedCardsOfAsync(int customerId) =>
        _harness.InScopeAsync(services => services.GetRequiredService<Data.SavedCards>().OfCustomerAsync(customerId, _harness.Shop.Store.Id));

    /// <summary>A first order paid with "Save this card for next time" ticked; returns the saved card.</summary>
    private async Task<ParamPosSavedCard> SaveACardAsync(string card = TestCards.AKBANK_AXESS, Nop.Core.Domain.Customers.Customer customer = null)
    {
        var current = customer ?? _harness.Shop.DefaultCustomer;
        _harness.Shop.FillCart(current.Id);
        var (errors, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(card, saveCard: true), current);
        errors.Should().BeEmpty();
        var (_, order) = await _harness.PlaceOrderAsync(request, current);
        (await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: true))).Result.Should().Be(CallbackResult.Paid);

        return (await SavedCardsOfAsync(current.Id)).Single();
    }

    /// <summary>The second checkout with a saved card, up to the bank's page.</summary>
    private async Task<(ProcessPaymentResult Result, Nop.Core.Domain.Orders.Order Order, IList<string> Errors)> PayWithSavedCardAsync(int savedCardId, int installments = 1,
        string cvc = "000", Nop.Core.Domain.Customers.Customer customer = null)
    {
        var current = customer ?? _harness.Shop.DefaultCustomer;
        _harness.Shop.FillCart(current.Id);
        var (errors, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.SavedCardForm(savedCardId, cvc, installments), current);
        if (errors.Count > 0)
            return (null, null, errors);

        var (result, order) = await _harness.PlaceOrderAsync(request, current);

        return (result, order, result.Errors);
    }

    [Test]
    public async Task TheCard_IsSavedAtParam_OnlyAfterThePaymentSucceeded()
    {
        await StartAsync();
        _harness.Shop.FillCart(1);
        var (_, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(TestCards.AKBANK_AXESS, saveCard: true));
        var (_, declined) = await _harness.PlaceOrderAsync(request);

        await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(declined, approve: false));

        (await CallsAsync("KS_Kart_Ekle")).Should().Be(0, "a declined payment saves nothing");
        (await SavedCardsOfAsync(1)).Should().BeEmpty();

        var saved = await SaveACardAsync();

        (await CallsAsync("KS_Kart_Ekle")).Should().Be(1);
        saved.MaskedNumber.Should().Be("557113******5575");
        saved.CardFamily.Should().NotBeNullOrEmpty();
        saved.PosId.Should().BeGreaterThan(0);
        saved.CardReference.Should().MatchRegex("^nop-c1-[0-9a-f]{8}$");
        var atParam = (await _harness.Sandbox.SavedCardsAsync()).Should().ContainSingle().Subject;
        atParam.Should().BeEquivalentTo(new { Token = saved.Token, MaskedNumber = "557113******5575", Label = "nop-c1", saved.CardReference });
        _harness.Orders.Notes(_harness.Orders.All().Last().Id).Should().Contain(note => note.Note.Contains("was saved at Param"));
    }

    [Test]
    public async Task ConcurrentCallbacks_OnTwoNodes_SaveTheCardOnce()
    {
        await StartAsync();
        _harness.Shop.FillCart(1);
        var (_, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(saveCard: true));
        var (_, order) = await _harness.PlaceOrderAsync(request);
        var callback = await _harness.AuthenticateAsync(order, approve: true);
        var nodeB = _harness.AddNode("B");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(index => Task.Run(() => _harness.PostCallbackAsync(callback, index % 2 == 0 ? null : nodeB))));

        outcomes.Should().OnlyContain(outcome => outcome.Result == CallbackResult.Paid);
        _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1);
        (await CallsAsync("KS_Kart_Ekle")).Should().Be(1, "only the request that confirmed the charge saves the card");
        (await SavedCardsOfAsync(1)).Should().ContainSingle();
    }

    [Test]
    public async Task NothingIsSaved_ForAGuest_OrWhenTheStoreDoesNotOfferIt()
    {
        await StartAsync();
        var guest = _harness.Shop.AddCustomer(7, 100m);
        _harness.Shop.FillCart(guest.Id);
        var (_, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(saveCard: true), guest);
        var (_, order) = await _harness.PlaceOrderAsync(request, guest);
        await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: true));

        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
        (await CallsAsync("KS_Kart_Ekle")).Should().Be(0, "guests never save cards");

        _harness.PluginSettings.OfferSavedCards = false;
        _harness.Settings.Put(_harness.PluginSettings);
        await _harness.PaidOrderAsync();
        (await CallsAsync("KS_Kart_Ekle")).Should().Be(0);
    }

    [TestCase(1)]
    [TestCase(3)]
    public async Task ASavedCard_PaysWithItsCvcOnly_Through3D_AndParamConfirmsTheSale(int installments)
    {
        await StartAsync();
        var saved = await SaveACardAsync();

        var (result, order, errors) = await PayWithSavedCardAsync(saved.Id, installments);
        errors.Should().BeEmpty();
        result.NewPaymentStatus.Should().Be(PaymentStatus.Pending);
        var callback = await _harness.AuthenticateAsync(order, approve: true);
        var queries = await CallsAsync("TP_Islem_Sorgulama4");
        var outcome = await _harness.PostReturnAsync(callback);

        outcome.Result.Should().Be(CallbackResult.Paid);
        var paid = _harness.Orders.Get(order.Id);
        paid.PaymentStatus.Should().Be(PaymentStatus.Paid);
        paid.OrderTotal.Should().Be(installments == 3 ? 104.10m : 101.75m, "the card's commission is in the order total");
        (await CallsAsync("KS_Tahsilat")).Should().Be(1);
        (await CallsAsync("TP_Islem_Sorgulama4")).Should().Be(queries + 1, "every saved-card payment is confirmed with Param's records");
        (await _harness.Sandbox.TransactionAsync(paid.AuthorizationTransactionId)).Should().BeEquivalentTo(new { Status = "Paid", Total = paid.OrderTotal, Installments = installments });
        (await _harness.LedgerAsync(paid)).LatestAttempt.Kind.Should().Be(PaymentKind.SavedCardSale);
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("confirmed by the bank's saved-card payment result"));
        (await CallsAsync("KS_Kart_Ekle")).Should().Be(1, "paying with a saved card stores nothing again");
    }

    [Test]
    public async Task ADeclinedSavedCardPayment_IsNotPaid_AndCanBePaidAgain()
    {
        await StartAsync();
        var saved = await SaveACardAsync();
        var (_, order, _) = await PayWithSavedCardAsync(saved.Id);

        var outcome = await _harness.PostReturnAsync(await _harness.AuthenticateAsync(order, approve: false));

        outcome.Result.Should().Be(CallbackResult.Failed);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Pending);
        (await _harness.InScopeAsync(services => services.GetRequiredService<PayAgainService>().CanPayAgainAsync(_harness.Orders.Get(order.Id)))).Should().BeTrue();
    }

    [Test]
    public async Task AnotherCustomersCard_AForgedId_OrADeletedCard_IsRefused_AndNothingIsSent()
    {
        await StartAsync();
        var saved = await SaveACardAsync();
        var other = _harness.Shop.AddCustomer(2, 100m);
        _harness.Shop.RegisteredCustomers[other.Id] = true;

        var (_, _, errors) = await PayWithSavedCardAsync(saved.Id, customer: other);
        errors.Should().ContainSingle().Which.Should().Contain("not one of your saved cards");
        (await PayWithSavedCardAsync(9999)).Errors.Should().ContainSingle().Which.Should().Contain("not one of your saved cards");

        // A request prepared by the owner but placed by someone else (a forged or replayed payment request): refused on the server.
        _harness.Shop.FillCart(1);
        var (_, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.SavedCardForm(saved.Id));
        _harness.Shop.FillCart(other.Id);
        var (result, order) = await _harness.PlaceOrderAsync(request, other);
        result.Success.Should().BeFalse();
        order.Should().BeNull();
        _harness.Logger.AllText.Should().Contain($"saved card {saved.Id} refused for customer {other.Id}");

        (await _harness.InScopeAsync(services => services.GetRequiredService<SavedCardRemover>().DeleteAsync(saved))).Should().Be((null, null));
        (await PayWithSavedCardAsync(saved.Id)).Errors.Should().ContainSingle().Which.Should().Contain("not one of your saved cards");
        (await CallsAsync("KS_Tahsilat")).Should().Be(0);
    }

    [Test]
    public async Task Deleting_RemovesTheCardAtParamAndHere_ARefusalKeepsIt()
    {
        await StartAsync();
        var saved = await SaveACardAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "KS_Kart_Sil", Mode = FaultMode.NegativeSonuc, Sonuc = -1, SonucText = "Kart bulunamadı.", Count = 1 });

        var refused = await _harness.InScopeAsync(services => services.GetRequiredService<SavedCardRemover>().DeleteAsync(saved));
        refused.Refusal.Should().NotBeNull();
        (await SavedCardsOfAsync(1)).Should().ContainSingle("a card Param did not delete stays saved");

        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "KS_Kart_Sil", Mode = FaultMode.Http500, Count = 1 });
        (await _harness.InScopeAsync(services => services.GetRequiredService<SavedCardRemover>().DeleteAsync(saved))).Problem.Should().Be("SavedCards.DeleteUnavailable");

        (await _harness.InScopeAsync(services => services.GetRequiredService<SavedCardRemover>().DeleteAsync(saved))).Should().Be((null, null));
        (await SavedCardsOfAsync(1)).Should().BeEmpty();
        (await _harness.Sandbox.SavedCardsAsync()).Should().BeEmpty();
        (await CallsAsync("KS_Kart_Sil")).Should().Be(3);
    }

    [Test]
    public async Task ErasingACustomer_DeletesTheirCardsAtParamToo()
    {
        await StartAsync();
        await SaveACardAsync();

        await _harness.InScopeAsync(async services =>
        {
            await ActivatorUtilities.CreateInstance<SavedCardEventConsumer>(services).HandleEventAsync(new CustomerPermanentlyDeleted(1, "ayse@example.com"));
            return true;
        });

        (await SavedCardsOfAsync(1)).Should().BeEmpty();
        (await _harness.Sandbox.SavedCardsAsync()).Should().BeEmpty();
    }

    [TestCase(FaultMode.Http500)]
    [TestCase(FaultMode.HtmlPage)]
    [TestCase(FaultMode.NegativeSonuc)]
    public async Task AFaultAtSaving_LeavesThePaymentPaid_AndTheCardUnsaved_WithANote(FaultMode mode)
    {
        await StartAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "KS_Kart_Ekle", Mode = mode, Sonuc = -300, SonucText = "Kart saklanamadı.", Count = 1 });
        _harness.Shop.FillCart(1);
        var (_, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(saveCard: true));
        var (_, order) = await _harness.PlaceOrderAsync(request);

        var outcome = await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: true));

        outcome.Result.Should().Be(CallbackResult.Paid);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
        (await SavedCardsOfAsync(1)).Should().BeEmpty();
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.StartsWith("ParamPOS saved cards: the card") && note.Note.Contains("not") && note.Note.Contains("The payment is not affected"));
    }

    [Test]
    public async Task ALostAnswerAtSaving_IsSettledByListingTheCard()
    {
        await StartAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "KS_Kart_Ekle", Mode = FaultMode.Timeout, DelayMilliseconds = 2500, Count = 1 });
        _harness.PluginSettings.RequestTimeoutSeconds = 1;
        _harness.Settings.Put(_harness.PluginSettings);

        var saved = await SaveACardAsync();

        (await CallsAsync("KS_Kart_Liste")).Should().BeGreaterThanOrEqualTo(1);
        saved.Token.Should().Be((await _harness.Sandbox.SavedCardsAsync()).Single().Token, "the card Param stored is the one kept, stored once");
    }

    [TestCase(FaultMode.Http500)]
    [TestCase(FaultMode.SoapFault)]
    [TestCase(FaultMode.Disconnect)]
    [TestCase(FaultMode.NegativeSonuc)]
    public async Task AFaultAtPaying_StartsNothing_AndSaysSo(FaultMode mode)
    {
        await StartAsync();
        var saved = await SaveACardAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "KS_Tahsilat", Mode = mode, Sonuc = -1, SonucText = "İşlem onaylanmadı.", Count = 1 });

        var (result, order, errors) = await PayWithSavedCardAsync(saved.Id);

        result.Success.Should().BeFalse();
        order.Should().BeNull();
        errors.Should().ContainSingle();
        (await _harness.Sandbox.FindTransactionAsync(_harness.Orders.All().Last().AuthorizationTransactionId)).Should().NotBeNull("the first order's sale exists");
        (await CallsAsync("KS_Tahsilat")).Should().Be(1);
    }

    [Test]
    public async Task AnUnsignedResult_IsBelievedOnlyAsFarAsParamsRecordsGo()
    {
        await StartAsync(sandbox => sandbox.SavedCardResultHash = false);
        var saved = await SaveACardAsync();
        var (_, order, _) = await PayWithSavedCardAsync(saved.Id);
        var callback = await _harness.AuthenticateAsync(order, approve: true);
        callback.Fields.Should().NotContainKey("TURKPOS_RETVAL_Hash");

        var forged = callback.Fields.ToDictionary(pair => pair.Key, pair => pair.Value);
        forged["TURKPOS_RETVAL_Dekont_ID"] = "999";
        (await _harness.PostReturnAsync(callback with { Fields = forged })).Result.Should().Be(CallbackResult.Rejected, "Param's records name another receipt");
        (await _harness.LedgerAsync(_harness.Orders.Get(order.Id))).LiveCharge.Should().BeNull("an unsigned report holds nothing up");

        (await _harness.PostReturnAsync(callback)).Result.Should().Be(CallbackResult.Paid);
        _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1);
    }

    [Test]
    public async Task AnUnsignedDecline_ThatParamContradicts_ChangesNothing()
    {
        await StartAsync(sandbox => sandbox.SavedCardResultHash = false);
        var saved = await SaveACardAsync();
        var (_, order, _) = await PayWithSavedCardAsync(saved.Id);
        var callback = await _harness.AuthenticateAsync(order, approve: true);
        var forged = callback.Fields.ToDictionary(pair => pair.Key, pair => pair.Value);
        forged["TURKPOS_RETVAL_Sonuc"] = "-1";
        forged["TURKPOS_RETVAL_Dekont_ID"] = "0";

        (await _harness.PostReturnAsync(callback with { Fields = forged })).Result.Should().Be(CallbackResult.Rejected);

        (await _harness.LedgerAsync(_harness.Orders.Get(order.Id))).DeclineReason.Should().BeNull();
        (await _harness.PostReturnAsync(callback)).Result.Should().Be(CallbackResult.Paid);
    }

    [Test]
    public async Task TheBankPage_GivenAsHtml_IsRenderedAndTheSaleCompletes()
    {
        await StartAsync(sandbox => sandbox.SavedCardThreeDAsHtml = true);
        var saved = await SaveACardAsync();
        var (_, order, _) = await PayWithSavedCardAsync(saved.Id);

        var page = await _harness.InScopeAsync(async services =>
        {
            var pages = services.GetRequiredService<ThreeDPageStore>();
            return await pages.TakeAsync(order.OrderGuid, await pages.GetNonceAsync(order.OrderGuid));
        });
        page.Should().Contain("<form method=\"GET\"").And.Contain("/bank/3d/");

        var callback = await _harness.Sandbox.AuthenticateAsync(page, approve: true);
        (await _harness.PostReturnAsync(callback)).Result.Should().Be(CallbackResult.Paid);
    }

    [Test]
    public async Task CardData_IsAbsentFromEveryPersistedValueAndLogLine()
    {
        await StartAsync();
        var cvc = "491";
        _harness.Shop.FillCart(1);
        var (_, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(TestCards.ZIRAAT_VISA, cvc: cvc, saveCard: true));
        var (_, first) = await _harness.PlaceOrderAsync(request);
        await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(first, approve: true));
        var saved = (await SavedCardsOfAsync(1)).Single();
        var (_, second, _) = await PayWithSavedCardAsync(saved.Id, cvc: cvc);
        await _harness.PostReturnAsync(await _harness.AuthenticateAsync(second, approve: true));
        await _harness.InScopeAsync(services => services.GetRequiredService<SavedCardRemover>().DeleteAsync(saved));

        var everything = _harness.EverythingPersistedAndLogged();

        _harness.Logger.AllText.Should().Contain("KS_Kart_Ekle attempt 1").And.Contain("KS_Tahsilat attempt 1").And.Contain("KS_Kart_Sil attempt 1");
        everything.Should().Contain("454671******7894");
        everything.Should().NotContain(TestCards.ZIRAAT_VISA);
        everything.Should().NotContain(string.Join(' ', TestCards.ZIRAAT_VISA.Chunk(4).Select(chunk => new string(chunk))));
        new Regex($@"(?<![0-9A-Za-z+/-]){cvc}(?![0-9A-Za-z+/])").IsMatch(everything).Should().BeFalse("the CVC appears nowhere");
        _harness.Logger.AllText.Should().NotContain(saved.Token, "a stored card's token is never logged whole");
        everything.Should().NotContain(_harness.Sandbox.Credentials.Guid).And.NotContain("<CLIENT_PASSWORD>Test</CLIENT_PASSWORD>");
        TestContext.Out.WriteLine($"Saved-card data scan: {everything.Length} characters, {_harness.Logger.Entries.Count} log entries: no card number, CVC, token, GUID or password found");
    }
}
