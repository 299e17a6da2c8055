using System.Xml.Serialization;

namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

/// <summary>TP_Islem_Iptal_Iade_Kismi2 request: cancel (IPTAL) or refund (IADE) a sale by order id (§8.11).</summary>
[XmlRoot(nameof(TP_Islem_Iptal_Iade_Kismi2), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Islem_Iptal_Iade_Kismi2
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID { get; set; }
    /// <summary>"IPTAL" or "IADE".</summary>
    [XmlElement(Order = 3)] public string Durum { get; set; }
    [XmlElement(Order = 4)] public string Siparis_ID { get; set; }
    /// <summary>xs:double with a dot ("10.01"), written from a decimal by ParamAmount.</summary>
    [XmlElement(Order = 5)] public string Tutar { get; set; }
}

/// <summary>TP_Islem_Iptal_Iade_Kismi2 response wrapper.</summary>
[XmlRoot(nameof(TP_Islem_Iptal_Iade_Kismi2Response), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Islem_Iptal_Iade_Kismi2Response
{
    [XmlElement(Order = 1)] public ST_Sonuc_II TP_Islem_Iptal_Iade_Kismi2Result { get; set; }
}

/// <summary>Result of a cancel/refund.</summary>
[XmlType(Namespace = ParamSoap.NAMESPACE)]
public sealed class ST_Sonuc_II
{
    [XmlElement(Order = 1)] public string Sonuc { get; set; }
    [XmlElement(Order = 2)] public string Sonuc_Str { get; set; }
    [XmlElement(Order = 3)] public string Banka_Sonuc_Kod { get; set; }
    [XmlElement(Order = 4)] public string Bank_AuthCode { get; set; }
    [XmlElement(Order = 5)] public string Bank_Trans_ID { get; set; }
    [XmlElement(Order = 6)] public string Bank_Extra { get; set; }
    [XmlElement(Order = 7)] public string Bank_HostRefNum { get; set; }
}
