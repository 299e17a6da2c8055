namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

/// <summary>
/// The card, order and amount elements that TP_WMD_UCD and TP_Islem_Odeme_OnProv_WMD share. Their element order
/// differs (only TP_WMD_UCD has Taksit), so each request keeps its own class and both are filled in one place.
/// </summary>
public interface ICardPaymentBody
{
    ST_WS_Guvenlik G { get; set; }
    string GUID { get; set; }
    string KK_Sahibi { get; set; }
    string KK_No { get; set; }
    string KK_SK_Ay { get; set; }
    string KK_SK_Yil { get; set; }
    string KK_CVC { get; set; }
    string KK_Sahibi_GSM { get; set; }
    string Hata_URL { get; set; }
    string Basarili_URL { get; set; }
    string Siparis_ID { get; set; }
    string Siparis_Aciklama { get; set; }
    string Islem_Tutar { get; set; }
    string Toplam_Tutar { get; set; }
    string Islem_Guvenlik_Tip { get; set; }
    string Islem_ID { get; set; }
    string IPAdr { get; set; }
    string Ref_URL { get; set; }
    string Data1 { get; set; }
    string Data2 { get; set; }
    string Data3 { get; set; }
    string Data4 { get; set; }
    string Data5 { get; set; }
}
