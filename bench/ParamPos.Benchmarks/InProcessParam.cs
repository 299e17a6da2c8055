using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Tests.Support;

namespace ParamPos.Benchmarks;

/// <summary>
/// An in-process stand-in for Param's service, so the plugin's own cost per sale is measured without sockets, HTTP or
/// the sandbox: while learning it forwards each call to the sandbox and keeps the answer of each operation; afterwards
/// it answers from those, with the call's own Siparis_ID and fresh Islem_GUID, Islem_ID and Dekont_ID put in. The bank's
/// callback is built the same way from the one the sandbox's bank posted, signed for the new values.
/// </summary>
public sealed class InProcessParam : HttpMessageHandler
{
    private static readonly string[] Varying = ["Siparis_ID", "Islem_GUID", "Islem_ID", "Dekont_ID"];

    private readonly HttpMessageInvoker _network = new(new SocketsHttpHandler());
    private readonly ConcurrentDictionary<string, Answer> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _lastRequests = new(StringComparer.Ordinal);
    private long _next = 700_000_000;
    private BankCallback _callback;

    /// <summary>Whether calls go to the sandbox (and their answers are kept) rather than being answered here.</summary>
    public bool Learning { get; set; } = true;

    /// <summary>How many calls were answered here.</summary>
    public long Answered;

    /// <summary>Keeps what the sandbox's bank posted, to build every later sale's callback from.</summary>
    public void LearnCallback(BankCallback callback) => _callback = callback;

    /// <summary>The bank's callback for an order: the learned one with this payment's Siparis_ID and Islem_GUID, signed again.</summary>
    public BankCallback CallbackFor(string siparisId, string islemGuid, string merchantGuid)
    {
        var learned = _callback ?? throw new InvalidOperationException("No callback learned yet.");
        var fields = learned.Fields.ToDictionary(field => field.Key, field => field.Value
            .Replace(learned["orderId"], siparisId, StringComparison.Ordinal)
            .Replace(learned["islemGUID"], islemGuid, StringComparison.Ordinal));
        fields["islemHash"] = global::ParamPos.Sandbox.Operations.SandboxHash.CallbackHash(islemGuid, fields["md"], fields["mdStatus"], siparisId, merchantGuid);

        return new BankCallback(learned.Url, fields);
    }

    /// <summary>Answers the last request of an operation again (to measure this stand-in's own cost).</summary>
    public async Task<int> ReplayLastAsync(string operation, int times)
    {
        var body = _lastRequests[operation];
        var total = 0;
        for (var index = 0; index < times; index++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "http://in-process/") { Content = new StringContent(body, Encoding.UTF8, "text/xml") };
            request.Headers.TryAddWithoutValidation("SOAPAction", $"\"https://turkpos.com.tr/{operation}\"");
            using var response = await SendAsync(request, CancellationToken.None);
            total += (int)response.StatusCode;
        }

        return total;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var action = request.Headers.TryGetValues("SOAPAction", out var values) ? values.First().Trim('"') : string.Empty;
        var operation = action[(action.LastIndexOf('/') + 1)..];
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        _lastRequests[operation] = body;

        if (Learning)
        {
            using var forwarded = new HttpRequestMessage(request.Method, request.RequestUri) { Content = new StringContent(body, Encoding.UTF8) };
            forwarded.Content.Headers.ContentType = request.Content.Headers.ContentType;
            foreach (var header in request.Headers)
                forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
            using var response = await _network.SendAsync(forwarded, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
                _answers[operation] = new Answer(text, Varying.ToDictionary(name => name, name => ElementValue(text, name)));

            return Reply(response.StatusCode, text);
        }

        if (!_answers.TryGetValue(operation, out var answer))
            throw new InvalidOperationException($"{operation} was never answered while learning.");

        Interlocked.Increment(ref Answered);
        var reply = answer.Text;
        foreach (var (name, learnedValue) in answer.Values)
        {
            if (learnedValue is null)
                continue;

            var value = name switch
            {
                "Siparis_ID" => ElementValue(body, "Siparis_ID") ?? learnedValue,
                "Islem_GUID" => ElementValue(body, "Islem_GUID") ?? Guid.NewGuid().ToString(),
                _ => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture)
            };
            reply = reply.Replace($"<{name}>{learnedValue}</{name}>", $"<{name}>{value}</{name}>", StringComparison.Ordinal);
        }

        return Reply(HttpStatusCode.OK, reply);
    }

    private static HttpResponseMessage Reply(HttpStatusCode status, string text)
    {
        return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "text/xml") };
    }

    private static string ElementValue(string xml, string name)
    {
        var open = $"<{name}>";
        var start = xml.IndexOf(open, StringComparison.Ordinal);
        if (start < 0)
            return null;

        start += open.Length;
        var end = xml.IndexOf($"</{name}>", start, StringComparison.Ordinal);

        return end < 0 ? null : xml[start..end];
    }

    private sealed record Answer(string Text, IReadOnlyDictionary<string, string> Values);
}
