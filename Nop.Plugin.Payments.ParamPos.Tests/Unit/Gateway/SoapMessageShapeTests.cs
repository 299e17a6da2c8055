using System.Reflection;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Gateway;

/// <summary>
/// The codec's own writer and reader of flat messages agree with XmlSerializer, byte for byte and value for value, for
/// every TurkPos message, with values that need escaping.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Gateway)]
public class SoapMessageShapeTests
{
    private const string AWKWARD = "Ayşe & <Yılmaz> \"'\r\n\ttab ]]> €😀";

    private static readonly Type[] Requests = WireTypes().Where(type => type.GetCustomAttribute<XmlRootAttribute>() is not null && !type.Name.EndsWith("Response")).ToArray();
    private static readonly Type[] Responses = WireTypes().Where(type => type.GetCustomAttribute<XmlRootAttribute>() is not null && type.Name.EndsWith("Response")).ToArray();

    private static IEnumerable<Type> WireTypes() => typeof(ParamSoap).Assembly.GetTypes().Where(type => type.Namespace == typeof(ParamSoap).Namespace && type.IsClass && !type.IsAbstract);

    [Test]
    public void MostMessages_HaveAShape()
    {
        // The hot ones must: a sale's two calls and a query.
        SoapMessageShape.Of(typeof(TP_WMD_UCD)).Should().NotBeNull();
        SoapMessageShape.Of(typeof(TP_WMD_UCDResponse)).Should().NotBeNull();
        SoapMessageShape.Of(typeof(TP_WMD_Pay)).Should().NotBeNull();
        SoapMessageShape.Of(typeof(TP_WMD_PayResponse)).Should().NotBeNull();
        SoapMessageShape.Of(typeof(TP_Islem_Sorgulama4)).Should().NotBeNull();

        Requests.Count(type => SoapMessageShape.Of(type) is not null).Should().BeGreaterThan(Requests.Length * 3 / 4);
    }

    [TestCaseSource(nameof(Requests))]
    public void Envelope_IsTheOneXmlSerializerWrites(Type request)
    {
        foreach (var body in new[] { Filled(request, AWKWARD, 1), Filled(request, string.Empty, 0), Activator.CreateInstance(request) })
        {
            var written = (byte[])typeof(ParamSoapCodec).GetMethod(nameof(ParamSoapCodec.WriteRequest))!.MakeGenericMethod(request).Invoke(null, [body])!;

            Encoding.UTF8.GetString(written).Should().Be(Encoding.UTF8.GetString(SerializerEnvelope(request, body)), $"{request.Name} is written as XmlSerializer writes it");
        }
    }

    [TestCaseSource(nameof(Responses))]
    public void Answer_IsReadAsXmlSerializerReadsIt(Type response)
    {
        foreach (var message in new[] { Filled(response, AWKWARD, 1), Filled(response, string.Empty, -1), Activator.CreateInstance(response) })
        {
            var element = XElement.Parse(Serialize(response, message));

            var read = typeof(ParamSoapCodec).GetMethod(nameof(ParamSoapCodec.Deserialize))!.MakeGenericMethod(response).Invoke(null, ["op", element]);
            using var reader = element.CreateReader();
            var expected = new XmlSerializer(response).Deserialize(reader);

            Serialize(response, read).Should().Be(Serialize(response, expected), $"{response.Name} is read as XmlSerializer reads it");
        }
    }

    [Test]
    public void Answer_NilUnknownAndForeignElements_AreReadAsXmlSerializerReadsThem()
    {
        var element = XElement.Parse("""
            <TP_WMD_PayResponse xmlns="https://turkpos.com.tr/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <TP_WMD_PayResult>
                <Sonuc> 1 </Sonuc>
                <Sonuc_Ack xsi:nil="true" />
                <Dekont_ID>7</Dekont_ID>
                <Komisyon_Oran>1,5</Komisyon_Oran>
                <Siparis_ID xmlns="urn:other">not ours</Siparis_ID>
              </TP_WMD_PayResult>
            </TP_WMD_PayResponse>
            """);

        var read = ParamSoapCodec.Deserialize<TP_WMD_PayResponse>("TP_WMD_Pay", element).TP_WMD_PayResult;
        using var reader = element.CreateReader();
        var expected = ((TP_WMD_PayResponse)new XmlSerializer(typeof(TP_WMD_PayResponse)).Deserialize(reader)!).TP_WMD_PayResult;

        read.Should().BeEquivalentTo(expected);
        read.Sonuc.Should().Be(1);
        read.Sonuc_Ack.Should().BeEmpty("a member that is not nullable ignores xsi:nil");
        read.Siparis_ID.Should().BeNull();
    }

