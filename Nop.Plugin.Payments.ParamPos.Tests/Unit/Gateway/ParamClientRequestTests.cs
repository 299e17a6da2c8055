using System.Net;
using System.Xml.Linq;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Gateway;

/// <summary>
/// What goes on the wire: the exact SOAP body, headers and amounts, and the retry policy (payments once, queries with backoff).
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Gateway)]
public class ParamClientRequestTests
{
    private static readonly XNamespace Tns = "https://turkpos.com.tr/";
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";

    [Test]
    public async Task StartSale_SendsTheDocumentedEnvelope()
    {
        var handler = new RecordingHandler().Answer(ParamFixtures.Read("TP_WMD_UCD/3d.response.xml"));

        await GatewayTestContext.Client(handler).StartSaleAsync(GatewayTestContext.Sale(), GatewayTestContext.Context());

        var request = handler.Requests.Single();
        request.Method.Should().Be(HttpMethod.Post);
        request.SoapAction.Should().Be("\"https://turkpos.com.tr/TP_WMD_UCD\"");
        request.ContentType.Should().Be("text/xml; charset=utf-8");
        var body = XDocument.Parse(request.Body).Root!.Element(Soap + "Body")!.Element(Tns + "TP_WMD_UCD")!;
        body.Elements().Select(element => element.Name.LocalName).Should().Equal(
            "G", "GUID", "KK_Sahibi", "KK_No", "KK_SK_Ay", "KK_SK_Yil", "KK_CVC", "KK_Sahibi_GSM", "Hata_URL", "Basarili_URL", "Siparis_ID",
            "Siparis_Aciklama", "Taksit", "Islem_Tutar", "Toplam_Tutar", "Islem_Hash", "Islem_Guvenlik_Tip", "Islem_ID", "IPAdr", "Ref_URL",
            "Data1", "Data2", "Data3", "Data4", "Data5");
        string Field(string name) => body.Element(Tns + name)!.Value;
        body.Element(Tns + "G")!.Elements().Select(element => element.Value).Should().Equal("10738", "Test", "Test");
        Field("KK_SK_Ay").Should().Be("12");
        Field("KK_SK_Yil").Should().Be("2030");
        Field("Taksit").Should().Be("1");
        Field("Islem_Tutar").Should().Be("100,00");
        Field("Toplam_Tutar").Should().Be("101,75");
        Field("Islem_Hash").Should().Be("qUqwNQ5uFANONs0kg2RB1aFH35o=", "the §6.2 worked example");
        Field("Islem_Guvenlik_Tip").Should().Be("3D");
        Field("Data1").Should().BeEmpty("optional elements are sent empty, not omitted");
        request.Body.Should().Contain("<KK_Sahibi_GSM>5551234567</KK_Sahibi_GSM>");
    }

    [Test]
    public async Task StartSale_EmptyMobileIsSentAsAnEmptyElement()
    {
        var handler = new RecordingHandler().Answer(ParamFixtures.Read("TP_WMD_UCD/3d.response.xml"));
        var sale = new SaleRequest
        {
            OrderId = "A1", CardHolderName = "A B", CardNumber = "4546711234567894", ExpiryMonth = 1, ExpiryYear = 2031, Cvc = "123",
            Amount = 10m, TotalAmount = 10m, SuccessUrl = "https://s/ok", FailureUrl = "https://s/fail"
        };

        await GatewayTestContext.Client(handler).StartSaleAsync(sale, GatewayTestContext.Context());

        var body = XDocument.Parse(handler.Requests.Single().Body).Descendants(Tns + "TP_WMD_UCD").Single();
        body.Element(Tns + "KK_Sahibi_GSM").Should().NotBeNull().And.Subject.As<XElement>().Value.Should().BeEmpty();
        body.Element(Tns + "KK_SK_Ay")!.Value.Should().Be("01");
    }

    [Test]
    public async Task Refund_SendsTutarWithADot()
    {
        var handler = new RecordingHandler().Answer(ParamFixtures.Read("TP_Islem_Iptal_Iade_Kismi2/approved.response.xml"));

        await GatewayTestContext.Client(handler).ReverseSaleAsync(new ReversalRequest(ReversalKind.Refund, "ORD-1", 1234.5m), GatewayTestContext.Context());

        var body = XDocument.Parse(handler.Requests.Single().Body).Descendants(Tns + "TP_Islem_Iptal_Iade_Kismi2").Single();
        body.Element(Tns + "Durum")!.Value.Should().Be("IADE");
        body.Element(Tns + "Tutar")!.Value.Should().Be("1234.50");
    }

    [Test]
    public async Task BinLookup_SendsNoGuid()
    {
        var handler = new RecordingHandler().Answer(ParamFixtures.Read("BIN_SanalPos/debit.response.xml"));

        await GatewayTestContext.Client(handler).LookupBinAsync("606043", GatewayTestContext.Context());

        XDocument.Parse(handler.Requests.Single().Body).Descendants(Tns + "BIN_SanalPos").Single().Elements().Select(element => element.Name.LocalName)
            .Should().Equal("G", "BIN");
    }

