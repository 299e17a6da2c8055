using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Paratika;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Paratika;

/// <summary>
/// The Paratika hosted payment page mode through nopCommerce's checkout against the sandbox over HTTP: no card form,
/// the session opened at PostProcessPayment, the shopper on Paratika's page, and a return POST that is believed only
/// once its sdSha512 verifies and QUERYTRANSACTION shows the sale; exactly once under replays and concurrent POSTs.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Paratika)]
public class ParatikaCheckoutTests
{
    private const string CARD = "4508034508034509";
    private CheckoutHarness _harness;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartParatikaAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    private async Task<int> CallsAsync(string action) => (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault("paratika:" + action);

    /// <summary>Checkout, then PostProcessPayment: the hosted page the shopper is sent to.</summary>
    private async Task<(Order Order, string Page)> CheckoutToHostedPageAsync()
    {
        var order = await _harness.ParatikaCheckoutAsync();
        var page = await _harness.PostProcessAsync(order);

        return (order, page);
    }

    private async Task<Order> PaidOrderAsync(int installments = 1)
    {
        var (order, page) = await CheckoutToHostedPageAsync();
        var outcome = await _harness.PostParatikaReturnAsync(await _harness.Sandbox.PayOnHostedPageAsync(page, CARD, installments: installments));
        outcome.Result.Should().Be(CallbackResult.Paid);

        return _harness.Orders.Get(order.Id);
    }

    [Test]
    public async Task Checkout_PaysOnParatikasPage_AndIsPaidOnce_AfterQueryTransactionConfirms()
    {
        var plugin = await _harness.InScopeAsync(services => Task.FromResult(services.GetRequiredService<ParamPosPaymentMethod>()));
        plugin.SkipPaymentInfo.Should().BeTrue("Paratika's page takes the card");
        plugin.PaymentMethodType.Should().Be(Nop.Services.Payments.PaymentMethodType.Redirection);
        (await _harness.OrderTotalAsync()).Should().Be(100m, "no commission is added: Paratika's page shows its own terms");

        var (order, page) = await CheckoutToHostedPageAsync();
        order.PaymentStatus.Should().Be(PaymentStatus.Pending);
        page.Should().StartWith(new Uri(_harness.Sandbox.SandboxBaseUrl, "payment/").AbsoluteUri);
        (await CallsAsync("SESSIONTOKEN")).Should().Be(1);

        var posted = await _harness.Sandbox.PayOnHostedPageAsync(page, CARD, installments: 3);
        posted.Url.Should().Be("http://127.0.0.1/" + ParamPosDefaults.Route.ParatikaReturnPattern);
        var outcome = await _harness.PostParatikaReturnAsync(posted);

        outcome.Result.Should().Be(CallbackResult.Paid);
        var paid = _harness.Orders.Get(order.Id);
        paid.PaymentStatus.Should().Be(PaymentStatus.Paid);
        paid.CaptureTransactionId.Should().Be(posted["pgTranId"]);
        paid.AuthorizationTransactionId.Should().Be(posted["merchantPaymentId"]);
        _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1);
        (await CallsAsync("QUERYTRANSACTION")).Should().Be(1, "Paratika's records confirm what the browser posted");
        var ledger = await _harness.LedgerAsync(order);
        ledger.PaidCharge.Should().Match<ParamPosLedgerEntry>(charge => charge.Amount == 100m && charge.ReceiptId == posted["pgTranId"]);
        ledger.LatestAttempt.Kind.Should().Be(PaymentKind.ParatikaHostedSale);
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("payment confirmed by Paratika's payment page"));
        _harness.EverythingPersistedAndLogged().Should().NotContain(CARD).And.NotContain(_harness.PluginSettings.ParatikaMerchantPassword)
            .And.NotContain(_harness.PluginSettings.ParatikaSecretKey);
    }

    [Test]
    public async Task Session_DescribesTheOrder_WithLinesAddingUpToItsTotal_WhateverTheDiscounts()
    {
        var order = await _harness.ParatikaCheckoutAsync();
        // Lines worth more than the total (a 12.34 discount), shipping and the payment fee on top.
        _harness.Catalog.SetOrderItems(order.Id,
        [
            new OrderItem { OrderId = order.Id, ProductId = 1, Quantity = 1, UnitPriceInclTax = 60m, PriceInclTax = 60m },
            new OrderItem { OrderId = order.Id, ProductId = 2, Quantity = 3, UnitPriceInclTax = 11.78m, PriceInclTax = 35.34m }
        ]);
        order.OrderShippingInclTax = 15m;
        order.PaymentMethodAdditionalFeeInclTax = 2m;
        await _harness.Orders.UpdateOrderAsync(order);

        var request = await _harness.InScopeAsync(services => services.GetRequiredService<ParatikaSessionBuilder>().BuildAsync(order, "ORDER-X"));
        var page = await _harness.PostProcessAsync(order);

        request.Items.Sum(item => item.Amount).Should().Be(100m);
        request.Items.Select(item => item.Code).Should().Equal("SKU-1", "SKU-2", "SHIPPING", "FEE");
        request.Items[0].Amount.Should().Be(47.66m, "the discount is taken off the largest line");
        request.Items[1].Name.Should().Be("3 × Kalem");
        request.CustomerName.Should().Be("Ayşe Yılmaz");
        request.CustomerPhone.Should().Be("+905551112233");
        page.Should().Contain("/payment/", "the sandbox accepted the lines (it refuses a sum that differs, ERR10022)");
    }

    [TestCase("merchantPaymentId")]
    [TestCase("customerId")]
    [TestCase("sessionToken")]
    [TestCase("responseCode")]
    [TestCase("random")]
    [TestCase("sdSha512")]
    public async Task TamperedReturn_ChangesNothing(string field)
    {
        var (order, page) = await CheckoutToHostedPageAsync();
        var posted = await _harness.Sandbox.PayOnHostedPageAsync(page, CARD);
        var fields = new Dictionary<string, string>(posted.Fields) { [field] = posted[field] + "0" };

        var outcome = await _harness.PostParatikaReturnAsync(posted with { Fields = fields });

        outcome.Result.Should().Be(CallbackResult.Rejected);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Pending);
        (await _harness.LedgerAsync(order)).Entries.Should().BeEmpty();
        (await CallsAsync("QUERYTRANSACTION")).Should().Be(0, "an unverified POST is not even worth a query");
        _harness.Logger.AllText.Should().Contain("Paratika return rejected").And.NotContain(posted["sdSha512"]);
    }

    [Test]
    public async Task ReturnSignedWithAnotherKey_OrOnlyTheDeprecatedHash_ChangesNothing()
    {
        var (order, page) = await CheckoutToHostedPageAsync();
        var posted = await _harness.Sandbox.PayOnHostedPageAsync(page, CARD);
        var otherKey = new Dictionary<string, string>(posted.Fields)
        {
            ["sdSha512"] = ParatikaHash.SdSha512(posted["merchantPaymentId"], posted["customerId"], posted["sessionToken"], "00", posted["random"], "another-merchants-key")
        };
        var legacyOnly = posted.Fields.Where(field => field.Key != "sdSha512").ToDictionary(field => field.Key, field => field.Value);

        (await _harness.PostParatikaReturnAsync(posted with { Fields = otherKey })).Result.Should().Be(CallbackResult.Rejected);
        (await _harness.PostParatikaReturnAsync(posted with { Fields = legacyOnly })).Result.Should().Be(CallbackResult.Rejected);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Pending);
    }

    [Test]
    public async Task ReplayedReturn_LeavesTheOrderPaidOnce()
    {
        var (order, page) = await CheckoutToHostedPageAsync();
        var posted = await _harness.Sandbox.PayOnHostedPageAsync(page, CARD);

        (await _harness.PostParatikaReturnAsync(posted)).Result.Should().Be(CallbackResult.Paid);
        (await _harness.PostParatikaReturnAsync(posted)).Result.Should().Be(CallbackResult.Paid);

        _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1);
        (await _harness.LedgerAsync(order)).Entries.Count(entry => entry.Kind == LedgerEntryKind.Charge).Should().Be(1);
    }

    [Test]
    public async Task ConcurrentReturns_OnTwoNodes_MarkTheOrderPaidOnce()
    {
        var nodeB = _harness.AddNode("B");
        var (order, page) = await CheckoutToHostedPageAsync();
        var posted = await _harness.Sandbox.PayOnHostedPageAsync(page, CARD);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(index => Task.Run(() => _harness.PostParatikaReturnAsync(posted, index % 2 == 0 ? null : nodeB))));

        outcomes.Should().OnlyContain(outcome => outcome.Result == CallbackResult.Paid);
        _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1);
        var ledger = await _harness.LedgerAsync(order);
        ledger.Entries.Count(entry => entry.Kind == LedgerEntryKind.Charge).Should().Be(1);
        ledger.Entries.Count(entry => entry.Kind == LedgerEntryKind.OrderPaid).Should().Be(1);
    }

    [Test]
    public async Task DeclinedCard_LeavesThePendingOrder_AndPayingAgainOpensANewSession()
    {
        var (order, page) = await CheckoutToHostedPageAsync();

        var declined = await _harness.PostParatikaReturnAsync(await _harness.Sandbox.PayOnHostedPageAsync(page, "4920244920244921"));

        declined.Result.Should().Be(CallbackResult.Failed);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Pending);
        (await _harness.LedgerAsync(order)).DeclineReason.Should().Be("paratika=99,ERR20051");
        var explained = await _harness.InScopeAsync(services => services.GetRequiredService<ParamPosMessages>().ExplainRecordedDeclineAsync("paratika=99,ERR20051"));
        explained.Should().Contain("limit", "ERR20051 is the bank's 51, insufficient funds");
        (await _harness.InScopeAsync(services => services.GetRequiredService<ParamPosPaymentMethod>().CanRePostProcessPaymentAsync(order))).Should().BeTrue();

        var (again, errors) = await _harness.InScopeAsync(services => services.GetRequiredService<PayAgainService>().SubmitAsync(order, new FormCollection(new Dictionary<string, StringValues>())));

        errors.Should().BeEmpty();
        again.Should().NotBe(page, "a new session, a new MERCHANTPAYMENTID");
        (await _harness.PostParatikaReturnAsync(await _harness.Sandbox.PayOnHostedPageAsync(again, CARD))).Result.Should().Be(CallbackResult.Paid);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
        (await _harness.LedgerAsync(order)).Attempts.Should().HaveCount(2);
    }

    [Test]
    public async Task CancelledOnParatikasPage_CancelsTheOrder_WhenTheStorePrefersThat()
    {
        _harness.PluginSettings.FailedPaymentAction = FailedPaymentAction.CancelAndRestoreCart;
        _harness.Settings.Put(_harness.PluginSettings);
        var (order, page) = await CheckoutToHostedPageAsync();

        var outcome = await _harness.PostParatikaReturnAsync(await _harness.Sandbox.PayOnHostedPageAsync(page, cancel: true));

        outcome.Result.Should().Be(CallbackResult.Failed);
        _harness.Orders.Get(order.Id).OrderStatus.Should().Be(OrderStatus.Cancelled);
        (await _harness.Sandbox.ParatikaRowsAsync((await _harness.LedgerAsync(order)).LatestAttempt.OrderReference)).Should().BeEmpty("nothing was attempted");
    }

    [Test]
    public async Task AReturnThatNeverArrived_IsSettledByReconciliation_OrBeforeANewSession()
    {
        var (first, firstPage) = await CheckoutToHostedPageAsync();
        await _harness.Sandbox.PayOnHostedPageAsync(firstPage, CARD);
        var customer = _harness.Shop.AddCustomer(2, 80m);
        _harness.Shop.ActAs(customer);
        var second = await _harness.ParatikaCheckoutAsync(customer);
        var secondPage = await _harness.PostProcessAsync(second);
        await _harness.Sandbox.PayOnHostedPageAsync(secondPage, CARD);

        // The first shopper comes back through "Complete payment": Paratika is asked before another session is opened.
        var redirect = await _harness.PostProcessAsync(_harness.Orders.Get(first.Id));
        redirect.Should().EndWith(ParamPosDefaults.Route.ResultPath(first.OrderGuid));
        _harness.Orders.Get(first.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
        (await CallsAsync("SESSIONTOKEN")).Should().Be(2, "no session for a paid order");

        // The second never comes back: the reconciliation task finds the sale once the delay has passed.
        (await _harness.ReconcileAsync()).MarkedPaid.Should().Be(0, "too early");
        _harness.Clock.Advance(TimeSpan.FromMinutes(_harness.PluginSettings.ReconciliationDelayMinutes + 1));
        (await _harness.ReconcileAsync()).MarkedPaid.Should().Be(1);
        _harness.Orders.Get(second.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
        _harness.Orders.MarkedPaidCountOf(second.Id).Should().Be(1);
    }

    [Test]
    public async Task AnApprovedReturnParatikaCannotConfirm_KeepsThePaymentOpenForReconciliation()
    {
        var (order, page) = await CheckoutToHostedPageAsync();
        var posted = await _harness.Sandbox.PayOnHostedPageAsync(page, CARD);
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "QUERYTRANSACTION", Mode = FaultMode.HtmlPage });

        var outcome = await _harness.PostParatikaReturnAsync(posted);

        outcome.Result.Should().Be(CallbackResult.Processing);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Pending);
        (await _harness.LedgerAsync(order)).LiveCharge!.State.Should().Be(LedgerEntryState.Unknown);
        (await _harness.InScopeAsync(services => services.GetRequiredService<ParamPosPaymentMethod>().CanRePostProcessPaymentAsync(order)))
            .Should().BeFalse("nobody pays again while a payment may have been taken");

        _harness.Clock.Advance(TimeSpan.FromMinutes(_harness.PluginSettings.ReconciliationDelayMinutes + 1));
        (await _harness.ReconcileAsync()).MarkedPaid.Should().Be(1);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
        _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1);
    }

    [Test]
    public async Task ASessionParatikaRefuses_SendsTheShopperToTheResultPage_WithNothingRecorded()
    {
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "SESSIONTOKEN", Mode = FaultMode.Http500 });
        var order = await _harness.ParatikaCheckoutAsync();

        var redirect = await _harness.PostProcessAsync(order);

        redirect.Should().EndWith(ParamPosDefaults.Route.ResultPath(order.OrderGuid));
        (await _harness.LedgerAsync(order)).IsEmpty.Should().BeTrue();
        (await _harness.InScopeAsync(services => services.GetRequiredService<ParamPosPaymentMethod>().CanRePostProcessPaymentAsync(order))).Should().BeTrue();
        (await _harness.PostProcessAsync(order)).Should().Contain("/payment/", "the next try opens a session");
    }

    [Test, Category(TestCategories.Refund)]
    public async Task RefundOnTheSaleDay_InFull_IsAVoid_AndAPartOneWaitsForTheDaysEnd()
    {
        var order = await PaidOrderAsync();
        var partial = await _harness.RefundAsync(order.Id, 30m, partial: true);
        partial.Success.Should().BeFalse();
        partial.Errors.Single().Should().Contain("ERR10106").And.Contain("from tomorrow");

        var full = await _harness.RefundAsync(order.Id, 100m, partial: false);

        full.Success.Should().BeTrue();
        full.NewPaymentStatus.Should().Be(PaymentStatus.Refunded);
        (await CallsAsync("VOID")).Should().Be(1);
        var rows = await _harness.Sandbox.ParatikaRowsAsync(order.AuthorizationTransactionId);
        rows.Should().Contain(row => row.Type == "SALE" && row.Status == "VD").And.Contain(row => row.Type == "VOID");
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("cancelled"));
    }

    [Test, Category(TestCategories.Refund)]
    public async Task RefundAfterTheDaysEnd_TakesParts_UpToTheSale()
    {
        var order = await PaidOrderAsync();
        await _harness.Sandbox.CloseDayAsync();
        _harness.Clock.Advance(TimeSpan.FromDays(1));

        (await _harness.RefundAsync(order.Id, 30m, partial: true)).Success.Should().BeTrue();
        (await _harness.RefundAsync(order.Id, 80m, partial: true)).Errors.Should().ContainSingle(error => error.Contains("larger than what is left"));
        var rest = await _harness.RefundAsync(order.Id, 70m, partial: true);

        rest.Success.Should().BeTrue();
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Refunded);
        (await _harness.Sandbox.ParatikaRowsAsync(order.AuthorizationTransactionId)).Where(row => row.Type is "REFUND" or "PTREFUND").Sum(row => row.Amount).Should().Be(100m);
        (await CallsAsync("REFUND")).Should().Be(2);
        (await CallsAsync("VOID")).Should().Be(0);
    }

    [Test, Category(TestCategories.Refund)]
    public async Task AFullRefund_WhosDayParatikaHasClosed_FallsBackFromVoidToRefundOnce()
    {
        var order = await PaidOrderAsync();
        await _harness.Sandbox.CloseDayAsync();

        var result = await _harness.RefundAsync(order.Id, 100m, partial: false);

        result.Success.Should().BeTrue();
        (await CallsAsync("VOID")).Should().Be(1, "still the sale's calendar day for the store");
        (await CallsAsync("REFUND")).Should().Be(1, "Paratika answered ERR10033: the day is closed");
        var ledger = await _harness.LedgerAsync(order);
        ledger.Reversals.Select(entry => (entry.Kind, entry.State)).Should().Equal((LedgerEntryKind.Cancel, LedgerEntryState.Refused), (LedgerEntryKind.Refund, LedgerEntryState.Succeeded));
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Refunded);
    }

    [Test, Category(TestCategories.Refund)]
    public async Task ARefundWhoseAnswerIsLost_IsConfirmedByQueryTransaction_NeverSentTwice()
    {
        var order = await PaidOrderAsync();
        await _harness.Sandbox.CloseDayAsync();
        _harness.PluginSettings.RequestTimeoutSeconds = 1;
        _harness.Settings.Put(_harness.PluginSettings);
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "REFUND", Mode = FaultMode.Timeout, DelayMilliseconds = 3000 });

        var result = await _harness.RefundAsync(order.Id, 25m, partial: true);

        result.Success.Should().BeTrue("Paratika's records show the refund the lost answer was about");
        (await CallsAsync("REFUND")).Should().Be(1);
        (await _harness.LedgerAsync(order)).RefundedAmount.Should().Be(25m);
    }

    [Test]
    public async Task A3DModelCallbackNamingAParatikaAttempt_IsRejected_EvenWhenSignedWithTheStoresGuid()
    {
        const string guid = "0c13d406-873b-403b-9c09-a5766840d98c";
        _harness.PluginSettings.Guid = guid;
        _harness.Settings.Put(_harness.PluginSettings);
        var (order, _) = await CheckoutToHostedPageAsync();
        var attempt = (await _harness.LedgerAsync(order)).LatestAttempt;
        var fields = new Dictionary<string, string>
        {
            ["md"] = "anything",
            ["mdStatus"] = "1",
            ["orderId"] = attempt.OrderReference,
            ["islemGUID"] = attempt.TransactionGuid,
            ["islemHash"] = Nop.Plugin.Payments.ParamPos.Gateway.ParamHash.ForThreeDCallback(attempt.TransactionGuid, "anything", "1", attempt.OrderReference, guid)
        };

        var outcome = await _harness.PostCallbackAsync(new BankCallback("http://127.0.0.1/" + ParamPosDefaults.Route.CallbackPattern, fields));

        outcome.Result.Should().Be(CallbackResult.Rejected);
        (await _harness.LedgerAsync(order)).Entries.Should().BeEmpty("no TP_WMD_Pay is claimed for a Paratika attempt");
        (await _harness.Sandbox.CallCountsAsync()).Should().NotContainKey("TP_WMD_Pay");
    }

    /// <summary>The shopper opens a second session (pay again) while the first page is still open in another tab.</summary>
    private async Task<(Order Order, string FirstPage, string SecondPage)> TwoOpenSessionsAsync()
    {
        var (order, first) = await CheckoutToHostedPageAsync();
        var (second, errors) = await _harness.InScopeAsync(services => services.GetRequiredService<PayAgainService>().SubmitAsync(order, new FormCollection(new Dictionary<string, StringValues>())));
        errors.Should().BeEmpty();

        return (order, first, second);
    }

    [Test]
    public async Task PaidInAnEarlierTab_WithTheReturnLost_IsFoundByReconciliation()
    {
        var (order, first, _) = await TwoOpenSessionsAsync();
        await _harness.Sandbox.PayOnHostedPageAsync(first, CARD);

        _harness.Clock.Advance(TimeSpan.FromMinutes(_harness.PluginSettings.ReconciliationDelayMinutes + 1));
        (await _harness.ReconcileAsync()).MarkedPaid.Should().Be(1);

        var ledger = await _harness.LedgerAsync(order);
        ledger.AttemptOf(ledger.PaidCharge).AttemptNumber.Should().Be(1, "the earlier session is the one that was paid");
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
    }

    [Test]
    public async Task PaidInTwoTabs_IsPaidOnce_AndTheSecondPaymentIsNamedForARefund()
    {
        var (order, first, second) = await TwoOpenSessionsAsync();
        var firstReturn = await _harness.Sandbox.PayOnHostedPageAsync(first, CARD);
        var secondReturn = await _harness.Sandbox.PayOnHostedPageAsync(second, CARD);

        (await _harness.PostParatikaReturnAsync(secondReturn)).Result.Should().Be(CallbackResult.Paid);
        (await _harness.PostParatikaReturnAsync(firstReturn)).Result.Should().Be(CallbackResult.Paid);

        _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1);
        (await _harness.LedgerAsync(order)).Entries.Count(entry => entry.Kind == LedgerEntryKind.Charge).Should().Be(1);
        _harness.Orders.Notes(order.Id).Should().ContainSingle(note => note.Note.Contains("paid twice") && note.Note.Contains(firstReturn["pgTranId"]));
        _harness.Logger.AllText.Should().Contain("was paid twice");
    }
}
