using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.ParamPos.Gateway;
using NUnit.Framework;
using ParamPos.Sandbox;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>
/// The service an integration test talks to: the in-process sandbox on 127.0.0.1 (default), or a real TurkPos endpoint
/// when PARAMPOS_TEST_URL, PARAMPOS_CLIENT_CODE, PARAMPOS_CLIENT_USERNAME, PARAMPOS_CLIENT_PASSWORD and PARAMPOS_GUID
/// are set (e.g. Param's test service). Tests that need the sandbox's controls (3-D page, faults, day end) call
/// <see cref="RequireSandbox"/> and are skipped against a real endpoint.
/// </summary>
public sealed partial class GatewayTarget : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private WebApplication _sandbox;

    private GatewayTarget()
    {
    }

    /// <summary>Gets a value indicating whether the target is the in-process sandbox.</summary>
    public bool IsSandbox => _sandbox is not null;

    /// <summary>Gets the TurkPos service URL.</summary>
    public Uri ServiceUrl { get; private set; }

    /// <summary>Gets the sandbox's base URL (http://127.0.0.1:port/), null for a real endpoint.</summary>
    public Uri SandboxBaseUrl { get; private set; }

    /// <summary>Gets the merchant credentials used.</summary>
    public ParamCredentials Credentials { get; private set; }

    /// <summary>Gets every request body the client sent, and every response body it read.</summary>
    public List<(string Request, string Response)> Traffic { get; } = new();

    /// <summary>Gets an HTTP client for the sandbox's pages and control API (no redirects followed).</summary>
    public HttpClient Browser { get; private set; }

    /// <summary>Gets the sandbox's options (the test may change them before calls), null for a real endpoint.</summary>
    public SandboxOptions SandboxOptions { get; private set; }

    public static bool RealEndpointConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("PARAMPOS_TEST_URL"));

    public static async Task<GatewayTarget> StartAsync(Action<SandboxOptions> configure = null, TimeProvider clock = null)
    {
        var target = new GatewayTarget();
        if (RealEndpointConfigured)
        {
            target.ServiceUrl = new Uri(Environment.GetEnvironmentVariable("PARAMPOS_TEST_URL")!);
            target.Credentials = new ParamCredentials(
                Environment.GetEnvironmentVariable("PARAMPOS_CLIENT_CODE"),
                Environment.GetEnvironmentVariable("PARAMPOS_CLIENT_USERNAME"),
                Environment.GetEnvironmentVariable("PARAMPOS_CLIENT_PASSWORD"),
                Environment.GetEnvironmentVariable("PARAMPOS_GUID"));
            target.Browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

            return target;
        }

        var options = new SandboxOptions { Port = 0 };
        configure?.Invoke(options);
        target.SandboxOptions = options;
        target._sandbox = SandboxHost.Create(options, clock: clock);
        await target._sandbox.StartAsync();
        var address = target._sandbox.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        target.SandboxBaseUrl = new Uri(address.TrimEnd('/') + "/");
        target.ServiceUrl = new Uri(target.SandboxBaseUrl, SandboxHost.SERVICE_PATH.TrimStart('/'));
        target.Credentials = new ParamCredentials(options.Merchant.ClientCode, options.Merchant.Username, options.Merchant.Password, options.Merchant.Guid);
        target.Browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = target.SandboxBaseUrl };

        return target;
    }

    /// <summary>
    /// A client whose traffic is recorded in <see cref="Traffic"/> (for WSDL checks). Queries retry once, immediately.
    /// </summary>
    public ParamClient Client(int queryRetries = 1)
    {
        var handler = new TrafficRecorder(this, new SocketsHttpHandler());

        return new ParamClient(new HttpClient(handler), new ParamClientOptions { QueryRetries = queryRetries, RetryDelay = _ => TimeSpan.FromMilliseconds(20) });
    }

    public ParamCallContext Context(TimeSpan? timeout = null, ParamCredentials credentials = null)
    {
        return new ParamCallContext(credentials ?? Credentials, ServiceUrl, timeout ?? TimeSpan.FromSeconds(20));
    }

    public void RequireSandbox(string why)
    {
        if (!IsSandbox)
            Assert.Ignore($"Needs the sandbox ({why}); skipped against {ServiceUrl}.");
    }

    public async Task InjectFaultAsync(FaultRule rule)
    {
        RequireSandbox("fault injection");
        var response = await Browser.PostAsJsonAsync("sandbox/api/faults", rule, Json);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Removes the faults not used up yet.</summary>
    public async Task ClearFaultsAsync()
    {
        RequireSandbox("fault injection");
        (await Browser.DeleteAsync("sandbox/api/faults")).EnsureSuccessStatusCode();
    }

    /// <summary>Records a sale at the sandbox the store never started (a difference on purpose).</summary>
    public async Task<long> RecordOutsideSaleAsync(string orderId, decimal total)
    {
        RequireSandbox("a sale made outside the store");
        var response = await Browser.PostAsJsonAsync("sandbox/api/outside-sale", new { orderId, total }, Json);
        response.EnsureSuccessStatusCode();

        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Json)).GetProperty("receiptId").GetInt64();
    }

    public async Task CloseDayAsync()
    {
        RequireSandbox("closing the business day");
        (await Browser.PostAsync("sandbox/api/close-day", null)).EnsureSuccessStatusCode();
    }

    public async Task<IReadOnlyDictionary<string, int>> CallCountsAsync()
    {
        RequireSandbox("call counts");

        return (await Browser.GetFromJsonAsync<Dictionary<string, int>>("sandbox/api/counts", Json))!;
    }

    /// <summary>How many requests of an operation the sandbox received per Siparis_ID (from its request log, the last 500).</summary>
    public async Task<IReadOnlyDictionary<string, int>> RequestsPerOrderAsync(string operation)
    {
        RequireSandbox("the sandbox's request log");
        var entries = await Browser.GetFromJsonAsync<List<LoggedRequest>>("sandbox/api/requests", Json);

        return entries!.Where(entry => entry.Operation == operation)
            .Select(entry => SiparisId().Match(entry.Body ?? string.Empty).Groups[1].Value)
            .GroupBy(orderId => orderId)
            .ToDictionary(group => group.Key, group => group.Count());
    }

    private sealed record LoggedRequest(string Operation, string Body);

    [GeneratedRegex("<Siparis_ID>([^<]*)</Siparis_ID>")]
    private static partial Regex SiparisId();

    /// <summary>The cards the sandbox's card storage holds (token, masked number, label, card id).</summary>
    public async Task<IReadOnlyList<SandboxSavedCard>> SavedCardsAsync()
    {
        RequireSandbox("the sandbox's card storage");

        return (await Browser.GetFromJsonAsync<List<SandboxSavedCard>>("sandbox/api/saved-cards", Json))!;
    }

    /// <summary>What the sandbox holds of the transaction of a Siparis_ID (its /sandbox/api/transactions).</summary>
    public async Task<SandboxTransaction> TransactionAsync(string orderId)
    {
        return await FindTransactionAsync(orderId) ?? throw new InvalidOperationException($"The sandbox has no transaction for Siparis_ID {orderId}.");
    }

    /// <summary>Every transaction the sandbox holds.</summary>
    public async Task<IReadOnlyList<SandboxTransaction>> TransactionsAsync()
    {
        RequireSandbox("the sandbox's transaction store");

        return (await Browser.GetFromJsonAsync<List<SandboxTransaction>>("sandbox/api/transactions", Json))!;
    }

    /// <summary>What the sandbox holds of the transaction of a Siparis_ID, or null when Param never carried one out.</summary>
    public async Task<SandboxTransaction> FindTransactionAsync(string orderId)
    {
        RequireSandbox("the sandbox's transaction store");
        var transactions = await Browser.GetFromJsonAsync<List<SandboxTransaction>>("sandbox/api/transactions", Json);

        return transactions!.SingleOrDefault(transaction => transaction.OrderId == orderId);
    }

    /// <summary>
    /// Plays the shopper on the sandbox bank's 3-D page: submits the form in UCD_HTML, then approves or declines.
    /// Returns where the bank sends the browser and the fields it posts (ParamPOS.md §8.6).
    /// </summary>
    public async Task<BankCallback> AuthenticateAsync(string ucdHtml, bool approve)
    {
        RequireSandbox("the 3-D page is a real bank's page on Param's service");
        // 3D Model: UCD_HTML posts a form to the bank; 3D Pay: the store's page sends the browser to UCD_URL.
        var form = FormAction().Match(ucdHtml);
        var action = WebUtility.HtmlDecode(form.Success ? form.Groups[1].Value : RefreshUrl().Match(ucdHtml).Groups[1].Value);
        var page = form.Success ? await Browser.PostAsync(action, new FormUrlEncodedContent([])) : await Browser.GetAsync(action);
        page.StatusCode.Should200(await page.Content.ReadAsStringAsync());

        var decision = await Browser.PostAsync(action + "/complete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["password"] = "a",
            ["decision"] = approve ? "approve" : "decline"
        }));
        var html = await decision.Content.ReadAsStringAsync();
        decision.StatusCode.Should200(html);

        return BankCallback.Parse(html);
    }

    public async ValueTask DisposeAsync()
    {
        Browser?.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.StopAsync();
            await _sandbox.DisposeAsync();
        }
    }

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("http-equiv=\"refresh\" content=\"0;url=([^\"]+)\"")]
    private static partial Regex RefreshUrl();

    private sealed class TrafficRecorder(GatewayTarget target, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            lock (target.Traffic)
                target.Traffic.Add((body, answer));

            return response;
        }
    }
}

