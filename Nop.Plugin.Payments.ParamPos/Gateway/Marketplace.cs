using System.Globalization;
using System.Xml.Linq;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>A marketplace seller's legal form (Tip).</summary>
public enum SellerType
{
    /// <summary>Bireysel: a private person (T.C. kimlik no, birth date; a spending limit applies).</summary>
    Individual = 1,

    /// <summary>Şahıs şirketi: a sole proprietorship (T.C. kimlik no, tax office).</summary>
    SoleProprietor = 2,

    /// <summary>Limited / anonim şirket: a company (vergi no, tax office, authorised person).</summary>
    Company = 3
}

/// <summary>A seller as Param's marketplace service registers it (Pazaryeri_TP_AltUyeIsyeri_Ekleme).</summary>
public sealed class SubMerchant
{
    public SellerType Type { get; init; }

    /// <summary>Gets the person's name (the company's name for companies): Ad_Soyad.</summary>
    public string Name { get; init; }

    /// <summary>Gets the title: Unvan.</summary>
    public string Title { get; init; }

    /// <summary>Gets the T.C. kimlik no (individual, sole proprietor) or the vergi no (company): TC_VN.</summary>
    public string IdentityNumber { get; init; }

    /// <summary>Gets the birth date (individual, sole proprietor).</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>Gets the mobile number, 5XXXXXXXXX.</summary>
    public string Mobile { get; init; }

    public string Iban { get; init; }

    /// <summary>Gets the IBAN holder's name or title.</summary>
    public string IbanHolder { get; init; }

    public string Address { get; init; }

    /// <summary>Gets the MERNIS province code (the plate number, 1–81).</summary>
    public int Province { get; init; }

    /// <summary>Gets the MERNIS district code (4 digits).</summary>
    public int District { get; init; }

    public string Email { get; init; }

    public string Website { get; init; }

    /// <summary>Gets the merchant category code (MCC).</summary>
    public string Mcc { get; init; }

    /// <summary>Gets the authorised person's T.C. kimlik no (companies).</summary>
    public string AuthorisedPersonIdentity { get; init; }

    public DateOnly? AuthorisedPersonBirthDate { get; init; }

    /// <summary>Gets the tax office (sole proprietors and companies).</summary>
    public string TaxOffice { get; init; }

    public override string ToString() => $"{Type} seller (identity number hidden)";
}

/// <summary>What a marketplace operation answered: Sonuc and its text, and the answer's other fields by name.</summary>
public class MarketplaceResult
{
    /// <summary>Gets why Param refused, or null.</summary>
    public ParamError Error { get; init; }

    public bool Succeeded => Error is null;
}

/// <summary>A seller registered or updated: its GUID_AltUyeIsyeri.</summary>
public sealed class SubMerchantResult : MarketplaceResult
{
    public string SubMerchantGuid { get; init; }
}

/// <summary>A seller's share declared: its PYSiparis_GUID, and the payable Param keeps (Yeni_Odenecek_Tutar, when the limit reduced it).</summary>
public sealed class ShareDeclarationResult : MarketplaceResult
{
    public string ShareGuid { get; init; }

    public int? NewPayable { get; init; }
}

/// <summary>A share's new state (Durum) after an approval, its withdrawal or an order-only cancel.</summary>
public sealed class ShareStatusResult : MarketplaceResult
{
    public string Status { get; init; }
}

/// <summary>The seller lines Param holds (Pazaryeri_TP_Islem_Sorgulama).</summary>
public sealed class ShareQueryResult : MarketplaceResult
{
    public IReadOnlyList<ShareRecord> Shares { get; init; } = [];
}

/// <summary>A seller line at Param.</summary>
public sealed record ShareRecord(string ShareGuid, string Status, string StatusText, decimal ProductAmount, decimal PayableAmount, string SubMerchantGuid, string TransactionId,
    string Date, string PayoutDate);

/// <summary>Whether an individual seller may be paid an amount (Pazaryeri_TP_Limit_Kontrol).</summary>
public sealed class SellerLimitResult : MarketplaceResult
{
    /// <summary>Gets a value indicating whether the payment may be taken (Odeme_Alma_Durumu).</summary>
    public bool Allowed { get; init; }

    public int Limit { get; init; }

    public int Collected { get; init; }

    public int NewPayable { get; init; }
}

