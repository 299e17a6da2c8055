using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace ParamPos.Sandbox.Soap;

/// <summary>
/// Param's WSDL and the XML schema embedded in it, compiled once, extended with what the current service adds to it
/// (<see cref="CurrentServiceAdditions"/>, each optional so the older shape stays valid). Every incoming request body
/// is validated against it. The WSDL served to clients is the copy as published.
/// </summary>
public sealed class WsdlSchema
{
    public const string TURKPOS_NAMESPACE = "https://turkpos.com.tr/";
    private const string WSDL_NAMESPACE = "http://schemas.xmlsoap.org/wsdl/";
    private const string XSD_NAMESPACE = "http://www.w3.org/2001/XMLSchema";

    /// <summary>
    /// Elements the current service accepts at the end of a request that the older turkpos.wsdl does not declare
    /// (ParamPOS.md §8.8: Taksit after Data5 of TP_Islem_Odeme_OnProv_WMD): operation, element, XSD type.
    /// </summary>
    public static readonly IReadOnlyList<(string Operation, string Element, string Type)> CurrentServiceAdditions =
    [
        ("TP_Islem_Odeme_OnProv_WMD", "Taksit", "s:int")
    ];

    /// <summary>
    /// Operations the current service has that the older turkpos.wsdl lacks (ParamPOS-more.md §20.2:
    /// TP_Mutabakat_Detay(G, GUID, Tarih), answered with ST_Genel_Sonuc): operation, its string elements after G.
    /// </summary>
    public static readonly IReadOnlyList<(string Operation, string[] Elements)> CurrentServiceOperations =
    [
        ("TP_Mutabakat_Detay", ["GUID", "Tarih"])
    ];

    public WsdlSchema()
    {
        using var stream = typeof(WsdlSchema).Assembly.GetManifestResourceStream("turkpos.wsdl")
            ?? throw new InvalidOperationException("The embedded turkpos.wsdl is missing.");
        using var reader = new StreamReader(stream);
        WsdlText = reader.ReadToEnd();

        var wsdl = XDocument.Parse(WsdlText);
        Schemas = new XmlSchemaSet();
        foreach (var schemaElement in wsdl.Root!.Element(XName.Get("types", WSDL_NAMESPACE))!.Elements(XName.Get("schema", XSD_NAMESPACE)))
        {
            // The schema element inherits namespace declarations (s:, tns:) from the WSDL root; copy them onto it.
            var standalone = new XElement(schemaElement);
            foreach (var declaration in wsdl.Root.Attributes().Where(attribute => attribute.IsNamespaceDeclaration))
            {
                if (standalone.Attribute(declaration.Name) is null)
                    standalone.SetAttributeValue(declaration.Name, declaration.Value);
            }

            AddCurrentServiceElements(standalone);
            AddCurrentServiceOperations(standalone);
            using var schemaReader = standalone.CreateReader();
            Schemas.Add(XmlSchema.Read(schemaReader, null)!);
        }

        Schemas.Compile();
        Operations = Schemas.GlobalElements.Names.Cast<XmlQualifiedName>()
            .Where(name => name.Namespace == TURKPOS_NAMESPACE && !name.Name.EndsWith("Response", StringComparison.Ordinal))
            .Select(name => name.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The WSDL as published.</summary>
    public string WsdlText { get; }

    /// <summary>The compiled schema.</summary>
    public XmlSchemaSet Schemas { get; }

    /// <summary>Names of the request elements the WSDL declares.</summary>
    public IReadOnlySet<string> Operations { get; }

    /// <summary>
    /// Validates one element (a request or response body) against the schema.
    /// </summary>
    /// <returns>The validation errors, empty when valid</returns>
    public IReadOnlyList<string> Validate(XElement element)
    {
        var errors = new List<string>();
        var document = new XDocument(new XElement(element));
        document.Validate(Schemas, (_, args) => errors.Add(args.Message));

        return errors;
    }

    private static void AddCurrentServiceElements(XElement schema)
    {
        foreach (var (operation, element, type) in CurrentServiceAdditions)
        {
            var sequence = schema.Elements(XName.Get("element", XSD_NAMESPACE))
                .FirstOrDefault(candidate => (string)candidate.Attribute("name") == operation)
                ?.Element(XName.Get("complexType", XSD_NAMESPACE))?.Element(XName.Get("sequence", XSD_NAMESPACE));
            if (sequence is null || sequence.Elements().Any(candidate => (string)candidate.Attribute("name") == element))
                continue;

            sequence.Add(new XElement(XName.Get("element", XSD_NAMESPACE),
                new XAttribute("minOccurs", "0"), new XAttribute("maxOccurs", "1"), new XAttribute("name", element), new XAttribute("type", type)));
        }
    }

    private static void AddCurrentServiceOperations(XElement schema)
    {
        // Only the schema that declares the operations (the one with ST_Genel_Sonuc).
        if (!schema.Elements(XName.Get("complexType", XSD_NAMESPACE)).Any(type => (string)type.Attribute("name") == "ST_Genel_Sonuc"))
            return;

        XElement Element(string name, string type, int minOccurs) => new(XName.Get("element", XSD_NAMESPACE),
            new XAttribute("minOccurs", minOccurs), new XAttribute("maxOccurs", "1"), new XAttribute("name", name), new XAttribute("type", type));
        XElement Declaration(string name, params XElement[] elements) => new(XName.Get("element", XSD_NAMESPACE), new XAttribute("name", name),
            new XElement(XName.Get("complexType", XSD_NAMESPACE), new XElement(XName.Get("sequence", XSD_NAMESPACE), elements)));

        foreach (var (operation, elements) in CurrentServiceOperations)
        {
            if (schema.Elements(XName.Get("element", XSD_NAMESPACE)).Any(candidate => (string)candidate.Attribute("name") == operation))
                continue;

            schema.Add(Declaration(operation, [Element("G", "tns:ST_WS_Guvenlik", 1), .. elements.Select(element => Element(element, "s:string", 0))]));
            schema.Add(Declaration(operation + "Response", Element(operation + "Result", "tns:ST_Genel_Sonuc", 1)));
        }
    }

    /// <summary>
    /// The WSDL with its soap:address rewritten to this sandbox.
    /// </summary>
    public string WsdlFor(string serviceUrl)
    {
        return WsdlText.Replace("https://posws.param.com.tr/turkpos.ws/service_turkpos_prod.asmx", serviceUrl, StringComparison.Ordinal);
    }
}
