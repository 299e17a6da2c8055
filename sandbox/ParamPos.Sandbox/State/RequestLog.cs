using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ParamPos.Sandbox.State;

/// <summary>The last requests the sandbox received, redacted, and how many calls each operation got.</summary>
public sealed partial class RequestLog
{
    private const int CAPACITY = 500;
    private readonly ConcurrentQueue<LoggedRequest> _entries = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(LoggedRequest entry)
    {
        _entries.Enqueue(entry with { Body = Redact(entry.Body) });
        _counts.AddOrUpdate(entry.Operation ?? "(unknown)", 1, (_, count) => count + 1);
        while (_entries.Count > CAPACITY && _entries.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<LoggedRequest> Entries() => _entries.ToArray();

    public IReadOnlyDictionary<string, int> Counts() => new Dictionary<string, int>(_counts);

    public void Clear()
    {
        _entries.Clear();
        _counts.Clear();
    }

    /// <summary>Card number to first 6 / last 4; CVC, expiry, password, GUID and hash input removed.</summary>
    public static string Redact(string body)
    {
        if (string.IsNullOrEmpty(body))
            return body;

        var redacted = CardNumber().Replace(body, match =>
        {
            var digits = match.Groups[2].Value;
            var masked = digits.Length >= 10 ? digits[..6] + new string('*', digits.Length - 10) + digits[^4..] : new string('*', digits.Length);
            return match.Groups[1].Value + masked + match.Groups[3].Value;
        });

        return Secret().Replace(redacted, match => match.Groups[1].Value + "***" + match.Groups[3].Value);
    }

    [GeneratedRegex(@"(<(?:\w+:)?KK_No>)(\d*)(</)")]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"(<(?:\w+:)?(?:KK_CVC|KK_SK_Ay|KK_SK_Yil|CLIENT_PASSWORD|GUID|Data)>)([^<]*)(</)")]
    private static partial Regex Secret();
}

/// <summary>One received request.</summary>
public sealed record LoggedRequest(DateTimeOffset At, string Operation, string SoapAction, string Body, int Status, string Outcome);
