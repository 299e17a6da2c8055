using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Nop.Plugin.Payments.ParamPos.Paratika;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>
/// The Paratika side of the target: the sandbox's Paratika API and hosted page, or a real Paratika API when
/// PARATIKA_TEST_URL, PARATIKA_MERCHANT, PARATIKA_MERCHANT_USER, PARATIKA_MERCHANT_PASSWORD and PARATIKA_SECRET_KEY are
/// set (e.g. entegrasyon.paratika.com.tr with a test merchant). Tests that click through the hosted page need the sandbox.
/// </summary>
public sealed partial class GatewayTarget
{
    public static bool RealParatikaConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("PARATIKA_TEST_URL"));

    /// <summary>Gets the Paratika API URL.</summary>
    public Uri ParatikaApiUrl => RealParatikaConfigured
        ? new Uri(Environment.GetEnvironmentVariable("PARATIKA_TEST_URL")!)
        : new Uri(SandboxBaseUrl, "paratika/api/v2");

    /// <summary>Gets the Paratika merchant's API user and secret key.</summary>
    public ParatikaCredentials ParatikaCredentials => RealParatikaConfigured
        ? new ParatikaCredentials(Environment.GetEnvironmentVariable("PARATIKA_MERCHANT"), Environment.GetEnvironmentVariable("PARATIKA_MERCHANT_USER"),
            Environment.GetEnvironmentVariable("PARATIKA_MERCHANT_PASSWORD"), Environment.GetEnvironmentVariable("PARATIKA_SECRET_KEY"))
        : new ParatikaCredentials(SandboxOptions.Paratika.Merchant, SandboxOptions.Paratika.MerchantUser, SandboxOptions.Paratika.MerchantPassword, SandboxOptions.Paratika.SecretKey);

    /// <summary>A Paratika client over real HTTP, and a context for the target.</summary>
    public (ParatikaClient Client, ParatikaCallContext Context) Paratika(TimeSpan? timeout = null, List<ParatikaExchange> exchanges = null)
    {
        return (new ParatikaClient(new HttpClient()), new ParatikaCallContext(ParatikaCredentials, ParatikaApiUrl, timeout ?? TimeSpan.FromSeconds(20),
            exchange =>
            {
                if (exchanges is null)
                    return;
                lock (exchanges)
                    exchanges.Add(exchange);
            }));
    }

    /// <summary>
    /// Plays the shopper on the sandbox's hosted payment page: opens it, pays with a card (or cancels), answers the 3-D
    /// step when there is one. Returns where Paratika sends the browser and what it posts (Paratika.md §6.1).
    /// </summary>
    public async Task<BankCallback> PayOnHostedPageAsync(string pageUrl, string card = "4508034508034509", bool approve3D = true, int installments = 1, bool cancel = false)
    {
        RequireSandbox("the hosted payment page is Paratika's own page");
        var page = await Browser.GetAsync(pageUrl);
        page.StatusCode.Should200(await page.Content.ReadAsStringAsync());

        var submitted = await Browser.PostAsync(pageUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["cardOwner"] = "Ayşe Yılmaz",
            ["pan"] = card,
            ["expiryMonth"] = "12",
            ["expiryYear"] = (DateTime.UtcNow.Year + 2).ToString(),
            ["cvv"] = "000",
            ["installmentCount"] = installments.ToString(),
            ["decision"] = cancel ? "cancel" : "pay"
        }));
        var html = await submitted.Content.ReadAsStringAsync();
        submitted.StatusCode.Should200(html);
        if (!ThreeDStep().IsMatch(html))
            return BankCallback.Parse(html);

        var answered = await Browser.PostAsync(pageUrl.TrimEnd('/') + "/3d", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["password"] = "a",
            ["decision"] = approve3D ? "approve" : "decline"
        }));
        html = await answered.Content.ReadAsStringAsync();
        answered.StatusCode.Should200(html);

        return BankCallback.Parse(html);
    }

    /// <summary>What the sandbox's Paratika side holds for a MERCHANTPAYMENTID (its /sandbox/api/paratika/transactions).</summary>
    public async Task<IReadOnlyList<ParatikaRowView>> ParatikaRowsAsync(string merchantPaymentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(merchantPaymentId);
        RequireSandbox("the sandbox's Paratika transactions");
        var rows = await Browser.GetFromJsonAsync<List<ParatikaRowView>>("sandbox/api/paratika/transactions", Json);

        return rows!.Where(row => row.MerchantPaymentId == merchantPaymentId).ToList();
    }

    [GeneratedRegex("action=\"/payment/[A-Z0-9]+/3d\"")]
    private static partial Regex ThreeDStep();
}

/// <summary>A row of the sandbox's Paratika transaction table.</summary>
public sealed record ParatikaRowView(string PgTranId, string MerchantPaymentId, string Type, string Status, decimal Amount, string Currency, int Installments, int BusinessDay);
