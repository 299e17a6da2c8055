using FluentAssertions;
using System.Xml.Linq;
using Nop.Plugin.Payments.ParamPos.Installments;
using NUnit.Framework;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Tests.Support;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Gateway;

/// <summary>
/// The documented responses (Fixtures/Param) read into typed results, with Param's success rules applied.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Gateway)]
public class ParamClientResponseTests
{
    private static async Task<T> Read<T>(string fixture, Func<ParamClient, Task<T>> call)
    {
        var handler = new RecordingHandler().Answer(ParamFixtures.Read(fixture));

        return await call(GatewayTestContext.Client(handler, queryRetries: 0));
    }

    [Test]
    public async Task RateList_IsReadFromTheDiffgram()
    {
        var result = await Read("TP_Ozel_Oran_SK_Liste/success.response.xml", client => client.GetInstallmentRatesAsync(GatewayTestContext.Context()));

        result.Error.Should().BeNull();
        result.Programs.Select(program => (program.PosId, program.Name)).Should().Equal((1029, "Diğer Banka Kartları"), (1014, "Axess"));
        var axess = result.Programs[1];
        axess.RateFor(1).Should().Be(1.75m);
        axess.RateFor(3).Should().Be(4.10m);
        axess.RateFor(6).Should().Be(7.90m);
        axess.RateFor(4).Should().BeNull("-2.0000 means not offered");
        axess.RateFor(7).Should().BeNull("-1.0000 means not offered");
        axess.Rates[7].Should().Be(-1m, "the raw rate is kept");
        axess.LogoUrl.Should().Be("https://param.com.tr/images/banka/axess.png");
    }

    [Test]
    public async Task BinLookup_ReadsTheRowAndTellsDebitFromKartTip()
    {
        var result = await Read("BIN_SanalPos/debit.response.xml", client => client.LookupBinAsync("606043", GatewayTestContext.Context()));

        result.Error.Should().BeNull();
        result.Card.Should().BeEquivalentTo(new
        {
            Bin = "606043", PosId = 1013, BankName = "TÜRKİYE FİNANS KATILIM BANKASI A.Ş.", CardType = "Debit Card", Scheme = "MASTER CARD",
            Brand = "Diğer Banka Kartları", BankCode = "206", IsCommercial = false, Dkk = (int?)0, IsDebit = true
        });
    }

    [Test]
    public async Task BinTable_ReadsEveryRow_AndIndexesOnlySixDigitBins()
    {
        var answer = ParamFixtures.Read("BIN_SanalPos/debit.response.xml");
        var row = answer[answer.IndexOf("<Temp ", StringComparison.Ordinal)..(answer.IndexOf("</Temp>", StringComparison.Ordinal) + "</Temp>".Length)];
        var eightDigits = row.Replace("<BIN>606043</BIN>", "<BIN>60604312</BIN>").Replace("Temp1", "Temp2");
        var again = row.Replace("<SanalPOS_ID>1013</SanalPOS_ID>", "<SanalPOS_ID>9999</SanalPOS_ID>").Replace("Temp1", "Temp3");
        answer = answer.Replace(row, row + eightDigits + again);

        var result = await GatewayTestContext.Client(new RecordingHandler().Answer(answer)).GetBinTableAsync(GatewayTestContext.Context());
        var index = BinTable.Index(result.Cards);

        result.Error.Should().BeNull();
        result.Cards.Select(card => card.Bin).Should().Equal("606043", "60604312", "606043");
        index.Should().ContainSingle().Which.Value.PosId.Should().Be(1013, "an 8-digit row cannot answer a 6-digit lookup, and the first row of a BIN wins");
    }

