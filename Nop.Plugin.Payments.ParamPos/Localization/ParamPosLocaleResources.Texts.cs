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

        (P + "Checkout.CardholderName", "Name on card", "Kart üzerindeki ad soyad"),
        (P + "Checkout.CardNumber", "Card number", "Kart numarası"),
        (P + "Checkout.ExpiryMonth", "Expiry month", "Son kullanma ayı"),
        (P + "Checkout.ExpiryYear", "Expiry year", "Son kullanma yılı"),
        (P + "Checkout.Month", "Month", "Ay"),
        (P + "Checkout.Year", "Year", "Yıl"),
        (P + "Checkout.Cvc", "Security code (CVC)", "Güvenlik kodu (CVC)"),
        (P + "Checkout.CvcHint", "The 3 digits on the back of the card (4 on the front for American Express).", "Kartın arkasındaki 3 haneli kod (American Express kartlarda öndeki 4 haneli kod)."),
        (P + "Checkout.Installments", "Installment options", "Taksit seçenekleri"),
        (P + "Checkout.InstallmentsColumn", "Installments", "Taksit"),
        (P + "Checkout.EnterCardForInstallments", "Enter your card number to see the installment options for your card.", "Kart numaranızı girdiğinizde kartınıza uygun taksit seçenekleri burada görünür."),
        (P + "Checkout.Loading", "Loading the installment options…", "Taksit seçenekleri yükleniyor…"),
        (P + "Checkout.QuoteUnavailable", "The installment options cannot be loaded right now. Please try again in a moment.", "Taksit seçenekleri şu anda alınamıyor. Lütfen biraz sonra tekrar deneyin."),
        (P + "Checkout.Rate", "Commission", "Komisyon"),
        (P + "Checkout.Monthly", "Monthly", "Aylık"),
        (P + "Checkout.Total", "Total", "Toplam"),
        (P + "Checkout.SinglePayment", "Single payment", "Tek çekim"),
        (P + "Checkout.InstallmentCount", "{0} installments", "{0} taksit"),
        (P + "Checkout.DebitSinglePaymentOnly", "Debit cards can only pay in a single payment.", "Banka kartlarıyla yalnızca tek çekim yapılabilir."),
        (P + "Checkout.MinimumForInstallments", "Installments are available for orders of {0} or more.", "Taksit seçenekleri {0} ve üzeri siparişlerde sunulur."),
        (P + "Checkout.AmountFormat", "{0} TRY", "{0} TL"),
        (P + "Checkout.RateFormat", "{0} %", "%{0}"),
        (P + "Checkout.SecuredBy3D", "Your bank confirms the payment with 3D Secure. Your card details are not stored.", "Ödemeniz bankanızın 3D Secure doğrulamasıyla onaylanır. Kart bilgileriniz saklanmaz."),
        (P + "CustomValues.Installments", "Installments", "Taksit"),

        (P + "Validation.CardholderRequired", "Enter the name on the card.", "Kart üzerindeki adı girin."),
        (P + "Validation.CardNumberInvalid", "The card number is not valid. Please check it.", "Kart numarası geçersiz. Lütfen kontrol edin."),
        (P + "Validation.ExpiryInvalid", "Choose the card's expiry month and year.", "Kartın son kullanma ayını ve yılını seçin."),
        (P + "Validation.CardExpired", "This card has expired.", "Bu kartın son kullanma tarihi geçmiş."),
        (P + "Validation.CvcInvalid", "The security code is not valid.", "Güvenlik kodu geçersiz."),
        (P + "Validation.InstallmentNotOffered", "The chosen installment option is not offered for this card and amount. Please choose another one.", "Seçilen taksit seçeneği bu kart ve tutar için sunulmuyor. Lütfen başka bir seçenek seçin."),
        (P + "Validation.DebitSinglePaymentOnly", "Debit cards can only pay in a single payment.", "Banka kartlarıyla yalnızca tek çekim yapılabilir."),
        (P + "Validation.CardNotSupported", "This card cannot be used here. Please try another card.", "Bu kartla ödeme yapılamıyor. Lütfen başka bir kart deneyin."),
        (P + "Validation.ServiceUnavailable", "The payment service cannot be reached right now. Please try again in a moment.", "Ödeme hizmetine şu anda ulaşılamıyor. Lütfen biraz sonra tekrar deneyin."),

        (P + "Errors.CardDataMissing", "Your card details were not found. Please go back to the payment step and enter them.", "Kart bilgileriniz bulunamadı. Lütfen ödeme adımına dönüp kart bilgilerinizi girin."),
        (P + "Errors.CardDataExpired", "For your security, card details are kept only briefly and that time has passed. Please enter your card details again.", "Güvenliğiniz için kart bilgileri kısa bir süre saklanır ve bu süre doldu. Lütfen kart bilgilerinizi yeniden girin."),
        (P + "Errors.TotalChanged", "The order total has changed. Please go back to the payment step and choose your installments again.", "Sipariş tutarı değişti. Lütfen ödeme adımına dönüp taksit seçiminizi yeniden yapın."),
        (P + "Errors.Unavailable", "The payment service cannot be reached right now; nothing was charged. Please try again in a moment.", "Ödeme hizmetine şu anda ulaşılamıyor; kartınızdan tutar çekilmedi. Lütfen biraz sonra tekrar deneyin."),
        (P + "Errors.Declined", "The payment was not approved: {0} Nothing was charged.", "Ödeme onaylanmadı: {0} Kartınızdan tutar çekilmedi."),
        (P + "Errors.NotConfigured", "This payment method is not available right now.", "Bu ödeme yöntemi şu anda kullanılamıyor."),
        (P + "Errors.CannotPayAgain", "The payment of this order can no longer be retried.", "Bu siparişin ödemesi artık yeniden denenemez."),
        (P + "Errors.DifferentRate", "This card's installment commission differs from your order's total. Use a card of the same card program or place a new order.", "Bu kartın taksit komisyonu sipariş tutarınızla uyuşmuyor. Aynı kart programından bir kart kullanın ya da yeni bir sipariş verin."),

        (P + "Result.Order", "Order", "Sipariş"),
        (P + "Result.FailedTitle", "Your payment was not completed", "Ödemeniz tamamlanamadı"),
        (P + "Result.NotCharged", "Nothing was charged. Your order is waiting: you can pay again, with this card or another one.", "Kartınızdan tutar çekilmedi. Siparişiniz bekliyor: aynı kartla ya da başka bir kartla yeniden ödeyebilirsiniz."),
        (P + "Result.NotChargedContactStore", "Nothing was charged. Please contact the store if you need help.", "Kartınızdan tutar çekilmedi. Yardıma ihtiyacınız olursa lütfen mağazayla iletişime geçin."),
        (P + "Result.NotCompleted", "3D Secure verification was not completed.", "3D Secure doğrulaması tamamlanmadı."),
        (P + "Result.CartRestored", "Your order was cancelled and its items are back in your cart. Nothing was charged.", "Siparişiniz iptal edildi ve ürünler sepetinize geri eklendi. Kartınızdan tutar çekilmedi."),
        (P + "Result.ProcessingTitle", "We are confirming your payment", "Ödemeniz doğrulanıyor"),
        (P + "Result.Processing", "We are waiting for your bank's answer. This page refreshes by itself; please do not pay again.", "Bankanızın yanıtını bekliyoruz. Bu sayfa kendiliğinden yenilenir; lütfen yeniden ödeme yapmayın."),
        (P + "Result.Unsettled", "Your payment could not be confirmed yet. The store will contact you; please do not pay again.", "Ödemeniz henüz doğrulanamadı. Mağaza sizinle iletişime geçecek; lütfen yeniden ödeme yapmayın."),
        (P + "Result.PayAgain", "Pay again", "Yeniden öde"),
        (P + "Result.GoToCart", "Go to cart", "Sepete git"),
        (P + "Result.OrderDetails", "Order details", "Sipariş ayrıntıları"),
        (P + "PayAgain.Title", "Pay for your order", "Siparişinizin ödemesini yapın"),
        (P + "PayAgain.Submit", "Pay", "Öde"),

        (P + "Refund.NotThisMethod", "This order was not paid with ParamPOS.", "Bu sipariş ParamPOS ile ödenmedi."),
        (P + "Refund.NotPaid", "Only a paid order can be refunded.", "Yalnızca ödenmiş bir sipariş iade edilebilir."),
        (P + "Refund.AmountInvalid", "The refund amount must be greater than zero.", "İade tutarı sıfırdan büyük olmalı."),
        (P + "Refund.AmountTooLarge", "The refund is larger than what is left to refund (the order total, commission included, minus earlier refunds).", "İade tutarı iade edilebilecek tutardan büyük (komisyon dahil sipariş toplamı eksi önceki iadeler)."),
        (P + "Refund.InProgress", "Another refund of this order is in progress. Wait a moment and reload the order.", "Bu sipariş için başka bir iade işlemi sürüyor. Biraz bekleyip siparişi yeniden açın."),
        (P + "Refund.Refused", "Param refused the refund: {0} (Param {1}: {2}). The order was not changed.", "Param iadeyi kabul etmedi: {0} (Param {1}: {2}). Sipariş değiştirilmedi."),
        (P + "Refund.Unavailable", "Param could not be reached; nothing was refunded and the order was not changed. Try again in a moment.", "Param'a ulaşılamadı; iade yapılmadı ve sipariş değiştirilmedi. Biraz sonra tekrar deneyin."),
        (P + "Refund.OutcomeUnknown", "Param did not answer and the refund could not be confirmed. Check the transaction in Param's merchant panel before trying again; the order was not changed.", "Param yanıt vermedi ve iade doğrulanamadı. Yeniden denemeden önce işlemi Param üye işyeri panelinden kontrol edin; sipariş değiştirilmedi."),

        (P + "Param.Unknown", "Param reported error {0}: {1}", "Param {0} numaralı hata bildirdi: {1}"),
        (P + "Param.MdStatusUnknown", "Unknown 3D Secure status {0}.", "Bilinmeyen 3D Secure durumu: {0}."),

        (P + "Warnings.CurrencyNotTry", "The primary store currency is not Turkish lira (TRY). ParamPOS charges TRY, so the payment method is hidden at checkout.", "Mağazanın ana para birimi Türk lirası (TRY) değil. ParamPOS TRY ile tahsilat yaptığı için ödeme yöntemi ödeme adımında gizlenir."),
        (P + "Warnings.MissingCredentials", "CLIENT_CODE, user name, password or GUID is missing, so the payment method is hidden at checkout.", "CLIENT_CODE, kullanıcı adı, şifre veya GUID eksik; bu yüzden ödeme yöntemi ödeme adımında gizlenir."),
        (P + "Warnings.InvalidServiceUrl", "The custom service URL is not a valid http or https address.", "Özel servis adresi geçerli bir http veya https adresi değil."),
        (P + "Warnings.ParatikaNotBuilt", "The Paratika hosted payment page is not available yet; choose the card form.", "Paratika ortak ödeme sayfası henüz kullanılamıyor; kart formunu seçin."),

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
