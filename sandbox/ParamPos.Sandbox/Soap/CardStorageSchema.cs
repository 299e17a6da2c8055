using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace ParamPos.Sandbox.Soap;

/// <summary>
/// The card-storage (KS) service's own schema, written from its operations as ParamPOS-more.md §17–§18 give them (the
/// svcutil proxy of Param's KS WSDL): target namespace https://turkpara.com.tr/, CLIENT_CODE an xs:int, strings optional
/// and ints required as ASMX declares them. Every request is validated against it, as the TurkPos ones are against the WSDL.
/// </summary>
public sealed class CardStorageSchema
{
    public const string NAMESPACE = "https://turkpara.com.tr/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    /// <summary>Requests: operation → elements after G, each (name, XSD type).</summary>
    private static readonly IReadOnlyList<(string Operation, (string Name, string Type)[] Elements, string Result)> Declared =
    [
        ("KS_Kart_Ekle", [("GUID", "s:string"), ("KK_Sahibi", "s:string"), ("KK_No", "s:string"), ("KK_SK_Ay", "s:string"), ("KK_SK_Yil", "s:string"),
            ("KK_Kart_Adi", "s:string"), ("KK_Islem_ID", "s:string")], "tns:ST_KS_Kart_Ekle"),
        ("KS_Kart_Liste", [("GUID", "s:string"), ("KK_Kart_Adi", "s:string"), ("KK_Islem_ID", "s:string")], "tns:ST_KS_Kart_Liste"),
        ("KS_Kart_Liste_Pagination", [("GUID", "s:string"), ("KK_Kart_Adi", "s:string"), ("KK_Islem_ID", "s:string"), ("Sayfa_Sayi", "s:string"), ("Sayfa_Index", "s:string")],
            "tns:ST_KS_Kart_Liste"),
        ("KS_Kart_Sil", [("KS_GUID", "s:string"), ("KK_Islem_ID", "s:string")], "tns:ST_Sonuc"),
        ("KS_Tahsilat", [("GUID", "s:string"), ("KS_GUID", "s:string"), ("CVV", "s:string"), ("KK_Sahibi_GSM", "s:string"), ("Hata_URL", "s:string"),
            ("Basarili_URL", "s:string"), ("Siparis_ID", "s:string"), ("Siparis_Aciklama", "s:string"), ("Taksit", "s:int"), ("Islem_Tutar", "s:string"),
            ("Toplam_Tutar", "s:string"), ("Islem_Guvenlik_Tip", "s:string"), ("Islem_ID", "s:string"), ("IPAdr", "s:string"), ("Ref_URL", "s:string"),
            ("Data1", "s:string"), ("Data2", "s:string"), ("Data3", "s:string"), ("Data4", "s:string"), ("KK_Islem_ID", "s:string")], "tns:ST_TP_Islem_Odeme")
    ];

    public CardStorageSchema()
    {
        var schema = new XElement(Xs + "schema",
            new XAttribute("elementFormDefault", "qualified"),
            new XAttribute("targetNamespace", NAMESPACE),
            new XAttribute(XNamespace.Xmlns + "s", Xs.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "tns", NAMESPACE),
            ComplexType("ST_WS_Guvenlik", ("CLIENT_CODE", "s:int"), ("CLIENT_USERNAME", "s:string"), ("CLIENT_PASSWORD", "s:string")),
            ComplexType("ST_KS_Kart_Ekle", ("Sonuc", "s:int"), ("Sonuc_Str", "s:string"), ("KS_GUID", "s:string")),
            ComplexType("ST_Sonuc", ("Sonuc", "s:int"), ("Sonuc_Str", "s:string")),
            ComplexType("ST_TP_Islem_Odeme", ("Islem_ID", "s:long"), ("UCD_URL", "s:string"), ("Sonuc", "s:string"), ("Sonuc_Str", "s:string"), ("Banka_Sonuc_Kod", "s:int")),
            new XElement(Xs + "complexType", new XAttribute("name", "ST_KS_Kart_Liste"),
                new XElement(Xs + "sequence",
                    Element("Sonuc", "s:int"), Element("Sonuc_Str", "s:string"),
                    new XElement(Xs + "element", new XAttribute("minOccurs", "0"), new XAttribute("maxOccurs", "1"), new XAttribute("name", "DT_Bilgi"),
                        new XElement(Xs + "complexType", new XElement(Xs + "sequence", new XElement(Xs + "any", new XAttribute("minOccurs", "0"),
                            new XAttribute("maxOccurs", "unbounded"), new XAttribute("processContents", "lax"))))))),
            Declared.SelectMany(declared => new[]
            {
                new XElement(Xs + "element", new XAttribute("name", declared.Operation),
                    new XElement(Xs + "complexType", new XElement(Xs + "sequence",
                        Element("G", "tns:ST_WS_Guvenlik"), declared.Elements.Select(element => Element(element.Name, element.Type))))),
                new XElement(Xs + "element", new XAttribute("name", declared.Operation + "Response"),
                    new XElement(Xs + "complexType", new XElement(Xs + "sequence", Element(declared.Operation + "Result", declared.Result))))
            }));

        Schemas = new XmlSchemaSet();
        using (var reader = schema.CreateReader())
            Schemas.Add(XmlSchema.Read(reader, null)!);
        Schemas.Compile();
        Operations = Declared.Select(declared => declared.Operation).ToHashSet(StringComparer.Ordinal);
    }

    public XmlSchemaSet Schemas { get; }

    /// <summary>Names of the request elements the schema declares.</summary>
    public IReadOnlySet<string> Operations { get; }

    /// <summary>Validates a request (or response) body against the schema.</summary>
    public IReadOnlyList<string> Validate(XElement element)
    {
        var errors = new List<string>();
        new XDocument(new XElement(element)).Validate(Schemas, (_, args) => errors.Add(args.Message));

        return errors;
    }

    private static XElement ComplexType(string name, params (string Name, string Type)[] elements)
    {
        return new XElement(Xs + "complexType", new XAttribute("name", name), new XElement(Xs + "sequence", elements.Select(element => Element(element.Name, element.Type))));
    }

    private static XElement Element(string name, string type)
    {
        // ASMX: reference types may be left out, value types must be present.
        var required = type is "s:int" or "s:long";

        return new XElement(Xs + "element", new XAttribute("minOccurs", required ? "1" : "0"), new XAttribute("maxOccurs", "1"), new XAttribute("name", name), new XAttribute("type", type));
    }
}