/// <summary>The bank's POST back to the store after 3-D Secure.</summary>
/// <summary>A transaction as the sandbox reports it.</summary>
public sealed record SandboxTransaction(string OrderId, string Status, decimal Total, decimal Refunded, int Installments)
{
    /// <summary>Gets the captured amount of a pre-authorization.</summary>
    public decimal Captured { get; init; }

    /// <summary>Gets a value indicating whether it is a pre-authorization.</summary>
    public bool IsPreAuthorization { get; init; }

    /// <summary>Gets the currency of the amounts (TRY, USD, EUR, GBP).</summary>
    public string Currency { get; init; }
}

public sealed partial record BankCallback(string Url, IReadOnlyDictionary<string, string> Fields)
{
    public string this[string field] => Fields[field];

    public static BankCallback Parse(string autoPostHtml)
    {
        var url = WebUtility.HtmlDecode(Action().Match(autoPostHtml).Groups[1].Value);
        var fields = Input().Matches(autoPostHtml).ToDictionary(match => WebUtility.HtmlDecode(match.Groups[1].Value), match => WebUtility.HtmlDecode(match.Groups[2].Value));

        return new BankCallback(url, fields);
    }

    [GeneratedRegex("<form method=\"POST\" action=\"([^\"]*)\"")]
    private static partial Regex Action();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex Input();
}

internal static class StatusCodeExtensions
{
    public static void Should200(this HttpStatusCode status, string body)
    {
        if (status != HttpStatusCode.OK)
            throw new AssertionException($"HTTP {(int)status}: {body}");
    }
}

/// <summary>A card in the sandbox's card storage.</summary>
public sealed record SandboxSavedCard(string Token, string MaskedNumber, string Label, string CardReference);
