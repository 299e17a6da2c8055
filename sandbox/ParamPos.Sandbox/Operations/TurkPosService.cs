using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ParamPos.Sandbox.Soap;
using ParamPos.Sandbox.State;

namespace ParamPos.Sandbox.Operations;

/// <summary>
/// The TurkPos operations, answering as Param's test environment does (ParamPOS.md §8, §12, §13).
/// Each handler returns the operation's result element (the content of OperationResult), fields in WSDL order.
/// </summary>
public sealed partial class TurkPosService
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly SandboxOptions _options;
    private readonly Ledger _ledger;
    private readonly TimeProvider _clock;
    private readonly ReportOperations _reports;

    public TurkPosService(SandboxOptions options, Ledger ledger, TimeProvider clock)
    {
        _options = options;
        _ledger = ledger;
        _clock = clock;
        _reports = new ReportOperations(options, ledger);
    }

    /// <summary>Operations this sandbox implements.</summary>
    public static readonly IReadOnlySet<string> Implemented = new HashSet<string>(StringComparer.Ordinal)
    {
        "SHA2B64", "BIN_SanalPos", "TP_Ozel_Oran_SK_Liste", "TP_WMD_UCD", "TP_WMD_Pay", "TP_Islem_Iptal_Iade_Kismi2",
        "TP_Islem_Sorgulama4", "TP_Islem_Odeme_OnProv_WMD", "TP_Islem_Odeme_OnProv_Kapa", "TP_Islem_Iptal_OnProv", "Pos_Odeme", "TP_Islem_Odeme_WD",
        "TP_Islem_Izleme", "TP_Mutabakat_Ozet", "TP_Mutabakat_Detay"
    };

    /// <summary>The operations that start a card payment, and how they differ.</summary>
    private enum PaymentStart
    {
        /// <summary>TP_WMD_UCD: 3D Model, completed by TP_WMD_Pay.</summary>
        Sale,

        /// <summary>TP_Islem_Odeme_OnProv_WMD: held, completed by TP_WMD_Pay, captured or released later.</summary>
        PreAuthorization,

        /// <summary>Pos_Odeme: 3D Pay, completed by the bank, which posts TURKPOS_RETVAL_*.</summary>
        ThreeDPay,

        /// <summary>TP_Islem_Odeme_WD: a foreign-currency sale, foreign cards only, completed by the bank like 3D Pay.</summary>
        ForeignCurrency,

        /// <summary>KS_Tahsilat: a stored card (no hash in the request), completed by the bank like 3D Pay.</summary>
        SavedCard
    }

    public XElement Handle(SoapCall call)
    {
        return call.Operation switch
        {
            "SHA2B64" => new XElement(XNamespace.Get(WsdlSchema.TURKPOS_NAMESPACE) + "SHA2B64Result", SandboxHash.Sha2B64(call.Field("Data") ?? string.Empty)),
            "BIN_SanalPos" => BinLookup(call),
            "TP_Ozel_Oran_SK_Liste" => RateList(call),
            "TP_WMD_UCD" => StartPayment(call, PaymentStart.Sale),
            "TP_Islem_Odeme_OnProv_WMD" => StartPayment(call, PaymentStart.PreAuthorization),
            "Pos_Odeme" => StartPayment(call, PaymentStart.ThreeDPay),
            "TP_Islem_Odeme_WD" => StartPayment(call, PaymentStart.ForeignCurrency),
            "TP_WMD_Pay" => CompletePayment(call),
            "TP_Islem_Iptal_Iade_Kismi2" => CancelOrRefund(call),
            "TP_Islem_Sorgulama4" => Query(call),
            "TP_Islem_Odeme_OnProv_Kapa" => CapturePreAuthorization(call),
            "TP_Islem_Iptal_OnProv" => ReleasePreAuthorization(call),
            "TP_Islem_Izleme" => _reports.Monitor(call, CheckCredentials(call, requireGuid: true)),
            "TP_Mutabakat_Ozet" => _reports.Totals(call, CheckCredentials(call, requireGuid: true)),
            "TP_Mutabakat_Detay" => _reports.Settlement(call, CheckCredentials(call, requireGuid: true)),
            _ => throw new NotSupportedException(call.Operation)
        };
    }

    /// <summary>
    /// An error result of the operation's result type, for injected negative Sonuc faults.
    /// </summary>
    public static XElement ErrorResult(string operation, int code, string text)
    {
        var sonuc = code.ToString(Invariant);

        return operation switch
        {
            "TP_WMD_UCD" or "TP_Islem_Odeme_OnProv_WMD" => UcdResult(0, null, null, null, sonuc, text, bankCode: -1),
            "Pos_Odeme" or "TP_Islem_Odeme_WD" => IslemOdemeResult(0, null, sonuc, text, -1, null),
            "TP_WMD_Pay" => PayResult(code, text, "0", null, null, -1),
            "TP_Islem_Iptal_Iade_Kismi2" => SonucII(sonuc, text),
            "TP_Islem_Sorgulama4" => SoapMessage.Result("R", ("DT_Bilgi", EmptyQueryRow()), ("Sonuc", sonuc), ("Sonuc_Str", text)),
            "TP_Islem_Odeme_OnProv_Kapa" => SoapMessage.Result("R", ("Sonuc", sonuc), ("Sonuc_Str", text), ("Dekont_ID", 0L), ("Banka_Sonuc_Kod", -1)),
            "TP_Islem_Iptal_OnProv" => SoapMessage.Result("R", ("Sonuc", sonuc), ("Sonuc_Str", text)),
            "SHA2B64" => new XElement(XNamespace.Get(WsdlSchema.TURKPOS_NAMESPACE) + "SHA2B64Result", string.Empty),
            _ => SoapMessage.Result("R", ("Sonuc", sonuc), ("Sonuc_Str", text))
        };
    }

    #region Lists

    private XElement BinLookup(SoapCall call)
    {
        var denied = CheckCredentials(call, requireGuid: false);
        if (denied is not null)
            return GenelSonuc(null, denied.Value.Code, denied.Value.Text);

        var bin = call.Field("BIN") ?? string.Empty;
        List<SandboxBin> rows;
        if (bin.Length == 0)
        {
            rows = _options.Bins;
        }
        else if (bin.Length is 6 or 8 && bin.All(char.IsAsciiDigit))
        {
            var known = _options.Bins.FirstOrDefault(row => row.Bin == bin[..6]);
            rows = [known ?? UnknownBin(bin[..6])];
        }
        else
        {
            return GenelSonuc(null, -1, "BIN 6 veya 8 haneli olmalıdır.");
        }

        var table = DataTableWriter.DtBilgi("Temp",
        [
            new("BIN", "xs:string"), new("SanalPOS_ID", "xs:int"), new("Kart_Banka", "xs:string"), new("DKK", "xs:int"),
            new("Kart_Tip", "xs:string"), new("Kart_Org", "xs:string"), new("Banka_Kodu", "xs:string"), new("Kart_Ticari", "xs:string"),
            new("Kart_Marka", "xs:string")
        ], rows.Select(row => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["BIN"] = row.Bin,
            ["SanalPOS_ID"] = row.PosId.ToString(Invariant),
            ["Kart_Banka"] = row.Bank,
            ["DKK"] = row.Dkk.ToString(Invariant),
            ["Kart_Tip"] = row.CardType,
            ["Kart_Org"] = row.Scheme,
            ["Banka_Kodu"] = row.BankCode,
            ["Kart_Ticari"] = row.Commercial ? "Evet" : "Hayır",
            ["Kart_Marka"] = row.Brand
        }));

        return GenelSonuc(table, 1, "Başarılı");
    }

    private XElement RateList(SoapCall call)
    {
        var denied = CheckCredentials(call, requireGuid: true);
        if (denied is not null)
            return GenelSonuc(null, denied.Value.Code, denied.Value.Text);

        var columns = new List<DataTableWriter.Column>
        {
            new("Ozel_Oran_SK_ID", "xs:long"), new("GUID", "guid"), new("SanalPOS_ID", "xs:int"),
            new("Kredi_Karti_Banka", "xs:string"), new("Kredi_Karti_Banka_Gorsel", "xs:string")
        };
        columns.AddRange(Enumerable.Range(1, 12).Select(month => new DataTableWriter.Column($"MO_{month:00}", "xs:decimal")));

        var table = DataTableWriter.DtBilgi("DT_Ozel_Oranlar_SK", columns, _options.Programs.Select(program =>
        {
            var row = new Dictionary<string, string>
            {
                ["Ozel_Oran_SK_ID"] = "0",
                ["GUID"] = _options.Merchant.Guid,
                ["SanalPOS_ID"] = program.PosId.ToString(Invariant),
                ["Kredi_Karti_Banka"] = program.Name,
                ["Kredi_Karti_Banka_Gorsel"] = program.LogoUrl
            };
            for (var month = 1; month <= 12; month++)
                row[$"MO_{month:00}"] = (month <= program.Rates.Length ? program.Rates[month - 1] : -2m).ToString("0.0000", Invariant);

            return (IReadOnlyDictionary<string, string>)row;
        }));

        return GenelSonuc(table, 1, "Başarılı");
    }

    #endregion

    #region Payments

    private XElement StartPayment(SoapCall call, PaymentStart kind)
    {
        var preAuthorization = kind == PaymentStart.PreAuthorization;
        var completedByBank = kind is PaymentStart.ThreeDPay or PaymentStart.ForeignCurrency or PaymentStart.SavedCard;
        var orderId = call.Field("Siparis_ID") ?? string.Empty;
        XElement Fail(int code, string text, int bankCode = -1) => completedByBank
            ? IslemOdemeResult(0, null, code.ToString(Invariant), text, bankCode, orderId)
            : UcdResult(0, null, null, null, code.ToString(Invariant), text, bankCode, orderId: orderId);

        var denied = CheckCredentials(call, requireGuid: true);
        if (denied is not null)
            return Fail(denied.Value.Code, denied.Value.Text);

        var cardNumber = call.Field("KK_No") ?? string.Empty;
        var cvc = call.Field("KK_CVC") ?? string.Empty;
        var month = call.Field("KK_SK_Ay") ?? string.Empty;
        var year = call.Field("KK_SK_Yil") ?? string.Empty;
        var mobile = call.Field("KK_Sahibi_GSM") ?? string.Empty;
        var securityType = call.Field("Islem_Guvenlik_Tip") ?? string.Empty;
        var successUrl = call.Field("Basarili_URL") ?? string.Empty;
        var failureUrl = call.Field("Hata_URL") ?? string.Empty;
        var amountText = call.Field("Islem_Tutar") ?? string.Empty;
        var totalText = call.Field("Toplam_Tutar") ?? string.Empty;
        var ip = call.Field("IPAdr") ?? string.Empty;
        // A pre-authorization in the older shape has no Taksit, a foreign-currency sale never: a single payment.
        var installments = int.Parse(call.Field("Taksit") ?? (preAuthorization || kind == PaymentStart.ForeignCurrency ? "1" : "0"), Invariant);
        var currency = "TRY";
        if (kind == PaymentStart.ForeignCurrency)
        {
            currency = call.Field("Doviz_Kodu") switch { "1000" => "TRY", "1001" => "USD", "1002" => "EUR", "1003" => "GBP", _ => null };
            if (currency is null) return Fail(-1, "Döviz kodu hatalı.");
        }

        if ((call.Field("GUID") ?? string.Empty).Length != 36) return Fail(-103, "GUID uzunluğu hatalı.");
        if (orderId.Length == 0 || orderId.Length > 36) return Fail(-104, "Siparis_ID 36 karakterden uzun olamaz.");
        if (string.IsNullOrWhiteSpace(call.Field("KK_Sahibi"))) return Fail(-121, "Kart sahibi bilgileri eksik.");
        if (cardNumber.Length is < 15 or > 19) return Fail(-118, "Kart numarası uzunluğu hatalı.");
        if (!cardNumber.All(char.IsAsciiDigit) || !Luhn(cardNumber)) return Fail(-119, "Kart numarası biçimi hatalı.");
        var cvcOptional = kind == PaymentStart.SavedCard && securityType == "NS" && cvc.Length == 0;
        if (!cvcOptional && (cvc.Length is < 3 or > 4 || !cvc.All(char.IsAsciiDigit))) return Fail(-105, "CVV uzunluğu hatalı.");
        if (year.Length != 4 || !year.All(char.IsAsciiDigit)) return Fail(-106, "Son kullanma yılı uzunluğu hatalı.");
        if (month.Length != 2 || !int.TryParse(month, NumberStyles.None, Invariant, out var monthNumber) || monthNumber is < 1 or > 12) return Fail(-107, "Son kullanma ayı uzunluğu hatalı.");
        if (mobile.Length > 0 && !mobile.All(char.IsAsciiDigit)) return Fail(-117, "GSM numarası sayısal olmalıdır.");
        if (mobile.Length > 0 && (mobile.Length != 10 || mobile[0] != '5')) return Fail(-108, "GSM numarası hatalı.");
        if (installments is < 1 or > 12) return Fail(-110, "Taksit sayısı hatalı.");
        if (ip.Length > 0 && !IPAddress.TryParse(ip, out _)) return Fail(-111, "IP adresi biçimi hatalı.");
        if (securityType is not ("3D" or "NS")) return Fail(-1, "Islem_Guvenlik_Tip 3D veya NS olmalıdır.");
        if (securityType == "3D" && (successUrl.Length == 0 || failureUrl.Length == 0)) return Fail(-116, "Başarılı veya hata URL boş olamaz.");

        var amountProblem = CheckPaymentAmount(amountText) ?? CheckPaymentAmount(totalText);
        if (amountProblem is not null) return Fail(amountProblem.Value.Code, amountProblem.Value.Text);
        var amount = ParseCommaAmount(amountText);
        var total = ParseCommaAmount(totalText);
        if (amount <= 0m) return Fail(-113, "Tutar sıfırdan büyük olmalıdır.");

        var expectedHash = kind switch
        {
            PaymentStart.PreAuthorization or PaymentStart.ForeignCurrency => SandboxHash.Sha2B64(string.Concat(call.Field("G", "CLIENT_CODE"), call.Field("GUID"), amountText, totalText, orderId, failureUrl, successUrl)),
            PaymentStart.ThreeDPay => SandboxHash.Sha2B64(string.Concat(call.Field("G", "CLIENT_CODE"), call.Field("GUID"), installments.ToString(Invariant), amountText, totalText, orderId, failureUrl, successUrl)),
            _ => SandboxHash.Sha2B64(string.Concat(call.Field("G", "CLIENT_CODE"), call.Field("GUID"), installments.ToString(Invariant), amountText, totalText, orderId))
        };
        // KS_Tahsilat has no Islem_Hash element (ParamPOS-more.md §18.5).
        if (kind != PaymentStart.SavedCard && !SandboxHash.SameHash(call.Field("Islem_Hash"), expectedHash)) return Fail(-102, "İşlem Hash geçersiz.");

        var bin = _options.Bins.FirstOrDefault(row => row.Bin == cardNumber[..6]) ?? UnknownBin(cardNumber[..6]);
        var program = _options.Programs.FirstOrDefault(row => row.PosId == bin.PosId) ?? _options.Programs.First(row => row.PosId == _options.DefaultProgramId);
        var isDebit = bin.CardType.Contains("Debit", StringComparison.OrdinalIgnoreCase);
        if (isDebit && installments > 1) return Fail(-220, "Banka kartları ile taksitli işlem yapılamaz.");
        var rate = installments <= program.Rates.Length ? program.Rates[installments - 1] : -2m;
        if (rate < 0m) return Fail(-201, "Bu SanalPOS_ID için taksit geçerli değil.");

        if (kind == PaymentStart.ForeignCurrency)
        {
            // A foreign-currency sale is a single payment of the amount, by a foreign card (no end-customer commission).
            if (currency != "TRY" && !bin.Foreign) return Fail(-1, "Döviz ile ödeme yalnızca yurt dışı kartlarla yapılabilir.");
            if (total != amount) return Fail(-202, "Toplama eklenen komisyon hatalı.");
            rate = 0m;
        }

        var withCommission = Math.Round(amount + amount * rate / 100m, 2, MidpointRounding.AwayFromZero);
        var commissionOk = Math.Abs(total - withCommission) <= 0.01m || (!_options.StrictCommission && total == amount);
        if (!commissionOk) return Fail(-202, "Toplama eklenen komisyon hatalı.");

        var existing = _ledger.TransactionByOrder(orderId);
        if (existing is not null && existing.Status != TransactionStatus.Failed)
            return Fail(-1, "Bu Siparis_ID ile daha önce başarılı işlem yapılmış. Yeni Siparis_ID üreterek tekrar deneyiniz.");

        var card = _options.Cards.FirstOrDefault(row => row.Number == cardNumber);
        var behaviour = card?.Behaviour ?? CardBehaviour.Approve;
        var now = _clock.GetLocalNow();
        var expiry = new DateTime(int.Parse(year, Invariant), monthNumber, 1).AddMonths(1);
        if (expiry <= now.DateTime) return Fail(-1, "Kartın son kullanma tarihi geçmiş.", 54);
        if (behaviour == CardBehaviour.DeclineAtStart) return Fail(-1, "İşlem onaylanmadı.", 5);

        var merchantTransactionId = call.Field("Islem_ID") ?? string.Empty;
        var extData = string.Join('|', Enumerable.Range(1, 5).Select(index => call.Field("Data" + index) ?? string.Empty));
        var masked = cardNumber[..6] + new string('*', cardNumber.Length - 10) + cardNumber[^4..];

        if (securityType == "NS")
        {
            if (behaviour == CardBehaviour.InsufficientFunds)
            {
                _ledger.Record(Transaction(orderId, 0, merchantTransactionId, preAuthorization, total, rate, installments, masked, extData, TransactionStatus.Failed, currency));
                return completedByBank ? Fail(-1, "Yetersiz bakiye.", 51) : UcdResult(0, null, "NONSECURE", null, "-1", "Yetersiz bakiye.", 51, orderId: orderId);
            }

            var receipt = _ledger.NextReceiptId();
            _ledger.Record(Transaction(orderId, receipt, merchantTransactionId, preAuthorization, total, rate, installments, masked, extData,
                preAuthorization ? TransactionStatus.PreAuthorized : TransactionStatus.Paid, currency));
            if (completedByBank)
                return IslemOdemeResult(receipt, "NONSECURE", "1", "İşlem Başarılı", 0, orderId);

            return UcdResult(receipt, Guid.NewGuid().ToString(), "NONSECURE", null, "1",
                preAuthorization ? "Ön Provizyon İşlemi Başarılı" : "İşlem Başarılı", 0,
                bankTransId: BankTransactionId(), authCode: "P" + RandomDigits(5), hostMessage: string.Empty, bankExtra: "<Extra><NUMCODE>00</NUMCODE></Extra>",
                orderId: orderId, hostRefNum: RandomDigits(12));
        }

        var session = new ThreeDSession
        {
            Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            IslemGuid = Guid.NewGuid().ToString(),
            TransactionId = _ledger.NextTransactionId(),
            OrderId = orderId,
            MerchantTransactionId = merchantTransactionId,
            CardNumber = cardNumber,
            Behaviour = behaviour,
            Installments = installments,
            Amount = amount,
            Total = total,
            Rate = rate,
            AmountText = amountText,
            SuccessUrl = successUrl,
            FailureUrl = failureUrl,
            IsPreAuthorization = preAuthorization,
            CompletedByBank = completedByBank,
            Currency = currency,
            ExtData = extData,
            CreatedAt = now,
            SignsResult = kind != PaymentStart.SavedCard || _options.SavedCardResultHash
        };
        _ledger.AddSession(session);
        var bankPage = $"{call.PublicBaseUrl}/bank/3d/{session.Token}";
        // OPEN-QUESTIONS A28: KS_Tahsilat's UCD_URL is a URL by default; the other reading (HTML to render) on request.
        if (kind == PaymentStart.SavedCard && _options.SavedCardThreeDAsHtml)
            return IslemOdemeResult(session.TransactionId, BankRedirectHtml(bankPage), "1", "İşlem Başarılı", 0, orderId);
        if (completedByBank)
            return IslemOdemeResult(session.TransactionId, bankPage, "1", "İşlem Başarılı", 0, orderId);

        return UcdResult(session.TransactionId, session.IslemGuid, AcsRedirectPage(call.PublicBaseUrl, session), Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            "1", "İşlem Başarılı", 0, orderId: orderId);
    }

    private XElement CompletePayment(SoapCall call)
    {
        var orderId = call.Field("Siparis_ID") ?? string.Empty;
        var denied = CheckCredentials(call, requireGuid: true);
        if (denied is not null)
            return PayResult(denied.Value.Code, denied.Value.Text, "0", orderId, null, -1);

        var md = call.Field("UCD_MD") ?? string.Empty;
        return _ledger.Locked(() =>
        {
            var session = _ledger.SessionByGuid(call.Field("Islem_GUID"));
            if (session is null || session.OrderId != orderId)
                return PayResult(-1, "İşlem bilgisi sorgulanamadı.", "0", orderId, md, -1);

            switch (session.State)
            {
                case ThreeDSessionState.Completed:
                    return PayResult(-1, "Bu işlem daha önce tamamlanmış.", "0", orderId, md, -1);
                case ThreeDSessionState.PaymentRefused:
                    return PayResult(-1, "Bu işlem daha önce reddedilmiş.", "0", orderId, md, -1);
                case ThreeDSessionState.AwaitingAuthentication:
                    return PayResult(-1, "3D doğrulama tamamlanmamış.", "0", orderId, md, -1);
                case ThreeDSessionState.AuthenticationFailed:
                    return PayResult(-1, "3D doğrulama başarısız.", "0", orderId, md, -1);
            }

            if (!SandboxHash.SameHash(md, session.PostedMd))
                return PayResult(-1, "MD doğrulanamadı.", "0", orderId, md, -1);

            if (session.Behaviour == CardBehaviour.InsufficientFunds)
            {
                session.State = ThreeDSessionState.PaymentRefused;
                _ledger.Record(Transaction(orderId, 0, session.MerchantTransactionId, session.IsPreAuthorization, session.Total, session.Rate, session.Installments, session.MaskedCard, session.ExtData, TransactionStatus.Failed));
                return PayResult(-1, "Yetersiz bakiye.", "0", orderId, md, 51);
            }

            var receipt = _ledger.NextReceiptId();
            session.State = ThreeDSessionState.Completed;
            _ledger.Record(Transaction(orderId, receipt, session.MerchantTransactionId, session.IsPreAuthorization, session.Total, session.Rate, session.Installments, session.MaskedCard, session.ExtData,
                session.IsPreAuthorization ? TransactionStatus.PreAuthorized : TransactionStatus.Paid));

            return SoapMessage.Result("R",
                ("Sonuc", 1), ("Sonuc_Ack", "Başarılı"), ("Dekont_ID", receipt.ToString(Invariant)), ("Siparis_ID", orderId), ("UCD_MD", md),
                ("Bank_Trans_ID", BankTransactionId()), ("Bank_AuthCode", RandomDigits(6)), ("Bank_HostMsg", "Approved"),
                ("Bank_Extra", "<Extra><NUMCODE>00</NUMCODE></Extra>"), ("Bank_Sonuc_Kod", 0), ("Bank_HostRefNum", RandomDigits(12)));
        });
    }

    /// <summary>
    /// The bank's part of 3-D Secure: the cardholder approved or declined on the ACS page. Produces the fields the
    /// bank posts to the merchant (§8.6) and remembers the md that TP_WMD_Pay must present.
    /// </summary>
    public (string Url, IReadOnlyList<KeyValuePair<string, string>> Fields)? Authenticate(string token, bool approved, string serviceUrl)
    {
        return _ledger.Locked<(string, IReadOnlyList<KeyValuePair<string, string>>)?>(() =>
        {
            var session = _ledger.SessionByToken(token);
            if (session is null || session.State != ThreeDSessionState.AwaitingAuthentication)
                return null;

            var mdStatus = !approved || session.Behaviour == CardBehaviour.FailThreeD ? "0"
                : session.Behaviour == CardBehaviour.HalfThreeD ? "2"
                : "1";
            if (session.CompletedByBank)
                return CompleteByBank(session, mdStatus);
            var md = $"{session.CardNumber[..6]}:{Convert.ToHexString(RandomNumberGenerator.GetBytes(32))}:{RandomDigits(4)}:##{RandomDigits(9)}";
            session.PostedMd = md;
            session.MdStatus = mdStatus;
            session.State = mdStatus is "1" or "2" or "3" or "4" ? ThreeDSessionState.Authenticated : ThreeDSessionState.AuthenticationFailed;

            var fields = new List<KeyValuePair<string, string>>
            {
                new("md", md),
                new("mdStatus", mdStatus),
                new("orderId", session.OrderId),
                new("transactionAmount", session.AmountText),
                new("islemGUID", session.IslemGuid),
                new("islemHash", SandboxHash.CallbackHash(session.IslemGuid, md, mdStatus, session.OrderId, _options.Merchant.Guid)),
                new("bankResult", mdStatus == "1" ? "Y-status/Challenge authentication via ACS: 1" : $"N-status/Authentication failed: {mdStatus}"),
                new("dc", string.Empty),
                new("dcURL", serviceUrl)
            };

            return (mdStatus == "1" ? session.SuccessUrl : session.FailureUrl, fields);
        });
    }

    /// <summary>
    /// 3D Pay and foreign currency: after 3-D Secure the bank completes the sale itself and posts the TURKPOS_RETVAL_*
    /// fields (ParamPOS.md §8.13), signed with TURKPOS_RETVAL_Hash (§6.4); Dekont_ID is 0 when nothing was charged.
    /// </summary>
    private (string, IReadOnlyList<KeyValuePair<string, string>>)? CompleteByBank(ThreeDSession session, string mdStatus)
    {
        var authenticated = mdStatus is "1" or "2" or "3" or "4";
        var paid = authenticated && session.Behaviour != CardBehaviour.InsufficientFunds;
        var receipt = paid ? _ledger.NextReceiptId() : 0L;
        session.MdStatus = mdStatus;
        session.State = paid ? ThreeDSessionState.Completed : authenticated ? ThreeDSessionState.PaymentRefused : ThreeDSessionState.AuthenticationFailed;
        _ledger.Record(Transaction(session.OrderId, receipt, session.MerchantTransactionId, false, session.Total, session.Rate, session.Installments, session.MaskedCard, session.ExtData,
            paid ? TransactionStatus.Paid : TransactionStatus.Failed, session.Currency));

        var dekont = receipt.ToString(Invariant);
        var tahsilat = session.Total.ToString("0.00", Invariant).Replace('.', ',');
        var (sonuc, text, bankCode) = paid ? ("1", "Odeme Islemi Basarili", "0")
            : authenticated ? ("-1", "Yetersiz bakiye.", "51")
            : ("-1", "3D Dogrulama basarisiz", "-1");
        var merchant = _options.Merchant;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("TURKPOS_RETVAL_Islem_ID", session.MerchantTransactionId),
            new("TURKPOS_RETVAL_Sonuc", sonuc),
            new("TURKPOS_RETVAL_Sonuc_Str", text),
            new("TURKPOS_RETVAL_GUID", merchant.Guid),
            new("TURKPOS_RETVAL_Islem_Tarih", _clock.GetLocalNow().ToString("dd.MM.yyyy HH:mm:ss", Invariant)),
            new("TURKPOS_RETVAL_Dekont_ID", dekont),
            new("TURKPOS_RETVAL_Tahsilat_Tutari", tahsilat),
            new("TURKPOS_RETVAL_Odeme_Tutari", session.AmountText),
            new("TURKPOS_RETVAL_Siparis_ID", session.OrderId),
            new("TURKPOS_RETVAL_Ext_Data", session.ExtData),
            new("TURKPOS_RETVAL_Banka_Sonuc_Kod", bankCode),
            new("TURKPOS_RETVAL_PB", session.Currency == "TRY" ? "TL" : session.Currency),
            new("TURKPOS_RETVAL_KK_No", session.MaskedCard),
            new("TURKPOS_RETVAL_Taksit", session.Currency == "TRY" ? session.Installments.ToString(Invariant) : "0"),
            new("TURKPOS_RETVAL_Hash", SandboxHash.Sha2B64(merchant.ClientCode + merchant.Guid + dekont + tahsilat + session.OrderId + session.MerchantTransactionId)),
            new("TURKPOS_RETVAL_Islem_GUID", session.IslemGuid),
            new("TURKPOS_RETVAL_SanalPOS_Islem_ID", session.TransactionId.ToString(Invariant))
        };
        if (!session.SignsResult)
            fields.RemoveAll(field => field.Key == "TURKPOS_RETVAL_Hash");

        return (paid ? session.SuccessUrl : session.FailureUrl, fields);
    }

    #endregion

    #region Cancel, refund, query

    private XElement CancelOrRefund(SoapCall call)
    {
        var denied = CheckCredentials(call, requireGuid: true);
        if (denied is not null)
            return SonucII(denied.Value.Code.ToString(Invariant), denied.Value.Text);

        var durum = call.Field("Durum") ?? string.Empty;
        if (durum is not ("IPTAL" or "IADE"))
            return SonucII("-219", "Durum IPTAL veya IADE olmalıdır.");
        if (!decimal.TryParse(call.Field("Tutar"), NumberStyles.Float, Invariant, out var amount) || amount <= 0m)
            return SonucII("-113", "Tutar sıfırdan büyük olmalıdır.");

        return _ledger.Locked(() =>
        {
            var transaction = _ledger.TransactionByOrder(call.Field("Siparis_ID"));
            var charged = transaction is null ? 0m : transaction.IsPreAuthorization ? transaction.Captured : transaction.Total;
            if (transaction is null || transaction.Status is TransactionStatus.Failed or TransactionStatus.PreAuthorized or TransactionStatus.PreAuthorizationReleased)
                return SonucII("-210", "İptal/İadeye uygun işlem bulunamadı.");
            if (transaction.Status == TransactionStatus.Cancelled)
                return SonucII("-211", "İşlem iptal durumunda");
            if (transaction.Status == TransactionStatus.Refunded)
                return SonucII("-212", "İşlem iade durumunda");

            var sameDay = transaction.BusinessDay == _ledger.BusinessDay;
            if (durum == "IPTAL")
            {
                if (!sameDay || transaction.Refunded > 0m)
                    return SonucII("-210", "İptal/İadeye uygun işlem bulunamadı.");
                if (amount != charged)
                    return SonucII("-218", "İptal tutarı hatalı.");
                transaction.Status = TransactionStatus.Cancelled;
                transaction.Reversals.Add(new SandboxReversal(_ledger.NextTransactionId(), Cancel: true, amount, _clock.GetUtcNow()));
            }
            else
            {
                // OPEN-QUESTIONS A43: Param's test service accepted a same-day IADE in a published capture, so a refund
                // is accepted on any day; only IPTAL is bound to the sale's business day.
                if (amount > charged - transaction.Refunded)
                    return SonucII("-221", "İade tutarı, iade edilebilir tutardan büyük olamaz.");
                transaction.Refunded += amount;
                transaction.Status = transaction.Refunded == charged ? TransactionStatus.Refunded : TransactionStatus.PartiallyRefunded;
                transaction.Reversals.Add(new SandboxReversal(_ledger.NextTransactionId(), Cancel: false, amount, _clock.GetUtcNow()));
            }

            return SoapMessage.Result("R", ("Sonuc", "1"), ("Sonuc_Str", "Approved"), ("Banka_Sonuc_Kod", "0"),
                ("Bank_AuthCode", RandomDigits(6)), ("Bank_Trans_ID", BankTransactionId()), ("Bank_Extra", "<Extra><NUMCODE>00</NUMCODE></Extra>"), ("Bank_HostRefNum", RandomDigits(12)));
        });
    }

    private XElement Query(SoapCall call)
    {
        var denied = CheckCredentials(call, requireGuid: true);
        if (denied is not null)
            return SoapMessage.Result("R", ("DT_Bilgi", EmptyQueryRow()), ("Sonuc", denied.Value.Code.ToString(Invariant)), ("Sonuc_Str", denied.Value.Text));

        var transaction = _ledger.FindTransaction(call.Field("Dekont_ID"), call.Field("Siparis_ID"), call.Field("Islem_ID"));
        if (transaction is null)
            return SoapMessage.Result("R", ("DT_Bilgi", EmptyQueryRow()), ("Sonuc", "-209"), ("Sonuc_Str", "İşlem bulunamadı."));

        return _ledger.Locked(() =>
        {
            var (description, state) = transaction.Status switch
            {
                TransactionStatus.Cancelled or TransactionStatus.PreAuthorizationReleased => ("İptal", "CANCEL"),
                TransactionStatus.Refunded => ("İade", "REFUND"),
                TransactionStatus.Failed => ("İşlem Başarısız", "FAIL"),
                _ => ("İşlem Başarılı", "SUCCESS")
            };
            var commission = Math.Round(transaction.Total - transaction.Total / (1m + transaction.Rate / 100m), 2, MidpointRounding.AwayFromZero);
            var row = SoapMessage.Result("DT_Bilgi",
                ("Odeme_Sonuc", transaction.PaymentResult), ("Odeme_Sonuc_Aciklama", description),
                ("Dekont_ID", transaction.ReceiptId.ToString(Invariant)), ("Siparis_ID", transaction.OrderId), ("Islem_ID", transaction.MerchantTransactionId),
                ("Durum", state), ("Tarih", transaction.CreatedAt.ToString("d.MM.yyyy HH:mm:ss", Invariant)),
                ("Toplam_Tutar", Double(transaction.Total)), ("Komisyon_Oran", Double(transaction.Rate)), ("Komisyon_Tutar", Double(commission)),
                ("Banka_Sonuc_Aciklama", transaction.Status == TransactionStatus.Failed ? "Red" : string.Empty), ("Taksit", transaction.Installments),
                ("Ext_Data", transaction.ExtData), ("Toplam_Iade_Tutar", Double(transaction.Refunded)), ("KK_No", transaction.MaskedCard),
                ("Bank_Extra", "<Extra><NUMCODE>00</NUMCODE></Extra>"));

            return SoapMessage.Result("R", ("DT_Bilgi", row), ("Sonuc", "1"), ("Sonuc_Str", "Başarılı"));
        });
    }

    private XElement CapturePreAuthorization(SoapCall call)
    {
        var orderId = call.Field("Siparis_ID") ?? string.Empty;
        XElement Fail(int code, string text) => SoapMessage.Result("R", ("Sonuc", code.ToString(Invariant)), ("Sonuc_Str", text), ("Dekont_ID", 0L), ("Banka_Sonuc_Kod", -1), ("Siparis_ID", orderId));

        var denied = CheckCredentials(call, requireGuid: true);
        if (denied is not null)
            return Fail(denied.Value.Code, denied.Value.Text);

        var amountText = call.Field("Prov_Tutar") ?? string.Empty;
        var amountProblem = CheckPaymentAmount(amountText);
        if (amountProblem is not null)
            return Fail(amountProblem.Value.Code, amountProblem.Value.Text);
        var amount = ParseCommaAmount(amountText);

        return _ledger.Locked(() =>
        {
            var transaction = _ledger.TransactionByOrder(orderId);
            if (transaction is null || !transaction.IsPreAuthorization || transaction.Status != TransactionStatus.PreAuthorized)
                return Fail(-209, "Kapatılacak ön provizyon bulunamadı.");
            var provisionId = call.Field("Prov_ID") ?? string.Empty;
            if (provisionId.Length > 0 && provisionId != transaction.ProvisionId)
                return Fail(-209, "Kapatılacak ön provizyon bulunamadı.");
            if (amount <= 0m || amount > transaction.Total)
                return Fail(-217, "Kapama tutarı provizyon tutarından büyük olamaz.");

            transaction.Captured = amount;
            transaction.Status = TransactionStatus.Captured;

            return SoapMessage.Result("R", ("Sonuc", "1"), ("Sonuc_Str", "Provizyon Kapama İşlem Başarılı"), ("Prov_ID", transaction.ProvisionId),
                ("Dekont_ID", _ledger.NextReceiptId()), ("Banka_Sonuc_Kod", 0), ("Siparis_ID", orderId));
        });
    }

    private XElement ReleasePreAuthorization(SoapCall call)
    {
        var denied = CheckCredentials(call, requireGuid: true);
        if (denied is not null)
            return SoapMessage.Result("R", ("Sonuc", denied.Value.Code.ToString(Invariant)), ("Sonuc_Str", denied.Value.Text));

        return _ledger.Locked(() =>
        {
            var transaction = _ledger.TransactionByOrder(call.Field("Siparis_ID"));
            var provisionId = call.Field("Prov_ID") ?? string.Empty;
            if (transaction is null || !transaction.IsPreAuthorization || transaction.Status != TransactionStatus.PreAuthorized
                || (provisionId.Length > 0 && provisionId != transaction.ProvisionId))
                return SoapMessage.Result("R", ("Sonuc", "-210"), ("Sonuc_Str", "İptal/İadeye uygun işlem bulunamadı."));

            transaction.Status = TransactionStatus.PreAuthorizationReleased;

            return SoapMessage.Result("R", ("Sonuc", "1"), ("Sonuc_Str", "Approved"), ("Banka_Sonuc_Kod", "00"));
        });
    }

    #endregion

    #region Helpers

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

    private static (int Code, string Text)? CheckPaymentAmount(string text)
    {
        if (text.Contains('.'))
            return (-112, "Tutar formatı hatalı. Kuruş ayracı olarak nokta değil virgül kullanınız.");
        if (!CommaAmount().IsMatch(text))
            return CommaAnyDecimals().IsMatch(text) ? (-115, "Tutarın virgülden sonra 2 hanesi olmalıdır.") : (-112, "Tutar formatı hatalı.");

        return null;
    }

    private static decimal ParseCommaAmount(string text)
    {
        return decimal.Parse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, Invariant);
    }

    private static string Double(decimal value)
    {
        return value.ToString("0.##", Invariant);
    }

    private SandboxBin UnknownBin(string bin)
    {
        var scheme = bin[0] switch { '4' => "VISA", '5' or '2' => "MASTER CARD", '3' => "AMEX", '9' => "TROY", _ => "DİĞER" };

        return new SandboxBin { Bin = bin, PosId = _options.DefaultProgramId, Bank = "DİĞER BANKA", CardType = "Kredi Kartı", Scheme = scheme, BankCode = "0", Brand = "Diğer Banka Kartları" };
    }

    /// <summary>
    /// Records a sale made outside the store (as if in Param's merchant panel, or by another shop on the account): a
    /// difference for the store's reconciliation, made on purpose
    /// </summary>
    public SandboxTransaction RecordOutsideSale(string orderId, decimal total)
    {
        var sale = Transaction(orderId, _ledger.NextReceiptId(), null, false, total, 0m, 1, "545616******5454", null, TransactionStatus.Paid);
        _ledger.Record(sale);

        return sale;
    }

    private SandboxTransaction Transaction(string orderId, long receipt, string merchantTransactionId, bool preAuthorization, decimal total, decimal rate, int installments, string masked, string extData,
        TransactionStatus status, string currency = "TRY")
    {
        return new SandboxTransaction
        {
            OrderId = orderId,
            Currency = currency,
            ReceiptId = receipt,
            MerchantTransactionId = merchantTransactionId,
            IsPreAuthorization = preAuthorization,
            Total = total,
            Rate = rate,
            Installments = installments,
            MaskedCard = masked,
            ExtData = extData,
            BusinessDay = _ledger.BusinessDay,
            CreatedAt = _clock.GetLocalNow(),
            ProvisionId = preAuthorization ? Guid.NewGuid().ToString() : null,
            TransactionId = _ledger.NextTransactionId(),
            Status = status
        };
    }

    private static XElement GenelSonuc(XElement table, int code, string text)
    {
        return SoapMessage.Result("R", ("DT_Bilgi", table), ("Sonuc", code.ToString(Invariant)), ("Sonuc_Str", text));
    }

    private static XElement SonucII(string code, string text)
    {
        return SoapMessage.Result("R", ("Sonuc", code), ("Sonuc_Str", text));
    }

    private static XElement UcdResult(long islemId, string islemGuid, string html, string ucdMd, string sonuc, string text, int bankCode,
        string bankTransId = null, string authCode = null, string hostMessage = null, string bankExtra = null, string orderId = null, string hostRefNum = null)
    {
        return SoapMessage.Result("R", ("Islem_ID", islemId), ("Islem_GUID", islemGuid), ("UCD_HTML", html), ("UCD_MD", ucdMd),
            ("Sonuc", sonuc), ("Sonuc_Str", text), ("Bank_Trans_ID", bankTransId), ("Bank_AuthCode", authCode), ("Bank_HostMsg", hostMessage),
            ("Banka_Sonuc_Kod", bankCode), ("Bank_Extra", bankExtra), ("Siparis_ID", orderId), ("Bank_HostRefNum", hostRefNum));
    }

    private static XElement IslemOdemeResult(long islemId, string ucdUrl, string sonuc, string text, int bankCode, string orderId)
    {
        return SoapMessage.Result("R", ("Islem_ID", islemId), ("UCD_URL", ucdUrl), ("Sonuc", sonuc), ("Sonuc_Str", text), ("Banka_Sonuc_Kod", bankCode), ("Siparis_ID", orderId));
    }

    private static XElement PayResult(int sonuc, string text, string receipt, string orderId, string md, int bankCode)
    {
        return SoapMessage.Result("R", ("Sonuc", sonuc), ("Sonuc_Ack", text), ("Dekont_ID", receipt), ("Siparis_ID", orderId), ("UCD_MD", md),
            ("Bank_Sonuc_Kod", bankCode));
    }

    private static XElement EmptyQueryRow()
    {
        return SoapMessage.Result("DT_Bilgi", ("Odeme_Sonuc", 0), ("Toplam_Tutar", 0), ("Komisyon_Oran", 0), ("Komisyon_Tutar", 0), ("Taksit", 0), ("Toplam_Iade_Tutar", 0));
    }

    /// <summary>
    /// Starts a sale with a stored card (KS_Tahsilat): the stored card's details take the place of the typed ones, the
    /// rest of the request is a card payment's (ParamPOS-more.md §18.5)
    /// </summary>
    public XElement StartSavedCardPayment(SoapCall call, SandboxStoredCard card)
    {
        XNamespace tns = WsdlSchema.TURKPOS_NAMESPACE;
        var body = new XElement(tns + "KS_Tahsilat",
            new XElement(tns + "G", new XElement(tns + "CLIENT_CODE", call.Field("G", "CLIENT_CODE")), new XElement(tns + "CLIENT_USERNAME", call.Field("G", "CLIENT_USERNAME")),
                new XElement(tns + "CLIENT_PASSWORD", call.Field("G", "CLIENT_PASSWORD"))),
            new XElement(tns + "GUID", call.Field("GUID")),
            new XElement(tns + "KK_Sahibi", card.Holder),
            new XElement(tns + "KK_No", card.Number),
            new XElement(tns + "KK_SK_Ay", card.Month),
            new XElement(tns + "KK_SK_Yil", card.Year),
            new XElement(tns + "KK_CVC", call.Field("CVV") ?? string.Empty),
            new[] { "KK_Sahibi_GSM", "Hata_URL", "Basarili_URL", "Siparis_ID", "Siparis_Aciklama", "Taksit", "Islem_Tutar", "Toplam_Tutar", "Islem_Guvenlik_Tip",
                "Islem_ID", "IPAdr", "Ref_URL", "Data1", "Data2", "Data3", "Data4" }.Select(name => new XElement(tns + name, call.Field(name) ?? string.Empty)));

        return StartPayment(new SoapCall(call.Operation, body, call.PublicBaseUrl), PaymentStart.SavedCard);
    }

    private static string BankRedirectHtml(string bankPage)
    {
        var action = WebUtility.HtmlEncode(bankPage);

        return $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>3-D Secure</title></head><body onload=\"document.forms[0].submit();\">"
            + $"<form method=\"GET\" action=\"{action}\"><noscript><button type=\"submit\">Continue to your bank</button></noscript></form></body></html>";
    }

    private static string AcsRedirectPage(string baseUrl, ThreeDSession session)
    {
        var action = WebUtility.HtmlEncode($"{baseUrl}/bank/3d/{session.Token}");

        return $"""
            <!DOCTYPE html SYSTEM "about:legacy-compat">
            <html><head><meta charset="utf-8"><title>3-D Secure</title></head>
            <body onload="document.getElementById('webform0').submit();">
            <form id="webform0" name="webform0" method="POST" action="{action}">
            <input type="hidden" name="PaReq" value="{Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))}">
            <noscript><button type="submit">Continue to your bank</button></noscript>
            </form>
            </body></html>
            """;
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

    private static string RandomDigits(int count)
    {
        return string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
    }

    private static string BankTransactionId()
    {
        return RandomDigits(5) + "SbX" + RandomDigits(6);
    }

    [GeneratedRegex(@"^\d+,\d{2}$")]
    private static partial Regex CommaAmount();

    [GeneratedRegex(@"^\d+(,\d+)?$")]
    private static partial Regex CommaAnyDecimals();

    #endregion
}
