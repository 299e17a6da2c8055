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

    private static XmlSchemaSet Load()
    {
        var wsdl = XDocument.Load(RepositoryPaths.TurkPosWsdl);
        var set = new XmlSchemaSet();
        foreach (var schema in wsdl.Root!.Descendants(XName.Get("schema", "http://www.w3.org/2001/XMLSchema")).Where(element => element.Parent!.Name.LocalName == "types"))
        {
            var copy = new XElement(schema);
            foreach (var declaration in wsdl.Root.Attributes().Where(attribute => attribute.IsNamespaceDeclaration && copy.Attribute(attribute.Name) is null))
                copy.SetAttributeValue(declaration.Name, declaration.Value);
            using var reader = copy.CreateReader();
            set.Add(XmlSchema.Read(reader, null)!);
        }

        set.Compile();

        return set;
    }
}
