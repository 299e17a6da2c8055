using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Param's reports (ParamPOS-more.md §20): the requests of TP_Islem_Izleme and TP_Mutabakat_Ozet, with their dates in
/// Turkish time as dd.MM.yyyy HH:mm:ss, and the reading of their tables.
/// </summary>
public static class ParamReports
{
    /// <summary>The longest window TP_Islem_Izleme answers (-222 beyond it, ParamPOS.md §13).</summary>
    public static readonly TimeSpan MonitorWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// Formats a Turkish local time as Param's report dates want it ("20.11.2015 00:00:00")
    /// </summary>
    public static string FormatDate(DateTime turkishTime)
    {
        return turkishTime.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>TP_Islem_Izleme of every kind and outcome (empty filters: OPEN-QUESTIONS A41) between two Turkish times.</summary>
    public static TP_Islem_Izleme Monitor(DateTime from, DateTime to, ParamCredentials credentials)
    {
        if (to < from || to - from > MonitorWindow)
            throw new ArgumentOutOfRangeException(nameof(to), "TP_Islem_Izleme answers a window of at most 7 days.");

        return new TP_Islem_Izleme
        {
            G = ParamRequests.Security(credentials),
            GUID = credentials.Guid,
            Tarih_Bas = FormatDate(from),
            Tarih_Bit = FormatDate(to),
            Islem_Tip = string.Empty,
            Islem_Durum = string.Empty
        };
    }

    /// <summary>TP_Mutabakat_Ozet between two Turkish times.</summary>
    public static TP_Mutabakat_Ozet Totals(DateTime from, DateTime to, ParamCredentials credentials)
    {
        if (to < from)
            throw new ArgumentOutOfRangeException(nameof(to), "The period ends before it starts.");

        return new TP_Mutabakat_Ozet { G = ParamRequests.Security(credentials), GUID = credentials.Guid, Tarih_Bas = FormatDate(from), Tarih_Bit = FormatDate(to) };
    }

    /// <summary>TP_Mutabakat_Detay of one Turkish day (dd.MM.yyyy 00:00:00: OPEN-QUESTIONS A36).</summary>
    public static TP_Mutabakat_Detay Settlement(DateOnly day, ParamCredentials credentials)
    {
        return new TP_Mutabakat_Detay { G = ParamRequests.Security(credentials), GUID = credentials.Guid, Tarih = FormatDate(day.ToDateTime(TimeOnly.MinValue)) };
    }

    /// <summary>
    /// TP_Mutabakat_Detay's table, whatever its name (DT_Mutabakat_Detay or Temp) and whichever spelling of the installment
    /// column (TAKSIT_SIRASI or TAKSIT_SIRA: OPEN-QUESTIONS A37); amounts in either form
    /// </summary>
    public static SettlementDetailResult SettlementResult(string operation, XElement payload)
    {
        var (sonuc, text, table) = ParamResponses.ListResult(operation, payload);
        if (!ParamResultRules.IsSuccess(sonuc))
            return new SettlementDetailResult { Error = ParamError.FromResult(sonuc, text) };

        int Number(IReadOnlyDictionary<string, string> row, params string[] columns) =>
            columns.Select(column => ParamResponses.Column(row, column)).FirstOrDefault(value => value is not null) is { } value
            && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 1;

        return new SettlementDetailResult
        {
            Transactions = FirstTable(table).Select(row => new SettledTransaction
            {
                OrderId = ParamResponses.Column(row, "SIPARIS_NO"),
                KindText = ParamResponses.Column(row, "TRANSACTION_TIPI"),
                Kind = KindOf(ParamResponses.Column(row, "TRANSACTION_TIPI")),
                AuthorizationCode = ParamResponses.Column(row, "PROVIZYON_NO"),
                InstallmentNumber = Number(row, "TAKSIT_SIRASI", "TAKSIT_SIRA"),
                Installments = Number(row, "TAKSIT_SAYISI"),
                Gross = Math.Abs(Amount(operation, row, "PROVIZYON_TUTARI")),
                Commission = Math.Abs(Amount(operation, row, "KOMISYON_TUTARI")),
                CommissionRate = Math.Abs(Amount(operation, row, "KOMISYON_ORANI")),
                Net = Math.Abs(Amount(operation, row, "NET_TUTAR")),
                MaskedCard = ParamResponses.Column(row, "KART_NO"),
                TransactionDate = ParamResponses.Column(row, "ISLEM_TARIHI"),
                DayEndDate = ParamResponses.Column(row, "GUNSONU_TARIHI"),
                ValueDate = ParamResponses.Column(row, "VALOR_TARIHI")
            }).ToList()
        };
    }

    /// <summary>TP_Islem_Izleme's table (Temp).</summary>
    public static TransactionMonitorResult MonitorResult(string operation, XElement payload)
    {
        var (sonuc, text, table) = ParamResponses.ListResult(operation, payload);
        if (!ParamResultRules.IsSuccess(sonuc))
            return new TransactionMonitorResult { Error = ParamError.FromResult(sonuc, text) };

        return new TransactionMonitorResult { Transactions = FirstTable(table).Select(row => Monitored(operation, row)).ToList() };
    }

    /// <summary>TP_Mutabakat_Ozet's one row (DT_Mutabakat_Ozet); no row is a period without transactions.</summary>
    public static ReconciliationTotals TotalsResult(string operation, XElement payload)
    {
        var (sonuc, text, table) = ParamResponses.ListResult(operation, payload);
        if (!ParamResultRules.IsSuccess(sonuc))
            return new ReconciliationTotals { Error = ParamError.FromResult(sonuc, text) };

        var row = FirstTable(table).FirstOrDefault();
        if (row is null)
            return new ReconciliationTotals();

        return new ReconciliationTotals
        {
            SaleCount = Count(operation, row, "Basarili_Islem_Sayi"),
            SaleTotal = Amount(operation, row, "Basarili_Islem_Toplam_Tutar"),
            CancelCount = Count(operation, row, "Iptal_Islem_Sayi"),
            CancelTotal = Amount(operation, row, "Iptal_Islem_Toplam_Tutar"),
            RefundCount = Count(operation, row, "Iade_Islem_Sayi"),
            RefundTotal = Amount(operation, row, "Iade_Islem_Toplam_Tutar")
        };
    }

    /// <summary>
    /// Parses a report amount: the dot form of the DataSets ("1234.5600", "-5.0000"), or the Turkish form some reports
    /// use ("1.234,56"): with a comma, dots are thousands (OPEN-QUESTIONS A35)
    /// </summary>
    public static bool TryParseAmount(string text, out decimal amount)
    {
        var plain = text?.Trim() ?? string.Empty;
        if (plain.Contains(','))
            plain = plain.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');

        return decimal.TryParse(plain, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out amount);
    }

    /// <summary>
    /// Classifies Tip_Str (Satış, İptal, İade), whatever its case and Turkish letters
    /// </summary>
    public static MonitoredKind KindOf(string text)
    {
        var plain = Fold(text);

        return plain.StartsWith("SATIS", StringComparison.Ordinal) || plain.StartsWith("SALE", StringComparison.Ordinal) ? MonitoredKind.Sale
            : plain.StartsWith("IPTAL", StringComparison.Ordinal) || plain.StartsWith("CANCEL", StringComparison.Ordinal) ? MonitoredKind.Cancel
            : plain.StartsWith("IADE", StringComparison.Ordinal) || plain.StartsWith("REFUND", StringComparison.Ordinal) ? MonitoredKind.Refund
            : MonitoredKind.Other;
    }

    private static MonitoredTransaction Monitored(string operation, IReadOnlyDictionary<string, string> row)
    {
        var receipt = ParamResponses.Column(row, "Dekont_ID");

        return new MonitoredTransaction
        {
            TransactionId = Long(row, "SanalPOS_Islem_ID"),
            OriginalTransactionId = Long(row, "SanalPOS_Islem_ID_Orj"),
            KindText = ParamResponses.Column(row, "Tip_Str"),
            Kind = KindOf(ParamResponses.Column(row, "Tip_Str")),
            Result = int.TryParse(ParamResponses.Column(row, "Sonuc"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result) ? result : 0,
            Date = DateTimeOffset.TryParse(ParamResponses.Column(row, "Tarih"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            OrderId = ParamResponses.Column(row, "ORJ_ORDER_ID"),
            ReceiptId = receipt is null or "" or "0" ? null : receipt,
            Amount = Math.Abs(Amount(operation, row, "Tutar")),
            CommissionRate = Math.Abs(Amount(operation, row, "Komisyon_Oran")),
            Commission = Math.Abs(Amount(operation, row, "Komisyon_Tutar")),
            Net = Math.Abs(Amount(operation, row, "Net_Tutar")),
            RefundedTotal = Math.Abs(Amount(operation, row, "Toplam_Iade_Tutar")),
            Installments = int.TryParse(ParamResponses.Column(row, "Taksit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var installments) ? Math.Max(1, installments) : 1,
            Currency = ParamResponses.Column(row, "PB"),
            Security = ParamResponses.Column(row, "Islem_Guvenlik"),
            ValueDate = ParamResponses.Column(row, "Valor") is { Length: > 0 } valueDate ? valueDate : null
        };
    }

    /// <summary>The rows of the table, whatever Param named it (Temp, DT_Mutabakat_Ozet…: OPEN-QUESTIONS A37).</summary>
    private static IReadOnlyList<IReadOnlyDictionary<string, string>> FirstTable(XElement table)
    {
        var name = table?.Descendants().FirstOrDefault(element => element.Name.LocalName == "NewDataSet")?.Elements().FirstOrDefault()?.Name.LocalName;

        return name is null ? [] : DiffgramReader.ReadRows(table, name);
    }

    private static decimal Amount(string operation, IReadOnlyDictionary<string, string> row, string column)
    {
        var text = ParamResponses.Column(row, column);
        if (string.IsNullOrWhiteSpace(text))
            return 0m;
        if (TryParseAmount(text, out var amount))
            return amount;

        throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation, $"{operation}: {column} '{text}' is not an amount.", outcomeUnknown: false);
    }

    private static int Count(string operation, IReadOnlyDictionary<string, string> row, string column)
    {
        var text = ParamResponses.Column(row, column);
        if (string.IsNullOrWhiteSpace(text))
            return 0;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            return count;

        throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation, $"{operation}: {column} '{text}' is not a count.", outcomeUnknown: false);
    }

    private static long Long(IReadOnlyDictionary<string, string> row, string column)
    {
        return long.TryParse(ParamResponses.Column(row, column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0L;
    }

    /// <summary>Upper case without Turkish letters' marks: "İade" and "IADE" and "iade" are one word.</summary>
    private static string Fold(string text)
    {
        var builder = new StringBuilder((text ?? string.Empty).Trim().Length);
        foreach (var character in (text ?? string.Empty).Trim())
        {
            builder.Append(character switch
            {
                'ş' or 'Ş' => 'S',
                'ı' or 'İ' or 'i' or 'I' => 'I',
                'ğ' or 'Ğ' => 'G',
                'ü' or 'Ü' => 'U',
                'ö' or 'Ö' => 'O',
                'ç' or 'Ç' => 'C',
                _ => char.ToUpperInvariant(character)
            });
        }

        return builder.ToString();
    }
}
