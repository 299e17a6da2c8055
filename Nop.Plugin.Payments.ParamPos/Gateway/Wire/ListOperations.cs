using System.Xml.Serialization;

namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

// The list operations answer with ST_Genel_Sonuc: Sonuc, Sonuc_Str and a serialized DataTable (DT_Bilgi, §7).
// ParamResponses reads that answer from the response element as parsed, so it has no type here.

/// <summary>BIN_SanalPos request: the card program of a BIN (no GUID in this call).</summary>
[XmlRoot(nameof(BIN_SanalPos), Namespace = ParamSoap.NAMESPACE)]
public sealed class BIN_SanalPos
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    /// <summary>First 6 or 8 digits of the card.</summary>
    [XmlElement(Order = 2)] public string BIN { get; set; }
}

/// <summary>TP_Ozel_Oran_SK_Liste request: the end-customer installment rates of the merchant.</summary>
[XmlRoot(nameof(TP_Ozel_Oran_SK_Liste), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Ozel_Oran_SK_Liste
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID { get; set; }
}
