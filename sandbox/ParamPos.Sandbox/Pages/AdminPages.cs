using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using ParamPos.Sandbox.Faults;
using ParamPos.Sandbox.State;

namespace ParamPos.Sandbox.Pages;

/// <summary>The sandbox's own pages: what it is, the test account and cards, received requests, held transactions.</summary>
public sealed class AdminPages
{
    private readonly SandboxOptions _options;
    private readonly Ledger _ledger;
    private readonly RequestLog _log;
    private readonly FaultPlan _faults;

    public AdminPages(SandboxOptions options, Ledger ledger, RequestLog log, FaultPlan faults)
    {
        _options = options;
        _ledger = ledger;
        _log = log;
        _faults = faults;
    }

    public string Home(HttpRequest request)
    {
        var serviceUrl = $"{request.Scheme}://{request.Host}/turkpos.ws/service_turkpos_prod.asmx";
        var cards = new StringBuilder();
        foreach (var card in _options.Cards)
            cards.Append($"<tr><td><code>{Html.E(card.Number)}</code></td><td>{Html.E(card.Label)}</td></tr>");
        var rates = new StringBuilder();
        foreach (var program in _options.Programs)
        {
            rates.Append($"<tr><td>{Html.E(program.PosId)}</td><td>{Html.E(program.Name)}</td>");
            foreach (var rate in program.Rates)
                rates.Append($"<td>{Html.E(rate < 0 ? rate.ToString("0", CultureInfo.InvariantCulture) : rate.ToString("0.00", CultureInfo.InvariantCulture))}</td>");
            rates.Append("</tr>");
        }

        var body = $"""
            <div class="card">
              <h1>ParamPOS sandbox</h1>
              <p>Speaks Param's TurkPos SOAP service (validated against Param's own WSDL), shows a bank 3-D Secure page and keeps
              the transactions, so the plugin can be tried without Param credentials or internet.</p>
              <p>Service URL for the plugin's <em>Custom URL</em> environment: <code id="service-url">{Html.E(serviceUrl)}</code> · <a href="/turkpos.ws/service_turkpos_prod.asmx?wsdl">WSDL</a></p>
              <table>
                <tr><th>CLIENT_CODE</th><td><code>{Html.E(_options.Merchant.ClientCode)}</code></td></tr>
                <tr><th>CLIENT_USERNAME</th><td><code>{Html.E(_options.Merchant.Username)}</code></td></tr>
                <tr><th>CLIENT_PASSWORD</th><td><code>{Html.E(_options.Merchant.Password)}</code></td></tr>
                <tr><th>GUID</th><td><code>{Html.E(_options.Merchant.Guid)}</code></td></tr>
              </table>
              <p class="muted">Business day {Html.E(_ledger.BusinessDay)}: a sale can be cancelled (IPTAL) in full on its own business day only; it can be refunded (IADE), also in parts, on any day, its own included.</p>
              <form method="POST" action="/sandbox/close-day"><button type="submit">Close the business day</button></form>
            </div>
            <div class="card">
              <h2>Test cards</h2>
              <p>Any expiry in the future, any 3-digit CVC. Other Luhn-valid cards are approved as "Diğer Banka Kartları".</p>
              <table><tr><th>Card number</th><th>Outcome</th></tr>{cards}</table>
            </div>
            <div class="card">
              <h2>Installment rates (TP_Ozel_Oran_SK_Liste)</h2>
              <table><tr><th>SanalPOS_ID</th><th>Program</th>{string.Concat(Enumerable.Range(1, 12).Select(month => $"<th>{month}</th>"))}</tr>{rates}</table>
              <p class="muted">-1 and -2: installment not offered.</p>
            </div>
            """;

        return Html.Page("ParamPOS sandbox", body);
    }

    public string Requests()
    {
        var rows = new StringBuilder();
        foreach (var entry in _log.Entries().Reverse())
        {
            rows.Append($"<tr><td>{Html.E(entry.At.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))}</td><td>{Html.E(entry.Operation)}</td><td>{Html.E(entry.Status)}</td><td>{Html.E(entry.Outcome)}</td></tr>");
            rows.Append($"<tr><td colspan=\"4\"><pre>{Html.E(entry.Body)}</pre></td></tr>");
        }

        var counts = string.Join(" · ", _log.Counts().OrderBy(pair => pair.Key).Select(pair => $"{Html.E(pair.Key)}: {pair.Value}"));
        var faults = string.Join(", ", _faults.Pending().Select(rule => $"{Html.E(rule.Operation ?? "*")} {Html.E(rule.Mode)} ×{rule.Count}"));

        return Html.Page("Requests", $"""
            <div class="card"><h1>Requests received</h1><p>{counts}</p><p class="muted">Pending faults: {(faults.Length == 0 ? "none" : faults)}. Card numbers, CVC, expiry, password and GUID are redacted.</p>
            <table><tr><th>Time</th><th>Operation</th><th>HTTP</th><th>Outcome</th></tr>{rows}</table></div>
            """);
    }

    public string Transactions()
    {
        var rows = new StringBuilder();
        foreach (var transaction in _ledger.Transactions())
        {
            rows.Append($"<tr><td>{Html.E(transaction.OrderId)}</td><td>{Html.E(transaction.ReceiptId)}</td><td>{Html.E(transaction.Status)}</td>"
                + $"<td>{Html.E(transaction.Total.ToString("0.00", CultureInfo.InvariantCulture))}</td><td>{Html.E(transaction.Refunded.ToString("0.00", CultureInfo.InvariantCulture))}</td>"
                + $"<td>{Html.E(transaction.Installments)}</td><td>{Html.E(transaction.MaskedCard)}</td><td>{Html.E(transaction.BusinessDay)}</td></tr>");
        }

        return Html.Page("Transactions", $"""
            <div class="card"><h1>Transactions</h1><p>Business day {Html.E(_ledger.BusinessDay)}.</p>
            <form method="POST" action="/sandbox/close-day"><button type="submit">Close the business day</button></form>
            <table><tr><th>Siparis_ID</th><th>Dekont_ID</th><th>State</th><th>Total</th><th>Refunded</th><th>Installments</th><th>Card</th><th>Day</th></tr>{rows}</table></div>
            """);
    }
}
