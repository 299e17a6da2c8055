using System.Globalization;
using System.Xml.Linq;
using ParamPos.Sandbox.Soap;
using ParamPos.Sandbox.State;

namespace ParamPos.Sandbox.Operations;

/// <summary>
/// The card-storage (KS) operations (ParamPOS-more.md §18), with the emulator defaults of OPEN-QUESTIONS A26–A29: cards
/// listed by exact label and/or card id, masked first 6 + last 4; a card with a KK_Islem_ID is deleted only with it; the
/// undocumented KS_Kart_Liste_Pagination is declared but not carried out. A sale with a stored card goes through the
/// same card checks, bank page and TURKPOS_RETVAL_* result as a 3D Pay sale.
/// </summary>
public sealed class CardStorageService
{
    private const string NOT_FOUND = "Kart bulunamadı.";
    private readonly SandboxOptions _options;
    private readonly CardStore _cards;
    private readonly TurkPosService _turkPos;
    private readonly TimeProvider _clock;

    public CardStorageService(SandboxOptions options, CardStore cards, TurkPosService turkPos, TimeProvider clock)
    {
        _options = options;
        _cards = cards;
        _turkPos = turkPos;
        _clock = clock;
    }

    /// <summary>Operations this sandbox carries out.</summary>
    public static readonly IReadOnlySet<string> Implemented = new HashSet<string>(StringComparer.Ordinal) { "KS_Kart_Ekle", "KS_Kart_Liste", "KS_Kart_Sil", "KS_Tahsilat" };

    public XElement Handle(SoapCall call)
    {
        return call.Operation switch
        {
            "KS_Kart_Ekle" => Save(call),
            "KS_Kart_Liste" => List(call),
            "KS_Kart_Sil" => Delete(call),
            "KS_Tahsilat" => Sale(call),
            _ => throw new NotSupportedException(call.Operation)
        };
    }

    /// <summary>An error result of the operation's result type, for injected negative Sonuc faults.</summary>
    public static XElement ErrorResult(string operation, int code, string text)
    {
        var sonuc = code.ToString(CultureInfo.InvariantCulture);

        return operation switch
        {
            "KS_Kart_Ekle" => SoapMessage.Result("R", ("Sonuc", sonuc), ("Sonuc_Str", text), ("KS_GUID", string.Empty)),
            "KS_Tahsilat" => SoapMessage.Result("R", ("Islem_ID", 0L), ("UCD_URL", string.Empty), ("Sonuc", sonuc), ("Sonuc_Str", text), ("Banka_Sonuc_Kod", -1)),
            _ => SoapMessage.Result("R", ("Sonuc", sonuc), ("Sonuc_Str", text))
        };
    }

