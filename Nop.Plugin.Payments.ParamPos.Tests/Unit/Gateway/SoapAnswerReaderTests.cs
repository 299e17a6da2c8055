using System.Reflection;
using System.Xml.Serialization;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Gateway;

/// <summary>
/// Ordinary answers are read straight into their message, and give what the thorough reader (XML tree, then the
/// message) gives; anything unusual is left to the thorough reader, so failures are classified exactly as before.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Gateway)]
public class SoapAnswerReaderTests
{
    private const string ENVELOPE = """<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>{0}</soap:Body></soap:Envelope>""";

    private static readonly string[] Fixtures =
    [
        "TP_WMD_UCD/3d.response.xml", "TP_WMD_Pay/success.response.xml"
    ];

    private static readonly Type[] Responses = typeof(ParamSoap).Assembly.GetTypes()
        .Where(type => type.Namespace == typeof(ParamSoap).Namespace && type.Name.EndsWith("Response") && type.GetCustomAttribute<XmlRootAttribute>() is not null
            && SoapMessageShape.Of(type) is not null)
        .ToArray();

    [TestCaseSource(nameof(Fixtures))]
    public void RecordedAnswer_IsReadStraight_AsTheThoroughReaderReadsIt(string fixture)
    {
        var body = ParamFixtures.Read(fixture);
        var type = typeof(ParamSoap).Assembly.GetType($"{typeof(ParamSoap).Namespace}.{fixture.Split('/')[0]}Response")!;

        SoapAnswerReader.TryRead(body, SoapMessageShape.Of(type)!, out var straight).Should().BeTrue();

        SoapMessageShapeTests.Serialize(type, straight).Should().Be(SoapMessageShapeTests.Serialize(type, Thorough(type, body)));
    }

    [TestCaseSource(nameof(Responses))]
    public void EveryFlatAnswer_IsReadStraight_AsTheThoroughReaderReadsIt(Type response)
    {
        var message = SoapMessageShapeTests.Filled(response, "Ayşe & <Yılmaz> ]]> 😀 ", 1);
        var body = string.Format(ENVELOPE, SoapMessageShapeTests.Serialize(response, message, declaration: false));

        SoapAnswerReader.TryRead(body, SoapMessageShape.Of(response)!, out var straight).Should().BeTrue();

        SoapMessageShapeTests.Serialize(response, straight).Should().Be(SoapMessageShapeTests.Serialize(response, Thorough(response, body)));
    }

    [Test]
    public void PrettyPrintedAnswer_WithCommentsAndEmptyValues_IsReadStraight()
    {
        var body = string.Format(ENVELOPE, """

              <TP_WMD_PayResponse xmlns="https://turkpos.com.tr/">
                <!-- recorded -->
                <TP_WMD_PayResult>
                  <Sonuc>1</Sonuc>
                  <Sonuc_Ack>   </Sonuc_Ack>
                  <Dekont_ID>30<!-- x -->07</Dekont_ID>
                  <Siparis_ID/>
                  <UCD_MD>a &amp; b &lt; c</UCD_MD>
                  <Bank_Extra><![CDATA[<x>&]]></Bank_Extra>
                  <Unknown><Deep>1</Deep></Unknown>
                </TP_WMD_PayResult>
              </TP_WMD_PayResponse>

            """);

        SoapAnswerReader.TryRead(body, SoapMessageShape.Of(typeof(TP_WMD_PayResponse))!, out var straight).Should().BeTrue();

        var result = ((TP_WMD_PayResponse)straight).TP_WMD_PayResult;
        result.Should().BeEquivalentTo(((TP_WMD_PayResponse)Thorough(typeof(TP_WMD_PayResponse), body)).TP_WMD_PayResult);
        result.Should().BeEquivalentTo(new { Sonuc = 1, Sonuc_Ack = string.Empty, Dekont_ID = "3007", UCD_MD = "a & b < c", Siparis_ID = string.Empty, Bank_Extra = "<x>&" });
    }

