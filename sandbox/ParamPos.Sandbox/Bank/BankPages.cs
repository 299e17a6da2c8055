using Microsoft.AspNetCore.Http;
using ParamPos.Sandbox.Operations;
using ParamPos.Sandbox.Pages;
using ParamPos.Sandbox.State;

namespace ParamPos.Sandbox.Bank;

/// <summary>
/// The card issuer's 3-D Secure page (the ACS) a person can click through. Approve posts mdStatus 1 (or the card's
/// scripted status) to Basarili_URL; Decline posts mdStatus 0 to Hata_URL (ParamPOS.md §8.6, OPEN-QUESTIONS A5).
/// </summary>
public sealed class BankPages
{
    private readonly Ledger _ledger;
    private readonly TurkPosService _service;

    public BankPages(Ledger ledger, TurkPosService service)
    {
        _ledger = ledger;
        _service = service;
    }

    public async Task ShowAsync(HttpContext context, string token)
    {
        var session = _ledger.SessionByToken(token);
        if (session is null || session.State != ThreeDSessionState.AwaitingAuthentication)
        {
            await WriteAsync(context, 404, Html.Page("3-D Secure", "<div class=\"card\"><h1>This authentication is no longer open</h1><p>It was finished already or never started. Go back to the store.</p></div>"));
            return;
        }

        var body = $"""
            <div class="card" id="acs">
              <h1>3-D Secure verification</h1>
              <p class="muted">Sandbox bank · nothing real is charged</p>
              <table>
                <tr><th>Card</th><td id="acs-card">{Html.E(session.MaskedCard)}</td></tr>
                <tr><th>Amount</th><td id="acs-amount">{Html.E(session.Total.ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("tr-TR")))} {(session.Currency == "TRY" ? "TL" : Html.E(session.Currency))}</td></tr>
                <tr><th>Installments</th><td>{Html.E(session.Installments)}</td></tr>
                <tr><th>Order</th><td>{Html.E(session.OrderId)}</td></tr>
              </table>
              <form method="POST" action="/bank/3d/{Html.E(token)}/complete">
                <label for="password">SMS code or 3-D password (any value, e.g. <code>a</code>)</label>
                <input type="password" id="password" name="password" autocomplete="one-time-code">
                <p>
                  <button type="submit" name="decision" value="approve" class="approve" id="acs-approve">Approve</button>
                  <button type="submit" name="decision" value="decline" class="decline" id="acs-decline">Decline</button>
                </p>
              </form>
            </div>
            """;
        await WriteAsync(context, 200, Html.Page("3-D Secure verification", body));
    }

    public async Task CompleteAsync(HttpContext context, string token)
    {
        var form = await context.Request.ReadFormAsync();
        var approved = string.Equals(form["decision"], "approve", StringComparison.Ordinal);
        var serviceUrl = $"{context.Request.Scheme}://{context.Request.Host}/turkpos.ws/service_turkpos_prod.asmx";

        var outcome = _service.Authenticate(token, approved, serviceUrl);
        if (outcome is null)
        {
            await WriteAsync(context, 409, Html.Page("3-D Secure", "<div class=\"card\"><h1>This authentication is no longer open</h1><p>A 3-D Secure page can be answered once.</p></div>"));
            return;
        }

        await WriteAsync(context, 200, Html.AutoPost(outcome.Value.Url, outcome.Value.Fields, "Returning to the store…"));
    }

    private static async Task WriteAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html);
    }
}
