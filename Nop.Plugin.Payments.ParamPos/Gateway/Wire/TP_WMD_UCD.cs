using System.Xml.Serialization;

namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

/// <summary>TP_WMD_UCD request: start a sale, 3D Model or NonSecure (§8.5). Element order as in the WSDL.</summary>
[XmlRoot(nameof(TP_WMD_UCD), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_WMD_UCD : ICardPaymentBody
{
    [XmlElement(Order = 1)] public ST_WS_Guvenlik G { get; set; }
    /// <summary>Merchant key.</summary>
    [XmlElement(Order = 2)] public string GUID { get; set; }
    /// <summary>Cardholder name.</summary>
    [XmlElement(Order = 3)] public string KK_Sahibi { get; set; }
    /// <summary>Card number.</summary>
    [XmlElement(Order = 4)] public string KK_No { get; set; }
    /// <summary>Expiry month, MM.</summary>
    [XmlElement(Order = 5)] public string KK_SK_Ay { get; set; }
    /// <summary>Expiry year, YYYY.</summary>
    [XmlElement(Order = 6)] public string KK_SK_Yil { get; set; }
    /// <summary>Security code.</summary>
    [XmlElement(Order = 7)] public string KK_CVC { get; set; }
    /// <summary>Cardholder mobile (5XXXXXXXXX); sent empty when unknown because omitting it fails.</summary>
    [XmlElement(Order = 8)] public string KK_Sahibi_GSM { get; set; }
    /// <summary>Where the bank posts a failed 3D authentication.</summary>
    [XmlElement(Order = 9)] public string Hata_URL { get; set; }
    /// <summary>Where the bank posts a successful 3D authentication.</summary>
    [XmlElement(Order = 10)] public string Basarili_URL { get; set; }
    /// <summary>Merchant order id, unique per attempt, at most 36 characters.</summary>
    [XmlElement(Order = 11)] public string Siparis_ID { get; set; }
    /// <summary>Order description.</summary>
    [XmlElement(Order = 12)] public string Siparis_Aciklama { get; set; }
    /// <summary>Installment count, 1 = single payment.</summary>
    [XmlElement(Order = 13)] public int Taksit { get; set; }
    /// <summary>Amount before commission, "1000,50".</summary>
    [XmlElement(Order = 14)] public string Islem_Tutar { get; set; }
    /// <summary>Amount charged, commission included, "1000,50".</summary>
    [XmlElement(Order = 15)] public string Toplam_Tutar { get; set; }
    /// <summary>Request hash.</summary>
    [XmlElement(Order = 16)] public string Islem_Hash { get; set; }
    /// <summary>"3D" or "NS".</summary>
    [XmlElement(Order = 17)] public string Islem_Guvenlik_Tip { get; set; }
    /// <summary>Optional merchant-side transaction id.</summary>
    [XmlElement(Order = 18)] public string Islem_ID { get; set; }
    /// <summary>Customer IP address.</summary>
    [XmlElement(Order = 19)] public string IPAdr { get; set; }
    /// <summary>Referring page.</summary>
    [XmlElement(Order = 20)] public string Ref_URL { get; set; }
    [XmlElement(Order = 21)] public string Data1 { get; set; }
    [XmlElement(Order = 22)] public string Data2 { get; set; }
    [XmlElement(Order = 23)] public string Data3 { get; set; }
    [XmlElement(Order = 24)] public string Data4 { get; set; }
    [XmlElement(Order = 25)] public string Data5 { get; set; }
}

/// <summary>TP_WMD_UCD response wrapper.</summary>
[XmlRoot(nameof(TP_WMD_UCDResponse), Namespace = ParamSoap.NAMESPACE)]
public sealed class TP_WMD_UCDResponse
{
    [XmlElement(Order = 1)] public ST_WMD_UCD TP_WMD_UCDResult { get; set; }
}

/// <summary>Result of TP_WMD_UCD and TP_Islem_Odeme_OnProv_WMD.</summary>
[XmlType(Namespace = ParamSoap.NAMESPACE)]
public sealed class ST_WMD_UCD
{
    /// <summary>Transaction id (3D) or the receipt number (NonSecure success).</summary>
    [XmlElement(Order = 1)] public long Islem_ID { get; set; }
    /// <summary>Transaction GUID, needed by TP_WMD_Pay.</summary>
    [XmlElement(Order = 2)] public string Islem_GUID { get; set; }
    /// <summary>The bank's 3-D page (HTML), or NONSECURE.</summary>
    [XmlElement(Order = 3)] public string UCD_HTML { get; set; }
    /// <summary>ACS transient data (not the md to pay with).</summary>
    [XmlElement(Order = 4)] public string UCD_MD { get; set; }
    [XmlElement(Order = 5)] public string Sonuc { get; set; }
    [XmlElement(Order = 6)] public string Sonuc_Str { get; set; }
    [XmlElement(Order = 7)] public string Bank_Trans_ID { get; set; }
    [XmlElement(Order = 8)] public string Bank_AuthCode { get; set; }
    [XmlElement(Order = 9)] public string Bank_HostMsg { get; set; }
    /// <summary>Bank/ISO result code.</summary>
    [XmlElement(Order = 10)] public int Banka_Sonuc_Kod { get; set; }
    [XmlElement(Order = 11)] public string Bank_Extra { get; set; }
    [XmlElement(Order = 12)] public string Siparis_ID { get; set; }
    [XmlElement(Order = 13)] public string Bank_HostRefNum { get; set; }
}
