using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ParamPos.Sandbox.Soap;

/// <summary>
/// Reading and writing SOAP 1.1 and 1.2 envelopes the way an ASMX service does.
/// </summary>
public static class SoapMessage
{
    public const string SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    private static readonly XNamespace Tns = WsdlSchema.TURKPOS_NAMESPACE;

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 1024 * 1024
    };

    /// <summary>Parses a request envelope; null when it is not well-formed XML.</summary>
    public static XDocument TryParse(string text, out string error)
    {
        error = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), ReaderSettings);

            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    /// <summary>Builds a response element in WSDL order: null strings are omitted, value types always written.</summary>
    public static XElement Result(string name, params (string Name, object Value)[] fields)
    {
        var element = new XElement(Tns + name);
        foreach (var (fieldName, value) in fields)
        {
            switch (value)
            {
                case null:
                    continue;
                case XElement child:
                    element.Add(child.Name.Namespace == XNamespace.None ? new XElement(Tns + fieldName, child) : child);
                    break;
                case decimal number:
                    element.Add(new XElement(Tns + fieldName, number.ToString(CultureInfo.InvariantCulture)));
                    break;
                case IFormattable formattable:
                    element.Add(new XElement(Tns + fieldName, formattable.ToString(null, CultureInfo.InvariantCulture)));
                    break;
                default:
                    element.Add(new XElement(Tns + fieldName, value.ToString()));
                    break;
            }
        }

        return element;
    }

    /// <summary>Wraps a result in OperationResponse/OperationResult.</summary>
    public static XElement Response(string operation, XElement result)
    {
        var renamed = new XElement(Tns + (operation + "Result"), result.Attributes(), result.Nodes());

        return new XElement(Tns + (operation + "Response"), renamed);
    }

    /// <summary>Moves a response built in the TurkPos namespace into another service's (the card-storage service's); the DataSet inside keeps its own.</summary>
    public static XElement InNamespace(XElement element, string serviceNamespace)
    {
        if (serviceNamespace == WsdlSchema.TURKPOS_NAMESPACE)
            return element;

        XNamespace target = serviceNamespace;
        foreach (var node in element.DescendantsAndSelf().Where(node => node.Name.Namespace == Tns))
            node.Name = target + node.Name.LocalName;

        return element;
    }

    /// <summary>Serializes a response envelope as ASMX does (UTF-8, declaration, soap prefix).</summary>
    public static string Envelope(string soapNamespace, XElement body)
    {
        XNamespace soap = soapNamespace;
        var envelope = new XElement(soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soap", soapNamespace),
            new XAttribute(XNamespace.Xmlns + "xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            new XAttribute(XNamespace.Xmlns + "xsd", "http://www.w3.org/2001/XMLSchema"),
            new XElement(soap + "Body", body));

        return Serialize(envelope);
    }

    /// <summary>A SOAP fault as ASMX emits it (HTTP 500).</summary>
    public static string Fault(string soapNamespace, string code, string message)
    {
        XNamespace soap = soapNamespace;
        XElement fault;
        if (soapNamespace == SOAP12)
        {
            fault = new XElement(soap + "Fault",
                new XElement(soap + "Code", new XElement(soap + "Value", "soap:" + (code == "Client" ? "Sender" : "Receiver"))),
                new XElement(soap + "Reason", new XElement(soap + "Text", new XAttribute(XNamespace.Xml + "lang", "en"), message)),
                new XElement(soap + "Detail"));
        }
        else
        {
            fault = new XElement(soap + "Fault",
                new XElement("faultcode", "soap:" + code),
                new XElement("faultstring", message),
                new XElement("detail"));
        }

        return Envelope(soapNamespace, fault);
    }

    private static string Serialize(XElement envelope)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, OmitXmlDeclaration = false };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
            new XDocument(new XDeclaration("1.0", "utf-8", null), envelope).Save(writer);

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
