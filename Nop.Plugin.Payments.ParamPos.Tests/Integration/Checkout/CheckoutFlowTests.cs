using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Services.Orders;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Checkout;

/// <summary>
/// The checkout as nopCommerce drives it (payment info → confirm → post-process → bank → callback), with the plugin's
/// real services over in-memory nopCommerce services and the sandbox over loopback HTTP.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Checkout)]
public class CheckoutFlowTests
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

    private Task<IReadOnlyDictionary<string, int>> CountsAsync() => _harness.Sandbox.CallCountsAsync();

    private static int Delta(IReadOnlyDictionary<string, int> after, IReadOnlyDictionary<string, int> before, string operation) =>
        after.GetValueOrDefault(operation) - before.GetValueOrDefault(operation);

    private async Task<string> LastSandboxRequestAsync(string operation)
    {
        var requests = await _harness.Sandbox.Browser.GetFromJsonAsync<List<SandboxRequest>>("sandbox/api/requests");

        return requests!.Last(request => request.Operation == operation).Body;
    }

    private sealed record SandboxRequest(string Operation, string Body);

    [Test]
    public async Task PaymentInfoStep_WorksTheCartsTotalOutOnce()
    {
        // nopCommerce checks the form and then asks for the payment info in the same request.
        var before = _harness.Shop.CartTotalsComputed;

        var (errors, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(TestCards.AKBANK_AXESS, installments: 3));

        errors.Should().BeEmpty();
        request.CustomValues.Should().NotBeEmpty();
        (_harness.Shop.CartTotalsComputed - before).Should().Be(1);
    }

    [Test]
    public async Task ThreeInstallments_Approved_OrderPaidAtTheChargedTotal()
    {
        // Arrange: 100,00 TRY cart, Akbank Axess card, 3 installments at 4.10 %.
        var (errors, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(TestCards.AKBANK_AXESS, installments: 3));
        var shownTotal = await _harness.OrderTotalAsync();

        // Act
        var (result, order) = await _harness.PlaceOrderAsync(request);
        var redirect = await _harness.PostProcessAsync(order);
        var callback = await _harness.AuthenticateAsync(order, approve: true);
        var outcome = await _harness.PostCallbackAsync(callback);

        // Assert
        errors.Should().BeEmpty();
        shownTotal.Should().Be(104.10m, "the commission is in the order total before confirming");
        result.Success.Should().BeTrue(string.Join(" ", result.Errors));
        result.NewPaymentStatus.Should().Be(PaymentStatus.Pending);
        order.AuthorizationTransactionId.Should().HaveLength(36).And.StartWith(order.OrderGuid.ToString("N").ToUpperInvariant());
        order.PaymentMethodAdditionalFeeInclTax.Should().Be(4.10m);
        redirect.Should().Be($"{_harness.Shop.StoreLocation}Plugins/ParamPos/ThreeDSecure/{order.OrderGuid}/" + redirect.Split('/').Last());
        callback.Url.Should().Be($"{_harness.Shop.StoreLocation}Plugins/ParamPos/Callback");
        outcome.Result.Should().Be(CallbackResult.Paid);

        var paid = _harness.Orders.Get(order.Id);
        paid.PaymentStatus.Should().Be(PaymentStatus.Paid);
        paid.CaptureTransactionId.Should().MatchRegex("^[0-9]+$");
        var ledger = await _harness.LedgerAsync(order);
        ledger.PaidCharge.Should().BeEquivalentTo(new { Amount = 104.10m, ReceiptId = paid.CaptureTransactionId, Source = "the 3-D Secure callback" });
        ledger.Attempts.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            OrderReference = order.AuthorizationTransactionId, Installments = 3, CommissionRate = 4.10m, Amount = 100.00m, Total = 104.10m,
            MaskedCard = "557113******5575", CardFamily = "Axess", CurrencyCode = "TRY"
        });
        ledger.Entries.Select(entry => (entry.Sequence, entry.Kind, entry.State)).Should().Equal((1, LedgerEntryKind.Charge, LedgerEntryState.Succeeded), (2, LedgerEntryKind.OrderPaid, LedgerEntryState.Succeeded));
        _harness.Orders.MarkedPaidCount.Should().Be(1);
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("557113******5575") && note.Note.Contains("3 installments")
            && note.Note.Contains("charged 104.10 TRY") && note.Note.Contains($"Dekont_ID {paid.CaptureTransactionId}") && !note.DisplayToCustomer);

        var ucd = System.Xml.Linq.XDocument.Parse(await LastSandboxRequestAsync("TP_WMD_UCD")).Descendants().ToList();
        decimal Sent(string element)
        {
            ParamAmount.TryParsePayment(ucd.Single(node => node.Name.LocalName == element).Value, out var amount).Should().BeTrue(element);
            return amount;
        }

        Sent("Islem_Tutar").Should().Be(100.00m);
        Sent("Toplam_Tutar").Should().Be(paid.OrderTotal, "the order total is what Param was asked to charge");
        ucd.Single(node => node.Name.LocalName == "Taksit").Value.Should().Be("3");
        (Sent("Toplam_Tutar") - Sent("Islem_Tutar")).Should().Be(paid.PaymentMethodAdditionalFeeInclTax, "the fee is Toplam − Islem of the request actually sent");
    }

    [Test]
    public async Task TheShopperSeesTheCommission_BesideTheInstallments_FromConfirmToTheOrder()
    {
        var (_, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(TestCards.AKBANK_AXESS, 3));
        var onConfirm = request.CustomValues.Where(value => value.DisplayToCustomer).Select(value => $"{value.Name}: {value.Value}").ToList();
        var (_, order) = await _harness.PlaceOrderAsync(request);
        var shown = new CustomValues();
        shown.FillByXml(order.CustomValuesXml);

        string[] expected = ["Installments: 3 installments", "Installment commission: 4.10 TRY (4.10 %), included in the order total as the payment method fee"];
        onConfirm.Should().Equal(expected, "nopCommerce's confirm step shows these beside its 'payment method additional fee'");
        shown.Where(value => value.DisplayToCustomer).Select(value => $"{value.Name}: {value.Value}").Should().Equal(expected, "the order details and the invoice show them too");
        shown.Should().NotContain(value => value.Name == ParamPosDefaults.CardReferenceCustomValue);
    }

    [Test]
    public async Task SuccessfulSale_CostsTwoGatewayCallsOnceRatesAreCached()
    {
        await PaySaleAsync(TestCards.AKBANK_AXESS, 1);
        var before = await CountsAsync();

        await PaySaleAsync(TestCards.AKBANK_AXESS, 3);
        var after = await CountsAsync();

        var calls = after.Sum(pair => pair.Value) - before.Sum(pair => pair.Value);
        calls.Should().Be(2, "TP_WMD_UCD and TP_WMD_Pay; hashes are local, rates and BIN cached");
        Delta(after, before, "TP_WMD_UCD").Should().Be(1);
        Delta(after, before, "TP_WMD_Pay").Should().Be(1);
        TestContext.Out.WriteLine($"Gateway calls for one sale with warm caches: {calls}");
    }

    private async Task<Order> PaySaleAsync(string card, int installments)
    {
        var order = await _harness.CheckoutToBankAsync(card, installments);
        var outcome = await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: true));
        outcome.Result.Should().Be(CallbackResult.Paid);

        return order;
    }

    [Test]
    public async Task DeclineAtUcd_IsShownOnConfirmAndCreatesNoOrder()
    {
        var (_, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(TestCards.DECLINED_AT_START));

        var (result, order) = await _harness.PlaceOrderAsync(request);

        result.Success.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Contain("The bank declined the card").And.Contain("Nothing was charged");
        order.Should().BeNull();
        _harness.Orders.All().Should().BeEmpty();
        _harness.Cache.Keys.Should().NotContain(key => key.Contains(".card."), "the card is deleted once TP_WMD_UCD was sent");
    }

    [Test]
    public async Task DeclineAt3D_LeavesTheOrderPendingAndOffersToPayAgain()
    {
        var order = await _harness.CheckoutToBankAsync();
        var before = await CountsAsync();

        var outcome = await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: false));

        outcome.Result.Should().Be(CallbackResult.Failed);
        outcome.Reason.Should().Be("mdStatus=0");
        Delta(await CountsAsync(), before, "TP_WMD_Pay").Should().Be(0, "a failed 3-D authentication is never completed");
        var stored = _harness.Orders.Get(order.Id);
        stored.PaymentStatus.Should().Be(PaymentStatus.Pending);
        (await _harness.LedgerAsync(order)).LatestAttempt.DeclineReason.Should().Be("mdStatus=0");
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("mdStatus 0") && note.Note.Contains("Nothing was charged"));
        (await _harness.InScopeAsync(services => services.GetRequiredService<ParamPosPaymentMethod>().CanRePostProcessPaymentAsync(stored))).Should().BeTrue();
    }

    [Test]
    public async Task HalfThreeD_IsRefusedByDefault()
    {
        var order = await _harness.CheckoutToBankAsync(TestCards.HALF_THREE_D);

        var outcome = await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: true));

        outcome.Result.Should().Be(CallbackResult.Failed);
        outcome.Reason.Should().Be("mdStatus=2");
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Pending);
    }

    [Test]
    public async Task HalfThreeD_IsCompletedWhenTheStoreAcceptsIt()
    {
        _harness.PluginSettings.AcceptedMdStatuses = "1,2,3,4";
        _harness.Settings.Put(_harness.PluginSettings);
        var order = await _harness.CheckoutToBankAsync(TestCards.HALF_THREE_D);

        var outcome = await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: true));

        outcome.Result.Should().Be(CallbackResult.Paid);
    }

    [Test]
    public async Task InsufficientFunds_AtPay_IsADeclineWithTheBankReason()
    {
        var order = await _harness.CheckoutToBankAsync(TestCards.INSUFFICIENT_FUNDS);

        var outcome = await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: true));

        outcome.Result.Should().Be(CallbackResult.Failed);
        outcome.Reason.Should().Be("sonuc=-1,bank=51");
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Pending);
    }

    [TestCase("islemHash", "b1D7+nI3j4k3WGJuhW5IuPOFpEE=")]
    [TestCase("mdStatus", "1 ")]
    [TestCase("md", "581877:00:00:##0")]
    public async Task TamperedCallback_IsRejectedAndChangesNothing(string field, string value)
    {
        var order = await _harness.CheckoutToBankAsync();
        var callback = await _harness.AuthenticateAsync(order, approve: true);
        var before = await CountsAsync();
        var tampered = callback with { Fields = new Dictionary<string, string>(callback.Fields) { [field] = value } };

        var outcome = await _harness.PostCallbackAsync(tampered);

        outcome.Result.Should().Be(CallbackResult.Rejected);
        Delta(await CountsAsync(), before, "TP_WMD_Pay").Should().Be(0);
        var stored = _harness.Orders.Get(order.Id);
        stored.PaymentStatus.Should().Be(PaymentStatus.Pending);
        (await _harness.LedgerAsync(order)).Entries.Should().BeEmpty("nothing was claimed");
        _harness.Logger.Entries.Should().Contain(entry => entry.Text.Contains("3-D callback rejected") && entry.Text.Contains("islemHash does not verify"));
        _harness.Logger.AllText.Should().NotContain(callback["md"], "an unverified callback's values are not logged");
    }

    [Test]
    public async Task MalformedCallback_IsRejected()
    {
        var outcome = await _harness.PostCallbackAsync(new BankCallback("x", new Dictionary<string, string> { ["orderId"] = "nonsense", ["mdStatus"] = "1" }));

        outcome.Result.Should().Be(CallbackResult.Rejected);
        _harness.Logger.AllText.Should().Contain("fields missing: md, islemGUID, islemHash");
    }

    [Test]
    public async Task CallbackWithThousandsOfLongFieldNames_IsRejected_WithABoundedLogLine()
    {
        var fields = Enumerable.Range(0, 5000).ToDictionary(index => $"field{index}_" + new string('n', 500), _ => "v");
        fields["orderId"] = "nonsense";

        var outcome = await _harness.PostCallbackAsync(new BankCallback("x", fields));

        outcome.Result.Should().Be(CallbackResult.Rejected);
        var logged = _harness.Logger.Entries.Should().ContainSingle().Subject.Text;
        logged.Should().Contain("fields missing: md, mdStatus, islemGUID, islemHash").And.Contain("and 4989 more");
        logged.Length.Should().BeLessThan(1000, "12 names of at most 40 characters, whatever was posted");
    }

    [Test]
    public async Task CallbackOfAnotherOrder_IsRejected()
    {
        var first = await _harness.CheckoutToBankAsync();
        var firstCallback = await _harness.AuthenticateAsync(first, approve: true);
        var secondCustomer = _harness.Shop.AddCustomer(2, 50m);
        var second = await _harness.CheckoutToBankAsync(customer: secondCustomer);
        var secondCallback = await _harness.AuthenticateAsync(second, approve: true);

        // The first order's verified fields with the second order's id: the hash covers orderId, so it cannot pass.
        var swapped = firstCallback with { Fields = new Dictionary<string, string>(firstCallback.Fields) { ["orderId"] = secondCallback["orderId"] } };
        var outcome = await _harness.PostCallbackAsync(swapped);

        outcome.Result.Should().Be(CallbackResult.Rejected);
        _harness.Orders.Get(first.Id).PaymentStatus.Should().Be(PaymentStatus.Pending);
        _harness.Orders.Get(second.Id).PaymentStatus.Should().Be(PaymentStatus.Pending);
    }

    [Test]
    public async Task OrderTotalDifferentFromTheCharge_StartsNoPayment()
    {
        var (_, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(TestCards.AKBANK_AXESS, installments: 3));
        var before = await CountsAsync();

        // e.g. a taxable payment fee: the order total would be 104,10 + tax, not what Param would charge.
        var (result, order) = await _harness.PlaceOrderAsync(request, orderTotalOverride: 104.92m);

        result.Success.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Contain("order total has changed");
        order.Should().BeNull();
        Delta(await CountsAsync(), before, "TP_WMD_UCD").Should().Be(0);
        _harness.Logger.AllText.Should().Contain("payment method fee is not taxable");
    }

    [Test]
    public async Task ReplayedCallback_AfterSuccess_PaysOnce()
    {
        var order = await _harness.CheckoutToBankAsync();
        var callback = await _harness.AuthenticateAsync(order, approve: true);
        await _harness.PostCallbackAsync(callback);
        var before = await CountsAsync();

        var replay = await _harness.PostCallbackAsync(callback);

        replay.Result.Should().Be(CallbackResult.Paid);
        Delta(await CountsAsync(), before, "TP_WMD_Pay").Should().Be(0);
        _harness.Orders.MarkedPaidCount.Should().Be(1);
    }

    [Test]
    public async Task TwentyConcurrentCallbacks_OnePayOnePaidTransition()
    {
        var order = await _harness.CheckoutToBankAsync();
        var callback = await _harness.AuthenticateAsync(order, approve: true);
        var before = await CountsAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _harness.PostCallbackAsync(callback))));

        var after = await CountsAsync();
        Delta(after, before, "TP_WMD_Pay").Should().Be(1);
        _harness.Orders.MarkedPaidCount.Should().Be(1);
        outcomes.Should().OnlyContain(outcome => outcome.Result == CallbackResult.Paid);
        TestContext.Out.WriteLine($"20 concurrent callbacks: TP_WMD_Pay calls {Delta(after, before, "TP_WMD_Pay")}, paid transitions {_harness.Orders.MarkedPaidCount}, ledger inserts refused by the unique index {_harness.Storage.LedgerInsertConflicts}");
    }

    [Test]
    public async Task PayTimeout_IsSettledByReconciliation()
    {
        _harness.PluginSettings.RequestTimeoutSeconds = 1;
        _harness.Settings.Put(_harness.PluginSettings);
        var order = await _harness.CheckoutToBankAsync();
        var callback = await _harness.AuthenticateAsync(order, approve: true);
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_WMD_Pay", Mode = FaultMode.Timeout, DelayMilliseconds = 2500 });

        var outcome = await _harness.PostCallbackAsync(callback);
        var afterTimeout = _harness.Orders.Get(order.Id);
        var afterTimeoutLedger = await _harness.LedgerAsync(order);
        var replay = await _harness.PostCallbackAsync(callback);
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        var summary = await _harness.InScopeAsync(services => services.GetRequiredService<PendingPaymentReconciler>().RunAsync());

        outcome.Result.Should().Be(CallbackResult.Processing);
        afterTimeout.PaymentStatus.Should().Be(PaymentStatus.Pending, "never marked paid without proof");
        afterTimeoutLedger.LiveCharge.State.Should().Be(LedgerEntryState.Unknown);
        replay.Result.Should().Be(CallbackResult.Processing, "TP_WMD_Pay is not sent again after an unknown outcome");
        summary.MarkedPaid.Should().Be(1, summary.ToString());
        var settled = _harness.Orders.Get(order.Id);
        settled.PaymentStatus.Should().Be(PaymentStatus.Paid);
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("confirmed by the reconciliation task"));
        (await _harness.Sandbox.CallCountsAsync())["TP_WMD_Pay"].Should().Be(1);
    }

    [Test]
    public async Task AbandonedPayment_IsLeftAlone_NothingCanHaveBeenCharged()
    {
        var order = await _harness.CheckoutToBankAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(30));

        var early = await _harness.InScopeAsync(services => services.GetRequiredService<PendingPaymentReconciler>().RunAsync());
        _harness.Clock.Advance(TimeSpan.FromHours(25));
        var late = await _harness.InScopeAsync(services => services.GetRequiredService<PendingPaymentReconciler>().RunAsync());

        // Without TP_WMD_Pay a 3D Model sale charges nothing: there is nothing to ask Param, and the shopper may pay again.
        early.Checked.Should().Be(0);
        late.Checked.Should().Be(0);
        late.LeftForMerchant.Should().Be(0);
        var stored = _harness.Orders.Get(order.Id);
        stored.PaymentStatus.Should().Be(PaymentStatus.Pending);
        (await _harness.LedgerAsync(order)).Entries.Should().BeEmpty();
        _harness.Orders.Notes(order.Id).Should().NotContain(note => note.Note.Contains("Left for the merchant"));
        (await _harness.InScopeAsync(services => services.GetRequiredService<ParamPosPaymentMethod>().CanRePostProcessPaymentAsync(stored))).Should().BeTrue();
    }

    [Test]
    public async Task PayAgain_AfterADecline_PaysWithANewAttempt()
    {
        var order = await _harness.CheckoutToBankAsync(TestCards.AKBANK_AXESS, 3);
        await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: false));
        var declined = _harness.Orders.Get(order.Id);

        var (redirect, errors) = await _harness.InScopeAsync(services =>
            services.GetRequiredService<PayAgainService>().SubmitAsync(declined, CheckoutHarness.CardForm(TestCards.AKBANK_AXESS, installments: 3)));
        var retry = (await _harness.LedgerAsync(order)).LatestAttempt;
        var outcome = await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(declined, approve: true));

        errors.Should().BeEmpty();
        redirect.Should().Contain($"Plugins/ParamPos/ThreeDSecure/{order.OrderGuid}/");
        retry.Should().BeEquivalentTo(new { AttemptNumber = 2, Installments = 3, Total = 104.10m });
        retry.OrderReference.Should().NotBe(declined.AuthorizationTransactionId, "a new Siparis_ID for the new attempt");
        outcome.Result.Should().Be(CallbackResult.Paid);
        var paid = _harness.Orders.Get(order.Id);
        paid.PaymentStatus.Should().Be(PaymentStatus.Paid);
        paid.AuthorizationTransactionId.Should().Be(retry.OrderReference, "the order records the attempt that was charged");
    }

    [Test]
    public async Task PayAgain_WithACardOfAnotherRate_IsRefused()
    {
        var order = await _harness.CheckoutToBankAsync(TestCards.AKBANK_AXESS, 3);
        await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: false));

        var (redirect, errors) = await _harness.InScopeAsync(services =>
            services.GetRequiredService<PayAgainService>().SubmitAsync(_harness.Orders.Get(order.Id), CheckoutHarness.CardForm(TestCards.ZIRAAT_VISA)));

        redirect.Should().BeNull();
        errors.Should().ContainSingle().Which.Should().Contain("would change your order's total");
        _harness.Orders.Get(order.Id).AuthorizationTransactionId.Should().Be(order.AuthorizationTransactionId, "nothing was started");
    }

    [Test]
    public async Task PayAgain_WithAnotherInstallmentCount_WhenTheStoreAbsorbsTheCommission_KeepsTheTotal()
    {
        _harness.PluginSettings.CommissionPayer = CommissionPayer.Merchant;
        _harness.Settings.Put(_harness.PluginSettings);
        var order = await _harness.CheckoutToBankAsync(TestCards.AKBANK_AXESS, 3);
        await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: false));

        var (redirect, errors) = await _harness.InScopeAsync(services =>
            services.GetRequiredService<PayAgainService>().SubmitAsync(_harness.Orders.Get(order.Id), CheckoutHarness.CardForm(TestCards.ZIRAAT_VISA, installments: 6)));
        var ucd = await LastSandboxRequestAsync("TP_WMD_UCD");
        var outcome = await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: true));

        errors.Should().BeEmpty();
        redirect.Should().NotBeNull();
        (await _harness.LedgerAsync(order)).LatestAttempt.Installments.Should().Be(6);
        ucd.Should().Contain("<Taksit>6</Taksit>").And.Contain("<Toplam_Tutar>100,00</Toplam_Tutar>");
        outcome.Result.Should().Be(CallbackResult.Paid);
        var shown = new CustomValues();
        shown.FillByXml(_harness.Orders.Get(order.Id).CustomValuesXml);
        shown.Where(value => value.DisplayToCustomer).Select(value => $"{value.Name}: {value.Value}").Should().Equal(["Installments: 6 installments"],
            "the terms the shopper sees follow the attempt that was charged, in the order's language, written by the callback");
    }

    [Test]
    public async Task DeclinedCallbackOfAReplacedAttempt_ChangesNothing()
    {
        var order = await _harness.CheckoutToBankAsync();
        var stale = await _harness.AuthenticateAsync(order, approve: false);
        await _harness.PostCallbackAsync(stale);
        await _harness.InScopeAsync(services => services.GetRequiredService<PayAgainService>().SubmitAsync(_harness.Orders.Get(order.Id), CheckoutHarness.CardForm()));
        var before = await CountsAsync();

        var outcome = await _harness.PostCallbackAsync(stale);

        outcome.Result.Should().Be(CallbackResult.Failed);
        Delta(await CountsAsync(), before, "TP_WMD_Pay").Should().Be(0);
        var ledger = await _harness.LedgerAsync(order);
        ledger.Entries.Should().BeEmpty();
        ledger.LatestAttempt.Should().BeEquivalentTo(new { AttemptNumber = 2, DeclineReason = (string)null }, "the new attempt still waits for its 3-D page");
    }

    [Test]
    public async Task ApprovedCallbackOfAnEarlierAttempt_ChargesOnce_AndTheOrderRecordsThatAttempt()
    {
        // The shopper kept the first bank page open, paid again in another tab, then finished both pages.
        var order = await _harness.CheckoutToBankAsync();
        var first = await _harness.AuthenticateAsync(order, approve: true);
        await _harness.InScopeAsync(services => services.GetRequiredService<PayAgainService>().SubmitAsync(_harness.Orders.Get(order.Id), CheckoutHarness.CardForm()));
        var second = await _harness.AuthenticateAsync(order, approve: true);
        var before = await CountsAsync();

        var firstOutcome = await _harness.PostCallbackAsync(first);
        var secondOutcome = await _harness.PostCallbackAsync(second);

        firstOutcome.Result.Should().Be(CallbackResult.Paid);
        secondOutcome.Result.Should().Be(CallbackResult.Paid, "the order is paid; the second attempt is never charged");
        Delta(await CountsAsync(), before, "TP_WMD_Pay").Should().Be(1);
        var paid = _harness.Orders.Get(order.Id);
        paid.AuthorizationTransactionId.Should().Be(first["orderId"]);
        var refund = await _harness.RefundAsync(order.Id, 10m, partial: true);
        refund.Success.Should().BeTrue(string.Join(" ", refund.Errors));
        (await _harness.Sandbox.TransactionAsync(first["orderId"])).Refunded.Should().Be(10m, "refunds use the Siparis_ID that was charged");
    }

    [Test]
    public async Task CardDetails_ExpireFromTheVault()
    {
        var (_, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm());
        _harness.Clock.Advance(TimeSpan.FromMinutes(16));

        var (result, _) = await _harness.PlaceOrderAsync(request);

        result.Errors.Should().ContainSingle().Which.Should().Contain("enter your card details again");
    }

    [Test]
    public async Task StaleRequestOfAnotherMethod_IsRefused()
    {
        var (result, _) = await _harness.PlaceOrderAsync(new Nop.Services.Payments.ProcessPaymentRequest());

        result.Errors.Should().ContainSingle().Which.Should().Contain("card details were not found");
    }

    [Test]
    public async Task MerchantAbsorbs_NoFeeAndTotalEqualsAmount()
    {
        _harness.PluginSettings.CommissionPayer = CommissionPayer.Merchant;
        _harness.Settings.Put(_harness.PluginSettings);

        var order = await _harness.CheckoutToBankAsync(TestCards.AKBANK_AXESS, 3);
        var ucd = await LastSandboxRequestAsync("TP_WMD_UCD");
        var outcome = await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: true));

        order.OrderTotal.Should().Be(100m);
        order.PaymentMethodAdditionalFeeInclTax.Should().Be(0m);
        ucd.Should().Contain("<Islem_Tutar>100,00</Islem_Tutar>").And.Contain("<Toplam_Tutar>100,00</Toplam_Tutar>");
        outcome.Result.Should().Be(CallbackResult.Paid);
    }

    [Test]
    public async Task Validation_RefusesWhatTheServerDoesNotOffer()
    {
        var notOffered = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(TestCards.AKBANK_AXESS, installments: 4));
        var debit = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(TestCards.HALKBANK_DEBIT, installments: 2));
        var badNumber = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm("5571135571135576"));
        var expired = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(year: DateTime.UtcNow.Year - 1));
        var badCvc = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(cvc: "12"));

        notOffered.Errors.Should().ContainSingle().Which.Should().Contain("not offered");
        debit.Errors.Should().ContainSingle().Which.Should().Contain("Debit cards");
        badNumber.Errors.Should().Contain(error => error.Contains("card number is not valid"));
        expired.Errors.Should().Contain(error => error.Contains("expired"));
        badCvc.Errors.Should().Contain(error => error.Contains("security code"));
    }

    [Test]
    public async Task CardData_IsAbsentFromEveryPersistedValueAndLogLine()
    {
        // Arrange: several flows with a distinctive CVC; everything is logged in full (redacted) mode.
        var cvc = "491";
        var cards = new[] { TestCards.AKBANK_AXESS, TestCards.INSUFFICIENT_FUNDS, TestCards.DECLINED_AT_START };
        foreach (var card in cards)
        {
            _harness.Shop.FillCart(_harness.Shop.DefaultCustomer.Id);
            var (_, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(card, cvc: cvc));
            var (result, order) = await _harness.PlaceOrderAsync(request);
            if (result.Success)
                await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: true));
        }

        // Act
        var everything = _harness.EverythingPersistedAndLogged();

        // Assert
        everything.Should().Contain("557113******5575", "the masked card is kept");
        foreach (var card in cards)
        {
            everything.Should().NotContain(card);
            everything.Should().NotContain(string.Join(' ', card.Chunk(4).Select(chunk => new string(chunk))));
        }

        // The CVC as a value of its own: "491" also turns up by chance inside GUIDs, Siparis_IDs and base64 ciphertext.
        var standaloneCvc = new Regex($@"(?<![0-9A-Za-z+/-]){cvc}(?![0-9A-Za-z+/])");
        new[] { $"<KK_CVC>{cvc}</KK_CVC>", $"\"Cvc\":\"{cvc}\"", $"cvc={cvc}&", $"CVC {cvc}.", $"\"{cvc}\"" }.Should().OnlyContain(leak => standaloneCvc.IsMatch(leak), "the scan finds a CVC written as a value");
        standaloneCvc.IsMatch(everything).Should().BeFalse("the CVC appears nowhere");
        everything.Should().NotContain(_harness.Sandbox.Credentials.Guid).And.NotContain("<CLIENT_PASSWORD>Test</CLIENT_PASSWORD>");
        _harness.Logger.Entries.Should().Contain(entry => entry.Text.Contains("TP_WMD_UCD attempt 1"), "full redacted logging was on");
        TestContext.Out.WriteLine($"Card data scan: {everything.Length} characters, {_harness.Logger.Entries.Count} log entries, {_harness.PersistedRequests.Count} persisted payment requests, {cards.Length} cards: no card number, CVC, GUID or password found");
    }

    [Test]
    public async Task Hidden_WhenTheCurrencyIsNotTryOrCredentialsAreMissing()
    {
        var cart = await _harness.Shop.GetShoppingCartAsync(_harness.Shop.DefaultCustomer, ShoppingCartType.ShoppingCart, 1);
        Task<bool> HiddenAsync() => _harness.InScopeAsync(services => services.GetRequiredService<ParamPosPaymentMethod>().HidePaymentMethodAsync(cart));

        var configured = await HiddenAsync();
        _harness.Shop.PrimaryCurrencyCode = "EUR";
        var euro = await HiddenAsync();
        _harness.Shop.PrimaryCurrencyCode = "TRY";
        _harness.PluginSettings.ClientPassword = "";
        _harness.Settings.Put(_harness.PluginSettings);
        var noPassword = await HiddenAsync();

        configured.Should().BeFalse();
        euro.Should().BeTrue();
        noPassword.Should().BeTrue();
    }
}
