using FluentAssertions;
using NUnit.Framework;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Tests.Support;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Gateway;

/// <summary>
/// Every operation over real HTTP against the sandbox (or a real endpoint, see <see cref="GatewayTarget"/>).
/// Assertions marked "any server" hold for any conforming TurkPos service; the rest need the sandbox's scripted cards.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Gateway), Category(TestCategories.Sandbox)]
public class GatewayIntegrationTests
{
    private GatewayTarget _target;
    private ParamClient _client;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _target = await GatewayTarget.StartAsync();
        _client = _target.Client();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _target.DisposeAsync();
    }

    [Test]
    public async Task Rates_ListsEveryProgramWithItsRates()
    {
        var result = await _client.GetInstallmentRatesAsync(_target.Context());

        // any server
        result.Error.Should().BeNull();
        result.Programs.Should().NotBeEmpty();
        result.Programs.Should().OnlyContain(program => program.PosId > 0 && program.Rates.Count > 0);
        if (!_target.IsSandbox)
            return;

        var axess = result.Programs.Single(program => program.Name == "Axess");
        axess.RateFor(3).Should().Be(4.10m);
        axess.RateFor(4).Should().BeNull("-2");
        axess.RateFor(7).Should().BeNull("-1");
    }

    [Test]
    public async Task Bin_FindsTheCardProgram()
    {
        var credit = await _client.LookupBinAsync("557113", _target.Context());

        credit.Error.Should().BeNull();
        credit.Card.Should().NotBeNull();
        credit.Card!.PosId.Should().BePositive();
        if (!_target.IsSandbox)
            return;

        credit.Card.Brand.Should().Be("Axess");
        credit.Card.IsDebit.Should().BeFalse();
        (await _client.LookupBinAsync("581877", _target.Context())).Card!.IsDebit.Should().BeTrue();
        (await _client.LookupBinAsync("43550843", _target.Context())).Card!.PosId.Should().Be(1029, "unknown BINs fall back to the default program");
    }

    [Test]
    public async Task ThreeDSale_RegistersAndReturnsTheBanksPage()
    {
        var start = await _client.StartSaleAsync(TestCards.Sale(card: TestCards.AKBANK_AXESS, total: 101.75m), _target.Context());

        // any server
        start.Outcome.Should().Be(SaleStartOutcome.RedirectToBank, start.Error?.ToString());
        start.ThreeDHtml.Should().Contain("<form");
        start.TransactionGuid.Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task ThreeDSale_ApprovedPaidQueriedAndCancelledTheSameDay()
    {
        _target.RequireSandbox("clicking through the 3-D page");
        var sale = TestCards.Sale(card: TestCards.AKBANK_AXESS, amount: 250m, total: 260.25m, installments: 3);

        var start = await _client.StartSaleAsync(sale, _target.Context());
        var callback = await _target.AuthenticateAsync(start.ThreeDHtml, approve: true);
        var paid = await _client.CompleteThreeDPaymentAsync(new PaymentCompletionRequest(callback["orderId"], callback["islemGUID"], callback["md"]), _target.Context());
        var status = await _client.QueryTransactionAsync(sale.OrderId, _target.Context());
        var cancel = await _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Cancel, sale.OrderId, 260.25m), _target.Context());
        var afterCancel = await _client.QueryTransactionAsync(sale.OrderId, _target.Context());

        callback.Url.Should().Be(sale.SuccessUrl);
        callback["mdStatus"].Should().Be("1");
        callback["orderId"].Should().Be(sale.OrderId);
        callback["transactionAmount"].Should().Be("250,00");
        callback["islemGUID"].Should().Be(start.TransactionGuid);
        ParamHash.VerifyThreeDCallback(callback["islemHash"], callback["islemGUID"], callback["md"], callback["mdStatus"], callback["orderId"], _target.Credentials.Guid)
            .Should().BeTrue("the sandbox and the client compute the callback hash independently");
        paid.Approved.Should().BeTrue(paid.Error?.ToString());
        paid.ReceiptId.Should().BePositive();
        status.State.Should().Be(TransactionState.Paid);
        status.ReceiptId.Should().Be(paid.ReceiptId);
        status.TotalAmount.Should().Be(260.25m);
        status.Installments.Should().Be(3);
        status.MaskedCardNumber.Should().Be("557113******5575");
        cancel.Succeeded.Should().BeTrue(cancel.Error?.ToString());
        afterCancel.State.Should().Be(TransactionState.Cancelled);
    }

    [Test]
    public async Task ThreeDSale_DeclinedOnTheBankPage_PostsMdStatus0ToTheFailureUrl()
    {
        _target.RequireSandbox("clicking through the 3-D page");
        var sale = TestCards.Sale();

        var start = await _client.StartSaleAsync(sale, _target.Context());
        var callback = await _target.AuthenticateAsync(start.ThreeDHtml, approve: false);
        var pay = await _client.CompleteThreeDPaymentAsync(new PaymentCompletionRequest(callback["orderId"], callback["islemGUID"], callback["md"]), _target.Context());

        callback.Url.Should().Be(sale.FailureUrl);
        callback["mdStatus"].Should().Be("0");
        ParamHash.VerifyThreeDCallback(callback["islemHash"], callback["islemGUID"], callback["md"], "0", callback["orderId"], _target.Credentials.Guid).Should().BeTrue();
        pay.Approved.Should().BeFalse();
        (await _client.QueryTransactionAsync(sale.OrderId, _target.Context())).State.Should().Be(TransactionState.NotFound);
    }

    [Test]
    public async Task HalfThreeDCard_PostsMdStatus2()
    {
        _target.RequireSandbox("scripted card");
        var start = await _client.StartSaleAsync(TestCards.Sale(card: TestCards.HALF_THREE_D), _target.Context());

        var callback = await _target.AuthenticateAsync(start.ThreeDHtml, approve: true);

        callback["mdStatus"].Should().Be("2");
        ParamResultRules.IsThreeDAuthenticated(callback["mdStatus"]).Should().BeFalse("only full 3D completes by default");
    }

    [Test]
    public async Task Pay_SettlesAVerifiedMdOnlyOnce()
    {
        _target.RequireSandbox("clicking through the 3-D page");
        var start = await _client.StartSaleAsync(TestCards.Sale(), _target.Context());
        var callback = await _target.AuthenticateAsync(start.ThreeDHtml, approve: true);
        var completion = new PaymentCompletionRequest(callback["orderId"], callback["islemGUID"], callback["md"]);

        var wrongMd = await _client.CompleteThreeDPaymentAsync(completion with { Md = "not-the-posted-md" }, _target.Context());
        var first = await _client.CompleteThreeDPaymentAsync(completion, _target.Context());
        var replay = await _client.CompleteThreeDPaymentAsync(completion, _target.Context());

        wrongMd.Approved.Should().BeFalse("TP_WMD_Pay needs the md the bank posted");
        first.Approved.Should().BeTrue();
        replay.Approved.Should().BeFalse();
        replay.ReceiptId.Should().Be(0);
    }

    [Test]
    public async Task InsufficientFunds_IsRefusedAtPayWithBankCode51()
    {
        _target.RequireSandbox("scripted card");
        var start = await _client.StartSaleAsync(TestCards.Sale(card: TestCards.INSUFFICIENT_FUNDS), _target.Context());
        var callback = await _target.AuthenticateAsync(start.ThreeDHtml, approve: true);

        var pay = await _client.CompleteThreeDPaymentAsync(new PaymentCompletionRequest(callback["orderId"], callback["islemGUID"], callback["md"]), _target.Context());

        pay.Approved.Should().BeFalse();
        pay.BankCode.Should().Be(51);
        ParamErrorCatalog.Explain(pay.Error).English.Should().Be("Insufficient funds or card limit.");
    }

    [Test]
    public async Task DeclinedCard_IsRefusedByTpWmdUcd()
    {
        _target.RequireSandbox("scripted card");

        var start = await _client.StartSaleAsync(TestCards.Sale(card: TestCards.DECLINED_AT_START), _target.Context());

        start.Outcome.Should().Be(SaleStartOutcome.Declined);
        start.Error.BankCode.Should().Be("05");
        start.ThreeDHtml.Should().BeNull();
    }

    [Test]
    public async Task NonSecureSale_IsChargedAtOnce()
    {
        _target.RequireSandbox("NonSecure needs a merchant enabled for it");
        var sale = TestCards.Sale(security: ThreeDSecurity.NonSecure, amount: 42.5m);

        var result = await _client.StartSaleAsync(sale, _target.Context());
        var status = await _client.QueryTransactionAsync(sale.OrderId, _target.Context(), receiptId: result.TransactionId.ToString());

        result.Outcome.Should().Be(SaleStartOutcome.Approved);
        result.TransactionId.Should().BePositive();
        status.State.Should().Be(TransactionState.Paid);
        status.OrderId.Should().Be(sale.OrderId);
    }

    [Test]
    public async Task Refunds_OnAnyDay_AccumulateAndCannotExceedTheSale()
    {
        _target.RequireSandbox("closing the business day");
        var sale = TestCards.Sale(security: ThreeDSecurity.NonSecure, amount: 100m, total: 104.59m, installments: 3);
        (await _client.StartSaleAsync(sale, _target.Context())).Outcome.Should().Be(SaleStartOutcome.Approved);

        var sameDayRefund = await _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Refund, sale.OrderId, 10m), _target.Context());
        var cancelAfterARefund = await _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Cancel, sale.OrderId, 104.59m), _target.Context());
        await _target.CloseDayAsync();
        var cancelAfterDayEnd = await _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Cancel, sale.OrderId, 104.59m), _target.Context());
        var first = await _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Refund, sale.OrderId, 30m), _target.Context());
        var second = await _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Refund, sale.OrderId, 50.5m), _target.Context());
        var tooMuch = await _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Refund, sale.OrderId, 14.10m), _target.Context());
        var partial = await _client.QueryTransactionAsync(sale.OrderId, _target.Context());
        var rest = await _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Refund, sale.OrderId, 14.09m), _target.Context());
        var refunded = await _client.QueryTransactionAsync(sale.OrderId, _target.Context());

        sameDayRefund.Succeeded.Should().BeTrue("Param's test service accepted a same-day IADE (OPEN-QUESTIONS A43)");
        cancelAfterARefund.Error.Code.Should().Be(-210, "a partly refunded sale can no longer be cancelled");
        cancelAfterDayEnd.Error.Code.Should().Be(-210, "after day end only a refund is possible");
        first.Succeeded.Should().BeTrue();
        second.Succeeded.Should().BeTrue();
        tooMuch.Error.Code.Should().Be(-221);
        partial.State.Should().Be(TransactionState.Paid, "a partly refunded sale is still live");
        partial.RefundedAmount.Should().Be(90.5m);
        rest.Succeeded.Should().BeTrue();
        refunded.State.Should().Be(TransactionState.Refunded);
        refunded.RefundedAmount.Should().Be(104.59m);
    }

    [Test]
    public async Task Cancel_NeedsTheFullAmountAndWorksOnce()
    {
        _target.RequireSandbox("NonSecure needs a merchant enabled for it");
        var sale = TestCards.Sale(security: ThreeDSecurity.NonSecure, amount: 20m);
        await _client.StartSaleAsync(sale, _target.Context());

        var partialCancel = await _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Cancel, sale.OrderId, 10m), _target.Context());
        var cancel = await _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Cancel, sale.OrderId, 20m), _target.Context());
        var again = await _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Cancel, sale.OrderId, 20m), _target.Context());

        partialCancel.Succeeded.Should().BeFalse();
        cancel.Succeeded.Should().BeTrue();
        again.Error.Code.Should().Be(-211);
    }

    [Test]
    public async Task ReusedOrderId_OfASuccessfulPayment_IsRefused()
    {
        _target.RequireSandbox("NonSecure needs a merchant enabled for it");
        var sale = TestCards.Sale(security: ThreeDSecurity.NonSecure);
        await _client.StartSaleAsync(sale, _target.Context());

        var again = await _client.StartSaleAsync(TestCards.Sale(orderId: sale.OrderId), _target.Context());

        again.Outcome.Should().Be(SaleStartOutcome.Declined);
        again.Error.ParamText.Should().Contain("Yeni Siparis_ID");
    }

    [Test]
    public async Task WrongCredentials_AreRefusedWithParamsCodes()
    {
        var wrongUser = new ParamCredentials(_target.Credentials.ClientCode, "nobody", _target.Credentials.Password, _target.Credentials.Guid);
        var wrongGuid = new ParamCredentials(_target.Credentials.ClientCode, _target.Credentials.Username, _target.Credentials.Password, "11111111-2222-3333-4444-555555555555");

        var user = await _client.GetInstallmentRatesAsync(_target.Context(credentials: wrongUser));
        var guid = await _client.GetInstallmentRatesAsync(_target.Context(credentials: wrongGuid));

        // any server: refused with a negative code
        user.Error.Should().NotBeNull();
        user.Error.Code.Should().BeNegative();
        guid.Error.Should().NotBeNull();
        if (!_target.IsSandbox)
            return;

        user.Error.Code.Should().Be(-100);
        guid.Error.Code.Should().Be(-100);
        var wrongPassword = new ParamCredentials(_target.Credentials.ClientCode, _target.Credentials.Username, "wrong", _target.Credentials.Guid);
        (await _client.GetInstallmentRatesAsync(_target.Context(credentials: wrongPassword))).Error.Code.Should().Be(-101);
    }

    [Test]
    public async Task InstallmentRules_AreEnforcedByTheService()
    {
        _target.RequireSandbox("the sandbox's rate table");

        var notOffered = await _client.StartSaleAsync(TestCards.Sale(card: TestCards.AKBANK_AXESS, installments: 4, total: 100m), _target.Context());
        var debit = await _client.StartSaleAsync(TestCards.Sale(card: TestCards.HALKBANK_DEBIT, installments: 2, total: 100m), _target.Context());
        var wrongCommission = await _client.StartSaleAsync(TestCards.Sale(card: TestCards.AKBANK_AXESS, installments: 3, total: 104.00m), _target.Context());

        notOffered.Error.Code.Should().Be(-201);
        debit.Error.Code.Should().Be(-220);
        wrongCommission.Error.Code.Should().Be(-202);
    }

    [Test]
    public async Task Query_UnknownOrderIsNotFound()
    {
        var status = await _client.QueryTransactionAsync(TestCards.NewOrderId(), _target.Context());

        // any server
        status.State.Should().Be(TransactionState.NotFound);
        status.Error.Should().NotBeNull();
    }
}
