using System.Xml.Serialization;

namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

/// <summary>TP_Islem_Sorgulama4 request: status of one transaction by receipt, order or merchant transaction id (§8.12).</summary>
[XmlRoot(nameof(TP_Islem_Sorgulama4), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Islem_Sorgulama4
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID { get; set; }
    [XmlElement(Order = 3)] public string Dekont_ID { get; set; }
    [XmlElement(Order = 4)] public string Siparis_ID { get; set; }
    [XmlElement(Order = 5)] public string Islem_ID { get; set; }
}

/// <summary>TP_Islem_Sorgulama4 response wrapper.</summary>
[XmlRoot(nameof(TP_Islem_Sorgulama4Response), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Islem_Sorgulama4Response
{
    [XmlElement(Order = 1)] public ST_Genel_Sonuc2 TP_Islem_Sorgulama4Result { get; set; }
}

/// <summary>Result of TP_Islem_Sorgulama4 (DT_Bilgi is a typed element here, not a DataSet).</summary>
[XmlType(Namespace = ParamSoap.NAMESPACE)]
public sealed class ST_Genel_Sonuc2
{
    [XmlElement(Order = 1)] public DT_Bilgi DT_Bilgi { get; set; }
    [XmlElement(Order = 2)] public string Sonuc { get; set; }
    [XmlElement(Order = 3)] public string Sonuc_Str { get; set; }
}

/// <summary>The queried transaction. xs:double members are read as text and parsed to decimal by ParamAmount.</summary>
[XmlType(Namespace = ParamSoap.NAMESPACE)]
public sealed class DT_Bilgi
{
    /// <summary>1 success, 12 cancelled, 13 refunded, anything else failed.</summary>
    [XmlElement(Order = 1)] public int Odeme_Sonuc { get; set; }
    [XmlElement(Order = 2)] public string Odeme_Sonuc_Aciklama { get; set; }
    [XmlElement(Order = 3)] public string Dekont_ID { get; set; }
    [XmlElement(Order = 4)] public string Siparis_ID { get; set; }
    [XmlElement(Order = 5)] public string Islem_ID { get; set; }
    /// <summary>SUCCESS, CANCEL, REFUND (observed).</summary>
    [XmlElement(Order = 6)] public string Durum { get; set; }
    /// <summary>dd.MM.yyyy HH:mm:ss (day not always padded).</summary>
    [XmlElement(Order = 7)] public string Tarih { get; set; }
    [XmlElement(Order = 8)] public string Toplam_Tutar { get; set; }
    [XmlElement(Order = 9)] public string Komisyon_Oran { get; set; }
    [XmlElement(Order = 10)] public string Komisyon_Tutar { get; set; }
    [XmlElement(Order = 11)] public string Banka_Sonuc_Aciklama { get; set; }
    [XmlElement(Order = 12)] public int Taksit { get; set; }
    /// <summary>Data1|Data2|Data3|Data4|Data5.</summary>
    [XmlElement(Order = 13)] public string Ext_Data { get; set; }
    [XmlElement(Order = 14)] public string Toplam_Iade_Tutar { get; set; }
    /// <summary>Masked card number.</summary>
    [XmlElement(Order = 15)] public string KK_No { get; set; }
    [XmlElement(Order = 16)] public string Bank_Extra { get; set; }
}
