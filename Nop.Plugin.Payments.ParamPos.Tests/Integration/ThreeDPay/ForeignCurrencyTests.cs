using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.ThreeDPay;

/// <summary>
/// Payments in the shopper's currency (USD, EUR) against the sandbox over HTTP: TP_Islem_Odeme_WD, a single payment of
/// exactly the order total nopCommerce shows in that currency, the bank's signed result confirmed with Param.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Currency)]
public class ForeignCurrencyTests
{
    private CheckoutHarness _harness;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartAsync(settings => settings.ForeignCurrencies = "USD,EUR");
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    private async Task<int> CallsAsync(string operation) => (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault(operation);

    [TestCase("EUR", 2.64, Description = "100 TRY × 0.02645 = 2.645: nopCommerce rounds to even, 2.64")]
    [TestCase("USD", 2.87)]
    public async Task Sale_InTheShoppersCurrency_IsPaid_ForTheTotalTheShopperSees(string currency, decimal expected)
    {
        _harness.Shop.WorkingCurrencyCode = currency;

        var order = await _harness.CheckoutToBankAsync(card: TestCards.FOREIGN_VISA);
        var result = await _harness.AuthenticateAsync(order, approve: true);
        var outcome = await _harness.PostReturnAsync(result);

        order.OrderTotal.Should().Be(100m, "no installment commission is added to a foreign-currency order");
        Math.Round(order.OrderTotal * order.CurrencyRate, 2).Should().Be(expected, "what nopCommerce shows the shopper (its default rounding)");
        (await CallsAsync("TP_Islem_Odeme_WD")).Should().Be(1);
        (await CallsAsync("TP_WMD_UCD")).Should().Be(0);
        result["TURKPOS_RETVAL_PB"].Should().Be(currency);
        outcome.Result.Should().Be(CallbackResult.Paid);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
        (await _harness.Sandbox.TransactionAsync(order.AuthorizationTransactionId)).Should().BeEquivalentTo(new { Status = "Paid", Currency = currency, Total = expected, Installments = 1 });
        (await _harness.LedgerAsync(order)).LatestAttempt.Should().BeEquivalentTo(new { CurrencyCode = currency, Amount = expected, Total = expected, Installments = 1, Kind = PaymentKind.ForeignCurrencySale });
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains($"charged {expected.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {currency}"));
    }

    [Test]
    public async Task CashRounding_OfTheCurrency_IsWhatIsCharged()
    {
        // A store that rounds EUR prices up to 0.05: nopCommerce shows 2.65, so 2.65 is charged.
        _harness.Shop.CurrencyRounding["EUR"] = value => Math.Ceiling(value * 20m) / 20m;
        _harness.Shop.WorkingCurrencyCode = "EUR";

        var order = await _harness.CheckoutToBankAsync(card: TestCards.FOREIGN_VISA);
        await _harness.PostReturnAsync(await _harness.AuthenticateAsync(order, approve: true));

        (await _harness.Sandbox.TransactionAsync(order.AuthorizationTransactionId)).Total.Should().Be(2.65m);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
    }

    [Test]
    public async Task PayAgain_AfterADecline_IsTheSameEuroPayment_AndNoInstallmentsAreTaken()
    {
        _harness.Shop.WorkingCurrencyCode = "EUR";
        var order = await _harness.CheckoutToBankAsync(card: TestCards.FOREIGN_VISA);
        await _harness.PostReturnAsync(await _harness.AuthenticateAsync(order, approve: false));
        var declined = _harness.Orders.Get(order.Id);

        var canPayAgain = await _harness.InScopeAsync(services => services.GetRequiredService<PayAgainService>().CanPayAgainAsync(declined));
        var withInstallments = await _harness.InScopeAsync(services => services.GetRequiredService<PayAgainService>().SubmitAsync(declined, CheckoutHarness.CardForm(TestCards.FOREIGN_VISA, 3)));
        var again = await _harness.InScopeAsync(services => services.GetRequiredService<PayAgainService>().SubmitAsync(declined, CheckoutHarness.CardForm("5163103002982563")));
        var outcome = await _harness.PostReturnAsync(await _harness.AuthenticateAsync(declined, approve: true));

        canPayAgain.Should().BeTrue();
        withInstallments.Errors.Should().ContainSingle().Which.Should().Contain("installment");
        again.Errors.Should().BeEmpty();
        outcome.Result.Should().Be(CallbackResult.Paid);
        var ledger = await _harness.LedgerAsync(order);
        ledger.Attempts.Should().HaveCount(2);
        ledger.LatestAttempt.Should().BeEquivalentTo(new { CurrencyCode = "EUR", Total = 2.64m, Installments = 1, AttemptNumber = 2 });
        (await _harness.Sandbox.TransactionAsync(ledger.LatestAttempt.OrderReference)).Should().BeEquivalentTo(new { Status = "Paid", Currency = "EUR", Total = 2.64m });
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
    }

    [Test]
    public async Task TurkishCard_InAForeignCurrency_IsRefusedAtTheStart_NoOrder()
    {
        _harness.Shop.WorkingCurrencyCode = "EUR";
        _harness.Shop.FillCart(_harness.Shop.DefaultCustomer.Id);
        var (errors, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(TestCards.AKBANK_AXESS, 1));
        errors.Should().BeEmpty();

        var (result, order) = await _harness.PlaceOrderAsync(request);

        result.Success.Should().BeFalse();
        order.Should().BeNull();
    }

