using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace ParamPos.Sandbox.Soap;

/// <summary>
/// Param's WSDL and the XML schema embedded in it, compiled once. Every incoming request body is validated against it.
/// </summary>
public sealed class WsdlSchema
{
    public const string TURKPOS_NAMESPACE = "https://turkpos.com.tr/";
    private const string WSDL_NAMESPACE = "http://schemas.xmlsoap.org/wsdl/";
    private const string XSD_NAMESPACE = "http://www.w3.org/2001/XMLSchema";

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

    /// <summary>
    /// The WSDL with its soap:address rewritten to this sandbox.
    /// </summary>
    public string WsdlFor(string serviceUrl)
    {
        return WsdlText.Replace("https://posws.param.com.tr/turkpos.ws/service_turkpos_prod.asmx", serviceUrl, StringComparison.Ordinal);
    }
}
