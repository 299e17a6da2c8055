using System.Globalization;
using System.Text;

namespace Nop.Plugin.Payments.ParamPos.Models.Admin;

/// <summary>
/// The transactions page as CSV for accountants: a header row, one line per transaction, amounts culture-invariantly
/// with a dot and two decimals, text quoted when it needs to be, and nothing a spreadsheet would run as a formula.
/// </summary>
public static class TransactionCsv
{
    public static readonly string[] Columns =
        ["Date (Turkey)", "Order", "Siparis_ID", "Kind", "Card", "Card family", "Installments", "Amount", "Commission", "Currency", "State", "Dekont_ID", "Result"];

    /// <summary>
    /// Writes the rows (with a UTF-8 byte order mark, so spreadsheets read the Turkish letters)
    /// </summary>
    public static byte[] Write(IEnumerable<TransactionRowModel> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", Columns.Select(Field)));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(",", new[]
            {
                row.Date, row.OrderNumber, row.OrderReference, row.Kind, row.MaskedCard, row.CardFamily, row.Installments.ToString(CultureInfo.InvariantCulture),
                row.Amount.ToString("0.00", CultureInfo.InvariantCulture), row.Commission.ToString("0.00", CultureInfo.InvariantCulture), row.Currency, row.State, row.ReceiptId, row.Result
            }.Select(Field)));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Field(string value)
    {
        var text = value ?? string.Empty;
        // A leading =, +, -, @ would make a spreadsheet run the cell (CSV injection); amounts are never negative here.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
