namespace Nop.Plugin.Payments.ParamPos.Localization;

public static partial class ParamPosLocaleResources
{
    private const string P = "Plugins.Payments.ParamPos.";
    private const string E = "Enums.Nop.Plugin.Payments.ParamPos.Domain.";

    /// <summary>
    /// (key, English, Turkish). One row per text so a missing translation cannot go unnoticed.
    /// </summary>
    private static readonly (string Key, string English, string Turkish)[] Texts =
    [
        (P + "PaymentMethodDescription", "Pay by credit or debit card, in installments where your card allows, secured by 3D Secure.", "Kredi kartı veya banka kartıyla, kartınız uygunsa taksitle, 3D Secure güvencesiyle ödeyin."),
        (P + "NotSupported.Capture", "The ParamPOS plugin charges at once (no pre-authorization), so there is nothing to capture.", "ParamPOS eklentisi tutarı hemen tahsil eder (ön provizyon yoktur), bu yüzden kapatılacak bir provizyon yok."),
        (P + "NotSupported.Void", "ParamPOS payments cannot be voided here; use Refund (a same-day full refund is sent as a cancellation).", "ParamPOS ödemeleri burada iptal edilemez; İade'yi kullanın (aynı gün yapılan tam iade, iptal olarak gönderilir)."),
        (P + "NotSupported.Recurring", "Recurring payments are not supported by the ParamPOS plugin.", "Tekrarlanan ödemeler ParamPOS eklentisinde desteklenmiyor."),
        (P + "NotSupported.Refund", "Refunds are not available in this version of the ParamPOS plugin.", "Bu ParamPOS eklentisi sürümünde iade yapılamıyor."),
        (P + "NotSupported.Payment", "Card payment is not available in this version of the ParamPOS plugin.", "Bu ParamPOS eklentisi sürümünde kartla ödeme yapılamıyor."),

        (E + "ParamEnvironment.Test", "Param test service", "Param test ortamı"),
        (E + "ParamEnvironment.Production", "Param production service", "Param canlı ortam"),
        (E + "ParamEnvironment.Custom", "Custom URL (e.g. the local sandbox)", "Özel adres (ör. yerel sandbox)"),
        (E + "PaymentMode.CardForm3D", "Card form with installments, 3D Secure (3D Model)", "Taksitli kart formu, 3D Secure (3D Model)"),
        (E + "PaymentMode.ParatikaHostedPage", "Paratika hosted payment page (coming, not available yet)", "Paratika ortak ödeme sayfası (yakında, henüz kullanılamaz)"),
        (E + "CommissionPayer.Customer", "The customer pays the installment commission", "Taksit komisyonunu müşteri öder"),
        (E + "CommissionPayer.Merchant", "The store absorbs the installment commission", "Taksit komisyonunu mağaza üstlenir"),
        (E + "TransactionLogDetail.ErrorsOnly", "Errors only", "Yalnızca hatalar"),
        (E + "TransactionLogDetail.Summary", "Every call, one line each", "Her çağrı, tek satır"),
        (E + "TransactionLogDetail.FullRedacted", "Full requests and responses (card data and secrets masked)", "Tam istek ve yanıtlar (kart bilgileri ve gizli bilgiler maskelenir)"),
        (E + "FailedPaymentAction.KeepPendingForRetry", "Keep the order pending so the customer can pay again", "Müşterinin yeniden ödeyebilmesi için sipariş beklemede kalsın"),
        (E + "FailedPaymentAction.CancelAndRestoreCart", "Cancel the order and put the items back in the cart", "Siparişi iptal et ve ürünleri sepete geri koy"),
    ];
}
