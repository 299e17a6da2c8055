using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using ParamPos.Sandbox.Pages;

namespace ParamPos.Sandbox.Paratika;

/// <summary>
/// Paratika's hosted payment page (Paratika.md §5.1) a person can click through: the card form with an installment
/// choice, a 3-D step, then an auto-submitting form that POSTs the documented fields (§6.1) to the session's RETURNURL
/// with a fresh random and a correct sdSha512. The shopper can also cancel. A session is used once.
/// </summary>
public sealed class HostedPaymentPages
{
    private static readonly int[] InstallmentChoices = [1, 2, 3, 6, 9];

    private readonly SandboxOptions _options;
    private readonly ParatikaState _state;
    private readonly ParatikaService _service;

    public HostedPaymentPages(SandboxOptions options, ParatikaState state, ParatikaService service)
    {
        _options = options;
        _state = state;
        _service = service;
    }

    /// <summary>GET /payment/{token}: the card form.</summary>
    public Task ShowAsync(HttpContext context, string token, string error = null)
    {
        var session = _state.Session(token);
        if (session is null || session.State != "open")
            return WriteAsync(context, 404, Html.Page("Paratika", "<div class=\"card\"><h1>This payment session is not open</h1><p>It was used already or never existed. Go back to the store.</p></div>"));

        var items = string.Concat(session.Items.Select(item => $"<tr><td>{Html.E(item.Name)}</td><td>{Html.E(Money(item.Amount))}</td></tr>"));
        var options = string.Concat(InstallmentChoices.Select(count => $"<option value=\"{count}\">{(count == 1 ? "Single payment" : $"{count} installments")}</option>"));
        var body = $"""
            <div class="card" id="hpp">
              <h1>Paratika secure payment</h1>
              <p class="muted">Sandbox hosted payment page · nothing real is charged</p>
              <table>
                <tr><th>Amount</th><td id="hpp-amount">{Html.E(Money(session.Amount))} {Html.E(session.Currency)}</td></tr>
                <tr><th>Order</th><td id="hpp-order">{Html.E(session.MerchantPaymentId)}</td></tr>
                {items}
              </table>
              {(error is null ? string.Empty : $"<p id=\"hpp-error\" style=\"color:#c62828\">{Html.E(error)}</p>")}
              <form method="POST" action="/payment/{Html.E(token)}">
                <label for="cardOwner">Card holder</label><input id="cardOwner" name="cardOwner" autocomplete="off">
                <label for="pan">Card number</label><input id="pan" name="pan" autocomplete="off" inputmode="numeric">
                <label for="expiryMonth">Expiry (MM / YYYY)</label>
                <input id="expiryMonth" name="expiryMonth" size="2" autocomplete="off"> / <input id="expiryYear" name="expiryYear" size="4" autocomplete="off">
                <label for="cvv">CVV</label><input id="cvv" name="cvv" size="4" autocomplete="off">
                <label for="installmentCount">Installments</label><select id="installmentCount" name="installmentCount">{options}</select>
                <p>
                  <button type="submit" name="decision" value="pay" class="approve" id="hpp-pay">Pay</button>
                  <button type="submit" name="decision" value="cancel" class="decline" id="hpp-cancel">Cancel and return to the store</button>
                </p>
              </form>
            </div>
            """;

        return WriteAsync(context, 200, Html.Page("Paratika secure payment", body));
    }

