using Nop.Plugin.Payments.ParamPos.Gateway;

namespace Nop.Plugin.Payments.ParamPos.Localization;

/// <summary>
/// Plain-language texts for Param's result codes (ParamPOS.md §13), the common bank (ISO 8583) decline codes and the
/// 3D mdStatus values (§11), in English and Turkish.
/// </summary>
public static class ParamErrorCatalog
{
    private static readonly Dictionary<int, (string English, string Turkish)> ResultCodes = new()
    {
        [-1] = ("The payment was not approved.", "Ödeme onaylanmadı."),
        [-100] = ("Param did not recognize the account: check CLIENT_CODE, user name, password and GUID.", "Param hesabı bulamadı: CLIENT_CODE, kullanıcı adı, şifre ve GUID bilgilerini kontrol edin."),
        [-101] = ("Security error: wrong credentials, or this server's IP address is not registered with Param.", "Güvenlik hatası: bilgiler hatalı ya da bu sunucunun IP adresi Param'da tanımlı değil."),
        [-102] = ("The transaction hash (Islem_Hash) is invalid.", "İşlem özeti (Islem_Hash) geçersiz."),
        [-103] = ("The GUID has the wrong length.", "GUID uzunluğu hatalı."),
        [-104] = ("The order number is longer than 36 characters.", "Sipariş numarası 36 karakterden uzun."),
        [-105] = ("The security code (CVV) must have 3 digits.", "Güvenlik kodu (CVV) 3 haneli olmalı."),
        [-106] = ("The expiry year has the wrong length.", "Son kullanma yılı uzunluğu hatalı."),
        [-107] = ("The expiry month has the wrong length.", "Son kullanma ayı uzunluğu hatalı."),
        [-108] = ("The mobile number is invalid.", "Cep telefonu numarası geçersiz."),
        [-109] = ("The card program (SanalPOS_ID) is invalid.", "Kart programı (SanalPOS_ID) geçersiz."),
        [-110] = ("The installment count is invalid.", "Taksit sayısı geçersiz."),
        [-111] = ("The IP address format is invalid.", "IP adresi biçimi geçersiz."),
        [-112] = ("The amount format is invalid (a comma must separate kuruş).", "Tutar biçimi geçersiz (kuruş virgülle ayrılmalı)."),
        [-113] = ("The amount must be greater than zero.", "Tutar sıfırdan büyük olmalı."),
        [-114] = ("The test account cannot be used in production.", "Test kullanıcısıyla canlı ortamda işlem yapılamaz."),
        [-115] = ("The amount must have two digits after the comma.", "Tutarın virgülden sonra iki hanesi olmalı."),
        [-116] = ("The success or error return URL is empty.", "Başarılı veya hata dönüş adresi boş."),
        [-117] = ("The mobile number must be numeric.", "Cep telefonu numarası yalnızca rakam içermeli."),
        [-118] = ("The card number has the wrong length.", "Kart numarası uzunluğu hatalı."),
        [-119] = ("The card number format is invalid.", "Kart numarası biçimi geçersiz."),
        [-120] = ("The date format is invalid.", "Tarih biçimi geçersiz."),
        [-121] = ("The cardholder details are incomplete.", "Kart sahibi bilgileri eksik."),
        [-200] = ("No commission information was found for this card.", "Bu kart için komisyon bilgisi bulunamadı."),
        [-201] = ("This installment count is not offered for this card.", "Bu kart için bu taksit sayısı sunulmuyor."),
        [-202] = ("The commission added to the total is incorrect.", "Toplama eklenen komisyon hatalı."),
        [-203] = ("The commission could not be computed.", "Komisyon hesaplanamadı."),
        [-204] = ("The virtual POS type is incorrect.", "Sanal POS tipi hatalı."),
        [-205] = ("The payment could not be saved; try again.", "Ödeme kaydedilemedi; tekrar deneyin."),
        [-206] = ("The virtual POS transaction was not saved.", "Sanal POS işlemi kaydedilemedi."),
        [-207] = ("Param reported a system error.", "Param sistem hatası bildirdi."),
        [-208] = ("The card number or virtual POS type was not found.", "Kart numarası veya sanal POS tipi bulunamadı."),
        [-209] = ("The transaction was not found.", "İşlem bulunamadı."),
        [-210] = ("No transaction eligible for cancel or refund was found (a same-day sale can only be cancelled in full; after day end it can only be refunded).", "İptal veya iadeye uygun işlem bulunamadı (aynı gün yalnızca tam iptal, gün sonundan sonra yalnızca iade yapılabilir)."),
        [-211] = ("The transaction is already cancelled.", "İşlem zaten iptal edilmiş."),
        [-212] = ("The transaction is already refunded.", "İşlem zaten iade edilmiş."),
        [-213] = ("This transaction must be refunded, not cancelled.", "Bu işlem iptal edilemez, iade edilmeli."),
        [-214] = ("This transaction must be cancelled, not refunded.", "Bu işlem iade edilemez, iptal edilmeli."),
        [-215] = ("The card's BIN does not match the card program.", "Kartın BIN numarası kart programıyla eşleşmiyor."),
        [-216] = ("The GUID does not belong to these credentials.", "GUID bu kullanıcı bilgilerine ait değil."),
        [-217] = ("The refund or cancel amount is larger than the payment.", "İade veya iptal tutarı ödemeden büyük."),
        [-218] = ("The cancel amount is invalid.", "İptal tutarı geçersiz."),
        [-219] = ("The operation must be IPTAL or IADE.", "İşlem türü IPTAL veya IADE olmalı."),
        [-220] = ("Debit cards cannot pay in installments.", "Banka kartlarıyla taksitli ödeme yapılamaz."),
        [-221] = ("The refund is larger than the refundable balance.", "İade tutarı, iade edilebilir tutardan büyük."),
        [-222] = ("The date range is longer than 7 days.", "Tarih aralığı 7 günden uzun."),
        [-223] = ("A test card was used in production.", "Canlı ortamda test kartı kullanıldı."),
    };

