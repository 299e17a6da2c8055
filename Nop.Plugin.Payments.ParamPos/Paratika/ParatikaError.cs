namespace Nop.Plugin.Payments.ParamPos.Paratika;

/// <summary>
/// What Paratika said when it refused: its error code (ERR100xx platform and validation errors, ERR200xx the bank's),
/// its text, the parameter it objected to, and the bank's own code and text.
/// </summary>
public sealed record ParatikaError(string Code, string Message, string ViolatorParam = null, string BankCode = null, string BankText = null)
{
    /// <summary>Gets a value indicating whether the bank or the payment system declined (ERR200xx), rather than Paratika's platform.</summary>
    public bool IsBankDecline => Code?.StartsWith("ERR200", StringComparison.Ordinal) == true;
}

/// <summary>
/// English and Turkish texts of Paratika's platform errors (ERR100xx/ERR101xx), from Paratika's API document. A code
/// not listed is described by what Paratika sent.
/// </summary>
public static class ParatikaErrorCatalog
{
    private static readonly Dictionary<string, (string English, string Turkish)> Texts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ERR10010"] = ("A required parameter is missing.", "İstekte zorunlu parametrelerden biri bulunamadı."),
        ["ERR10011"] = ("The same parameter sent more than once.", "Aynı parametre bir defadan fazla olarak gönderilmiş."),
        ["ERR10012"] = ("Value longer than the maximum length.", "Bu değer için azami büyüklük değeri aşıldı."),
        ["ERR10013"] = ("Invalid data type.", "Bu değer için geçersiz veri tipi belirtilmiş."),
        ["ERR10014"] = ("Invalid security algorithm.", "Geçersiz güvenlik algoritması belirtilmiş."),
        ["ERR10015"] = ("Invalid merchant.", "Geçersiz üye iş yeri bilgisi belirtilmiş."),
        ["ERR10016"] = ("Invalid amount.", "Geçersiz tutar bilgisi belirtilmiş."),
        ["ERR10017"] = ("Invalid currency.", "Geçersiz para birimi belirtilmiş."),
        ["ERR10018"] = ("Invalid language.", "Geçersiz dil seçimi."),
        ["ERR10019"] = ("General error.", "Genel hata."),
        ["ERR10020"] = ("Invalid user credentials.", "Geçersiz kullanıcı bilgileri."),
        ["ERR10021"] = ("Empty parameter value.", "Boş parametre belirtilmiş, tüm parametreleri kontrol edin."),
        ["ERR10022"] = ("Order items total does not match the amount.", "Sipariş edilen ürünlerin toplam tutarı gerçek tutarla örtüşmüyor."),
        ["ERR10023"] = ("Payment amount does not match the calculated amount.", "Ödeme tutarı hesaplanan tutarla örtüşmüyor."),
        ["ERR10024"] = ("Invalid tax amount.", "Geçersiz vergi tutarı belirtilmiş."),
        ["ERR10025"] = ("Tax amount must be zero in this case.", "Belirtilen durumda vergi tutarı sıfır olmalıdır."),
        ["ERR10026"] = ("Invalid integration model.", "Geçersiz entegrasyon modeli belirtilmiş."),
        ["ERR10027"] = ("Invalid card token.", "Geçersiz kart bilgisi (TOKEN) belirtilmiş."),
        ["ERR10028"] = ("Payment system (virtual POS) not found.", "Belirtilen ödeme sistemi (sanal POS) bulunamadı."),
        ["ERR10029"] = ("Payment type (campaign) not found.", "Belirtilen ödeme tipi (kampanya) bulunamadı."),
        ["ERR10030"] = ("Transaction not found.", "Belirtilen işlem bulunamadı."),
        ["ERR10031"] = ("Transaction cannot be refunded.", "Bu işlem iade edilemez."),
        ["ERR10032"] = ("Invalid refund amount, or already refunded.", "Geçersiz iade tutarı belirtilmiş ya da bu işlem daha önce iade edilmiş."),
        ["ERR10033"] = ("Transaction cannot be voided.", "Bu işlem iptal edilemez."),
        ["ERR10034"] = ("Payment not found.", "Belirtilen ödeme bulunamadı."),
        ["ERR10035"] = ("No pre-authorisation for this payment.", "Bu işlem için ön otorizasyon kaydı bulunmamaktadır."),
        ["ERR10036"] = ("Invalid POSTAUTH amount.", "Geçersiz son otorizasyon (POSTAUTH) tutarı belirtilmiş."),
        ["ERR10037"] = ("Cardholder (customer) not registered.", "Belirtilen Kart Sahibi (Müşteri) kayıtlı değil."),
        ["ERR10038"] = ("Payment awaiting approval.", "İlgili ödeme onay beklemektedir."),
        ["ERR10039"] = ("Invalid payment status.", "Geçersiz ödeme durumu belirtilmiş."),
        ["ERR10040"] = ("Invalid SUBACTION.", "Geçersiz alt işlem (SUBACTION) belirtilmiş."),
        ["ERR10041"] = ("Card already added.", "Belirtilen kart daha önce eklenmiş."),
        ["ERR10042"] = ("Card already deleted.", "Kart daha önceden silinmiş."),
        ["ERR10043"] = ("Invalid time range.", "Geçersiz zaman aralığı belirtilmiş."),
        ["ERR10044"] = ("Invalid date format.", "Geçersiz tarih formatı belirtilmiş."),
        ["ERR10045"] = ("Invalid card number.", "Belirtilen kart numarası geçersizdir."),
        ["ERR10046"] = ("Invalid card expiry.", "Belirtilen kredi kartı geçerlilik tarihi geçersizdir."),
        ["ERR10047"] = ("User not authorised for API.", "Kullanıcının API servislerini kullanma yetkisi bulunmamaktadır."),
        ["ERR10048"] = ("A successful transaction already exists for this merchant order id.", "Başarılı Bir İşlem zaten bu üye iş yeri sipariş numarası ile var."),
        ["ERR10049"] = ("Invalid merchant group number.", "Geçersiz üye iş yeri grup numarası."),
        ["ERR10050"] = ("Invalid HASH.", "Geçersiz HASH değeri."),
        ["ERR10051"] = ("No payment system (virtual POS) defined.", "Herhangi bir ödeme sistemi (sanal pos) tanımı yok. Lütfen, kontrol ediniz."),
        ["ERR10052"] = ("Unsupported currency.", "Desteklenmeyen para birimi:"),
        ["ERR10053"] = ("User not authorised for this merchant.", "Kullanıcının bu üye iş yeri üzerinde işlem yapma yetkisi yok."),
        ["ERR10054"] = ("Payment expiry above maximum.", "Ödeme geçerlilik süresi maksimum limitin üstündedir."),
        ["ERR10055"] = ("Payment expiry below minimum.", "Ödeme geçerlilik süresi minimum limitin altındadır."),
        ["ERR10056"] = ("Invalid API request (action).", "Geçersiz API isteği belirtilmiş."),
        ["ERR10057"] = ("Invalid card BIN.", "Kart BIN bilgisi geçersiz."),
        ["ERR10058"] = ("Card already activated.", "Kart daha önce etkinleştirilmiş."),
        ["ERR10059"] = ("Card already deactivated.", "Kart daha önce kullanım dışı bırakılmış."),
        ["ERR10060"] = ("Invalid IP address.", "Geçersiz IP Adresi."),
        ["ERR10062"] = ("Card not yet activated.", "Belirtilen kart henüz aktive edilmemiştir."),
        ["ERR10063"] = ("Only LetsBodrum card allowed.", "Bu işlem sadece LetsBodrum kart ile yapılabilir."),
        ["ERR10064"] = ("Use LetsBodrum card or İş Bankası credit card.", "Lütfen LetsBodrum kart veya Türkiye İş Bankası kredi kartı kullanınız."),
        ["ERR10065"] = ("Card number already defined.", "Belirtilen kart numarası daha önceden tanımlanmış."),
        ["ERR10066"] = ("Invalid or inconsistent time value.", "Belirtilen zaman bilgisi geçersiz ya da tutarsızdır."),
        ["ERR10067"] = ("Period value too high.", "Belirtilen period değeri çok yüksek."),
        ["ERR10068"] = ("Invalid recurrence parameter.", "Geçersiz tekrar düzeni parametresi."),
        ["ERR10069"] = ("Scheduler (Quartz) error.", "Zamanlayıcı (Quartz) hatası oluştu."),
        ["ERR10070"] = ("Start date must be in the future.", "Başlangı tarihi gelecekteki bir tarih olmalıdır."),
        ["ERR10071"] = ("Invalid recurring-payment status parameter.", "Geçersiz tekrarlı ödeme durum parametresi belirtilmiş."),
        ["ERR10072"] = ("Recurring plan already active.", "Tekrarlı ödeme planı zaten etkin durumda."),
        ["ERR10073"] = ("Recurring plan already inactive.", "Tekrarlı ödeme planı zaten kullanım dışı."),
        ["ERR10074"] = ("Recurring plan already expired.", "Tekrarlı ödeme planının zaten süresi geçmiş."),
        ["ERR10075"] = ("Merchant logo invalid.", "Üye iş yeri görsel (logo) bilgisi hatalı."),
        ["ERR10076"] = ("Invalid recurring-payment status parameter.", "Geçersiz tekrarlı ödeme durum parametresi."),
        ["ERR10078"] = ("Transaction locked.", "İşlem kilitlidir."),
        ["ERR10079"] = ("Card already registered.", "Bu kart sistemde kayıtlıdır."),
        ["ERR10080"] = ("Give merchant order number or payment session token.", "Lütfen, Üye İş Yeri Sipariş numarasını veya Ödeme Oturumu(Token) veriniz."),
        ["ERR10081"] = ("Invalid transaction status.", "Geçersiz işlem durumu."),
        ["ERR10082"] = ("User has no permission for this operation.", "Kullanıcısının bu işlem için yetkisi yoktur."),
        ["ERR10083"] = ("Invalid status.", "Geçersiz statü."),
        ["ERR10084"] = ("Interest or discount rate must be zero.", "Faiz veya indirim oranı sıfır değeri olmalıdır."),
        ["ERR10085"] = ("Valid-to cannot be greater than valid-from (sic).", "Geçerli bitiş tarihi ,geçerli başlangıç tarihten daha büyük olamaz."),
        ["ERR10086"] = ("Valid-to must be after now.", "Geçerli bitiş tarihi şimdiki tarihten daha büyük olmalıdır."),
        ["ERR10087"] = ("Installment count already exists in a payment type for this payment system.", "Taksit sayı numarası zaten bu ödeme sistemi ile bir ödeme tipi var."),
        ["ERR10088"] = ("Installment must be 1–12.", "Taksit bilgisi 1-12 arasında bir değer olmalıdır."),
        ["ERR10089"] = ("Card of a recurring payment cannot be deleted.", "Tekrarlı ödemeye ait kart silinemez."),
        ["ERR10090"] = ("Transaction failed.", "İşlem başarısız."),
        ["ERR10091"] = ("Payment system disabled.", "Ödeme sistemi devre dışı bırakıldığı için işlem gerçekleştiremiyor. Lütfen Üye İş Yeri Süper Yöneticisiyle iletişime geçiniz."),
        ["ERR10092"] = ("Invalid offset.", "Geçersiz offset değeri."),
        ["ERR10093"] = ("Invalid limit.", "Geçersiz limit değeri."),
        ["ERR10094"] = ("No card found.", "Tanımlı bir kart bulunamadı."),
        ["ERR10095"] = ("Card cannot be deleted (recurring plans).", "Kayıtlı bulunan tekrarlayan ödeme planlarından dolayı kart silinemez."),
        ["ERR10096"] = ("Invalid session.", "Geçersiz oturum (session) bilgisi."),
        ["ERR10097"] = ("Session finalised.", "Sonlandırılmış oturum (session) bilgisi."),
        ["ERR10098"] = ("Session token not permitted for this action.", "Bu oturum anahtarının yapılmak istenen işleme yetkisi yoktur."),
        ["ERR10099"] = ("Transaction belongs to another merchant.", "Bu işlem başka bir üye iş yerine ait."),
        ["ERR10100"] = ("Several successful transactions for this payment; use PGTRANID.", "Bu ödeme için birden fazla başarılı işlem vardır. Lütfen PGTRANID parametresini kullanınız."),
        ["ERR10101"] = ("Invalid URL parameter.", "Geçersiz URL parametresi belirtilmiştir."),
        ["ERR10102"] = ("Invalid BIN.", "Geçersiz BIN değeri belirtilmiştir."),
        ["ERR10103"] = ("Rejected as probable fraud (Inact RT).", "İşlem isteği Inact RT servisi tarafından raporlanan fraud olasılığı nedeniyle reddedilmiştir."),
        ["ERR10104"] = ("No usable commission scheme.", "Kullanılabilir komisyon şeması bulunmamaktadır."),
        ["ERR10105"] = ("Payment system not in pool.", "Mevcut Ödeme Sistemi havuzda bulunmamaktadır."),
        ["ERR10106"] = ("Amount not yet settled to merchant; refund not possible.", "İşlem tutarı üye iş yeri hesabına geçmemiştir, iade yapılamaz."),
        ["ERR10107"] = ("Payment already made; no new session with this merchant order id.", "Bu ödeme zaten yapılmıştır, verilen Üye İş Yeri Sipariş Numarası ile yeni ödeme oturumu oluşturulamaz."),
        ["ERR10108"] = ("Merchant not approved.", "Üye iş yeri onaylanmamış."),
        ["ERR10109"] = ("Payment pool not yet approved for merchant.", "Ödeme havuzu üye iş yeri için henüz onaylanmamıştır."),
        ["ERR10110"] = ("Payment system does not support campaigns.", "Kullanilan ödeme sistemi kampanya kullanımını desteklememektedir."),
        ["ERR10111"] = ("Payment system does not support point queries.", "Puan sorgulama ödeme sistemi tarafından desteklenmemektedir."),
        ["ERR10112"] = ("Wrong points format.", "Hatali puan formatı lütfen API Dokümantasyonundan puan kullanım formatını kontrol ediniz."),
        ["ERR10113"] = ("Payment system does not support point usage.", "Kullanilan ödeme sistemi puan kullanımını desteklememektedir."),
        ["ERR10115"] = ("Installment count not supported by merchant.", "Üye iş yeri tarafından desteklenmeyen taksit sayısı belirtilmiştir."),
        ["ERR10116"] = ("Merchant inactive.", "Bu işlem kullanımda olmayan üye iş yeri bilgileriyle gerçekleştirilemez."),
        ["ERR10117"] = ("The order id was used in a terminated session; create a session with a new order id.", "Bu sipariş numarası sonlanan bir oturumda kullanılmıştır lütfen farklı bir sipariş numarası ile oturum anahtarı oluşturun."),
        ["ERR10118"] = ("A session exists for this order id with another amount, currency, session type, return URL or action.", "Bu sipariş numarası için tutarı, para birimi, oturum tipi, dönüş adresi veya işlemi farklı bir oturum var.")
    };

    /// <summary>
    /// Describes an error in English or Turkish: the catalog's text, or what Paratika sent, with the code
    /// </summary>
    public static string Describe(ParatikaError error, bool turkish = false)
    {
        if (error is null)
            return string.Empty;

        var text = error.Code is not null && Texts.TryGetValue(error.Code, out var known) ? (turkish ? known.Turkish : known.English) : error.Message;
        if (!string.IsNullOrEmpty(error.ViolatorParam))
            text = $"{text} ({error.ViolatorParam})";
        if (!string.IsNullOrEmpty(error.BankText))
            text = $"{text} {error.BankText}";

        return string.IsNullOrEmpty(error.Code) ? text ?? string.Empty : $"{error.Code}: {text}";
    }

    /// <summary>
    /// Gets a value indicating whether the catalog knows a code
    /// </summary>
    public static bool Knows(string code) => code is not null && Texts.ContainsKey(code);
}
