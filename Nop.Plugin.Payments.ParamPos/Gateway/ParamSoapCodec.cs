using System.Collections.Concurrent;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Writes SOAP 1.1 request envelopes (flat messages through their <see cref="SoapMessageShape"/>, anything else with
/// XmlSerializer; values always escaped, never concatenated) and reads response envelopes safely (no DTD, no external
/// resolution, bounded size), turning faults and non-SOAP answers into <see cref="ParamGatewayException"/>s.
/// </summary>
public static class ParamSoapCodec
{
    /// <summary>The largest response read (the full BIN list is the biggest legitimate answer).</summary>
    public const int MAX_RESPONSE_CHARACTERS = 8 * 1024 * 1024;

    private static readonly ConcurrentDictionary<Type, XmlSerializer> Serializers = new();
    private static readonly ConcurrentDictionary<string, XmlSerializerNamespaces> BodyNamespaces = new(StringComparer.Ordinal);

    private const int ENVELOPE_BUFFER_BYTES = 4096;

    private static readonly XmlWriterSettings EnvelopeWriterSettings = new() { Encoding = new UTF8Encoding(false), Indent = false };

    [ThreadStatic]
    private static MemoryStream _envelopeBuffer;

    private static readonly XmlReaderSettings SafeReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MAX_RESPONSE_CHARACTERS,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        // Pretty-printed answers would otherwise put whitespace nodes where XmlSerializer expects DT_Bilgi's elements.
        IgnoreWhitespace = true
    };

    /// <summary>
    /// Serializes a request body into a SOAP 1.1 envelope (UTF-8, no BOM).
    /// </summary>
    public static byte[] WriteRequest<TRequest>(TRequest body)
    {
        if (SoapMessageShape.Of(typeof(TRequest)) is { } shape && body is not null)
            return WriteEnvelope(shape, body);

        // One buffer per thread, reused (the method does not yield): an envelope is a few kilobytes.
        var stream = _envelopeBuffer ??= new MemoryStream(ENVELOPE_BUFFER_BYTES);
        stream.SetLength(0);
        using (var writer = XmlWriter.Create(stream, EnvelopeWriterSettings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("soap", "Envelope", ParamSoap.ENVELOPE_NAMESPACE);
            writer.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            writer.WriteAttributeString("xmlns", "xsd", null, "http://www.w3.org/2001/XMLSchema");
            writer.WriteStartElement("soap", "Body", ParamSoap.ENVELOPE_NAMESPACE);
            Serializer(typeof(TRequest)).Serialize(writer, body, BodyNamespaces.GetOrAdd(NamespaceOf(typeof(TRequest)), CreateBodyNamespaces));
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        var envelope = stream.ToArray();
        if (stream.Capacity > ENVELOPE_BUFFER_BYTES * 16)
            _envelopeBuffer = null;

        return envelope;
    }

    private const string ENVELOPE_START = "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        + "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:soap=\"" + ParamSoap.ENVELOPE_NAMESPACE + "\"><soap:Body>";

    private const string ENVELOPE_END = "</soap:Body></soap:Envelope>";

    /// <summary>The envelope XmlSerializer would write for a flat message, written from its shape.</summary>
    private static byte[] WriteEnvelope(SoapMessageShape shape, object body)
    {
        using var writer = new SoapTextWriter();
        writer.Raw(ENVELOPE_START);
        writer.StartElement(shape.RootName, shape.Namespace);
        shape.WriteMembers(writer, body);
        writer.EndElement(shape.RootName);
        writer.Raw(ENVELOPE_END);

        return writer.ToUtf8();
    }

    /// <summary>
    /// Gets the service namespace of a request body: its XmlRoot's (TurkPos unless the type says otherwise)
    /// </summary>
    public static string NamespaceOf(Type requestType)
    {
        return requestType.GetCustomAttributes(typeof(XmlRootAttribute), inherit: false).OfType<XmlRootAttribute>().FirstOrDefault()?.Namespace ?? ParamSoap.NAMESPACE;
    }

    /// <summary>
    /// Reads a response envelope into the operation's response wrapper.
    /// </summary>
    /// <exception cref="ParamGatewayException">A SOAP fault, an HTTP error, HTML or anything that is not the expected response.</exception>
    /// <param name="serviceNamespace">The namespace the response element is in (the TurkPos service's unless given)</param>
    public static TResponse ReadResponse<TResponse>(string operation, int httpStatus, string contentType, string body, string serviceNamespace = ParamSoap.NAMESPACE)
    {
        // An ordinary answer is read straight into its message; everything else the thorough way below.
        if (httpStatus is >= 200 and <= 299 && SoapMessageShape.Of(typeof(TResponse)) is { } shape && shape.Namespace == serviceNamespace
            && shape.RootName == operation + "Response" && !LooksLikeHtml(contentType, body) && SoapAnswerReader.TryRead(body, shape, out var message))
            return (TResponse)message;

        return Deserialize<TResponse>(operation, ReadPayload(operation, httpStatus, contentType, body, serviceNamespace));
    }

    /// <summary>
    /// Reads a response envelope (parsed once) and returns its payload, the operation's response element.
    /// </summary>
    /// <exception cref="ParamGatewayException">A SOAP fault, an HTTP error, HTML or anything that is not the expected response.</exception>
    /// <param name="serviceNamespace">The namespace the response element is in (the TurkPos service's unless given)</param>
    public static XElement ReadPayload(string operation, int httpStatus, string contentType, string body, string serviceNamespace = ParamSoap.NAMESPACE)
    {
        var looksLikeHtml = LooksLikeHtml(contentType, body);
        XElement envelope = null;
        if (!looksLikeHtml)
            envelope = TryParse(body);

        var soapBody = envelope?.Element(XName.Get("Body", ParamSoap.ENVELOPE_NAMESPACE));
        var fault = soapBody?.Element(XName.Get("Fault", ParamSoap.ENVELOPE_NAMESPACE));
        if (fault is not null)
        {
            var faultCode = (string)fault.Element("faultcode") ?? string.Empty;
            var faultString = (string)fault.Element("faultstring") ?? string.Empty;

            throw new ParamGatewayException(ParamFailureKind.SoapFault, operation,
                $"{operation}: the service answered with a SOAP fault ({faultCode}): {Shorten(faultString, 300)}",
                outcomeUnknown: false, httpStatus, faultCode, Excerpt(body));
        }

        if (httpStatus is < 200 or > 299)
        {
            throw new ParamGatewayException(ParamFailureKind.HttpStatus, operation,
                $"{operation}: the service answered HTTP {httpStatus}{(looksLikeHtml ? " with an HTML page" : string.Empty)} instead of a SOAP response.",
                outcomeUnknown: httpStatus >= 500, httpStatus, rawResponse: Excerpt(body));
        }

        if (looksLikeHtml || envelope is null || soapBody is null)
        {
            var what = looksLikeHtml ? "an HTML page" : envelope is null ? "malformed XML" : "XML without a SOAP body";
            throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation,
                $"{operation}: the service answered with {what} instead of a SOAP response.",
                outcomeUnknown: true, httpStatus, rawResponse: Excerpt(body));
        }

        var expected = operation + "Response";
        var payload = soapBody.Elements().FirstOrDefault();
        if (payload is null || payload.Name != XName.Get(expected, serviceNamespace))
        {
            throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation,
                $"{operation}: expected {expected} in the SOAP body, found {payload?.Name.ToString() ?? "nothing"}.",
                outcomeUnknown: true, httpStatus, rawResponse: Excerpt(body));
        }

        return payload;
    }

    /// <summary>
    /// Reads an operation's response element (from <see cref="ReadPayload"/>) into its response wrapper.
    /// </summary>
    /// <exception cref="ParamGatewayException">The element does not have the response's shape.</exception>
    public static TResponse Deserialize<TResponse>(string operation, XElement payload)
    {
        try
        {
            if (SoapMessageShape.Of(typeof(TResponse)) is { } shape && payload.Name.NamespaceName == shape.Namespace && payload.Name.LocalName == shape.RootName
                && shape.TryRead(payload, out var message))
                return (TResponse)message;

            using var reader = payload.CreateReader();

            return (TResponse)Serializer(typeof(TResponse)).Deserialize(reader);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or OverflowException)
        {
            throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation,
                $"{operation}: the response could not be read ({exception.InnerException?.Message ?? exception.Message}).",
                outcomeUnknown: true, rawResponse: Excerpt(payload.ToString(SaveOptions.DisableFormatting)), innerException: exception);
        }
    }

    private static XElement TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;

        try
        {
            using var stringReader = new StringReader(body);
            using var xmlReader = XmlReader.Create(stringReader, SafeReaderSettings);

            return XElement.Load(xmlReader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static bool LooksLikeHtml(string contentType, string body)
    {
        if (contentType is not null && contentType.Contains("html", StringComparison.OrdinalIgnoreCase))
            return true;

        if (body is null)
            return false;

        var start = body.AsSpan().TrimStart();

        return start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static string Excerpt(string body)
    {
        return ParamRedactor.RedactXml(Shorten(body ?? string.Empty, 2000));
    }

    private static string Shorten(string text, int length)
    {
        return text.Length <= length ? text : text[..length] + "…";
    }

    private static XmlSerializer Serializer(Type type)
    {
        return Serializers.GetOrAdd(type, key => new XmlSerializer(key));
    }

    private static XmlSerializerNamespaces CreateBodyNamespaces(string serviceNamespace)
    {
        var namespaces = new XmlSerializerNamespaces();
        namespaces.Add(string.Empty, serviceNamespace);

        return namespaces;
    }
}