    private static readonly Dictionary<string, (string English, string Turkish)> BankCodes = new(StringComparer.Ordinal)
    {
        ["05"] = ("The bank declined the card (do not honour).", "Banka kartı onaylamadı."),
        ["12"] = ("The bank reported an invalid transaction.", "Banka geçersiz işlem bildirdi."),
        ["14"] = ("The card number is invalid.", "Kart numarası geçersiz."),
        ["51"] = ("Insufficient funds or card limit.", "Bakiye veya kart limiti yetersiz."),
        ["54"] = ("The card has expired.", "Kartın süresi dolmuş."),
        ["57"] = ("The card is not allowed for this transaction.", "Kart bu işleme kapalı."),
        ["61"] = ("The amount exceeds the card's withdrawal limit.", "Tutar kartın işlem limitini aşıyor."),
        ["62"] = ("The card is restricted.", "Kart kısıtlı."),
        ["91"] = ("The card's bank is unreachable; try again later.", "Kartın bankasına ulaşılamıyor; daha sonra tekrar deneyin."),
        ["99"] = ("The bank declined the payment.", "Banka ödemeyi onaylamadı."),
    };

    private static readonly Dictionary<string, (string English, string Turkish)> MdStatuses = new(StringComparer.Ordinal)
    {
        ["0"] = ("3D Secure authentication failed.", "3D Secure doğrulaması başarısız oldu."),
        ["1"] = ("3D Secure authentication succeeded.", "3D Secure doğrulaması başarılı."),
        ["2"] = ("The card or its bank is not enrolled in 3D Secure (half 3D).", "Kart veya bankası 3D Secure'a kayıtlı değil (yarım 3D)."),
        ["3"] = ("The card's bank is not enrolled in 3D Secure (half 3D).", "Kartın bankası 3D Secure'a kayıtlı değil (yarım 3D)."),
        ["4"] = ("3D Secure attempt without full authentication (half 3D).", "Tam doğrulama olmadan 3D Secure denemesi (yarım 3D)."),
        ["5"] = ("3D Secure authentication could not be completed.", "3D Secure doğrulaması tamamlanamadı."),
        ["6"] = ("3D Secure error.", "3D Secure hatası."),
        ["7"] = ("3D Secure system error.", "3D Secure sistem hatası."),
        ["8"] = ("Unknown card for 3D Secure.", "3D Secure için bilinmeyen kart."),
    };

