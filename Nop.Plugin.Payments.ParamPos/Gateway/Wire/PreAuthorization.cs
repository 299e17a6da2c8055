using System.Xml.Serialization;

namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

/// <summary>
/// TP_Islem_Odeme_OnProv_WMD request: pre-authorization, 3D Model or NonSecure (§8.8). The current service takes
/// Taksit as the last element, after Data5 (Param's 2025 SDK and published captures send it); the older turkpos.wsdl
/// does not have it.
/// </summary>
[XmlRoot(nameof(TP_Islem_Odeme_OnProv_WMD), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Islem_Odeme_OnProv_WMD : ICardPaymentBody
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
    [XmlElement(Order = 13)] public string Islem_Tutar { get; set; }
    [XmlElement(Order = 14)] public string Toplam_Tutar { get; set; }
    [XmlElement(Order = 15)] public string Islem_Hash { get; set; }
    [XmlElement(Order = 16)] public string Islem_Guvenlik_Tip { get; set; }
    [XmlElement(Order = 17)] public string Islem_ID { get; set; }
    [XmlElement(Order = 18)] public string IPAdr { get; set; }
    [XmlElement(Order = 19)] public string Ref_URL { get; set; }
    [XmlElement(Order = 20)] public string Data1 { get; set; }
    [XmlElement(Order = 21)] public string Data2 { get; set; }
    [XmlElement(Order = 22)] public string Data3 { get; set; }
    [XmlElement(Order = 23)] public string Data4 { get; set; }
    [XmlElement(Order = 24)] public string Data5 { get; set; }
    /// <summary>Installment count, 1 = single payment (the current service's addition).</summary>
    [XmlElement(Order = 25)] public int Taksit { get; set; }
}

/// <summary>TP_Islem_Odeme_OnProv_WMD response wrapper.</summary>
[XmlRoot(nameof(TP_Islem_Odeme_OnProv_WMDResponse), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Islem_Odeme_OnProv_WMDResponse
{
    [XmlElement(Order = 1)] public ST_WMD_UCD TP_Islem_Odeme_OnProv_WMDResult { get; set; }
}

/// <summary>TP_Islem_Odeme_OnProv_Kapa request: capture (close) a pre-authorization (§8.9).</summary>
[XmlRoot(nameof(TP_Islem_Odeme_OnProv_Kapa), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Islem_Odeme_OnProv_Kapa
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID { get; set; }
    /// <summary>Pre-authorization id; may be empty.</summary>
    [XmlElement(Order = 3)] public string Prov_ID { get; set; }
    /// <summary>Amount to capture, "1000,50".</summary>
    [XmlElement(Order = 4)] public string Prov_Tutar { get; set; }
    [XmlElement(Order = 5)] public string Siparis_ID { get; set; }
}

/// <summary>TP_Islem_Odeme_OnProv_Kapa response wrapper.</summary>
[XmlRoot(nameof(TP_Islem_Odeme_OnProv_KapaResponse), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Islem_Odeme_OnProv_KapaResponse
{
    [XmlElement(Order = 1)] public ST_TP_Islem_Odeme_OnProvKapa TP_Islem_Odeme_OnProv_KapaResult { get; set; }
}

/// <summary>Result of a capture.</summary>
[XmlType(Namespace = ParamSoap.NAMESPACE)]
public sealed class ST_TP_Islem_Odeme_OnProvKapa
{
    [XmlElement(Order = 1)] public string Sonuc { get; set; }
    [XmlElement(Order = 2)] public string Sonuc_Str { get; set; }
    [XmlElement(Order = 3)] public string Prov_ID { get; set; }
    [XmlElement(Order = 4)] public long Dekont_ID { get; set; }
    [XmlElement(Order = 5)] public int Banka_Sonuc_Kod { get; set; }
    [XmlElement(Order = 6)] public string Siparis_ID { get; set; }
}

/// <summary>TP_Islem_Iptal_OnProv request: release a pre-authorization that was not captured (§8.10).</summary>
[XmlRoot(nameof(TP_Islem_Iptal_OnProv), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Islem_Iptal_OnProv
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    [XmlElement(Order = 2)] public string GUID { get; set; }
    [XmlElement(Order = 3)] public string Prov_ID { get; set; }
    [XmlElement(Order = 4)] public string Siparis_ID { get; set; }
}

/// <summary>TP_Islem_Iptal_OnProv response wrapper.</summary>
[XmlRoot(nameof(TP_Islem_Iptal_OnProvResponse), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_Islem_Iptal_OnProvResponse
{
    [XmlElement(Order = 1)] public ST_Sonuc TP_Islem_Iptal_OnProvResult { get; set; }
}

/// <summary>Plain result: Sonuc, Sonuc_Str, bank code.</summary>
[XmlType(Namespace = ParamSoap.NAMESPACE)]
public sealed class ST_Sonuc
{
    [XmlElement(Order = 1)] public string Sonuc { get; set; }
    [XmlElement(Order = 2)] public string Sonuc_Str { get; set; }
    [XmlElement(Order = 3)] public string Banka_Sonuc_Kod { get; set; }
}
