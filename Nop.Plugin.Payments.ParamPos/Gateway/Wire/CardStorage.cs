using System.Xml.Serialization;

namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

/// <summary>
/// G of the card-storage (KS) service: the TurkPos credentials, but CLIENT_CODE is an xs:int there (ParamPOS-more.md §17).
/// </summary>
[XmlType(Namespace = ParamSoap.CARD_STORAGE_NAMESPACE)]
public sealed class ST_KS_Guvenlik
{
    [XmlElement(Order = 1)] public int CLIENT_CODE { get; set; }
    [XmlElement(Order = 2)] public string CLIENT_USERNAME { get; set; }
    [XmlElement(Order = 3)] public string CLIENT_PASSWORD { get; set; }
}

/// <summary>KS_Kart_Ekle: stores a card at Param and answers its token (§18.2). No CVV element exists.</summary>
[XmlRoot(nameof(KS_Kart_Ekle), Namespace = ParamSoap.CARD_STORAGE_NAMESPACE)]
public sealed class KS_Kart_Ekle
{
    [XmlElement(Order = 1)] public ST_KS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID { get; set; }
    [XmlElement(Order = 3)] public string KK_Sahibi { get; set; }
    [XmlElement(Order = 4)] public string KK_No { get; set; }
    [XmlElement(Order = 5)] public string KK_SK_Ay { get; set; }
    [XmlElement(Order = 6)] public string KK_SK_Yil { get; set; }
    [XmlElement(Order = 7)] public string KK_Kart_Adi { get; set; }
    [XmlElement(Order = 8)] public string KK_Islem_ID { get; set; }
}

/// <summary>KS_Kart_Ekle response wrapper.</summary>
[XmlRoot(nameof(KS_Kart_EkleResponse), Namespace = ParamSoap.CARD_STORAGE_NAMESPACE)]
public sealed class KS_Kart_EkleResponse
{
    [XmlElement(Order = 1)] public ST_KS_Kart_Ekle KS_Kart_EkleResult { get; set; }
}

/// <summary>Result of KS_Kart_Ekle: Sonuc is an xs:int here.</summary>
[XmlType(Namespace = ParamSoap.CARD_STORAGE_NAMESPACE)]
public sealed class ST_KS_Kart_Ekle
{
    [XmlElement(Order = 1)] public int Sonuc { get; set; }
    [XmlElement(Order = 2)] public string Sonuc_Str { get; set; }
    [XmlElement(Order = 3)] public string KS_GUID { get; set; }
}

/// <summary>KS_Kart_Liste: the stored cards carrying a label (KK_Kart_Adi), or one card (KK_Islem_ID) (§18.3).</summary>
[XmlRoot(nameof(KS_Kart_Liste), Namespace = ParamSoap.CARD_STORAGE_NAMESPACE)]
public sealed class KS_Kart_Liste
{
    [XmlElement(Order = 1)] public ST_KS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID { get; set; }
    [XmlElement(Order = 3)] public string KK_Kart_Adi { get; set; }
    [XmlElement(Order = 4)] public string KK_Islem_ID { get; set; }
}

/// <summary>KS_Kart_Sil: deletes a stored card; there is no GUID element (§18.4).</summary>
[XmlRoot(nameof(KS_Kart_Sil), Namespace = ParamSoap.CARD_STORAGE_NAMESPACE)]
public sealed class KS_Kart_Sil
{
    [XmlElement(Order = 1)] public ST_KS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string KS_GUID { get; set; }
    [XmlElement(Order = 3)] public string KK_Islem_ID { get; set; }
}

/// <summary>KS_Kart_Sil response wrapper.</summary>
[XmlRoot(nameof(KS_Kart_SilResponse), Namespace = ParamSoap.CARD_STORAGE_NAMESPACE)]
public sealed class KS_Kart_SilResponse
{
    [XmlElement(Order = 1)] public ST_KS_Sonuc KS_Kart_SilResult { get; set; }
}

/// <summary>The KS service's plain result: Sonuc (xs:int) and its text.</summary>
[XmlType("ST_Sonuc", Namespace = ParamSoap.CARD_STORAGE_NAMESPACE)]
public sealed class ST_KS_Sonuc
{
    [XmlElement(Order = 1)] public int Sonuc { get; set; }
    [XmlElement(Order = 2)] public string Sonuc_Str { get; set; }
}

/// <summary>
/// KS_Tahsilat: a sale with a stored card, 3D (the CVV asked again) or NonSecure; no Islem_Hash, only Data1…Data4 (§18.5).
/// </summary>
[XmlRoot(nameof(KS_Tahsilat), Namespace = ParamSoap.CARD_STORAGE_NAMESPACE)]
public sealed class KS_Tahsilat
{
    [XmlElement(Order = 1)] public ST_KS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID { get; set; }
    [XmlElement(Order = 3)] public string KS_GUID { get; set; }
    [XmlElement(Order = 4)] public string CVV { get; set; }
    [XmlElement(Order = 5)] public string KK_Sahibi_GSM { get; set; }
    [XmlElement(Order = 6)] public string Hata_URL { get; set; }
    [XmlElement(Order = 7)] public string Basarili_URL { get; set; }
    [XmlElement(Order = 8)] public string Siparis_ID { get; set; }
    [XmlElement(Order = 9)] public string Siparis_Aciklama { get; set; }
    [XmlElement(Order = 10)] public int Taksit { get; set; }
    [XmlElement(Order = 11)] public string Islem_Tutar { get; set; }
    [XmlElement(Order = 12)] public string Toplam_Tutar { get; set; }
    [XmlElement(Order = 13)] public string Islem_Guvenlik_Tip { get; set; }
    [XmlElement(Order = 14)] public string Islem_ID { get; set; }
    [XmlElement(Order = 15)] public string IPAdr { get; set; }
    [XmlElement(Order = 16)] public string Ref_URL { get; set; }
    [XmlElement(Order = 17)] public string Data1 { get; set; }
    [XmlElement(Order = 18)] public string Data2 { get; set; }
    [XmlElement(Order = 19)] public string Data3 { get; set; }
    [XmlElement(Order = 20)] public string Data4 { get; set; }
    [XmlElement(Order = 21)] public string KK_Islem_ID { get; set; }
}

/// <summary>KS_Tahsilat response wrapper.</summary>
[XmlRoot(nameof(KS_TahsilatResponse), Namespace = ParamSoap.CARD_STORAGE_NAMESPACE)]
public sealed class KS_TahsilatResponse
{
    [XmlElement(Order = 1)] public ST_KS_Islem_Odeme KS_TahsilatResult { get; set; }
}

/// <summary>Result of KS_Tahsilat: the bank's 3-D page in UCD_URL (a URL, or HTML: A28), or NONSECURE with the receipt in Islem_ID.</summary>
[XmlType("ST_TP_Islem_Odeme", Namespace = ParamSoap.CARD_STORAGE_NAMESPACE)]
public sealed class ST_KS_Islem_Odeme
{
    [XmlElement(Order = 1)] public long Islem_ID { get; set; }
    [XmlElement(Order = 2)] public string UCD_URL { get; set; }
    [XmlElement(Order = 3)] public string Sonuc { get; set; }
    [XmlElement(Order = 4)] public string Sonuc_Str { get; set; }
    [XmlElement(Order = 5)] public int Banka_Sonuc_Kod { get; set; }
}