    /// <summary>
    /// Explains a Param result. A bank code takes precedence for generic failures (Sonuc -1) because it says why.
    /// </summary>
    public static (string English, string Turkish) Explain(int code, string bankCode, string paramText)
    {
        if (code == -1 && bankCode is not null && BankCodes.TryGetValue(NormalizeBankCode(bankCode), out var bank))
            return bank;
        if (ResultCodes.TryGetValue(code, out var known))
            return known;

        var suffix = string.IsNullOrWhiteSpace(paramText) ? string.Empty : $": {paramText}";

        return ($"Param reported error {code}{suffix}", $"Param {code} numaralı hata bildirdi{suffix}");
    }

    /// <summary>
    /// Explains an error Param reported.
    /// </summary>
    public static (string English, string Turkish) Explain(ParamError error)
    {
        return Explain(error.Code, error.BankCode, error.ParamText);
    }

    /// <summary>
    /// One line for order notes and logs: "Param -102: The transaction hash (Islem_Hash) is invalid. (Param: 'İşlem Hash geçersiz.')".
    /// </summary>
    public static string Describe(ParamError error)
    {
        var bank = error.BankCode is null ? string.Empty : $", bank code {error.BankCode}";
        var text = string.IsNullOrWhiteSpace(error.ParamText) ? string.Empty : $" (Param: '{error.ParamText}')";

        return $"Param {error.Code}{bank}: {Explain(error).English}{text}";
    }

    /// <summary>
    /// Explains an mdStatus value of the 3D callback.
    /// </summary>
    public static (string English, string Turkish) ExplainMdStatus(string mdStatus)
    {
        return mdStatus is not null && MdStatuses.TryGetValue(mdStatus, out var known)
            ? known
            : ($"Unknown 3D Secure status '{mdStatus}'.", $"Bilinmeyen 3D Secure durumu '{mdStatus}'.");
    }

    /// <summary>
    /// Gets every text of the catalog with a stable key, so the plugin can register them as locale resources
    /// ("Param.Result.102" for Sonuc -102, "Param.Bank.51", "Param.MdStatus.0").
    /// </summary>
    public static IEnumerable<(string Key, string English, string Turkish)> Texts()
    {
        foreach (var (code, (english, turkish)) in ResultCodes)
            yield return (ResultKey(code), english, turkish);
        foreach (var (code, (english, turkish)) in BankCodes)
            yield return (BankKey(code), english, turkish);
        foreach (var (status, (english, turkish)) in MdStatuses)
            yield return (MdStatusKey(status), english, turkish);
    }

    /// <summary>
    /// Gets the key of the text that explains an error best (as <see cref="Explain"/> picks it), or null when the catalog has none.
    /// </summary>
    public static string KeyFor(ParamError error)
    {
        if (error.Code == -1 && error.BankCode is not null && BankCodes.ContainsKey(NormalizeBankCode(error.BankCode)))
            return BankKey(NormalizeBankCode(error.BankCode));

        return ResultCodes.ContainsKey(error.Code) ? ResultKey(error.Code) : null;
    }

    /// <summary>
    /// Gets the key of an mdStatus text, or null when unknown.
    /// </summary>
    public static string KeyForMdStatus(string mdStatus)
    {
        return mdStatus is not null && MdStatuses.ContainsKey(mdStatus) ? MdStatusKey(mdStatus) : null;
    }

    private static string ResultKey(int code) => $"Param.Result.{Math.Abs(code)}";

    private static string BankKey(string code) => $"Param.Bank.{code}";

    private static string MdStatusKey(string status) => $"Param.MdStatus.{status}";

    /// <summary>
    /// Gets a value indicating whether a result code has its own text.
    /// </summary>
    public static bool IsKnown(int code)
    {
        return ResultCodes.ContainsKey(code);
    }

    private static string NormalizeBankCode(string bankCode)
    {
        var trimmed = bankCode.Trim();

        return trimmed.Length == 1 ? "0" + trimmed : trimmed;
    }
}
