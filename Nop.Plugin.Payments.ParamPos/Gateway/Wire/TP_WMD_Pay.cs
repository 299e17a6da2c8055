using System.Xml.Serialization;

namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

/// <summary>TP_WMD_Pay request: complete a 3D Model sale with the posted md (§8.7).</summary>
[XmlRoot(nameof(TP_WMD_Pay), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_WMD_Pay
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID { get; set; }
    /// <summary>The md posted by the bank.</summary>
    [XmlElement(Order = 3)] public string UCD_MD { get; set; }
    /// <summary>The posted islemGUID.</summary>
    [XmlElement(Order = 4)] public string Islem_GUID { get; set; }
    /// <summary>The posted orderId.</summary>
    [XmlElement(Order = 5)] public string Siparis_ID { get; set; }
}

/// <summary>TP_WMD_Pay response wrapper.</summary>
[XmlRoot(nameof(TP_WMD_PayResponse), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_WMD_PayResponse
{
    [XmlElement(Order = 1)] public ST_WMD_Pay TP_WMD_PayResult { get; set; }
}

/// <summary>Result of TP_WMD_Pay (note Sonuc is an int here and the text is Sonuc_Ack).</summary>
[XmlType(Namespace = ParamSoap.NAMESPACE)]
public sealed class ST_WMD_Pay
{
    [XmlElement(Order = 1)] public int Sonuc { get; set; }
    [XmlElement(Order = 2)] public string Sonuc_Ack { get; set; }
    /// <summary>Receipt number, &gt; 0 on success.</summary>
    [XmlElement(Order = 3)] public string Dekont_ID { get; set; }
    [XmlElement(Order = 4)] public string Siparis_ID { get; set; }
    [XmlElement(Order = 5)] public string UCD_MD { get; set; }
    [XmlElement(Order = 6)] public string Bank_Trans_ID { get; set; }
    [XmlElement(Order = 7)] public string Bank_AuthCode { get; set; }
    [XmlElement(Order = 8)] public string Bank_HostMsg { get; set; }
    [XmlElement(Order = 9)] public string Bank_Extra { get; set; }
    [XmlElement(Order = 10)] public int Bank_Sonuc_Kod { get; set; }
    [XmlElement(Order = 11)] public string Bank_HostRefNum { get; set; }
}