    [Test]
    public async Task PaymentCalls_AreNeverRetried()
    {
        var handler = new RecordingHandler().Answer("", HttpStatusCode.ServiceUnavailable).Answer(ParamFixtures.Read("TP_WMD_Pay/success.response.xml"));

        var act = () => GatewayTestContext.Client(handler).CompleteThreeDPaymentAsync(new PaymentCompletionRequest("o", "g", "md"), GatewayTestContext.Context());

        (await act.Should().ThrowAsync<ParamGatewayException>()).Which.Should().BeEquivalentTo(new { Kind = ParamFailureKind.HttpStatus, HttpStatus = 503, OutcomeUnknown = true });
        handler.Requests.Should().HaveCount(1);
    }

    [Test]
    public async Task Queries_AreRetriedOnTransientFailures()
    {
        var handler = new RecordingHandler()
            .Answer("", HttpStatusCode.BadGateway)
            .Answer("<html><body>maintenance</body></html>", HttpStatusCode.OK, "text/html")
            .Answer(ParamFixtures.Read("TP_Ozel_Oran_SK_Liste/success.response.xml"));

        var result = await GatewayTestContext.Client(handler, queryRetries: 2).GetInstallmentRatesAsync(GatewayTestContext.Context());

        result.Programs.Should().HaveCount(2);
        handler.Requests.Should().HaveCount(3);
    }

    [Test]
    public async Task Queries_GiveUpAfterTheConfiguredRetries()
    {
        var handler = new RecordingHandler().Answer("", HttpStatusCode.BadGateway).Answer("", HttpStatusCode.BadGateway);

        var act = () => GatewayTestContext.Client(handler, queryRetries: 1).QueryTransactionAsync("o", GatewayTestContext.Context());

        await act.Should().ThrowAsync<ParamGatewayException>();
        handler.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task Timeout_IsClassifiedAndTheOutcomeUnknown()
    {
        // Param answers, but only after the call's 200 ms are over.
        var handler = new RecordingHandler().Answer(ParamFixtures.Read("TP_WMD_Pay/success.response.xml"));
        var slowHandler = new DelayingHandler(handler, TimeSpan.FromSeconds(2));

        var act = () => new ParamClient(new HttpClient(slowHandler), new ParamClientOptions()).CompleteThreeDPaymentAsync(new PaymentCompletionRequest("o", "g", "md"), GatewayTestContext.Context(TimeSpan.FromMilliseconds(200)));

        var failure = (await act.Should().ThrowAsync<ParamGatewayException>()).Which;
        failure.Kind.Should().Be(ParamFailureKind.Timeout);
        failure.OutcomeUnknown.Should().BeTrue();
    }

    [Test]
    public async Task CallerCancellation_IsNotATimeout()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var handler = new RecordingHandler().Answer(ParamFixtures.Read("TP_WMD_Pay/success.response.xml"));

        var act = () => GatewayTestContext.Client(handler).CompleteThreeDPaymentAsync(new PaymentCompletionRequest("o", "g", "md"), GatewayTestContext.Context(), cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    public async Task IncompleteCredentials_FailBeforeSending()
    {
        var handler = new RecordingHandler();
        var context = new ParamCallContext(new ParamCredentials("10738", "Test", "", "0c13d406-873b-403b-9c09-a5766840d98c"), GatewayTestContext.ServiceUrl, TimeSpan.FromSeconds(5));

        var act = () => GatewayTestContext.Client(handler).GetInstallmentRatesAsync(context);

        (await act.Should().ThrowAsync<ParamGatewayException>()).Which.Kind.Should().Be(ParamFailureKind.Configuration);
        handler.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task ParamHosts_AreHttpsOnly()
    {
        var handler = new RecordingHandler();
        var context = GatewayTestContext.Context() with { ServiceUrl = new Uri("http://posws.param.com.tr/turkpos.ws/service_turkpos_prod.asmx") };

        var act = () => GatewayTestContext.Client(handler).GetInstallmentRatesAsync(context);

        (await act.Should().ThrowAsync<ParamGatewayException>()).Which.Kind.Should().Be(ParamFailureKind.Configuration);
        handler.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task Observer_SeesRedactedTrafficOnly()
    {
        var handler = new RecordingHandler().Answer(ParamFixtures.Read("TP_WMD_UCD/3d.response.xml"));
        var observer = new CollectingObserver();

        await GatewayTestContext.Client(handler).StartSaleAsync(GatewayTestContext.Sale(), GatewayTestContext.Context(observer: observer));

        var exchange = observer.Exchanges.Single();
        exchange.Operation.Should().Be("TP_WMD_UCD");
        exchange.HttpStatus.Should().Be(200);
        exchange.Failure.Should().BeNull();
        exchange.Request.Should().Contain("454671******7894");
        foreach (var secret in new[] { "4546711234567894", "<KK_CVC>000</KK_CVC>", "<CLIENT_PASSWORD>Test</CLIENT_PASSWORD>", "0c13d406-873b-403b-9c09-a5766840d98c", "qUqwNQ5uFANONs0kg2RB1aFH35o=" })
            (exchange.Request + exchange.Response).Should().NotContain(secret);
    }

    private sealed class CollectingObserver : IParamTrafficObserver
    {
        public List<ParamExchange> Exchanges { get; } = new();

        public void OnExchange(ParamExchange exchange) => Exchanges.Add(exchange);
    }

    /// <summary>Delays the answer on the async path, honouring cancellation (so the client's timeout can fire).</summary>
    private sealed class DelayingHandler(HttpMessageHandler inner, TimeSpan delay) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