/// <summary>
/// The marketplace service's bodies and answers (Pazaryeri.md §2): requests with Param's formats (comma amounts for
/// string fields, dot doubles for Iptal_Iade), answers read by element name whatever their XSD type, order or
/// wrapper (Sonuc is anyType in some, last in others: §1.2, M4).
/// </summary>
public static class MarketplaceMessages
{
    public static Pazaryeri_TP_AltUyeIsyeri_Ekleme AddSubMerchant(SubMerchant seller, string marketplaceGuid, ParamCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(seller);

        return new Pazaryeri_TP_AltUyeIsyeri_Ekleme
        {
            G = ParamRequests.Security(credentials),
            ETS_GUID = marketplaceGuid ?? string.Empty,
            Tip = (int)seller.Type,
            Ad_Soyad = Text(seller.Name),
            Unvan = Text(seller.Title ?? seller.Name),
            TC_VN = Text(seller.IdentityNumber),
            Kisi_DogumTarihi = Date(seller.BirthDate),
            GSM_No = Text(seller.Mobile),
            IBAN_No = Text(seller.Iban),
            IBAN_Unvan = Text(seller.IbanHolder),
            Adres = Text(seller.Address),
            Il = seller.Province.ToString(CultureInfo.InvariantCulture),
            Ilce = seller.District.ToString(CultureInfo.InvariantCulture),
            EPosta = Text(seller.Email),
            Website = Text(seller.Website),
            MCC_Kod = Text(seller.Mcc),
            Yetkili_Kisi_TC = Text(seller.AuthorisedPersonIdentity),
            Yetkili_Kisi_DogumTarihi = Date(seller.AuthorisedPersonBirthDate),
            Vergi_Daire = Text(seller.TaxOffice),
            Bagli_Olunan_Hesap = string.Empty
        };
    }

    public static Pazaryeri_TP_AltUyeIsyeri_Guncelleme UpdateSubMerchant(string subMerchantGuid, SubMerchant seller, ParamCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(seller);

        return new Pazaryeri_TP_AltUyeIsyeri_Guncelleme
        {
            G = ParamRequests.Security(credentials),
            GUID_AltUyeIsyeri = subMerchantGuid ?? string.Empty,
            Ad_Soyad = Text(seller.Name),
            Unvan = Text(seller.Title ?? seller.Name),
            GSM_No = Text(seller.Mobile),
            IBAN_No = Text(seller.Iban),
            IBAN_Unvan = Text(seller.IbanHolder),
            Adres = Text(seller.Address),
            Il = seller.Province.ToString(CultureInfo.InvariantCulture),
            Ilce = seller.District.ToString(CultureInfo.InvariantCulture),
            EPosta = Text(seller.Email),
            Website = Text(seller.Website),
            MCC_Kod = Text(seller.Mcc),
            Vergi_Daire = Text(seller.TaxOffice),
            Bagli_Olunan_Hesap = string.Empty
        };
    }

    public static Pazaryeri_TP_Siparis_Detay_Ekle DeclareShare(string marketplaceGuid, decimal productAmount, decimal payableAmount, string transactionId, string subMerchantGuid,
        ParamCredentials credentials)
    {
        if (payableAmount > productAmount || payableAmount < 0m)
            throw new ArgumentOutOfRangeException(nameof(payableAmount), "Tutar_Odenecek is between 0 and Tutar_Urun.");

        return new Pazaryeri_TP_Siparis_Detay_Ekle
        {
            G = ParamRequests.Security(credentials),
            ETS_GUID = marketplaceGuid ?? string.Empty,
            Tutar_Urun = ParamAmount.FormatPayment(productAmount),
            Tutar_Odenecek = ParamAmount.FormatPayment(payableAmount),
            SanalPOS_Islem_ID = transactionId ?? string.Empty,
            GUID_AltUyeIsyeri = subMerchantGuid ?? string.Empty
        };
    }

    /// <summary>Pazaryeri_TP_Siparis_Onay: 1 approve, 0 withdraw, -1 cancel the order only; never 12 or 13 (M11).</summary>
    public static Pazaryeri_TP_Siparis_Onay SetShareStatus(string shareGuid, int status, ParamCredentials credentials)
    {
        if (status is not (1 or 0 or -1))
            throw new ArgumentOutOfRangeException(nameof(status), status, "Only 1 (approve), 0 (withdraw) and -1 (cancel the order only) are sent.");

        return new Pazaryeri_TP_Siparis_Onay
        {
            G = ParamRequests.Security(credentials),
            PYSiparis_GUID = shareGuid ?? string.Empty,
            Durum = status.ToString(CultureInfo.InvariantCulture)
        };
    }

    /// <summary>Pazaryeri_TP_Iptal_Iade: <paramref name="orderAmount"/> 0 = the whole order (every seller).</summary>
    public static Pazaryeri_TP_Iptal_Iade ReverseShare(string shareGuid, bool sameDay, string orderId, decimal orderAmount, decimal newPayable, ParamCredentials credentials)
    {
        if (orderAmount < 0m || newPayable < 0m)
            throw new ArgumentOutOfRangeException(nameof(orderAmount), "Amounts cannot be negative.");

        return new Pazaryeri_TP_Iptal_Iade
        {
            G = ParamRequests.Security(credentials),
            PYSiparis_GUID = shareGuid ?? string.Empty,
            GUID = credentials.Guid,
            Durum = sameDay ? "IPTAL" : "IADE",
            Siparis_ID = orderId ?? string.Empty,
            SiparisTutar = (double)orderAmount,
            OdenecekTutar = (double)newPayable
        };
    }