    /// <summary>POST /payment/{token}: the card is checked; a declining card goes back at once, others to the 3-D step.</summary>
    public async Task SubmitAsync(HttpContext context, string token)
    {
        var form = await context.Request.ReadFormAsync();
        var session = _state.Session(token);
        if (session is null || session.State != "open")
        {
            await ShowAsync(context, token);
            return;
        }

        if (form["decision"] == "cancel")
        {
            if (Finalise(session, "open"))
                await ReturnAsync(context, session, null, "99", "Cancelled by the cardholder", "ERR10090", null);
            return;
        }

        var pan = new string(form["pan"].ToString().Where(char.IsAsciiDigit).ToArray());
        if (pan.Length is < 15 or > 19 || !Luhn(pan) || !int.TryParse(form["expiryMonth"], out var month) || month is < 1 or > 12
            || !int.TryParse(form["expiryYear"], out var year) || new DateTime(year, month, 1).AddMonths(1) <= DateTime.UtcNow || form["cvv"].ToString().Length is < 3 or > 4)
        {
            await ShowAsync(context, token, "Check the card number, expiry and CVV.");
            return;
        }

        session.Installments = int.TryParse(form["installmentCount"], out var installments) && InstallmentChoices.Contains(installments) ? installments : 1;
        session.MaskedCard = pan[..6] + new string('*', pan.Length - 10) + pan[^4..];
        if (_options.ParatikaDeclines.TryGetValue(pan, out var declineCode))
        {
            if (Finalise(session, "open"))
            {
                var failed = _service.RecordSale(session, pan, approved: false, declineCode);
                await ReturnAsync(context, session, failed, "99", "Declined", declineCode, declineCode[^2..]);
            }
            return;
        }

        lock (session)
            session.State = "3d:" + pan;
        var body = $"""
            <div class="card" id="acs">
              <h1>3-D Secure verification</h1>
              <p class="muted">Sandbox bank · nothing real is charged</p>
              <table>
                <tr><th>Card</th><td>{Html.E(session.MaskedCard)}</td></tr>
                <tr><th>Amount</th><td>{Html.E(Money(session.Amount))} {Html.E(session.Currency)}</td></tr>
                <tr><th>Installments</th><td>{Html.E(session.Installments)}</td></tr>
              </table>
              <form method="POST" action="/payment/{Html.E(token)}/3d">
                <label for="password">SMS code (any value, e.g. <code>a</code>)</label>
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

    /// <summary>POST /payment/{token}/3d: the 3-D answer; the sale is made (or not) and the browser returns to the store.</summary>
    public async Task CompleteAsync(HttpContext context, string token)
    {
        var form = await context.Request.ReadFormAsync();
        var session = _state.Session(token);
        var state = session?.State;
        if (session is null || state?.StartsWith("3d:", StringComparison.Ordinal) != true || !Finalise(session, state))
        {
            await WriteAsync(context, 409, Html.Page("3-D Secure", "<div class=\"card\"><h1>This payment is no longer open</h1><p>A 3-D Secure page can be answered once.</p></div>"));
            return;
        }

        var pan = state[3..];
        var approved = form["decision"] == "approve";
        var row = _service.RecordSale(session, pan, approved, approved ? null : "ERR10138");
        await ReturnAsync(context, session, row, approved ? "00" : "99", approved ? "Approved" : "Declined", approved ? null : "ERR10138", null);
    }

    /// <summary>Takes the session from one state to final; false when another request did it first.</summary>
    private static bool Finalise(ParatikaSession session, string expected)
    {
        lock (session)
        {
            if (session.State != expected)
                return false;

            session.State = "final";
            return true;
        }
    }

    private Task ReturnAsync(HttpContext context, ParatikaSession session, ParatikaRow row, string responseCode, string responseMessage, string errorCode, string bankCode)
    {
        var random = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10);
        var secret = _options.Paratika.SecretKey;
        var fields = new Dictionary<string, string>
        {
            ["merchantPaymentId"] = session.MerchantPaymentId,
            ["customerId"] = session.Customer,
            ["sessionToken"] = session.Token,
            ["responseCode"] = responseCode,
            ["responseMsg"] = responseMessage,
            ["random"] = random,
            ["sdSha512"] = ParatikaHashing.SdSha512(session.MerchantPaymentId, session.Customer, session.Token, responseCode, random, secret),
            ["SD_SHA512"] = ParatikaHashing.Legacy(session.Token, session.MerchantPaymentId, responseCode, responseMessage, random, secret)
        };
        if (row is not null)
        {
            fields["apiMerchantId"] = "700100000";
            fields["paymentSystem"] = "SANDBOX TEST";
            fields["paymentSystemType"] = "SANDBOX";
            fields["paymentSystemEftCode"] = "0000";
            fields["pgTranId"] = row.PgTranId;
            fields["pgTranDate"] = row.Created.ToString("yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture);
            fields["pgTranRefId"] = row.PgTranId[^12..];
            fields["pgOrderId"] = session.MerchantPaymentId;
            fields["amount"] = row.Amount.ToString("0.00", CultureInfo.InvariantCulture);
            fields["installment"] = row.Installments.ToString(CultureInfo.InvariantCulture);
        }
        if (errorCode is not null)
        {
            fields["errorCode"] = errorCode;
            fields["errorMsg"] = responseMessage;
        }
        if (bankCode is not null)
        {
            fields["pgTranErrorCode"] = bankCode;
            fields["pgTranErrorText"] = responseMessage;
        }

        return WriteAsync(context, 200, Html.AutoPost(session.ReturnUrl, fields, "Returning to the store…"));
    }

    private static string Money(decimal amount) => amount.ToString("N2", CultureInfo.GetCultureInfo("tr-TR"));

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

    private static Task WriteAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";

        return context.Response.WriteAsync(html);
    }
}