    [Test]
    public async Task BinTable_IsAskedWithAnEmptyBin()
    {
        var handler = new RecordingHandler().Answer(ParamFixtures.Read("BIN_SanalPos/debit.response.xml"));

        await GatewayTestContext.Client(handler).GetBinTableAsync(GatewayTestContext.Context());

        XDocument.Parse(handler.Requests.Single().Body).Descendants(XName.Get("BIN", "https://turkpos.com.tr/")).Single().Value.Should().BeEmpty();
    }

    [Test]
    public void DiffgramReader_ReadsRowsFromTheDiffgramNotTheSchema()
    {
        var table = System.Xml.Linq.XElement.Parse("""
            <DT_Bilgi xmlns="https://turkpos.com.tr/">
              <xs:schema id="NewDataSet" xmlns="" xmlns:xs="http://www.w3.org/2001/XMLSchema"><NewDataSet><Temp><BIN>999999</BIN></Temp></NewDataSet></xs:schema>
              <diffgr:diffgram xmlns:diffgr="urn:schemas-microsoft-com:xml-diffgram-v1"><NewDataSet xmlns=""><Temp><BIN>454671</BIN><SanalPOS_ID>1013</SanalPOS_ID></Temp><Temp><BIN>557113</BIN></Temp></NewDataSet></diffgr:diffgram>
            </DT_Bilgi>
            """);

        var rows = DiffgramReader.ReadRows(table, "Temp");

        rows.Select(row => row["BIN"]).Should().Equal("454671", "557113");
        rows[1].ContainsKey("SanalPOS_ID").Should().BeFalse("a null column is absent from its row");
    }

    [Test]
    public async Task ThreeDStart_ReturnsTheBanksPage()
    {
        var result = await Read("TP_WMD_UCD/3d.response.xml", client => client.StartSaleAsync(GatewayTestContext.Sale(), GatewayTestContext.Context()));

        result.Outcome.Should().Be(SaleStartOutcome.RedirectToBank);
        result.ThreeDHtml.Should().StartWith("<!DOCTYPE html").And.Contain("<form id=\"webform0\" method=\"POST\"", "the escaped HTML is decoded");
        result.TransactionGuid.Should().Be("5b3c1d2e-7f80-4a91-b2c3-d4e5f6a7b8c9");
        result.TransactionId.Should().Be(6021840768);
        result.OrderId.Should().Be("ORD-20250101-0001");
        result.Error.Should().BeNull();
    }

    [Test]
    public async Task NonSecureSuccess_IsApprovedWithTheReceipt()
    {
        var result = await Read("TP_WMD_UCD/ns-success.response.xml", client => client.StartSaleAsync(GatewayTestContext.Sale(security: ThreeDSecurity.NonSecure), GatewayTestContext.Context()));

        result.Outcome.Should().Be(SaleStartOutcome.Approved);
        result.TransactionId.Should().Be(3007296556, "in NonSecure mode Islem_ID is the receipt");
        result.BankAuthCode.Should().Be("P77950");
        result.ThreeDHtml.Should().BeNull();
    }

    [Test]
    public async Task NonSecureDecline_CarriesParamsTextAndTheBankCode()
    {
        var result = await Read("TP_WMD_UCD/ns-decline.response.xml", client => client.StartSaleAsync(GatewayTestContext.Sale(security: ThreeDSecurity.NonSecure), GatewayTestContext.Context()));

        result.Outcome.Should().Be(SaleStartOutcome.Declined);
        result.Error.Code.Should().Be(-1);
        result.Error.BankCode.Should().Be("99");
        result.Error.ParamText.Should().Be("Tekrar girin, tekrar deneyin.");
        ParamErrorCatalog.Explain(result.Error).English.Should().Be("The bank declined the payment.");
        ParamErrorCatalog.Explain(result.Error).Turkish.Should().Be("Banka ödemeyi onaylamadı.");
    }

