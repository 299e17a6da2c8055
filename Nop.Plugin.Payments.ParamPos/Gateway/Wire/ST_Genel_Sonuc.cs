using System.Xml;
using System.Xml.Serialization;

namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

/// <summary>Result of the list operations: a serialized DataTable (schema + diffgram) in DT_Bilgi (§7).</summary>
[XmlType(Namespace = ParamSoap.NAMESPACE)]
public sealed class ST_Genel_Sonuc
{
    /// <summary>The serialized DataTable; rows are read from its diffgram by <see cref="DiffgramReader"/>.</summary>
    [XmlElement(Order = 1)] public DataTablePayload DT_Bilgi { get; set; }
    [XmlElement(Order = 2)] public string Sonuc { get; set; }
    [XmlElement(Order = 3)] public string Sonuc_Str { get; set; }
}

/// <summary>
/// The content of a DataSet-typed DT_Bilgi: the inline xs:schema element(s) and the diffgr:diffgram element, kept as XML.
/// </summary>
[XmlType(Namespace = ParamSoap.NAMESPACE)]
public sealed class DataTablePayload
{
    [XmlAnyElement] public XmlElement[] Elements { get; set; }
}

/// <summary>BIN_SanalPos request: the card program of a BIN (no GUID in this call).</summary>
[XmlRoot(nameof(BIN_SanalPos), Namespace = ParamSoap.NAMESPACE)]
public sealed class BIN_SanalPos
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    /// <summary>First 6 or 8 digits of the card.</summary>
    [XmlElement(Order = 2)] public string BIN { get; set; }
}

/// <summary>BIN_SanalPos response wrapper.</summary>
[XmlRoot(nameof(BIN_SanalPosResponse), Namespace = ParamSoap.NAMESPACE)]
public sealed class BIN_SanalPosResponse
{
    [XmlElement(Order = 1)] public ST_Genel_Sonuc BIN_SanalPosResult { get; set; }
}

/// <summary>TP_Ozel_Oran_SK_Liste request: the end-customer installment rates of the merchant.</summary>
[XmlRoot(nameof(TP_Ozel_Oran_SK_Liste), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Ozel_Oran_SK_Liste
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID { get; set; }
}

/// <summary>TP_Ozel_Oran_SK_Liste response wrapper.</summary>
[XmlRoot(nameof(TP_Ozel_Oran_SK_ListeResponse), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Ozel_Oran_SK_ListeResponse
{
    [XmlElement(Order = 1)] public ST_Genel_Sonuc TP_Ozel_Oran_SK_ListeResult { get; set; }
}
