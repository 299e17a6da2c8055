using System.Net;
using System.Text;
using System.Xml.Linq;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Sandbox;

/// <summary>
/// The sandbox as a SOAP peer, with hand-written requests (not the plugin's client): routing, schema validation,
/// faults, Param's validation codes, the WSDL, the 3-D page and the redacted request log.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Sandbox)]
public class SandboxProtocolTests
{
    private const string GUID = "0c13d406-873b-403b-9c09-a5766840d98c";
    private const string G = "<G><CLIENT_CODE>10738</CLIENT_CODE><CLIENT_USERNAME>Test</CLIENT_USERNAME><CLIENT_PASSWORD>Test</CLIENT_PASSWORD></G>";
    private GatewayTarget _target;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _target = await GatewayTarget.StartAsync();
        _target.RequireSandbox("tests the sandbox itself");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _target.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string body, string soapAction)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _target.ServiceUrl)
        {
            Content = new StringContent($"<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>{body}</soap:Body></soap:Envelope>", Encoding.UTF8, "text/xml")
        };
        if (soapAction is not null)
            request.Headers.TryAddWithoutValidation("SOAPAction", soapAction);
        var response = await _target.Browser.SendAsync(request);

        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Ucd(string hash, string amount = "100,00", string total = "101,75", string orderId = "ORD-20250101-0001", string card = "5571135571135575") =>
        $"<TP_WMD_UCD xmlns=\"https://turkpos.com.tr/\">{G}<GUID>{GUID}</GUID><KK_Sahibi>Test Kullanici</KK_Sahibi><KK_No>{card}</KK_No><KK_SK_Ay>12</KK_SK_Ay>"
        + $"<KK_SK_Yil>{DateTime.UtcNow.Year + 1}</KK_SK_Yil><KK_CVC>000</KK_CVC><KK_Sahibi_GSM></KK_Sahibi_GSM><Hata_URL>https://shop.example.com/param/fail</Hata_URL>"
        + $"<Basarili_URL>https://shop.example.com/param/ok</Basarili_URL><Siparis_ID>{orderId}</Siparis_ID><Siparis_Aciklama></Siparis_Aciklama><Taksit>1</Taksit>"
        + $"<Islem_Tutar>{amount}</Islem_Tutar><Toplam_Tutar>{total}</Toplam_Tutar><Islem_Hash>{hash}</Islem_Hash><Islem_Guvenlik_Tip>3D</Islem_Guvenlik_Tip>"
        + "<Islem_ID></Islem_ID><IPAdr>203.0.113.10</IPAdr><Ref_URL></Ref_URL><Data1></Data1><Data2></Data2><Data3></Data3><Data4></Data4><Data5></Data5></TP_WMD_UCD>";

    private static string Result(string body, string field)
    {
        return XDocument.Parse(body).Descendants(TurkPosSchema.Tns + field).First().Value;
    }

    [Test]
    public async Task PublishedExampleRequest_IsAccepted()
    {
        // ParamPOS.md §8.5 example, hash from §6.2.
        var (status, body) = await PostAsync(Ucd("qUqwNQ5uFANONs0kg2RB1aFH35o="), "\"https://turkpos.com.tr/TP_WMD_UCD\"");

        status.Should().Be(HttpStatusCode.OK);
        Result(body, "Sonuc").Should().Be("1");
        Result(body, "UCD_HTML").Should().Contain("/bank/3d/");
    }

    private static string PreAuthorization(string orderId, string total, int? installments)
    {
        const string fail = "https://shop.example.com/param/fail", ok = "https://shop.example.com/param/ok";
        var hash = ParamHash.ForPreAuthorization("10738", GUID, "100,00", total, orderId, fail, ok);

        return $"<TP_Islem_Odeme_OnProv_WMD xmlns=\"https://turkpos.com.tr/\">{G}<GUID>{GUID}</GUID><KK_Sahibi>Test Kullanici</KK_Sahibi><KK_No>{TestCards.AKBANK_AXESS}</KK_No>"
            + $"<KK_SK_Ay>12</KK_SK_Ay><KK_SK_Yil>{DateTime.UtcNow.Year + 1}</KK_SK_Yil><KK_CVC>000</KK_CVC><KK_Sahibi_GSM></KK_Sahibi_GSM><Hata_URL>{fail}</Hata_URL>"
            + $"<Basarili_URL>{ok}</Basarili_URL><Siparis_ID>{orderId}</Siparis_ID><Siparis_Aciklama></Siparis_Aciklama><Islem_Tutar>100,00</Islem_Tutar>"
            + $"<Toplam_Tutar>{total}</Toplam_Tutar><Islem_Hash>{hash}</Islem_Hash><Islem_Guvenlik_Tip>NS</Islem_Guvenlik_Tip><Islem_ID></Islem_ID><IPAdr>203.0.113.10</IPAdr>"
            + "<Ref_URL></Ref_URL><Data1></Data1><Data2></Data2><Data3></Data3><Data4></Data4><Data5></Data5>"
            + (installments is null ? string.Empty : $"<Taksit>{installments}</Taksit>") + "</TP_Islem_Odeme_OnProv_WMD>";
    }

    [Test, Category(TestCategories.PreAuth)]
    public async Task PreAuthorization_AcceptsTheOlderShape_AndTheCurrentOneWithTaksitLast()
    {
        var older = TestCards.NewOrderId();
        var current = TestCards.NewOrderId();

        var (olderStatus, olderBody) = await PostAsync(PreAuthorization(older, "101,75", installments: null), "\"https://turkpos.com.tr/TP_Islem_Odeme_OnProv_WMD\"");
        var (currentStatus, currentBody) = await PostAsync(PreAuthorization(current, "104,10", installments: 3), "\"https://turkpos.com.tr/TP_Islem_Odeme_OnProv_WMD\"");
        var (_, wrongTotal) = await PostAsync(PreAuthorization(TestCards.NewOrderId(), "101,75", installments: 3), "\"https://turkpos.com.tr/TP_Islem_Odeme_OnProv_WMD\"");

        olderStatus.Should().Be(HttpStatusCode.OK);
        Result(olderBody, "Sonuc").Should().Be("1", "turkpos.wsdl's shape, without Taksit, is a single payment");
        (await _target.TransactionAsync(older)).Installments.Should().Be(1);
        currentStatus.Should().Be(HttpStatusCode.OK);
        Result(currentBody, "Sonuc").Should().Be("1", "the current service's shape ends with Taksit");
        var held = await _target.TransactionAsync(current);
        held.Installments.Should().Be(3);
        held.Total.Should().Be(104.10m);
        held.Status.Should().Be("PreAuthorized");
        Result(wrongTotal, "Sonuc").Should().Be("-202", "the commission is checked for the installment count sent");
    }

    [Test]
    public async Task WrongHash_IsRefusedWith102()
    {
        var (_, body) = await PostAsync(Ucd("AAAAAAAAAAAAAAAAAAAAAAAAAAA="), "\"https://turkpos.com.tr/TP_WMD_UCD\"");

        Result(body, "Sonuc").Should().Be("-102");
    }

    [TestCase("100.00", "-112")]
    [TestCase("100,5", "-115")]
    [TestCase("100,000", "-115")]
    public async Task AmountFormat_IsChecked(string amount, string expected)
    {
        var hash = ParamHash.ForSale("10738", GUID, 1, amount, amount, "ORD-FMT");

        var (_, body) = await PostAsync(Ucd(hash, amount, amount, "ORD-FMT"), "\"https://turkpos.com.tr/TP_WMD_UCD\"");

        Result(body, "Sonuc").Should().Be(expected);
    }

    [Test]
    public async Task LongOrderId_IsRefusedWith104()
    {
        var orderId = new string('A', 37);
        var hash = ParamHash.ForSale("10738", GUID, 1, "100,00", "101,75", orderId);

        var (_, body) = await PostAsync(Ucd(hash, orderId: orderId), "\"https://turkpos.com.tr/TP_WMD_UCD\"");

        Result(body, "Sonuc").Should().Be("-104");
    }

    [Test]
    public async Task RequestOutOfWsdlOrder_GetsTheAsmxSoapFault()
    {
        var (status, body) = await PostAsync($"<TP_Ozel_Oran_SK_Liste xmlns=\"https://turkpos.com.tr/\"><GUID>{GUID}</GUID>{G}</TP_Ozel_Oran_SK_Liste>", "\"https://turkpos.com.tr/TP_Ozel_Oran_SK_Liste\"");

        status.Should().Be(HttpStatusCode.InternalServerError);
        body.Should().Contain("<faultcode>soap:Client</faultcode>").And.Contain("Server was unable to read request.");
    }

    [Test]
    public async Task MissingSoapAction_IsRoutedByTheBodyElement()
    {
        var (status, body) = await PostAsync($"<TP_Ozel_Oran_SK_Liste xmlns=\"https://turkpos.com.tr/\">{G}<GUID>{GUID}</GUID></TP_Ozel_Oran_SK_Liste>", null);

        status.Should().Be(HttpStatusCode.OK);
        Result(body, "Sonuc").Should().Be("1");
    }

    [Test]
    public async Task UnknownSoapAction_GetsAFault()
    {
        var (status, body) = await PostAsync($"<TP_Ozel_Oran_SK_Liste xmlns=\"https://turkpos.com.tr/\">{G}<GUID>{GUID}</GUID></TP_Ozel_Oran_SK_Liste>", "\"https://turkpos.com.tr/Nope\"");

        status.Should().Be(HttpStatusCode.InternalServerError);
        body.Should().Contain("Server did not recognize the value of HTTP Header SOAPAction");
    }

    [Test]
    public async Task NotXml_GetsAFault()
    {
        using var response = await _target.Browser.PostAsync(_target.ServiceUrl, new StringContent("this is not xml", Encoding.UTF8, "text/xml"));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).Should().Contain("soap:Client");
    }

    [Test]
    public async Task Sha2B64_ComputesTheDocumentedVector()
    {
        var (_, body) = await PostAsync("<SHA2B64 xmlns=\"https://turkpos.com.tr/\"><Data>107380c13d406-873b-403b-9c09-a5766840d98c1100,00101,75ORD-20250101-0001</Data></SHA2B64>", "\"https://turkpos.com.tr/SHA2B64\"");

        Result(body, "SHA2B64Result").Should().Be("qUqwNQ5uFANONs0kg2RB1aFH35o=");
    }

    [Test]
    public async Task Wsdl_IsServedWithTheSandboxAddress()
    {
        var wsdl = await _target.Browser.GetStringAsync(_target.ServiceUrl + "?wsdl");

        wsdl.Should().Contain($"location=\"{_target.ServiceUrl}\"");
        wsdl.Should().NotContain("https://posws.param.com.tr");
    }

    [Test]
    public async Task BankPage_AnswersOnce()
    {
        var client = _target.Client();
        var start = await client.StartSaleAsync(TestCards.Sale(), _target.Context());
        await _target.AuthenticateAsync(start.ThreeDHtml, approve: true);

        var act = () => _target.AuthenticateAsync(start.ThreeDHtml, approve: true);

        await act.Should().ThrowAsync<AssertionException>().WithMessage("HTTP 404*");
    }

    [Test]
    public async Task RequestLog_IsRedacted()
    {
        await _target.Client().StartSaleAsync(TestCards.Sale(card: TestCards.AKBANK_AXESS), _target.Context());

        var log = await _target.Browser.GetStringAsync("sandbox/api/requests");
        var page = await _target.Browser.GetStringAsync("sandbox/requests");

        foreach (var text in new[] { log, page })
        {
            text.Should().NotContain(TestCards.AKBANK_AXESS).And.NotContain(GUID).And.NotContain("<CLIENT_PASSWORD>Test<");
            text.Should().Contain("557113******5575");
        }
    }

    [Test]
    public async Task HomePage_ListsTheTestAccountAndCards()
    {
        var home = await _target.Browser.GetStringAsync("/");

        home.Should().Contain("10738").And.Contain(TestCards.HALF_THREE_D).And.Contain("Axess");
    }
}
