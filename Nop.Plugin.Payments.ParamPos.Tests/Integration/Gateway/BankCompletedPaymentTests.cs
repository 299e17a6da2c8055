using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Gateway;

/// <summary>Pos_Odeme (3D Pay) and TP_Islem_Odeme_WD (foreign currency) over HTTP, with the bank's TURKPOS_RETVAL_* POST.</summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Gateway), Category(TestCategories.ThreeDPay)]
public class BankCompletedPaymentTests
{
    private GatewayTarget _target;
    private ParamClient _client;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _target = await GatewayTarget.StartAsync();
        _target.RequireSandbox("the bank's 3-D page is the sandbox's");
        _client = _target.Client();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _target.DisposeAsync();
    }

    private static string RedirectPage(string url) => $"<html><head><meta http-equiv=\"refresh\" content=\"0;url={url}\"></head></html>";

    [Test]
    public async Task PosOdeme_SendsTheBrowserToTheBank_WhichPostsASignedResult()
    {
        var sale = TestCards.Sale(card: TestCards.AKBANK_AXESS, amount: 100m, total: 104.10m, installments: 3);

        var start = await _client.StartThreeDPaySaleAsync(sale, _target.Context());
        var posted = await _target.AuthenticateAsync(RedirectPage(start.ThreeDUrl), approve: true);
        var result = BankPaymentReturn.Read(name => posted.Fields.TryGetValue(name, out var value) ? value : null);

        start.Outcome.Should().Be(SaleStartOutcome.RedirectToBank);
        start.ThreeDUrl.Should().StartWith("http").And.Contain("/bank/3d/");
        start.ThreeDHtml.Should().BeNull();
        posted.Url.Should().Be(sale.SuccessUrl);
        result.Approved.Should().BeTrue();
        result.TahsilatTutari.Should().Be("104,10");
        result.CurrencyCode.Should().Be("TRY");
        result.Verify(_target.Credentials.ClientCode, _target.Credentials.Guid).Should().BeTrue();
        result.Verify(_target.Credentials.ClientCode, "11111111-2222-3333-4444-555555555555").Should().BeFalse("only the store's own GUID signs it");
        var status = await _client.QueryTransactionAsync(sale.OrderId, _target.Context());
        status.Should().BeEquivalentTo(new { State = TransactionState.Paid, ReceiptId = result.ReceiptId, TotalAmount = 104.10m });
    }

    [Test]
    public async Task ForeignCurrency_InEuros_ByAForeignCard_IsASinglePaymentOfTheAmount()
    {
        var sale = TestCards.Sale(card: TestCards.FOREIGN_VISA, amount: 25.50m);

        var start = await _client.StartForeignCurrencySaleAsync(sale, "EUR", _target.Context());
        var posted = await _target.AuthenticateAsync(RedirectPage(start.ThreeDUrl), approve: true);
        var result = BankPaymentReturn.Read(name => posted.Fields.TryGetValue(name, out var value) ? value : null);

        result.Approved.Should().BeTrue();
        result.CurrencyCode.Should().Be("EUR");
        result.TahsilatTutari.Should().Be("25,50");
        result.Verify(_target.Credentials.ClientCode, _target.Credentials.Guid).Should().BeTrue();
        (await _target.TransactionAsync(sale.OrderId)).Should().BeEquivalentTo(new { Status = "Paid", Total = 25.50m, Currency = "EUR", Installments = 1 });
    }

    [Test]
    public async Task ForeignCurrency_WithATurkishCard_IsRefused()
    {
        var start = await _client.StartForeignCurrencySaleAsync(TestCards.Sale(card: TestCards.AKBANK_AXESS, amount: 25m), "USD", _target.Context());

        start.Outcome.Should().Be(SaleStartOutcome.Declined);
        start.Error.ParamText.Should().Contain("yurt dışı kartlarla");
    }

    [Test]
    public async Task ThreeDFailure_PostsDekontZero_ToTheFailureUrl_StillSigned()
    {
        var sale = TestCards.Sale(card: TestCards.AKBANK_AXESS, amount: 50m, total: 50.88m);

        var start = await _client.StartThreeDPaySaleAsync(sale, _target.Context());
        var posted = await _target.AuthenticateAsync(RedirectPage(start.ThreeDUrl), approve: false);
        var result = BankPaymentReturn.Read(name => posted.Fields.TryGetValue(name, out var value) ? value : null);

        posted.Url.Should().Be(sale.FailureUrl);
        result.Approved.Should().BeFalse();
        result.DekontId.Should().Be("0");
        result.Verify(_target.Credentials.ClientCode, _target.Credentials.Guid).Should().BeTrue();
        (await _client.QueryTransactionAsync(sale.OrderId, _target.Context())).State.Should().NotBe(TransactionState.Paid);
    }
}
