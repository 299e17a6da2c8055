using System.Xml.Serialization;

namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

/// <summary>
/// Pos_Odeme request: a 3D Pay (or NonSecure) sale, completed by the bank, whose result comes back as the
/// TURKPOS_RETVAL_* POST (§8.14). Element order as in the WSDL: TP_WMD_UCD's, then Data6…Data10.
/// </summary>
[XmlRoot(nameof(Pos_Odeme), Namespace = ParamSoap.NAMESPACE)]
public sealed class Pos_Odeme : ICardPaymentBody
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID { get; set; }
    [XmlElement(Order = 3)] public string KK_Sahibi { get; set; }
    [XmlElement(Order = 4)] public string KK_No { get; set; }
    [XmlElement(Order = 5)] public string KK_SK_Ay { get; set; }
    [XmlElement(Order = 6)] public string KK_SK_Yil { get; set; }
    [XmlElement(Order = 7)] public string KK_CVC { get; set; }
    [XmlElement(Order = 8)] public string KK_Sahibi_GSM { get; set; }
    [XmlElement(Order = 9)] public string Hata_URL { get; set; }
    [XmlElement(Order = 10)] public string Basarili_URL { get; set; }
    [XmlElement(Order = 11)] public string Siparis_ID { get; set; }
    [XmlElement(Order = 12)] public string Siparis_Aciklama { get; set; }
    [XmlElement(Order = 13)] public int Taksit { get; set; }
    [XmlElement(Order = 14)] public string Islem_Tutar { get; set; }
    [XmlElement(Order = 15)] public string Toplam_Tutar { get; set; }
    [XmlElement(Order = 16)] public string Islem_Hash { get; set; }
    [XmlElement(Order = 17)] public string Islem_Guvenlik_Tip { get; set; }
    [XmlElement(Order = 18)] public string Islem_ID { get; set; }
    [XmlElement(Order = 19)] public string IPAdr { get; set; }
    [XmlElement(Order = 20)] public string Ref_URL { get; set; }
    [XmlElement(Order = 21)] public string Data1 { get; set; }
    [XmlElement(Order = 22)] public string Data2 { get; set; }
    [XmlElement(Order = 23)] public string Data3 { get; set; }
    [XmlElement(Order = 24)] public string Data4 { get; set; }
    [XmlElement(Order = 25)] public string Data5 { get; set; }
    [XmlElement(Order = 26)] public string Data6 { get; set; }
    [XmlElement(Order = 27)] public string Data7 { get; set; }
    [XmlElement(Order = 28)] public string Data8 { get; set; }
    [XmlElement(Order = 29)] public string Data9 { get; set; }
    [XmlElement(Order = 30)] public string Data10 { get; set; }
}

/// <summary>Pos_Odeme response wrapper.</summary>
[XmlRoot(nameof(Pos_OdemeResponse), Namespace = ParamSoap.NAMESPACE)]
public sealed class Pos_OdemeResponse
{
    [XmlElement(Order = 1)] public ST_TP_Islem_Odeme Pos_OdemeResult { get; set; }
}

/// <summary>
/// TP_Islem_Odeme_WD request: a sale in a foreign currency (3D Pay style or NonSecure), single payment, no Taksit
/// (§8.13). Element order as in the WSDL: Doviz_Kodu right after G.
/// </summary>
[XmlRoot(nameof(TP_Islem_Odeme_WD), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Islem_Odeme_WD : ICardPaymentBody
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    /// <summary>1000 TRY, 1001 USD, 1002 EUR, 1003 GBP.</summary>
    [XmlElement(Order = 2)] public int Doviz_Kodu { get; set; }
    [XmlElement(Order = 3)] public string GUID { get; set; }
    [XmlElement(Order = 4)] public string KK_Sahibi { get; set; }
    [XmlElement(Order = 5)] public string KK_No { get; set; }
    [XmlElement(Order = 6)] public string KK_SK_Ay { get; set; }
    [XmlElement(Order = 7)] public string KK_SK_Yil { get; set; }
    [XmlElement(Order = 8)] public string KK_CVC { get; set; }
    [XmlElement(Order = 9)] public string KK_Sahibi_GSM { get; set; }
    [XmlElement(Order = 10)] public string Hata_URL { get; set; }
    [XmlElement(Order = 11)] public string Basarili_URL { get; set; }
    [XmlElement(Order = 12)] public string Siparis_ID { get; set; }
    [XmlElement(Order = 13)] public string Siparis_Aciklama { get; set; }
    [XmlElement(Order = 14)] public string Islem_Tutar { get; set; }
    [XmlElement(Order = 15)] public string Toplam_Tutar { get; set; }
    [XmlElement(Order = 16)] public string Islem_Hash { get; set; }
    [XmlElement(Order = 17)] public string Islem_Guvenlik_Tip { get; set; }
    [XmlElement(Order = 18)] public string Islem_ID { get; set; }
    [XmlElement(Order = 19)] public string IPAdr { get; set; }
    [XmlElement(Order = 20)] public string Ref_URL { get; set; }
    [XmlElement(Order = 21)] public string Data1 { get; set; }
    [XmlElement(Order = 22)] public string Data2 { get; set; }
    [XmlElement(Order = 23)] public string Data3 { get; set; }
    [XmlElement(Order = 24)] public string Data4 { get; set; }
    [XmlElement(Order = 25)] public string Data5 { get; set; }
}

/// <summary>TP_Islem_Odeme_WD response wrapper.</summary>
[XmlRoot(nameof(TP_Islem_Odeme_WDResponse), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Islem_Odeme_WDResponse
{
    [XmlElement(Order = 1)] public ST_TP_Islem_Odeme TP_Islem_Odeme_WDResult { get; set; }
}

/// <summary>Result of Pos_Odeme and TP_Islem_Odeme_WD: the bank's page as a URL (UCD_URL), or NONSECURE.</summary>
[XmlType(Namespace = ParamSoap.NAMESPACE)]
public sealed class ST_TP_Islem_Odeme
{
    [XmlElement(Order = 1)] public long Islem_ID { get; set; }
    [XmlElement(Order = 2)] public string UCD_URL { get; set; }
    [XmlElement(Order = 3)] public string Sonuc { get; set; }
    [XmlElement(Order = 4)] public string Sonuc_Str { get; set; }
    [XmlElement(Order = 5)] public int Banka_Sonuc_Kod { get; set; }
    [XmlElement(Order = 6)] public string Siparis_ID { get; set; }
}
