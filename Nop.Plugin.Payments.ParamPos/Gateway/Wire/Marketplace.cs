using System.Xml.Serialization;

namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

/// <summary>Pazaryeri_TP_AltUyeIsyeri_Ekleme: registers a seller (sub-merchant) under the marketplace (Pazaryeri.md §2.1).</summary>
[XmlRoot(nameof(Pazaryeri_TP_AltUyeIsyeri_Ekleme), Namespace = ParamSoap.NAMESPACE)]
public sealed class Pazaryeri_TP_AltUyeIsyeri_Ekleme
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string ETS_GUID { get; set; }
    [XmlElement(Order = 3)] public int Tip { get; set; }
    [XmlElement(Order = 4)] public string Ad_Soyad { get; set; }
    [XmlElement(Order = 5)] public string Unvan { get; set; }
    [XmlElement(Order = 6)] public string TC_VN { get; set; }
    [XmlElement(Order = 7)] public string Kisi_DogumTarihi { get; set; }
    [XmlElement(Order = 8)] public string GSM_No { get; set; }
    [XmlElement(Order = 9)] public string IBAN_No { get; set; }
    [XmlElement(Order = 10)] public string IBAN_Unvan { get; set; }
    [XmlElement(Order = 11)] public string Adres { get; set; }
    [XmlElement(Order = 12)] public string Il { get; set; }
    [XmlElement(Order = 13)] public string Ilce { get; set; }
    [XmlElement(Order = 14)] public string EPosta { get; set; }
    [XmlElement(Order = 15)] public string Website { get; set; }
    [XmlElement(Order = 16)] public string MCC_Kod { get; set; }
    [XmlElement(Order = 17)] public string Yetkili_Kisi_TC { get; set; }
    [XmlElement(Order = 18)] public string Yetkili_Kisi_DogumTarihi { get; set; }
    [XmlElement(Order = 19)] public string Vergi_Daire { get; set; }
    [XmlElement(Order = 20)] public string Bagli_Olunan_Hesap { get; set; }
}

/// <summary>Pazaryeri_TP_AltUyeIsyeri_Guncelleme: updates a seller; type, identity number and birth dates cannot change (§2.3).</summary>
[XmlRoot(nameof(Pazaryeri_TP_AltUyeIsyeri_Guncelleme), Namespace = ParamSoap.NAMESPACE)]
public sealed class Pazaryeri_TP_AltUyeIsyeri_Guncelleme
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID_AltUyeIsyeri { get; set; }
    [XmlElement(Order = 3)] public string Ad_Soyad { get; set; }
    [XmlElement(Order = 4)] public string Unvan { get; set; }
    [XmlElement(Order = 5)] public string GSM_No { get; set; }
    [XmlElement(Order = 6)] public string IBAN_No { get; set; }
    [XmlElement(Order = 7)] public string IBAN_Unvan { get; set; }
    [XmlElement(Order = 8)] public string Adres { get; set; }
    [XmlElement(Order = 9)] public string Il { get; set; }
    [XmlElement(Order = 10)] public string Ilce { get; set; }
    [XmlElement(Order = 11)] public string EPosta { get; set; }
    [XmlElement(Order = 12)] public string Website { get; set; }
    [XmlElement(Order = 13)] public string MCC_Kod { get; set; }
    [XmlElement(Order = 14)] public string Vergi_Daire { get; set; }
    [XmlElement(Order = 15)] public string Bagli_Olunan_Hesap { get; set; }
}

/// <summary>Pazaryeri_TP_Siparis_Detay_Ekle: declares a seller's share of a payment; amounts in comma form (§2.8).</summary>
[XmlRoot(nameof(Pazaryeri_TP_Siparis_Detay_Ekle), Namespace = ParamSoap.NAMESPACE)]
public sealed class Pazaryeri_TP_Siparis_Detay_Ekle
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string ETS_GUID { get; set; }
    [XmlElement(Order = 3)] public string Tutar_Urun { get; set; }
    [XmlElement(Order = 4)] public string Tutar_Odenecek { get; set; }
    [XmlElement(Order = 5)] public string SanalPOS_Islem_ID { get; set; }
    [XmlElement(Order = 6)] public string GUID_AltUyeIsyeri { get; set; }
}

/// <summary>Pazaryeri_TP_Siparis_Onay: approves (1), withdraws an approval (0) or cancels the order only (-1) (§2.9).</summary>
[XmlRoot(nameof(Pazaryeri_TP_Siparis_Onay), Namespace = ParamSoap.NAMESPACE)]
public sealed class Pazaryeri_TP_Siparis_Onay
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string PYSiparis_GUID { get; set; }
    [XmlElement(Order = 3)] public string Durum { get; set; }
}

/// <summary>Pazaryeri_TP_Iptal_Iade: cancels (same day) or refunds (later) a share or the whole order; amounts as doubles (§2.10).</summary>
[XmlRoot(nameof(Pazaryeri_TP_Iptal_Iade), Namespace = ParamSoap.NAMESPACE)]
public sealed class Pazaryeri_TP_Iptal_Iade
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string PYSiparis_GUID { get; set; }
    [XmlElement(Order = 3)] public string GUID { get; set; }
    [XmlElement(Order = 4)] public string Durum { get; set; }
    [XmlElement(Order = 5)] public string Siparis_ID { get; set; }
    [XmlElement(Order = 6)] public double SiparisTutar { get; set; }
    [XmlElement(Order = 7)] public double OdenecekTutar { get; set; }
}

/// <summary>Pazaryeri_TP_Islem_Sorgulama: the seller lines of a seller, a line, a payment or a period (§2.11).</summary>
[XmlRoot(nameof(Pazaryeri_TP_Islem_Sorgulama), Namespace = ParamSoap.NAMESPACE)]
public sealed class Pazaryeri_TP_Islem_Sorgulama
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string ETS_GUID { get; set; }
    [XmlElement(Order = 3)] public string GUID_AltUyeIsyeri { get; set; }
    [XmlElement(Order = 4)] public string PYSiparis_GUID { get; set; }
    [XmlElement(Order = 5)] public long SanalPOS_Islem_ID { get; set; }
    [XmlElement(Order = 6)] public string Tarih_Bas { get; set; }
    [XmlElement(Order = 7)] public string Tarih_Bit { get; set; }
}

/// <summary>Pazaryeri_TP_Limit_Kontrol: whether an individual seller may be paid this much (§2.12; G sent, M2).</summary>
[XmlRoot(nameof(Pazaryeri_TP_Limit_Kontrol), Namespace = ParamSoap.NAMESPACE)]
public sealed class Pazaryeri_TP_Limit_Kontrol
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string ETS_GUID { get; set; }
    [XmlElement(Order = 3)] public string GUID_AltUyeIsyeri { get; set; }
    [XmlElement(Order = 4)] public string Tutar_Odenecek { get; set; }
}
