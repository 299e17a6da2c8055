using System.Globalization;
using System.Xml.Linq;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Response mapping: Param's answers, as the wire carries them, into the client's results (declines included, as
/// results). An answer without its result element, or with a number that is not one, is an invalid response.
/// </summary>
public static class ParamResponses
{
    private static readonly XNamespace Tns = ParamSoap.NAMESPACE;

    /// <summary>TP_WMD_UCD or TP_Islem_Odeme_OnProv_WMD: the bank's page, an approval (NonSecure) or a decline.</summary>
    public static SaleStartResult SaleStart(string operation, ST_WMD_UCD result)
    {
        Required(operation, result);
        var sonuc = ParamResultRules.ParseSonuc(result.Sonuc);
        var (outcome, html, error) = ParamResultRules.IsThreeDStarted(sonuc, result.UCD_HTML) ? (SaleStartOutcome.RedirectToBank, result.UCD_HTML, null)
            : ParamResultRules.IsNonSecureApproved(sonuc, result.UCD_HTML, result.Islem_ID) ? (SaleStartOutcome.Approved, null, null)
            : (SaleStartOutcome.Declined, (string)null, ParamError.FromResult(sonuc > 0 ? -1 : sonuc, result.Sonuc_Str, BankCodeText(result.Banka_Sonuc_Kod)));

        return new SaleStartResult
        {
            Outcome = outcome,
            ThreeDHtml = html,
            TransactionGuid = result.Islem_GUID,
            TransactionId = result.Islem_ID,
            OrderId = result.Siparis_ID,
            BankAuthCode = result.Bank_AuthCode,
            BankTransactionId = result.Bank_Trans_ID,
            BankHostReference = result.Bank_HostRefNum,
            BankCode = result.Banka_Sonuc_Kod,
            Error = error
        };
    }

    /// <summary>Pos_Odeme and TP_Islem_Odeme_WD: the bank's page as a URL, NONSECURE with a receipt, or refused.</summary>
    public static SaleStartResult BankCompletedStart(string operation, ST_TP_Islem_Odeme result)
    {
        Required(operation, result);
        var sonuc = ParamResultRules.ParseSonuc(result.Sonuc);
        var (outcome, url, error) = ParamResultRules.IsThreeDStarted(sonuc, result.UCD_URL) ? (SaleStartOutcome.RedirectToBank, result.UCD_URL, null)
            : ParamResultRules.IsNonSecureApproved(sonuc, result.UCD_URL, result.Islem_ID) ? (SaleStartOutcome.Approved, null, null)
            : (SaleStartOutcome.Declined, (string)null, ParamError.FromResult(sonuc > 0 ? -1 : sonuc, result.Sonuc_Str, BankCodeText(result.Banka_Sonuc_Kod)));

        return new SaleStartResult
        {
            Outcome = outcome,
            ThreeDUrl = url,
            TransactionId = result.Islem_ID,
            OrderId = result.Siparis_ID,
            BankCode = result.Banka_Sonuc_Kod,
            Error = error
        };
    }

    /// <summary>TP_WMD_Pay: completed only with a receipt.</summary>
    public static PaymentCompletionResult Completion(string operation, ST_WMD_Pay result)
    {
        Required(operation, result);
        var approved = ParamResultRules.IsPaymentCompleted(result.Sonuc, result.Dekont_ID);

        return new PaymentCompletionResult
        {
            Approved = approved,
            ReceiptId = ParamResultRules.ParseReceiptId(result.Dekont_ID),
            OrderId = result.Siparis_ID,
            BankAuthCode = result.Bank_AuthCode,
            BankTransactionId = result.Bank_Trans_ID,
            BankHostReference = result.Bank_HostRefNum,
            BankCode = result.Bank_Sonuc_Kod,
            BankMessage = result.Bank_HostMsg,
            Error = approved ? null : ParamError.FromResult(result.Sonuc > 0 ? -1 : result.Sonuc, result.Sonuc_Ack, BankCodeText(result.Bank_Sonuc_Kod))
        };
    }

    /// <summary>TP_Islem_Iptal_Iade_Kismi2.</summary>
    public static ReversalResult Reversal(string operation, ST_Sonuc_II result)
    {
        Required(operation, result);

        return Reversal(result.Sonuc, result.Sonuc_Str, result.Banka_Sonuc_Kod, result.Bank_AuthCode, result.Bank_Trans_ID, result.Bank_HostRefNum);
    }

    /// <summary>TP_Islem_Odeme_OnProv_Kapa: captured only with a receipt.</summary>
    public static CaptureResult Capture(string operation, ST_TP_Islem_Odeme_OnProvKapa result)
    {
        Required(operation, result);
        var sonuc = ParamResultRules.ParseSonuc(result.Sonuc);
        var captured = ParamResultRules.IsCaptureCompleted(sonuc, result.Dekont_ID);

        return new CaptureResult
        {
            Captured = captured,
            ReceiptId = result.Dekont_ID,
            ProvisionId = result.Prov_ID,
            BankCode = result.Banka_Sonuc_Kod,
            Error = captured ? null : ParamError.FromResult(sonuc > 0 ? -1 : sonuc, result.Sonuc_Str, BankCodeText(result.Banka_Sonuc_Kod))
        };
    }

    /// <summary>TP_Islem_Iptal_OnProv.</summary>
    public static ReversalResult PreAuthorizationRelease(string operation, ST_Sonuc result)
    {
        Required(operation, result);

        return Reversal(result.Sonuc, result.Sonuc_Str, result.Banka_Sonuc_Kod);
    }

    /// <summary>TP_Ozel_Oran_SK_Liste, read from the response element as parsed (its DataTable is not parsed again).</summary>
    public static InstallmentRatesResult Rates(string operation, XElement payload)
    {
        var (sonuc, text, table) = ListResult(operation, payload);
        if (!ParamResultRules.IsSuccess(sonuc))
            return new InstallmentRatesResult { Error = ParamError.FromResult(sonuc, text) };

        return new InstallmentRatesResult { Programs = DiffgramReader.ReadRows(table, "DT_Ozel_Oranlar_SK").Select(row => ProgramRates(operation, row)).ToList() };
    }

    /// <summary>BIN_SanalPos: an unknown BIN is not an error (no card).</summary>
    public static BinLookupResult Bin(string operation, XElement payload, string bin)
    {
        var (sonuc, text, table) = ListResult(operation, payload);
        if (!ParamResultRules.IsSuccess(sonuc))
            return new BinLookupResult { Error = ParamError.FromResult(sonuc, text) };

        var row = DiffgramReader.ReadRows(table, "Temp").FirstOrDefault();

        return row is null ? new BinLookupResult() : new BinLookupResult { Card = BinRow(operation, row, bin) };
    }

    /// <summary>BIN_SanalPos asked with an empty BIN: every row of table Temp.</summary>
    public static BinTableResult BinTable(string operation, XElement payload)
    {
        var (sonuc, text, table) = ListResult(operation, payload);
        if (!ParamResultRules.IsSuccess(sonuc))
            return new BinTableResult { Error = ParamError.FromResult(sonuc, text) };

        return new BinTableResult { Cards = DiffgramReader.ReadRows(table, "Temp").Select(row => BinRow(operation, row, null)).ToList() };
    }

    private static BinInfo BinRow(string operation, IReadOnlyDictionary<string, string> row, string askedBin)
    {
        return new BinInfo
        {
            Bin = Column(row, "BIN") ?? askedBin,
            PosId = ParseInt(operation, row, "SanalPOS_ID"),
            BankName = Column(row, "Kart_Banka"),
            CardType = Column(row, "Kart_Tip"),
            Scheme = Column(row, "Kart_Org"),
            Brand = Column(row, "Kart_Marka"),
            BankCode = Column(row, "Banka_Kodu"),
            IsCommercial = string.Equals(Column(row, "Kart_Ticari"), "Evet", StringComparison.OrdinalIgnoreCase),
            Dkk = int.TryParse(Column(row, "DKK"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var dkk) ? dkk : null
        };
    }

    /// <summary>TP_Islem_Sorgulama4.</summary>
    public static TransactionStatus Transaction(string operation, ST_Genel_Sonuc2 result)
    {
        Required(operation, result);
        var sonuc = ParamResultRules.ParseSonuc(result.Sonuc);
        var info = result.DT_Bilgi;
        if (!ParamResultRules.IsSuccess(sonuc) || info is null)
            return new TransactionStatus { State = TransactionState.NotFound, Error = ParamError.FromResult(sonuc, result.Sonuc_Str) };

        return new TransactionStatus
        {
            State = info.Odeme_Sonuc switch
            {
                1 => TransactionState.Paid,
                12 => TransactionState.Cancelled,
                13 => TransactionState.Refunded,
                _ => TransactionState.Failed
            },
            PaymentResult = info.Odeme_Sonuc,
            Description = info.Odeme_Sonuc_Aciklama,
            RawState = info.Durum,
            ReceiptId = ParamResultRules.ParseReceiptId(info.Dekont_ID),
            OrderId = info.Siparis_ID,
            TransactionId = info.Islem_ID,
            Date = ParseDate(info.Tarih),
            TotalAmount = ParseDouble(operation, "Toplam_Tutar", info.Toplam_Tutar),
            CommissionRate = ParseDouble(operation, "Komisyon_Oran", info.Komisyon_Oran),
            CommissionAmount = ParseDouble(operation, "Komisyon_Tutar", info.Komisyon_Tutar),
            Installments = info.Taksit,
            RefundedAmount = ParseDouble(operation, "Toplam_Iade_Tutar", info.Toplam_Iade_Tutar),
            MaskedCardNumber = info.KK_No
        };
    }

    private static ReversalResult Reversal(string sonucText, string paramText, string bankCode, string authCode = null, string transactionId = null, string hostReference = null)
    {
        var sonuc = ParamResultRules.ParseSonuc(sonucText);
        var succeeded = ParamResultRules.IsSuccess(sonuc);

        return new ReversalResult
        {
            Succeeded = succeeded,
            BankCode = bankCode,
            BankAuthCode = authCode,
            BankTransactionId = transactionId,
            BankHostReference = hostReference,
            ParamText = paramText,
            Error = succeeded ? null : ParamError.FromResult(sonuc, paramText, bankCode)
        };
    }

    /// <summary>The ST_Genel_Sonuc of a list operation: Sonuc, Sonuc_Str and the DataTable (DT_Bilgi, schema + diffgram).</summary>
    internal static (int Sonuc, string Text, XElement Table) ListResult(string operation, XElement payload)
    {
        var result = Required(operation, payload.Element(Tns + (operation + "Result")));

        return (ParamResultRules.ParseSonuc((string)result.Element(Tns + "Sonuc")), (string)result.Element(Tns + "Sonuc_Str"), result.Element(Tns + "DT_Bilgi"));
    }

    private static CardProgramRates ProgramRates(string operation, IReadOnlyDictionary<string, string> row)
    {
        var rates = new Dictionary<int, decimal>();
        for (var installments = 1; installments <= 12; installments++)
        {
            var column = MonthlyRateColumns[installments - 1];
            if (Column(row, column) is { } text)
                rates[installments] = ParseDouble(operation, column, text);
        }

        return new CardProgramRates
        {
            PosId = ParseInt(operation, row, "SanalPOS_ID"),
            Name = Column(row, "Kredi_Karti_Banka"),
            LogoUrl = Column(row, "Kredi_Karti_Banka_Gorsel"),
            Rates = rates
        };
    }

    private static readonly string[] MonthlyRateColumns = Enumerable.Range(1, 12).Select(installments => $"MO_{installments:00}").ToArray();

    private static decimal ParseDouble(string operation, string field, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return 0m;
        if (ParamAmount.TryParseDouble(text, out var value))
            return value;

        throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation, $"{operation}: {field} '{text}' is not a number.", outcomeUnknown: false);
    }

    private static int ParseInt(string operation, IReadOnlyDictionary<string, string> row, string column)
    {
        var text = Column(row, column);
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            return value;

        throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation, $"{operation}: {column} '{text}' is not a number.", outcomeUnknown: false);
    }

    private static DateTime? ParseDate(string text)
    {
        string[] formats = ["d.MM.yyyy H:mm:ss", "dd.MM.yyyy HH:mm:ss", "d.M.yyyy H:mm:ss", "dd.MM.yyyy"];

        return DateTime.TryParseExact(text?.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    internal static string Column(IReadOnlyDictionary<string, string> row, string column)
    {
        return row.TryGetValue(column, out var value) ? value : null;
    }

    private static T Required<T>(string operation, T result) where T : class
    {
        return result ?? throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation, $"{operation}: the response has no result element.", outcomeUnknown: true);
    }

    /// <summary>A bank code worth showing: 0 is "no problem" and negative values mean the bank was not reached.</summary>
    private static string BankCodeText(int bankCode)
    {
        return bankCode <= 0 ? null : bankCode.ToString("00", CultureInfo.InvariantCulture);
    }
}
