using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace ParamPos.Sandbox.Soap;

/// <summary>
/// The marketplace service's schema, hand-authored from Pazaryeri.md §2 (element order = its tables; strings optional,
/// value types required, as ASMX declares them), in the TurkPos namespace. Every request is validated against it.
/// Limit_Kontrol accepts G or not (M2).
/// </summary>
public sealed class MarketplaceSchema
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    private static readonly IReadOnlyList<(string Operation, (string Name, string Type)[] Elements, bool OptionalG)> Declared =
    [
        ("Pazaryeri_TP_AltUyeIsyeri_Ekleme", [("ETS_GUID", "s:string"), ("Tip", "s:int"), ("Ad_Soyad", "s:string"), ("Unvan", "s:string"), ("TC_VN", "s:string"),
            ("Kisi_DogumTarihi", "s:string"), ("GSM_No", "s:string"), ("IBAN_No", "s:string"), ("IBAN_Unvan", "s:string"), ("Adres", "s:string"), ("Il", "s:string"),
            ("Ilce", "s:string"), ("EPosta", "s:string"), ("Website", "s:string"), ("MCC_Kod", "s:string"), ("Yetkili_Kisi_TC", "s:string"),
            ("Yetkili_Kisi_DogumTarihi", "s:string"), ("Vergi_Daire", "s:string"), ("Bagli_Olunan_Hesap", "s:string")], false),
        ("Pazaryeri_TP_AltUyeIsyeri_Guncelleme", [("GUID_AltUyeIsyeri", "s:string"), ("Ad_Soyad", "s:string"), ("Unvan", "s:string"), ("GSM_No", "s:string"),
            ("IBAN_No", "s:string"), ("IBAN_Unvan", "s:string"), ("Adres", "s:string"), ("Il", "s:string"), ("Ilce", "s:string"), ("EPosta", "s:string"),
            ("Website", "s:string"), ("MCC_Kod", "s:string"), ("Vergi_Daire", "s:string"), ("Bagli_Olunan_Hesap", "s:string")], false),
        ("Pazaryeri_TP_AltUyeIsyeri_Silme", [("GUID_AltUyeIsyeri", "s:string")], false),
        ("Pazaryeri_TP_Siparis_Detay_Ekle", [("ETS_GUID", "s:string"), ("Tutar_Urun", "s:string"), ("Tutar_Odenecek", "s:string"), ("SanalPOS_Islem_ID", "s:string"),
            ("GUID_AltUyeIsyeri", "s:string")], false),
        ("Pazaryeri_TP_Siparis_Onay", [("PYSiparis_GUID", "s:string"), ("Durum", "s:string")], false),
        ("Pazaryeri_TP_Iptal_Iade", [("PYSiparis_GUID", "s:string"), ("GUID", "s:string"), ("Durum", "s:string"), ("Siparis_ID", "s:string"), ("SiparisTutar", "s:double"),
            ("OdenecekTutar", "s:double")], false),
        ("Pazaryeri_TP_Islem_Sorgulama", [("ETS_GUID", "s:string"), ("GUID_AltUyeIsyeri", "s:string"), ("PYSiparis_GUID", "s:string"), ("SanalPOS_Islem_ID", "s:long"),
            ("Tarih_Bas", "s:string"), ("Tarih_Bit", "s:string")], false),
        ("Pazaryeri_TP_Limit_Kontrol", [("ETS_GUID", "s:string"), ("GUID_AltUyeIsyeri", "s:string"), ("Tutar_Odenecek", "s:string")], true)
    ];

    public MarketplaceSchema()
    {
        var schema = new XElement(Xs + "schema",
            new XAttribute("elementFormDefault", "qualified"),
            new XAttribute("targetNamespace", WsdlSchema.TURKPOS_NAMESPACE),
            new XAttribute(XNamespace.Xmlns + "s", Xs.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "tns", WsdlSchema.TURKPOS_NAMESPACE),
            new XElement(Xs + "complexType", new XAttribute("name", "ST_WS_Guvenlik"), new XElement(Xs + "sequence",
                Element("CLIENT_CODE", "s:string"), Element("CLIENT_USERNAME", "s:string"), Element("CLIENT_PASSWORD", "s:string"))),
            Declared.Select(declared => new XElement(Xs + "element", new XAttribute("name", declared.Operation),
                new XElement(Xs + "complexType", new XElement(Xs + "sequence",
                    Element("G", "tns:ST_WS_Guvenlik", optional: declared.OptionalG), declared.Elements.Select(element => Element(element.Name, element.Type)))))));

        Schemas = new XmlSchemaSet();
        using (var reader = schema.CreateReader())
            Schemas.Add(XmlSchema.Read(reader, null)!);
        Schemas.Compile();
        Operations = Declared.Select(declared => declared.Operation).ToHashSet(StringComparer.Ordinal);
    }

    public XmlSchemaSet Schemas { get; }

    public IReadOnlySet<string> Operations { get; }

    public IReadOnlyList<string> Validate(XElement element)
    {
        var errors = new List<string>();
        new XDocument(new XElement(element)).Validate(Schemas, (_, args) => errors.Add(args.Message));

        return errors;
    }

    private static XElement Element(string name, string type, bool optional = false)
    {
        var required = !optional && (type is "s:int" or "s:long" or "s:double" or "tns:ST_WS_Guvenlik");

        return new XElement(Xs + "element", new XAttribute("minOccurs", required ? "1" : "0"), new XAttribute("maxOccurs", "1"), new XAttribute("name", name), new XAttribute("type", type));
    }
}