    private XElement Save(SoapCall call)
    {
        XElement Fail(int code, string text) => ErrorResult(call.Operation, code, text);
        if (CheckCredentials(call, requireGuid: true) is { } denied)
            return Fail(denied.Code, denied.Text);

        var number = call.Field("KK_No") ?? string.Empty;
        var month = call.Field("KK_SK_Ay") ?? string.Empty;
        var year = call.Field("KK_SK_Yil") ?? string.Empty;
        if (string.IsNullOrWhiteSpace(call.Field("KK_Sahibi"))) return Fail(-121, "Kart sahibi bilgileri eksik.");
        if (number.Length is < 15 or > 19 || !number.All(char.IsAsciiDigit) || !Luhn(number)) return Fail(-300, "Kart saklanamadı: kart numarası hatalı.");
        if (month.Length != 2 || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var monthNumber) || monthNumber is < 1 or > 12) return Fail(-107, "Son kullanma ayı uzunluğu hatalı.");
        if (year.Length != 4 || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var yearNumber)) return Fail(-106, "Son kullanma yılı uzunluğu hatalı.");
        if (new DateTime(yearNumber, monthNumber, 1).AddMonths(1) <= _clock.GetLocalNow().DateTime) return Fail(-300, "Kart saklanamadı: kartın son kullanma tarihi geçmiş.");
        if ((call.Field("KK_Kart_Adi") ?? string.Empty).Length > 150 || (call.Field("KK_Islem_ID") ?? string.Empty).Length > 200) return Fail(-300, "Kart saklanamadı: alan uzunluğu hatalı.");

        var card = _cards.Add(number, call.Field("KK_Sahibi")!.Trim(), month, year, call.Field("KK_Kart_Adi") ?? string.Empty, call.Field("KK_Islem_ID") ?? string.Empty,
            _clock.GetLocalNow());

        return SoapMessage.Result("R", ("Sonuc", 1), ("Sonuc_Str", "Başarılı"), ("KS_GUID", card.Token));
    }

    private XElement List(SoapCall call)
    {
        if (CheckCredentials(call, requireGuid: true) is { } denied)
            return SoapMessage.Result("R", ("Sonuc", denied.Code), ("Sonuc_Str", denied.Text));

        var label = call.Field("KK_Kart_Adi") ?? string.Empty;
        var cardReference = call.Field("KK_Islem_ID") ?? string.Empty;
        var rows = _cards.All().Where(card => (label.Length == 0 || card.Label == label) && (cardReference.Length == 0 || card.CardReference == cardReference));
        var table = DataTableWriter.DtBilgi("Temp",
        [
            new("ID", "xs:int"), new("KK_GUID", "xs:string"), new("Tarih", "xs:string"), new("KK_No", "xs:string"), new("KK_Tip", "xs:string"),
            new("KK_Banka", "xs:string"), new("KK_Marka", "xs:string"), new("Kart_Adi", "xs:string"), new("KK_Hash", "xs:string"), new("KK_KD", "xs:string"),
            new("KK_SK", "xs:string"), new("Data2", "xs:int")
        ], rows.Select(card =>
        {
            var bin = _options.Bins.FirstOrDefault(row => row.Bin == card.Number[..6]);
            return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["ID"] = card.RowIdText,
                ["KK_GUID"] = card.Token,
                ["Tarih"] = card.StoredOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                ["KK_No"] = card.MaskedNumber,
                ["KK_Tip"] = bin?.Scheme ?? "VISA",
                ["KK_Banka"] = bin?.Bank ?? "DİĞER BANKA",
                ["KK_Marka"] = bin?.Brand ?? string.Empty,
                ["Kart_Adi"] = card.Label,
                ["KK_Hash"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(card.Number)))[..32],
                ["KK_KD"] = bin?.CardType ?? "Kredi Kartı",
                ["KK_SK"] = card.Month + card.Year,
                ["Data2"] = "0"
            };
        }));

        return SoapMessage.Result("R", ("Sonuc", 1), ("Sonuc_Str", "Başarılı"), ("DT_Bilgi", table));
    }

    private XElement Delete(SoapCall call)
    {
        if (CheckCredentials(call, requireGuid: false) is { } denied)
            return SoapMessage.Result("R", ("Sonuc", denied.Code), ("Sonuc_Str", denied.Text));

        var card = _cards.Find(call.Field("KS_GUID"));
        // A27: a card stored with a KK_Islem_ID is deleted only with that id.
        if (card is null || (card.CardReference.Length > 0 && card.CardReference != (call.Field("KK_Islem_ID") ?? string.Empty)) || !_cards.Remove(card.Token))
            return SoapMessage.Result("R", ("Sonuc", -1), ("Sonuc_Str", NOT_FOUND));

        return SoapMessage.Result("R", ("Sonuc", 1), ("Sonuc_Str", "Başarılı"));
    }

    private XElement Sale(SoapCall call)
    {
        if (CheckCredentials(call, requireGuid: true) is { } denied)
            return ErrorResult(call.Operation, denied.Code, denied.Text);

        var card = _cards.Find(call.Field("KS_GUID"));
        if (card is null)
            return ErrorResult(call.Operation, -1, "İşlem yapılmak istenen kart sistemden silinmiş veya bulunamadı.");

        // The card payment's answer, as KS's ST_TP_Islem_Odeme: without Siparis_ID.
        var result = _turkPos.StartSavedCardPayment(call, card);
        result.Elements().Where(element => element.Name.LocalName == "Siparis_ID").Remove();

        return result;
    }

    private (int Code, string Text)? CheckCredentials(SoapCall call, bool requireGuid)
    {
        var merchant = _options.Merchant;
        if (call.Field("G", "CLIENT_CODE") != merchant.ClientCode || call.Field("G", "CLIENT_USERNAME") != merchant.Username)
            return (-100, "Hesap bulunamadı.");
        if (call.Field("G", "CLIENT_PASSWORD") != merchant.Password)
            return (-101, "Güvenlik hatası: kullanıcı bilgileri veya IP adresi geçersiz.");
        if (requireGuid && !string.Equals(call.Field("GUID"), merchant.Guid, StringComparison.OrdinalIgnoreCase))
            return (-100, "Hesap bulunamadı.");

        return null;
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var index = 0; index < digits.Length; index++)
        {
            var digit = digits[digits.Length - 1 - index] - '0';
            if (index % 2 == 1)
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }

        return sum % 10 == 0;
    }
}
