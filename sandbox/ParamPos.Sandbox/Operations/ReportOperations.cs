using System.Globalization;
using System.Xml.Linq;
using ParamPos.Sandbox.Soap;
using ParamPos.Sandbox.State;

namespace ParamPos.Sandbox.Operations;

/// <summary>
/// Param's reports from the sandbox's own transactions (ParamPOS-more.md §20): TP_Islem_Izleme lists every sale
/// (approved or declined) and every cancel and refund of a window of at most 7 days, in Turkish time; TP_Mutabakat_Ozet
/// counts and sums the period's successful sales, cancels and refunds. Commission and net follow the merchant's rate
/// (<see cref="SandboxOptions.MerchantCommissionRate"/>); cancel and refund rows carry negative amounts, as captured.
/// </summary>
public sealed class ReportOperations
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly TimeSpan Turkey = TimeSpan.FromHours(3);

    private static readonly DataTableWriter.Column[] MonitorColumns =
    [
        new("SanalPOS_Islem_ID", "xs:long"), new("SanalPOS_Islem_ID_Orj", "xs:long"), new("Sonuc_Str", "xs:string"), new("Tip_Str", "xs:string"),
        new("Tarih", "xs:dateTime"), new("Odeme_Yapan_Bilgisi", "xs:string"), new("Odeme_Aciklama", "xs:string"), new("Taksit", "xs:int"),
        new("SanalPOS_Banka", "xs:string"), new("Komisyon_Oran", "xs:decimal"), new("Komisyon_Tutar", "xs:decimal"), new("Net_Tutar", "xs:decimal"),
        new("Tutar", "xs:decimal"), new("Islem_Guvenlik", "xs:string"), new("Dekont_ID", "xs:string"), new("ORJ_ORDER_ID", "xs:string"), new("Sonuc", "xs:int"),
        new("Kaynak", "xs:string"), new("Toplam_Iade_Tutar", "xs:decimal"), new("ORJ_Tarih", "xs:dateTime"), new("PB", "xs:string"), new("Valor", "xs:string")
    ];

    private static readonly DataTableWriter.Column[] TotalsColumns =
    [
        new("Basarili_Islem_Sayi", "xs:int"), new("Basarili_Islem_Toplam_Tutar", "xs:decimal"), new("Iptal_Islem_Sayi", "xs:int"),
        new("Iptal_Islem_Toplam_Tutar", "xs:decimal"), new("Iade_Islem_Sayi", "xs:int"), new("Iade_Islem_Toplam_Tutar", "xs:decimal")
    ];

    private static readonly DataTableWriter.Column[] SettlementColumns =
    [
        new("GUNSONU_TARIHI", "xs:string"), new("ISLEM_TARIHI", "xs:string"), new("VALOR_TARIHI", "xs:string"), new("KART_NO", "xs:string"),
        new("TRANSACTION_TIPI", "xs:string"), new("PROVIZYON_NO", "xs:string"), new("TAKSIT_SIRASI", "xs:int"), new("TAKSIT_SAYISI", "xs:int"),
        new("PROVIZYON_TUTARI", "xs:string"), new("KOMISYON_TUTARI", "xs:string"), new("KOMISYON_ORANI", "xs:string"), new("NET_TUTAR", "xs:string"),
        new("SIPARIS_NO", "xs:string"), new("ANA_KART_TIPI", "xs:string"), new("ALT_KART_TIPI", "xs:string")
    ];

    private static readonly CultureInfo TurkishNumbers = CultureInfo.GetCultureInfo("tr-TR");

    private readonly SandboxOptions _options;
    private readonly Ledger _ledger;

    public ReportOperations(SandboxOptions options, Ledger ledger)
    {
        _options = options;
        _ledger = ledger;
    }

    public XElement Monitor(SoapCall call, (int Code, string Text)? denied)
    {
        if (denied is not null)
            return Result(null, denied.Value.Code, denied.Value.Text);
        if (Window(call) is not { } window)
            return Result(null, -100, "Tarih biçimi hatalı (dd.MM.yyyy HH:mm:ss).");
        if (window.To - window.From > TimeSpan.FromDays(7) || window.To < window.From)
            return Result(null, -222, "Tarih aralığı 7 günden fazla olamaz.");

        var rows = Rows(window.From, window.To).Select(row => row.Values).ToList();
        return Result(DataTableWriter.DtBilgi("Temp", MonitorColumns, rows), 1, "Başarılı");
    }

    public XElement Totals(SoapCall call, (int Code, string Text)? denied)
    {
        if (denied is not null)
            return Result(null, denied.Value.Code, denied.Value.Text);
        if (Window(call) is not { } window)
            return Result(null, -100, "Tarih biçimi hatalı (dd.MM.yyyy HH:mm:ss).");

        var rows = Rows(window.From, window.To).Where(row => row.Succeeded).ToList();
        string Count(string kind) => rows.Count(row => row.Kind == kind).ToString(Invariant);
        string Sum(string kind) => rows.Where(row => row.Kind == kind).Sum(row => Math.Abs(row.Amount)).ToString("0.0000", Invariant);
        var totals = new Dictionary<string, string>
        {
            ["Basarili_Islem_Sayi"] = Count("Satış"), ["Basarili_Islem_Toplam_Tutar"] = Sum("Satış"),
            ["Iptal_Islem_Sayi"] = Count("İptal"), ["Iptal_Islem_Toplam_Tutar"] = Sum("İptal"),
            ["Iade_Islem_Sayi"] = Count("İade"), ["Iade_Islem_Toplam_Tutar"] = Sum("İade")
        };

        return Result(DataTableWriter.DtBilgi("DT_Mutabakat_Ozet", TotalsColumns, [totals]), 1, "Başarılı");
    }

    /// <summary>
    /// TP_Mutabakat_Detay: the successful sales, cancels and refunds of one Turkish day with their settlement (value date
    /// the next day, commission and net), amounts as Turkish numbers ("1.234,56") the way the service writes them
    /// (OPEN-QUESTIONS A35–A38: table DT_Mutabakat_Detay, TAKSIT_SIRASI, SATIS/IPTAL/IADE).
    /// </summary>
    public XElement Settlement(SoapCall call, (int Code, string Text)? denied)
    {
        if (denied is not null)
            return Result(null, denied.Value.Code, denied.Value.Text);
        if (!DateTime.TryParseExact(call.Field("Tarih"), "dd.MM.yyyy HH:mm:ss", Invariant, DateTimeStyles.None, out var day))
            return Result(null, -100, "Tarih biçimi hatalı (dd.MM.yyyy HH:mm:ss).");

        var rows = Rows(day.Date, day.Date.AddDays(1).AddSeconds(-1)).Where(row => row.Succeeded).Select(row =>
        {
            var values = row.Values;
            string Turkish(string column) => decimal.Parse(values[column], Invariant).ToString("#,##0.00", TurkishNumbers);

            return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["GUNSONU_TARIHI"] = day.ToString("dd.MM.yyyy", Invariant),
                ["ISLEM_TARIHI"] = row.At.ToOffset(Turkey).ToString("dd.MM.yyyy HH:mm:ss", Invariant),
                ["VALOR_TARIHI"] = values["Valor"],
                ["KART_NO"] = values["Odeme_Yapan_Bilgisi"][(values["Odeme_Yapan_Bilgisi"].LastIndexOf(':') + 1)..],
                ["TRANSACTION_TIPI"] = row.Kind switch { "Satış" => "SATIS", "İptal" => "IPTAL", _ => "IADE" },
                ["PROVIZYON_NO"] = values["SanalPOS_Islem_ID"],
                ["TAKSIT_SIRASI"] = "1",
                ["TAKSIT_SAYISI"] = Math.Max(1, int.Parse(values["Taksit"], Invariant)).ToString(Invariant),
                ["PROVIZYON_TUTARI"] = Turkish("Tutar"),
                ["KOMISYON_TUTARI"] = Turkish("Komisyon_Tutar"),
                ["KOMISYON_ORANI"] = Turkish("Komisyon_Oran"),
                ["NET_TUTAR"] = Turkish("Net_Tutar"),
                ["SIPARIS_NO"] = values["ORJ_ORDER_ID"],
                ["ANA_KART_TIPI"] = "KREDI KARTI",
                ["ALT_KART_TIPI"] = "SANDBOX BANKASI"
            };
        }).ToList();

        return Result(DataTableWriter.DtBilgi("DT_Mutabakat_Detay", SettlementColumns, rows), 1, "Başarılı");
    }

    /// <summary>Every sale, cancel and refund made between two Turkish times, as report rows.</summary>
    private List<ReportRow> Rows(DateTime from, DateTime to)
    {
        bool Inside(DateTimeOffset at) => at.ToOffset(Turkey).DateTime >= from && at.ToOffset(Turkey).DateTime <= to;

        return _ledger.Locked(() =>
        {
            var rows = new List<ReportRow>();
            foreach (var sale in _ledger.Transactions().Where(transaction => !transaction.IsPreAuthorization || transaction.Captured > 0m))
            {
                var amount = sale.IsPreAuthorization ? sale.Captured : sale.Total;
                if (Inside(sale.CreatedAt))
                {
                    var result = sale.Status == TransactionStatus.Failed ? 2 : sale.PaymentResult;
                    rows.Add(Row(sale, sale.TransactionId, 0, "Satış", result, sale.CreatedAt, amount, sale.ReceiptId.ToString(Invariant)));
                }

                foreach (var reversal in sale.Reversals.Where(reversal => Inside(reversal.At)))
                    rows.Add(Row(sale, reversal.TransactionId, sale.TransactionId, reversal.Cancel ? "İptal" : "İade", 1, reversal.At, -reversal.Amount, "0"));
            }

            return rows.OrderBy(row => row.At).ToList();
        });
    }

    private ReportRow Row(SandboxTransaction sale, long id, long originalId, string kind, int result, DateTimeOffset at, decimal amount, string receipt)
    {
        var succeeded = result is 1 or 12 or 13;
        var commission = succeeded ? Math.Round(amount * _options.MerchantCommissionRate / 100m, 2, MidpointRounding.AwayFromZero) : 0m;
        var turkish = at.ToOffset(Turkey);
        var values = new Dictionary<string, string>
        {
            ["SanalPOS_Islem_ID"] = id.ToString(Invariant),
            ["SanalPOS_Islem_ID_Orj"] = originalId.ToString(Invariant),
            ["Sonuc_Str"] = succeeded ? "Başarılı" : "Başarısız",
            ["Tip_Str"] = kind,
            ["Tarih"] = turkish.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", Invariant),
            ["Odeme_Yapan_Bilgisi"] = $"{id} / Sandbox / GSM: / KK No:{sale.MaskedCard}",
            ["Odeme_Aciklama"] = sale.ExtData ?? string.Empty,
            ["Taksit"] = (sale.Installments <= 1 ? 0 : sale.Installments).ToString(Invariant),
            ["SanalPOS_Banka"] = $"3D Sanal POS - Sandbox / Valör:{turkish.AddDays(1):dd.MM.yyyy}",
            ["Komisyon_Oran"] = (succeeded ? _options.MerchantCommissionRate : 0m).ToString("0.0000", Invariant),
            ["Komisyon_Tutar"] = commission.ToString("0.0000", Invariant),
            ["Net_Tutar"] = (succeeded ? amount - commission : 0m).ToString("0.0000", Invariant),
            ["Tutar"] = amount.ToString("0.0000", Invariant),
            ["Islem_Guvenlik"] = "3D",
            ["Dekont_ID"] = succeeded ? receipt : "0",
            ["ORJ_ORDER_ID"] = sale.OrderId,
            ["Sonuc"] = result.ToString(Invariant),
            ["Kaynak"] = originalId == 0 ? "TURKPOS_API" : string.Empty,
            ["Toplam_Iade_Tutar"] = sale.Refunded.ToString("0.0000", Invariant),
            ["ORJ_Tarih"] = sale.CreatedAt.ToOffset(Turkey).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", Invariant),
            ["PB"] = sale.Currency == "TRY" ? "TRL" : sale.Currency,
            ["Valor"] = succeeded ? turkish.AddDays(1).ToString("dd.MM.yyyy", Invariant) : string.Empty
        };

        return new ReportRow(kind, succeeded, amount, at, values);
    }

    private static (DateTime From, DateTime To)? Window(SoapCall call)
    {
        const string format = "dd.MM.yyyy HH:mm:ss";
        if (!DateTime.TryParseExact(call.Field("Tarih_Bas"), format, Invariant, DateTimeStyles.None, out var from)
            || !DateTime.TryParseExact(call.Field("Tarih_Bit"), format, Invariant, DateTimeStyles.None, out var to))
            return null;

        return (from, to);
    }

    private static XElement Result(XElement table, int code, string text)
    {
        return SoapMessage.Result("R", ("DT_Bilgi", table), ("Sonuc", code.ToString(Invariant)), ("Sonuc_Str", text));
    }

    private sealed record ReportRow(string Kind, bool Succeeded, decimal Amount, DateTimeOffset At, IReadOnlyDictionary<string, string> Values);
}
