using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Gateway;

/// <summary>Every kind of non-answer becomes a classified <see cref="ParamGatewayException"/>.</summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Gateway)]
public class ParamSoapCodecTests
{
    private static ParamGatewayException Failure(int status, string contentType, string body)
    {
        try
        {
            ParamSoapCodec.ReadResponse<TP_WMD_PayResponse>("TP_WMD_Pay", status, contentType, body);
        }
        catch (ParamGatewayException exception)
        {
            return exception;
        }

        throw new AssertionException("no exception");
    }

    [Test]
    public void SoapFault_IsReadWithItsCode()
    {
        var fault = Failure(500, "text/xml", """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>Server was unable to read request.</faultstring></soap:Fault></soap:Body></soap:Envelope>""");

        fault.Kind.Should().Be(ParamFailureKind.SoapFault);
        fault.FaultCode.Should().Be("soap:Client");
        fault.Message.Should().Contain("Server was unable to read request.");
        fault.OutcomeUnknown.Should().BeFalse();
    }

    [Test]
    public void HtmlPage_IsNotSoap()
    {
        Failure(200, "text/html", "<!DOCTYPE html><html><body>Bakım</body></html>").Kind.Should().Be(ParamFailureKind.InvalidResponse);
        Failure(200, "text/xml", "  <html><body>proxy</body></html>").Kind.Should().Be(ParamFailureKind.InvalidResponse);
        Failure(502, "text/html", "<html>Bad gateway</html>").Should().BeEquivalentTo(new { Kind = ParamFailureKind.HttpStatus, HttpStatus = 502 });
    }

    [Test]
    public void MalformedXml_IsAnInvalidResponse()
    {
        var failure = Failure(200, "text/xml", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><TP_WMD_PayResponse>");

        failure.Kind.Should().Be(ParamFailureKind.InvalidResponse);
        failure.OutcomeUnknown.Should().BeTrue();
    }

    [Test]
    public void Dtd_IsRefused()
    {
        var body = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>&e;</soap:Body></soap:Envelope>""";

        Failure(200, "text/xml", body).Kind.Should().Be(ParamFailureKind.InvalidResponse);
    }

    [Test]
    public void WrongResponseElement_IsAnInvalidResponse()
    {
        Failure(200, "text/xml", ParamFixtures.Read("TP_WMD_UCD/3d.response.xml")).Message.Should().Contain("expected TP_WMD_PayResponse");
    }

    [Test]
    public void UnreadableValue_IsAnInvalidResponse()
    {
        var body = ParamFixtures.Read("TP_WMD_Pay/success.response.xml").Replace("<Bank_Sonuc_Kod>0</Bank_Sonuc_Kod>", "<Bank_Sonuc_Kod>zero</Bank_Sonuc_Kod>");

        Failure(200, "text/xml", body).Kind.Should().Be(ParamFailureKind.InvalidResponse);
    }

    [Test]
    public void NewerResultElements_AreIgnored()
    {
        // The 2025 WSDL adds Komisyon_Oran to ST_WMD_Pay; our WSDL has none. The success fixture carries it.
        var response = ParamSoapCodec.ReadResponse<TP_WMD_PayResponse>("TP_WMD_Pay", 200, "text/xml", ParamFixtures.Read("TP_WMD_Pay/success.response.xml"));

        response.TP_WMD_PayResult.Dekont_ID.Should().Be("3007295376");
    }

    [Test]
    public void WriteRequest_ProducesAnUnprefixedBodyInParamsNamespace()
    {
        var bytes = ParamSoapCodec.WriteRequest(new TP_WMD_Pay { G = new ST_WS_Guvenlik { CLIENT_CODE = "1", CLIENT_USERNAME = "u", CLIENT_PASSWORD = "p" }, GUID = "g", UCD_MD = "m&<", Islem_GUID = "i", Siparis_ID = "s" });
        var text = System.Text.Encoding.UTF8.GetString(bytes);

        bytes[0].Should().Be((byte)'<', "no byte-order mark");
        text.Should().Contain("<TP_WMD_Pay xmlns=\"https://turkpos.com.tr/\"><G><CLIENT_CODE>1</CLIENT_CODE>");
        text.Should().Contain("<UCD_MD>m&amp;&lt;</UCD_MD>", "user data is escaped by the serializer");
    }
}