    [TestCase("fault", """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>x</faultstring></soap:Fault></soap:Body></soap:Envelope>""")]
    [TestCase("DTD", """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><TP_WMD_PayResponse xmlns="https://turkpos.com.tr/"><TP_WMD_PayResult><Sonuc_Ack>&e;</Sonuc_Ack></TP_WMD_PayResult></TP_WMD_PayResponse></soap:Body></soap:Envelope>""")]
    [TestCase("processing instruction", """<?xml version="1.0"?><?pi x?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><TP_WMD_PayResponse xmlns="https://turkpos.com.tr/" /></soap:Body></soap:Envelope>""")]
    [TestCase("another encoding declared", """<?xml version="1.0" encoding="iso-8859-9"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><TP_WMD_PayResponse xmlns="https://turkpos.com.tr/" /></soap:Body></soap:Envelope>""")]
    [TestCase("a header", """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header /><soap:Body><TP_WMD_PayResponse xmlns="https://turkpos.com.tr/" /></soap:Body></soap:Envelope>""")]
    [TestCase("another operation's answer", """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><TP_WMD_UCDResponse xmlns="https://turkpos.com.tr/" /></soap:Body></soap:Envelope>""")]
    [TestCase("cut off", """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><TP_WMD_PayResponse xmlns="https://turkpos.com.tr/"><TP_WMD_PayResult><Sonuc>1</Sonuc>""")]
    [TestCase("something after the body", """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><TP_WMD_PayResponse xmlns="https://turkpos.com.tr/" /><Extra /></soap:Body></soap:Envelope>""")]
    [TestCase("mismatched tags", """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><TP_WMD_PayResponse xmlns="https://turkpos.com.tr/"><TP_WMD_PayResult></Sonuc></TP_WMD_PayResult></TP_WMD_PayResponse></soap:Body></soap:Envelope>""")]
    [TestCase("a value with elements", """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><TP_WMD_PayResponse xmlns="https://turkpos.com.tr/"><TP_WMD_PayResult><Sonuc_Ack>a<b/></Sonuc_Ack></TP_WMD_PayResult></TP_WMD_PayResponse></soap:Body></soap:Envelope>""")]
    [TestCase("elements out of sequence", """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><TP_WMD_PayResponse xmlns="https://turkpos.com.tr/"><TP_WMD_PayResult><UCD_MD>m</UCD_MD><Siparis_ID>s</Siparis_ID><Bank_Extra>e</Bank_Extra></TP_WMD_PayResult></TP_WMD_PayResponse></soap:Body></soap:Envelope>""")]
    [TestCase("an element repeated", """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><TP_WMD_PayResponse xmlns="https://turkpos.com.tr/"><TP_WMD_PayResult><Sonuc>1</Sonuc><Sonuc>2</Sonuc></TP_WMD_PayResult></TP_WMD_PayResponse></soap:Body></soap:Envelope>""")]
    [TestCase("a number that is not one", """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><TP_WMD_PayResponse xmlns="https://turkpos.com.tr/"><TP_WMD_PayResult><Sonuc>bir</Sonuc></TP_WMD_PayResult></TP_WMD_PayResponse></soap:Body></soap:Envelope>""")]
    [TestCase("whitespace from references", """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><TP_WMD_PayResponse xmlns="https://turkpos.com.tr/"><TP_WMD_PayResult><Sonuc_Ack>&#32;&#32;</Sonuc_Ack></TP_WMD_PayResult></TP_WMD_PayResponse></soap:Body></soap:Envelope>""")]
    [TestCase("HTML", "<!DOCTYPE html><html><body>Bakım</body></html>")]
    [TestCase("nothing", "")]
    public void UnusualAnswer_IsLeftToTheThoroughReader_AndFailsOrReadsAsBefore(string what, string body)
    {
        SoapAnswerReader.TryRead(body, SoapMessageShape.Of(typeof(TP_WMD_PayResponse))!, out var straight).Should().BeFalse(what);
        straight.Should().BeNull();

        // Through the codec: the same outcome as the thorough reader alone.
        var viaCodec = Outcome(() => ParamSoapCodec.ReadResponse<TP_WMD_PayResponse>("TP_WMD_Pay", 200, "text/xml", body));
        var thorough = Outcome(() => ParamSoapCodec.Deserialize<TP_WMD_PayResponse>("TP_WMD_Pay", ParamSoapCodec.ReadPayload("TP_WMD_Pay", 200, "text/xml", body)));
        viaCodec.Should().Be(thorough, what);
    }

    [Test]
    public void TheReusedReader_ReadsEachAnswerAfterAFailedOne()
    {
        var shape = SoapMessageShape.Of(typeof(TP_WMD_PayResponse))!;
        var good = ParamFixtures.Read("TP_WMD_Pay/success.response.xml");

        for (var index = 0; index < 3; index++)
        {
            SoapAnswerReader.TryRead("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>", shape, out _).Should().BeFalse();
            SoapAnswerReader.TryRead(good, shape, out var message).Should().BeTrue();
            ((TP_WMD_PayResponse)message).TP_WMD_PayResult.Dekont_ID.Should().Be("3007295376");
        }
    }

    [Test]
    public void ReadingASaleStartAnswer_AllocatesLessThanHalfOfTheThoroughWay()
    {
        // Deterministic (bytes on this thread, not time).
        var body = ParamFixtures.Read("TP_WMD_UCD/3d.response.xml");

        var straight = BytesPerCall(() => ParamSoapCodec.ReadResponse<TP_WMD_UCDResponse>("TP_WMD_UCD", 200, "text/xml", body));
        var thorough = BytesPerCall(() => ParamSoapCodec.Deserialize<TP_WMD_UCDResponse>("TP_WMD_UCD", ParamSoapCodec.ReadPayload("TP_WMD_UCD", 200, "text/xml", body)));

        straight.Should().BeLessThan(thorough / 2, $"the thorough way allocates {thorough} B");
    }

    private static long BytesPerCall(Action call)
    {
        for (var index = 0; index < 20; index++)
            call();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var index = 0; index < 100; index++)
            call();

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
    }

    private static object Thorough(Type response, string body)
    {
        var payload = ParamSoapCodec.ReadPayload(response.Name[..^"Response".Length], 200, "text/xml", body, SoapMessageShape.Of(response)!.Namespace);
        using var reader = payload.CreateReader();

        return new XmlSerializer(response).Deserialize(reader)!;
    }

    private static string Outcome(Func<TP_WMD_PayResponse> read)
    {
        try
        {
            return "read: " + SoapMessageShapeTests.Serialize(typeof(TP_WMD_PayResponse), read());
        }
        catch (ParamGatewayException exception)
        {
            return $"{exception.Kind} {exception.OutcomeUnknown} {exception.FaultCode}";
        }
    }
}
