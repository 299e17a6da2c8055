using System.Xml.Serialization;

namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

// Param's reports (ParamPOS-more.md §20) answer with ST_Genel_Sonuc like the list operations.

/// <summary>TP_Islem_Izleme request: every transaction of a window of at most 7 days (§20.3).</summary>
[XmlRoot(nameof(TP_Islem_Izleme), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Islem_Izleme
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID { get; set; }
    /// <summary>dd.MM.yyyy HH:mm:ss, Turkish time.</summary>
    [XmlElement(Order = 3)] public string Tarih_Bas { get; set; }
    [XmlElement(Order = 4)] public string Tarih_Bit { get; set; }
    /// <summary>Satış, İptal, İade; empty for all.</summary>
    [XmlElement(Order = 5)] public string Islem_Tip { get; set; }
    /// <summary>Başarılı, Başarısız; empty for all.</summary>
    [XmlElement(Order = 6)] public string Islem_Durum { get; set; }
}

/// <summary>TP_Mutabakat_Ozet request: the totals of a period (§20.1).</summary>
[XmlRoot(nameof(TP_Mutabakat_Ozet), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Mutabakat_Ozet
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID { get; set; }
    [XmlElement(Order = 3)] public string Tarih_Bas { get; set; }
    [XmlElement(Order = 4)] public string Tarih_Bit { get; set; }
}

/// <summary>
/// TP_Mutabakat_Detay request: the settlement of one day (§20.2). Not in the older turkpos.wsdl; the current service has it.
/// </summary>
[XmlRoot(nameof(TP_Mutabakat_Detay), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Mutabakat_Detay
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID { get; set; }
    /// <summary>The day, dd.MM.yyyy 00:00:00 (OPEN-QUESTIONS A36).</summary>
    [XmlElement(Order = 3)] public string Tarih { get; set; }
}
