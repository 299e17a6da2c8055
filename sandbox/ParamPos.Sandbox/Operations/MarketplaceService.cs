using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ParamPos.Sandbox.Soap;
using ParamPos.Sandbox.State;

namespace ParamPos.Sandbox.Operations;

/// <summary>
/// Param's marketplace operations (Pazaryeri.md §2) with the validations of §5.3 and the emulator defaults of its open
/// questions: sellers unique by identity number; a share's Tutar_Urun, summed over the payment's lines, may not exceed
/// the payment's net ("Net tutar aşıldı.", M10); an individual seller over the limit is refused (M17); approvals follow
/// 0→1, 1→0, 0→-1 (12 and 13 are refused, M11); IPTAL on the sale's day, IADE later, not after the payout (M16);
/// OdenecekTutar is compared with the line's remaining Tutar_Urun (M12).
/// </summary>
public sealed partial class MarketplaceService
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private readonly SandboxOptions _options;
    private readonly Ledger _ledger;
    private readonly MarketplaceState _state;
    private readonly TimeProvider _clock;

    public MarketplaceService(SandboxOptions options, Ledger ledger, MarketplaceState state, TimeProvider clock)
    {
        _options = options;
        _ledger = ledger;
        _state = state;
        _clock = clock;
    }

    /// <summary>Operations this sandbox carries out.</summary>
    public static readonly IReadOnlySet<string> Implemented = new HashSet<string>(StringComparer.Ordinal)
    {
        "Pazaryeri_TP_AltUyeIsyeri_Ekleme", "Pazaryeri_TP_AltUyeIsyeri_Guncelleme", "Pazaryeri_TP_AltUyeIsyeri_Silme", "Pazaryeri_TP_Siparis_Detay_Ekle",
        "Pazaryeri_TP_Siparis_Onay", "Pazaryeri_TP_Iptal_Iade", "Pazaryeri_TP_Islem_Sorgulama", "Pazaryeri_TP_Limit_Kontrol"
    };

    public XElement Handle(SoapCall call)
    {
        if (CheckCredentials(call) is { } denied)
            return ErrorResult(call.Operation, denied.Code, denied.Text);

        return call.Operation switch
        {
            "Pazaryeri_TP_AltUyeIsyeri_Ekleme" => AddSeller(call),
            "Pazaryeri_TP_AltUyeIsyeri_Guncelleme" => UpdateSeller(call),
            "Pazaryeri_TP_AltUyeIsyeri_Silme" => DeleteSeller(call),
            "Pazaryeri_TP_Siparis_Detay_Ekle" => DeclareShare(call),
            "Pazaryeri_TP_Siparis_Onay" => SetStatus(call),
            "Pazaryeri_TP_Iptal_Iade" => Reverse(call),
            "Pazaryeri_TP_Islem_Sorgulama" => Query(call),
            "Pazaryeri_TP_Limit_Kontrol" => CheckLimit(call),
            _ => throw new NotSupportedException(call.Operation)
        };
    }

    /// <summary>An error result of the operation's result type (for injected negative Sonuc faults and refusals).</summary>
    public static XElement ErrorResult(string operation, int code, string text)
    {
        var sonuc = code.ToString(Invariant);

        return operation switch
        {
            "Pazaryeri_TP_AltUyeIsyeri_Ekleme" or "Pazaryeri_TP_AltUyeIsyeri_Guncelleme" or "Pazaryeri_TP_AltUyeIsyeri_Silme" => Typed(SoapMessage.Result("R", ("Sonuc", sonuc), ("Sonuc_Str", text))),
            "Pazaryeri_TP_Siparis_Detay_Ekle" => SoapMessage.Result("R", ("Sonuc", sonuc), ("Sonuc_Str", text), ("Pazaryeri_Limit", 0), ("Yeni_Odenecek_Tutar", 0)),
            "Pazaryeri_TP_Siparis_Onay" or "Pazaryeri_TP_Iptal_Iade" => SoapMessage.Result("R", ("Sonuc", sonuc), ("Sonuc_Str", text)),
            "Pazaryeri_TP_Limit_Kontrol" => SoapMessage.Result("R", ("Sonuc", sonuc), ("Sonuc_Str", text), ("Odeme_Alma_Durumu", "false"), ("Toplam_Tahsilat_Tutari", 0),
                ("Pazaryeri_Limit", 0), ("Yeni_Odenecek_Tutar", 0)),
            _ => SoapMessage.Result("R", ("Sonuc", sonuc), ("Sonuc_Str", text))
        };
    }

    private XElement AddSeller(SoapCall call)
    {
        XElement Fail(string text) => ErrorResult(call.Operation, -1, text);
        if (!SameGuid(call.Field("ETS_GUID"), _options.MarketplaceGuid)) return Fail("Pazaryeri bulunamadı.");

        var type = int.Parse(call.Field("Tip")!, Invariant);
        var identity = Trim(call, "TC_VN");
        var birth = Trim(call, "Kisi_DogumTarihi");
        if (type is < 1 or > 3) return Fail("Tip 1, 2 veya 3 olmalıdır.");
        if (Trim(call, "Ad_Soyad").Length == 0) return Fail("Ad soyad boş olamaz.");
        if (identity.Length != (type == 3 ? 10 : 11) || !identity.All(char.IsAsciiDigit)) return Fail("TC/Vergi numarası hatalı.");
        if (type != 3 && !DateOnly.TryParseExact(birth, "dd.MM.yyyy", Invariant, DateTimeStyles.None, out _)) return Fail("Doğum tarihi hatalı.");
        if (!Mobile().IsMatch(Trim(call, "GSM_No"))) return Fail("GSM numarası hatalı.");
        if (!Iban().IsMatch(Trim(call, "IBAN_No"))) return Fail("IBAN hatalı.");
        if (Trim(call, "IBAN_Unvan").Length == 0) return Fail("IBAN unvanı boş olamaz.");
        if (!int.TryParse(Trim(call, "Il"), NumberStyles.None, Invariant, out var province) || province is < 1 or > 81) return Fail("İl kodu hatalı.");
        if (!Regex.IsMatch(Trim(call, "Ilce"), @"^\d{4}$")) return Fail("İlçe kodu hatalı.");
        if (type != 1 && Trim(call, "Vergi_Daire").Length == 0) return Fail("Vergi dairesi boş olamaz.");
        if (type == 3 && Trim(call, "Yetkili_Kisi_TC").Length != 11) return Fail("Yetkili kişi TC boş olamaz.");
        if (Trim(call, "Yetkili_Kisi_TC").Length > 0 && Trim(call, "Yetkili_Kisi_DogumTarihi").Length == 0) return Fail("Yetkili kişi doğum tarihi boş olamaz.");

        return _state.Locked(() =>
        {
            if (_state.SellerByIdentity(identity) is not null) return Fail("Bu TC/Vergi numarası ile alt üye işyeri tanımlı.");

            var seller = new SandboxSeller
            {
                Guid = Guid.NewGuid().ToString(), Type = type, IdentityNumber = identity, Name = Trim(call, "Ad_Soyad"), Iban = Trim(call, "IBAN_No"),
                IbanHolder = Trim(call, "IBAN_Unvan"), Mobile = Trim(call, "GSM_No"), CreatedAt = _clock.GetLocalNow()
            };
            _state.AddSeller(seller);

            return Typed(SoapMessage.Result("R", ("Sonuc", "1"), ("Sonuc_Str", "Başarılı"), ("GUID_AltUyeIsyeri", seller.Guid)));
        });
    }

    private XElement UpdateSeller(SoapCall call)
    {
        XElement Fail(string text) => ErrorResult(call.Operation, -1, text);

        return _state.Locked(() =>
        {
            var seller = _state.Seller(call.Field("GUID_AltUyeIsyeri"));
            if (seller is null) return Fail("Alt üye işyeri bulunamadı.");
            if (!Mobile().IsMatch(Trim(call, "GSM_No"))) return Fail("GSM numarası hatalı.");
            if (!Iban().IsMatch(Trim(call, "IBAN_No"))) return Fail("IBAN hatalı.");

            seller.Name = Trim(call, "Ad_Soyad");
            seller.Mobile = Trim(call, "GSM_No");
            seller.Iban = Trim(call, "IBAN_No");
            seller.IbanHolder = Trim(call, "IBAN_Unvan");

            return Typed(SoapMessage.Result("R", ("Sonuc", "1"), ("Sonuc_Str", "Başarılı"), ("GUID_AltUyeIsyeri", seller.Guid)));
        });
    }

    private XElement DeleteSeller(SoapCall call)
    {
        return _state.Locked(() =>
        {
            var seller = _state.Seller(call.Field("GUID_AltUyeIsyeri"));
            if (seller is null) return ErrorResult(call.Operation, -1, "Alt üye işyeri bulunamadı.");
            seller.Deleted = true;

            return Typed(SoapMessage.Result("R", ("Sonuc", "1"), ("Sonuc_Str", "Başarılı")));
        });
    }

    private XElement DeclareShare(SoapCall call)
    {
        XElement Fail(string text) => ErrorResult(call.Operation, -1, text);
        if (!SameGuid(call.Field("ETS_GUID"), _options.MarketplaceGuid)) return Fail("Pazaryeri bulunamadı.");
        if (!TryAmount(call.Field("Tutar_Urun"), out var product) || !TryAmount(call.Field("Tutar_Odenecek"), out var payable) || product <= 0m || payable < 0m)
            return Fail("Tutar formatı hatalı.");
        if (!long.TryParse(call.Field("SanalPOS_Islem_ID"), NumberStyles.None, Invariant, out var transactionId)) return Fail("SanalPOS_Islem_ID hatalı.");

        return _state.Locked(() =>
        {
            var seller = _state.Seller(call.Field("GUID_AltUyeIsyeri"));
            if (seller is null) return Fail("Alt üye işyeri bulunamadı.");
            var payment = Payment(transactionId);
            if (payment is null || payment.Status != TransactionStatus.Paid) return Fail("İşlem bulunamadı.");

            var net = Net(payment);
            var declared = _state.Shares().Where(share => share.PaymentTransactionId == transactionId && share.Status is 0 or 1).Sum(share => share.ProductAmount);
            if (declared + product > net) return Fail("Net tutar aşıldı.");

            var collected = SellerCollected(seller.Guid);
            var limit = (int)_options.IndividualSellerLimit;
            if (seller.Type == 1 && collected + payable > _options.IndividualSellerLimit)
                return SoapMessage.Result("R", ("Sonuc", "-1"), ("Sonuc_Str", "Bireysel alt üye işyeri limiti aşıldı."), ("Toplam_Tahsilat_Tutari", ((int)collected).ToString(Invariant)),
                    ("Pazaryeri_Limit", limit), ("Yeni_Odenecek_Tutar", (int)Math.Max(0m, _options.IndividualSellerLimit - collected)));

            var share = new SandboxShare
            {
                Guid = Guid.NewGuid().ToString().ToUpperInvariant(), PaymentTransactionId = transactionId, OrderId = payment.OrderId, SellerGuid = seller.Guid,
                ProductAmount = product, PayableAmount = payable, BusinessDay = payment.BusinessDay, CreatedAt = _clock.GetLocalNow()
            };
            _state.AddShare(share);

            return SoapMessage.Result("R", ("Sonuc", "1"), ("Sonuc_Str", "Başarılı"), ("GUID_AltUyeIsyeri", seller.Guid), ("Tutar_Urun", Comma(product)), ("Tutar_Odenecek", Comma(payable)),
                ("PYSiparis_GUID", share.Guid), ("SanalPOS_Islem_ID", transactionId.ToString(Invariant)), ("Toplam_Tahsilat_Tutari", ((int)(collected + payable)).ToString(Invariant)),
                ("Pazaryeri_Limit", seller.Type == 1 ? limit : 0), ("Yeni_Odenecek_Tutar", 0));
        });
    }

    private XElement SetStatus(SoapCall call)
    {
        XElement Fail(string text) => ErrorResult(call.Operation, -1, text);

        return _state.Locked(() =>
        {
            var share = _state.Share(call.Field("PYSiparis_GUID"));
            if (share is null) return Fail("Sipariş bulunamadı.");
            if (!int.TryParse(call.Field("Durum"), NumberStyles.AllowLeadingSign, Invariant, out var target)) return Fail("Durum hatalı.");
            var allowed = (share.Status, target) is (0, 1) or (1, 0) or (0, -1);
            if (!allowed) return Fail($"Durum {share.Status} iken {target} yapılamaz.");
            if (share.Status == 1 && share.PayoutDay is { } payout && _ledger.BusinessDay >= payout) return Fail("Ödemesi yapılmış sipariş değiştirilemez.");

            share.Status = target;
            share.PayoutDay = target == 1 ? _ledger.BusinessDay + _options.PayoutDays : null;

            return SoapMessage.Result("R", ("POS_Islem_Id", share.PaymentTransactionId.ToString(Invariant)), ("GUID_AltUyeIsyeri", share.SellerGuid),
                ("Tutar_Urun", Comma(share.ProductAmount)), ("Tutar_Odenecek", Comma(share.PayableAmount)), ("Durum", target.ToString(Invariant)), ("Durum_Str", share.StatusText),
                ("Sonuc", "1"), ("Sonuc_Str", "Başarılı"));
        });
    }

    private XElement Reverse(SoapCall call)
    {
        XElement Fail(string text) => ErrorResult(call.Operation, -1, text);
        var durum = call.Field("Durum") ?? string.Empty;
        if (durum is not ("IPTAL" or "IADE")) return Fail("Durum IPTAL veya IADE olmalıdır.");
        if (!SameGuid(call.Field("GUID"), _options.Merchant.Guid)) return Fail("Hesap bulunamadı.");
        var orderAmount = (decimal)double.Parse(call.Field("SiparisTutar")!, Invariant);
        var newPayable = (decimal)double.Parse(call.Field("OdenecekTutar")!, Invariant);

        return _state.Locked(() => _ledger.Locked(() =>
        {
            var share = _state.Share(call.Field("PYSiparis_GUID"));
            if (share is null || share.OrderId != call.Field("Siparis_ID")) return Fail("Sipariş bulunamadı.");
            var payment = Payment(share.PaymentTransactionId);
            var sameDay = share.BusinessDay == _ledger.BusinessDay;
            if (durum == "IPTAL" != sameDay) return Fail(sameDay ? "Aynı gün içinde yapılan işlemler için iptal kullanınız." : "Farklı günler için iade kullanınız.");

            var lines = orderAmount == 0m
                ? _state.Shares().Where(line => line.PaymentTransactionId == share.PaymentTransactionId && line.Status is 0 or 1).ToList()
                : [share];
            if (lines.Any(line => line.Status is not (0 or 1))) return Fail("İptal/İadeye uygun sipariş bulunamadı.");
            if (lines.Any(line => line.PayoutDay is { } payout && _ledger.BusinessDay >= payout)) return Fail("Ödemesi yapılmış sipariş iade edilemez.");

            if (orderAmount == 0m)
            {
                foreach (var line in lines)
                {
                    line.Status = durum == "IPTAL" ? 12 : 13;
                    line.PayableAmount = 0m;
                }

                if (payment is not null)
                {
                    payment.Refunded = payment.Total;
                    payment.Status = durum == "IPTAL" ? TransactionStatus.Cancelled : TransactionStatus.Refunded;
                    payment.Reversals.Add(new SandboxReversal(_ledger.NextTransactionId(), durum == "IPTAL", payment.Total, _clock.GetUtcNow()));
                }
            }
            else
            {
                if (orderAmount > share.ProductAmount) return Fail("İade tutarı, iade edilebilir tutardan büyük olamaz.");
                if (newPayable > share.ProductAmount - orderAmount) return Fail("Odenecek tutar ürün tutarından büyük olamaz");

                share.ProductAmount -= orderAmount;
                share.PayableAmount = newPayable;
                if (share.ProductAmount == 0m)
                    share.Status = durum == "IPTAL" ? 12 : 13;
                if (payment is not null)
                {
                    payment.Refunded += orderAmount;
                    payment.Status = payment.Refunded >= payment.Total ? TransactionStatus.Refunded : TransactionStatus.PartiallyRefunded;
                    payment.Reversals.Add(new SandboxReversal(_ledger.NextTransactionId(), false, orderAmount, _clock.GetUtcNow()));
                }
            }

            return SoapMessage.Result("R", ("Durum", durum), ("Durum_Str", durum == "IPTAL" ? "İptal edildi" : "İade edildi"), ("Sonuc", "1"), ("Sonuc_Str", "Başarılı"));
        }));
    }

    private XElement Query(SoapCall call)
    {
        if (!SameGuid(call.Field("ETS_GUID"), _options.MarketplaceGuid))
            return SoapMessage.Result("R", ("Sonuc", "-1"), ("Sonuc_Str", "Pazaryeri bulunamadı."));

        var seller = call.Field("GUID_AltUyeIsyeri") ?? string.Empty;
        var shareGuid = call.Field("PYSiparis_GUID") ?? string.Empty;
        var transactionId = long.Parse(call.Field("SanalPOS_Islem_ID")!, Invariant);
        var rows = _state.AllShares().Where(share => (seller.Length == 0 || SameGuid(share.SellerGuid, seller)) && (shareGuid.Length == 0 || SameGuid(share.Guid, shareGuid))
            && (transactionId == 0 || share.PaymentTransactionId == transactionId));
        var table = DataTableWriter.DtBilgi("Temp",
        [
            new("PYSiparis_GUID", "xs:string"), new("Durum", "xs:string"), new("Durum_Str", "xs:string"), new("Tutar_Urun", "xs:string"), new("Tutar_Odenecek", "xs:string"),
            new("GUID_AltUyeIsyeri", "xs:string"), new("SanalPOS_Islem_ID", "xs:string"), new("Tarih", "xs:string"), new("Vade_Tarihi", "xs:string")
        ], rows.Select(share => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["PYSiparis_GUID"] = share.Guid,
            ["Durum"] = share.Status.ToString(Invariant),
            ["Durum_Str"] = share.StatusText,
            ["Tutar_Urun"] = Comma(share.ProductAmount),
            ["Tutar_Odenecek"] = Comma(share.PayableAmount),
            ["GUID_AltUyeIsyeri"] = share.SellerGuid,
            ["SanalPOS_Islem_ID"] = share.PaymentTransactionId.ToString(Invariant),
            ["Tarih"] = share.CreatedAt.ToString("dd.MM.yyyy HH:mm:ss", Invariant),
            // The sandbox counts business days; the payout date is today's date moved by the days still to go.
            ["Vade_Tarihi"] = share.PayoutDay is { } day ? _clock.GetUtcNow().ToOffset(TimeSpan.FromHours(3)).Date.AddDays(day - _ledger.BusinessDay).ToString("dd.MM.yyyy", Invariant) : null
        }));

        return SoapMessage.Result("R", ("DT_Bilgi", table), ("Sonuc", "1"), ("Sonuc_Str", "Başarılı"));
    }

    private XElement CheckLimit(SoapCall call)
    {
        if (!TryAmount(call.Field("Tutar_Odenecek"), out var payable))
            return ErrorResult(call.Operation, -1, "Tutar formatı hatalı.");

        return _state.Locked(() =>
        {
            var seller = _state.Seller(call.Field("GUID_AltUyeIsyeri"));
            if (seller is null) return ErrorResult(call.Operation, -1, "Alt üye işyeri bulunamadı.");

            var collected = SellerCollected(seller.Guid);
            var allowed = seller.Type != 1 || collected + payable <= _options.IndividualSellerLimit;

            return SoapMessage.Result("R", ("Sonuc", "1"), ("Sonuc_Str", "Başarılı"), ("AltUyeIsyeri", seller.Guid), ("Odeme_Alma_Durumu", allowed ? "true" : "false"),
                ("Toplam_Tahsilat_Tutari", (int)collected), ("Pazaryeri_Limit", seller.Type == 1 ? (int)_options.IndividualSellerLimit : 0),
                ("Yeni_Odenecek_Tutar", (int)Math.Max(0m, _options.IndividualSellerLimit - collected)));
        });
    }

    /// <summary>The payment a SanalPOS_Islem_ID names: its 3-D session's (the start's Islem_ID), or its receipt (NonSecure)</summary>
    private SandboxTransaction Payment(long transactionId)
    {
        var session = _ledger.Sessions().FirstOrDefault(candidate => candidate.TransactionId == transactionId);

        return session is not null ? _ledger.TransactionByOrder(session.OrderId) : _ledger.FindTransaction(transactionId.ToString(Invariant), null, null);
    }

    /// <summary>What Param pays for a payment: its total less the commission of its installment count (at least the merchant's rate).</summary>
    private decimal Net(SandboxTransaction payment)
    {
        var rate = Math.Max(payment.Rate, _options.MerchantCommissionRate);

        return Math.Round(payment.Total - payment.Total * rate / 100m, 2, MidpointRounding.AwayFromZero);
    }

    private decimal SellerCollected(string sellerGuid) => _state.Shares().Where(share => SameGuid(share.SellerGuid, sellerGuid) && share.Status is 0 or 1).Sum(share => share.PayableAmount);

    private (int Code, string Text)? CheckCredentials(SoapCall call)
    {
        // Limit_Kontrol may come without G (the test WSDL's shape, M2).
        if (call.Operation == "Pazaryeri_TP_Limit_Kontrol" && call.Field("G", "CLIENT_CODE") is null)
            return null;

        var merchant = _options.Merchant;
        if (call.Field("G", "CLIENT_CODE") != merchant.ClientCode || call.Field("G", "CLIENT_USERNAME") != merchant.Username)
            return (-100, "Hesap bulunamadı.");

        return call.Field("G", "CLIENT_PASSWORD") != merchant.Password ? (-101, "Güvenlik hatası: kullanıcı bilgileri veya IP adresi geçersiz.") : null;
    }

    /// <summary>Sub-merchant results carry anyType members: ASMX writes their xsi:type (Pazaryeri.md §1.2).</summary>
    private static XElement Typed(XElement result)
    {
        foreach (var member in result.Elements())
            member.SetAttributeValue(Xsi + "type", member.Name.LocalName == "Sonuc" ? "xsd:int" : "xsd:string");

        return result;
    }

    private static bool TryAmount(string text, out decimal amount)
    {
        // M14: comma form, dot accepted too.
        return decimal.TryParse((text ?? string.Empty).Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, Invariant, out amount);
    }

    private static string Comma(decimal amount) => amount.ToString("0.00", Invariant).Replace('.', ',');

    private static string Trim(SoapCall call, string name) => (call.Field(name) ?? string.Empty).Trim();

    private static bool SameGuid(string a, string b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^5\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^TR\d{24}$")]
    private static partial Regex Iban();
}