    [Test]
    public void Answer_WithElementsOutOfSequence_IsLeftToXmlSerializer()
    {
        var element = XElement.Parse("""<TP_WMD_PayResponse xmlns="https://turkpos.com.tr/"><TP_WMD_PayResult><UCD_MD>m</UCD_MD><Siparis_ID>s</Siparis_ID><Bank_Extra>e</Bank_Extra></TP_WMD_PayResult></TP_WMD_PayResponse>""");

        SoapMessageShape.Of(typeof(TP_WMD_PayResponse))!.TryRead(element, out _).Should().BeFalse();

        using var reader = element.CreateReader();
        ParamSoapCodec.Deserialize<TP_WMD_PayResponse>("TP_WMD_Pay", element).Should()
            .BeEquivalentTo((TP_WMD_PayResponse)new XmlSerializer(typeof(TP_WMD_PayResponse)).Deserialize(reader)!);
    }

    [TestCase("<Sonuc>one</Sonuc>")]
    [TestCase("<Sonuc></Sonuc>")]
    [TestCase("<Sonuc>99999999999</Sonuc>")]
    [TestCase("<Sonuc_Ack>text <b>bold</b></Sonuc_Ack>")]
    public void Answer_WithAnUnreadableValue_IsAnInvalidResponse(string field)
    {
        var element = XElement.Parse($"""<TP_WMD_PayResponse xmlns="https://turkpos.com.tr/"><TP_WMD_PayResult>{field}</TP_WMD_PayResult></TP_WMD_PayResponse>""");

        var reading = () => ParamSoapCodec.Deserialize<TP_WMD_PayResponse>("TP_WMD_Pay", element);

        reading.Should().Throw<ParamGatewayException>().Which.Kind.Should().Be(ParamFailureKind.InvalidResponse);
    }

    // Code points, not strings: a lone surrogate would not survive the test runner's discovery as text.
    [TestCase(0x0001)]
    [TestCase(0xD800)]
    [TestCase(0xFFFE)]
    public void Envelope_RefusesCharactersXmlCannotCarry(int codePoint)
    {
        var writing = () => ParamSoapCodec.WriteRequest(new TP_WMD_Pay { UCD_MD = "md" + (char)codePoint });

        writing.Should().Throw<ArgumentException>();
    }

    internal static object Filled(Type type, string text, int number)
    {
        var message = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties().Where(property => property.CanWrite && !property.IsDefined(typeof(XmlIgnoreAttribute))))
        {
            object value = property.PropertyType switch
            {
                var t when t == typeof(string) => text + property.Name,
                var t when t == typeof(int) => number * 42,
                var t when t == typeof(long) => number * 9_000_000_000L,
                var t when t == typeof(decimal) => number * 1234.56m,
                var t when t == typeof(double) => number * 1.5,
                var t when t == typeof(bool) => number > 0,
                var t when t.IsClass && t.Namespace == typeof(ParamSoap).Namespace => Filled(t, text, number),
                _ => null
            };
            if (value is not null)
                property.SetValue(message, value);
        }

        return message;
    }

    private static byte[] SerializerEnvelope(Type type, object body)
    {
        var serviceNamespace = ParamSoapCodec.NamespaceOf(type);
        var namespaces = new XmlSerializerNamespaces();
        namespaces.Add(string.Empty, serviceNamespace);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("soap", "Envelope", ParamSoap.ENVELOPE_NAMESPACE);
            writer.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            writer.WriteAttributeString("xmlns", "xsd", null, "http://www.w3.org/2001/XMLSchema");
            writer.WriteStartElement("soap", "Body", ParamSoap.ENVELOPE_NAMESPACE);
            new XmlSerializer(type).Serialize(writer, body, namespaces);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>A message as XmlSerializer writes it: what the codec's results are compared by</summary>
    internal static string Serialize(Type type, object message, bool declaration = true)
    {
        using var text = new StringWriter();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = !declaration }))
            new XmlSerializer(type).Serialize(writer, message);

        return text.ToString();
    }
}
