using System.Xml.Linq;
using System.Xml.Schema;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>
/// The XML schema embedded in Param's own WSDL, read from the repository's copy (protocol/turkpos.wsdl) as a file, not through the sandbox.
/// </summary>
public static class TurkPosSchema
{
    private static readonly Lazy<XmlSchemaSet> Set = new(Load);

    public static XNamespace Tns => "https://turkpos.com.tr/";

    public static IReadOnlyList<string> Validate(XElement element)
    {
        var errors = new List<string>();
        new XDocument(new XElement(element)).Validate(Set.Value, (_, args) => errors.Add(args.Message));

        return errors;
    }

    /// <summary>The element under soap:Body of an envelope.</summary>
    public static XElement BodyElement(string envelope)
    {
        return XDocument.Parse(envelope).Root!.Element(XName.Get("Body", "http://schemas.xmlsoap.org/soap/envelope/"))!.Elements().First();
    }

    /// <summary>
    /// What the current service adds at the end of a request the older turkpos.wsdl declares (ParamPOS.md §8.8): each
    /// optional, so the older shape stays valid.
    /// </summary>
    public static IReadOnlyList<(string Operation, string Element)> CurrentServiceAdditions { get; } = [("TP_Islem_Odeme_OnProv_WMD", "Taksit")];

    private static void AddCurrentServiceElements(XElement schema)
    {
        XNamespace xsd = "http://www.w3.org/2001/XMLSchema";
        foreach (var (operation, element) in CurrentServiceAdditions)
        {
            var sequence = schema.Elements(xsd + "element").Single(candidate => (string)candidate.Attribute("name") == operation).Element(xsd + "complexType")!.Element(xsd + "sequence")!;
            sequence.Add(new XElement(xsd + "element", new XAttribute("minOccurs", "0"), new XAttribute("maxOccurs", "1"), new XAttribute("name", element), new XAttribute("type", "s:int")));
        }
    }

    private static XmlSchemaSet Load()
    {
        var wsdl = XDocument.Load(RepositoryPaths.TurkPosWsdl);
        var set = new XmlSchemaSet();
        foreach (var schema in wsdl.Root!.Descendants(XName.Get("schema", "http://www.w3.org/2001/XMLSchema")).Where(element => element.Parent!.Name.LocalName == "types"))
        {
            var copy = new XElement(schema);
            foreach (var declaration in wsdl.Root.Attributes().Where(attribute => attribute.IsNamespaceDeclaration && copy.Attribute(attribute.Name) is null))
                copy.SetAttributeValue(declaration.Name, declaration.Value);
            AddCurrentServiceElements(copy);
            using var reader = copy.CreateReader();
            set.Add(XmlSchema.Read(reader, null)!);
        }

        set.Compile();

        return set;
    }
}