    [Test]
    public async Task PaySuccess_NeedsAReceipt()
    {
        var result = await Read("TP_WMD_Pay/success.response.xml", client => client.CompleteThreeDPaymentAsync(new PaymentCompletionRequest("ORD-20250101-0001", "g", "md"), GatewayTestContext.Context()));

        result.Approved.Should().BeTrue();
        result.ReceiptId.Should().Be(3007295376);
        result.BankAuthCode.Should().Be("150888");
        result.BankHostReference.Should().Be("436419200463");
    }

    [Test]
    public async Task PayFailure_IsATypedErrorNotAnException()
    {
        var result = await Read("TP_WMD_Pay/account-not-found.response.xml", client => client.CompleteThreeDPaymentAsync(new PaymentCompletionRequest("o", "g", "md"), GatewayTestContext.Context()));

        result.Approved.Should().BeFalse();
        result.Error.Code.Should().Be(-100);
        result.Error.ParamText.Should().Be("Hesap bulunamadı.");
        ParamErrorCatalog.Explain(result.Error).English.Should().Contain("did not recognize the account");
        ParamErrorCatalog.Explain(result.Error).Turkish.Should().Contain("hesabı bulamadı");
    }

    [Test]
    public async Task Refund_ApprovedAndNotEligible()
    {
        var approved = await Read("TP_Islem_Iptal_Iade_Kismi2/approved.response.xml", client => client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Refund, "o", 50.5m), GatewayTestContext.Context()));
        var refused = await Read("TP_Islem_Iptal_Iade_Kismi2/no-eligible.response.xml", client => client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Cancel, "o", 50.5m), GatewayTestContext.Context()));

        approved.Succeeded.Should().BeTrue();
        approved.BankAuthCode.Should().Be("142436");
        refused.Succeeded.Should().BeFalse();
        refused.Error.Code.Should().Be(-210);
        refused.Error.ParamText.Should().Be("İptal/İadeye uygun işlem bulunamadı.");
    }

    [Test]
    public async Task Query_ReadsARefundedSale()
    {
        var status = await Read("TP_Islem_Sorgulama4/refunded.response.xml", client => client.QueryTransactionAsync("20250105E324", GatewayTestContext.Context()));

        status.State.Should().Be(TransactionState.Refunded);
        status.PaymentResult.Should().Be(13);
        status.RawState.Should().Be("REFUND");
        status.ReceiptId.Should().Be(3007296662);
        status.TotalAmount.Should().Be(10.01m);
        status.CommissionRate.Should().Be(1.75m);
        status.CommissionAmount.Should().Be(0.18m);
        status.RefundedAmount.Should().Be(10.01m);
        status.MaskedCardNumber.Should().Be("581877******2285");
        status.Date.Should().Be(new DateTime(2025, 1, 5, 13, 14, 32));
    }

    [Test]
    public async Task PreAuthorizationTrio_ReadTheirResults()
    {
        var started = await Read("TP_Islem_Odeme_OnProv_WMD/ns.response.xml", client => client.StartPreAuthorizationAsync(GatewayTestContext.Sale(orderId: "ORD-20250101-0002", security: ThreeDSecurity.NonSecure, amount: 250m, total: 250m), GatewayTestContext.Context()));
        var captured = await Read("TP_Islem_Odeme_OnProv_Kapa/success.response.xml", client => client.CapturePreAuthorizationAsync("ORD-20250101-0002", 250m, null, GatewayTestContext.Context()));
        var released = await Read("TP_Islem_Iptal_OnProv/success.response.xml", client => client.CancelPreAuthorizationAsync("ORD-20250101-0002", null, GatewayTestContext.Context()));

        started.Outcome.Should().Be(SaleStartOutcome.Approved);
        started.TransactionId.Should().Be(6005034747);
        captured.Captured.Should().BeTrue();
        captured.ReceiptId.Should().Be(6004466311);
        captured.ProvisionId.Should().Be("f7184b1f-c4c2-4d2e-8428-fc6014a00900");
        released.Succeeded.Should().BeTrue();
        released.BankCode.Should().Be("00");
    }
}