    public static Pazaryeri_TP_Islem_Sorgulama Query(string marketplaceGuid, string subMerchantGuid, string shareGuid, long transactionId, ParamCredentials credentials)
    {
        return new Pazaryeri_TP_Islem_Sorgulama
        {
            G = ParamRequests.Security(credentials),
            ETS_GUID = marketplaceGuid ?? string.Empty,
            GUID_AltUyeIsyeri = subMerchantGuid ?? string.Empty,
            PYSiparis_GUID = shareGuid ?? string.Empty,
            SanalPOS_Islem_ID = transactionId,
            Tarih_Bas = string.Empty,
            Tarih_Bit = string.Empty
        };
    }

    public static Pazaryeri_TP_Limit_Kontrol CheckLimit(string marketplaceGuid, string subMerchantGuid, decimal payable, ParamCredentials credentials)
    {
        return new Pazaryeri_TP_Limit_Kontrol
        {
            G = ParamRequests.Security(credentials),
            ETS_GUID = marketplaceGuid ?? string.Empty,
            GUID_AltUyeIsyeri = subMerchantGuid ?? string.Empty,
            Tutar_Odenecek = ParamAmount.FormatPayment(payable)
        };
    }

    public static SubMerchantResult SubMerchantAnswer(string operation, XElement payload)
    {
        var (error, fields) = Read(operation, payload);

        return new SubMerchantResult { Error = error, SubMerchantGuid = error is null ? Field(fields, "GUID_AltUyeIsyeri") : null };
    }

    public static ShareDeclarationResult ShareDeclarationAnswer(string operation, XElement payload)
    {
        var (error, fields) = Read(operation, payload);
        var newPayable = int.TryParse(Field(fields, "Yeni_Odenecek_Tutar"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : (int?)null;

        return new ShareDeclarationResult { Error = error, ShareGuid = error is null ? Field(fields, "PYSiparis_GUID") : null, NewPayable = newPayable };
    }

    public static ShareStatusResult ShareStatusAnswer(string operation, XElement payload)
    {
        var (error, fields) = Read(operation, payload);

        return new ShareStatusResult { Error = error, Status = Field(fields, "Durum") };
    }

    public static MarketplaceResult PlainAnswer(string operation, XElement payload) => new() { Error = Read(operation, payload).Error };

    public static ShareQueryResult QueryAnswer(string operation, XElement payload)
    {
        var (error, _) = Read(operation, payload);
        if (error is not null)
            return new ShareQueryResult { Error = error };

        var table = payload.Descendants().FirstOrDefault(element => element.Name.LocalName == "DT_Bilgi");

        return new ShareQueryResult
        {
            Shares = DiffgramReader.ReadRows(table, "Temp").Select(row => new ShareRecord(
                ParamResponses.Column(row, "PYSiparis_GUID"), ParamResponses.Column(row, "Durum"), ParamResponses.Column(row, "Durum_Str"),
                Amount(ParamResponses.Column(row, "Tutar_Urun")), Amount(ParamResponses.Column(row, "Tutar_Odenecek")), ParamResponses.Column(row, "GUID_AltUyeIsyeri"),
                ParamResponses.Column(row, "SanalPOS_Islem_ID"), ParamResponses.Column(row, "Tarih"), ParamResponses.Column(row, "Vade_Tarihi"))).ToList()
        };
    }

    public static SellerLimitResult LimitAnswer(string operation, XElement payload)
    {
        var (error, fields) = Read(operation, payload);
        int Number(string name) => int.TryParse(Field(fields, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

        return new SellerLimitResult
        {
            Error = error,
            Allowed = error is null && string.Equals(Field(fields, "Odeme_Alma_Durumu"), "true", StringComparison.OrdinalIgnoreCase),
            Limit = Number("Pazaryeri_Limit"),
            Collected = Number("Toplam_Tahsilat_Tutari"),
            NewPayable = Number("Yeni_Odenecek_Tutar")
        };
    }

    /// <summary>
    /// The answer's Sonuc and fields, found by local name under the response (with or without its Result level, M4)
    /// </summary>
    private static (ParamError Error, IReadOnlyDictionary<string, string> Fields) Read(string operation, XElement payload)
    {
        var result = payload.Elements().FirstOrDefault(element => element.Name.LocalName == operation + "Result") ?? payload;
        var fields = result.Elements().Where(element => !element.HasElements).GroupBy(element => element.Name.LocalName)
            .ToDictionary(group => group.Key, group => group.First().Value.Trim(), StringComparer.Ordinal);
        if (!fields.TryGetValue("Sonuc", out var sonucText))
            throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation, $"{operation}: the answer has no Sonuc.", outcomeUnknown: true);

        var sonuc = ParamResultRules.ParseSonuc(sonucText);

        return (sonuc > 0 ? null : ParamError.FromResult(sonuc, Field(fields, "Sonuc_Str")), fields);
    }

    private static string Field(IReadOnlyDictionary<string, string> fields, string name) => fields.TryGetValue(name, out var value) ? value : null;

    private static decimal Amount(string text) => ParamAmount.TryParseDouble(text?.Replace(',', '.'), out var value) ? value : 0m;

    private static string Text(string value) => value?.Trim() ?? string.Empty;

    private static string Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? string.Empty;
}