    [Test]
    public async Task Installments_AreNotOffered_InAForeignCurrency()
    {
        _harness.Shop.WorkingCurrencyCode = "USD";
        _harness.Shop.FillCart(_harness.Shop.DefaultCustomer.Id);

        var (errors, _) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(TestCards.FOREIGN_VISA, 3));
        var fee = await _harness.InScopeAsync(async services =>
        {
            var cart = await _harness.Shop.GetShoppingCartAsync(_harness.Shop.DefaultCustomer, Nop.Core.Domain.Orders.ShoppingCartType.ShoppingCart, _harness.Shop.Store.Id);
            return await services.GetRequiredService<ParamPosPaymentMethod>().GetAdditionalHandlingFeeAsync(cart);
        });

        errors.Should().ContainSingle().Which.Should().Contain("installment");
        fee.Should().Be(0m);
        (await CallsAsync("BIN_SanalPos")).Should().Be(0, "no installment table is quoted for a foreign-currency payment");
    }

    private bool Hidden(string currency)
    {
        _harness.Shop.WorkingCurrencyCode = currency;
        return _harness.InScopeAsync(services => services.GetRequiredService<ParamPosPaymentMethod>().HidePaymentMethodAsync([])).GetAwaiter().GetResult();
    }

    [Test]
    public void AnotherCurrency_HidesTheMethod_AcceptedOnesShowIt()
    {
        Hidden("EUR").Should().BeFalse();
        Hidden("USD").Should().BeFalse();
        Hidden("GBP").Should().BeTrue("the store accepts USD and EUR only");
        Hidden("TRY").Should().BeFalse();
    }

    [Test]
    public async Task NonLiraPrimaryCurrency_TheMethodShowsForAcceptedCurrenciesOnly()
    {
        _harness.Shop.PrimaryCurrencyCode = "USD";

        Hidden("USD").Should().BeFalse("a USD store's USD shoppers pay in USD");
        Hidden("EUR").Should().BeFalse();
        Hidden("TRY").Should().BeTrue("lira installments need a lira primary currency");
        (await _harness.InScopeAsync(services => services.GetRequiredService<PaymentAvailability>().BlockingProblemsAsync(_harness.PluginSettings)))
            .Should().BeEmpty("the store accepts foreign currencies: nothing to warn about");
        (await _harness.InScopeAsync(services => services.GetRequiredService<PaymentAvailability>().BlockingProblemsAsync(new ParamPosSettings { ForeignCurrencies = "" })))
            .Should().Contain("Warnings.CurrencyNotTry");
    }

    [Test]
    public async Task StartFault_PlacesNoOrder_ChargesNothing()
    {
        _harness.Shop.WorkingCurrencyCode = "EUR";
        _harness.Shop.FillCart(_harness.Shop.DefaultCustomer.Id);
        var (_, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(TestCards.FOREIGN_VISA, 1));
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Odeme_WD", Mode = FaultMode.HtmlPage });

        var (result, order) = await _harness.PlaceOrderAsync(request);

        result.Success.Should().BeFalse();
        order.Should().BeNull();
        (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault("TP_Islem_Odeme_WD").Should().Be(1);
    }

    [Test]
    public async Task Refund_IsOfTheWholePayment_InItsCurrency_ConfirmedWithParam_PartialIsRefusedClearly()
    {
        _harness.Shop.WorkingCurrencyCode = "EUR";
        var order = await _harness.CheckoutToBankAsync(card: TestCards.FOREIGN_VISA);
        await _harness.PostReturnAsync(await _harness.AuthenticateAsync(order, approve: true));
        await _harness.Sandbox.CloseDayAsync();
        _harness.Clock.Advance(TimeSpan.FromDays(1));

        var partial = await _harness.RefundAsync(order.Id, 10m, partial: true);
        var full = await _harness.RefundAsync(order.Id, 100m, partial: false);

        partial.Success.Should().BeFalse();
        partial.Errors.Should().ContainSingle().Which.Should().Contain("made in EUR").And.Contain("only the full amount");
        full.Success.Should().BeTrue(string.Join(" ", full.Errors));
        full.NewPaymentStatus.Should().Be(PaymentStatus.Refunded);
        (await _harness.Sandbox.TransactionAsync(order.AuthorizationTransactionId)).Refunded.Should().Be(2.64m, "Kismi2's Tutar in the sale's currency (OPEN-QUESTIONS A34)");
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("2.64 EUR refunded (IADE)"));
    }

    [Test]
    public async Task Refund_ThatParamsRecordsDoNotShow_IsNotReportedDone()
    {
        _harness.Shop.WorkingCurrencyCode = "EUR";
        var order = await _harness.CheckoutToBankAsync(card: TestCards.FOREIGN_VISA);
        await _harness.PostReturnAsync(await _harness.AuthenticateAsync(order, approve: true));
        await _harness.Sandbox.CloseDayAsync();
        _harness.Clock.Advance(TimeSpan.FromDays(1));
        // Param's records lag once: the refund's own check does not find it; the reconciliation task's does.
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Sorgulama4", Mode = FaultMode.NegativeSonuc, Sonuc = -209, SonucText = "İşlem bulunamadı.", Count = 1 });

        var refund = await _harness.RefundAsync(order.Id, 100m, partial: false);
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        await _harness.ReconcileAsync();

        refund.Success.Should().BeFalse("Param accepted it, but its records did not show it");
        refund.Errors.Should().ContainSingle().Which.Should().Contain("records do not show it yet");
        var settled = _harness.Orders.Get(order.Id);
        settled.PaymentStatus.Should().Be(PaymentStatus.Refunded, "the reconciliation task found it in Param's records");
        settled.RefundedAmount.Should().Be(settled.OrderTotal);
    }
}
