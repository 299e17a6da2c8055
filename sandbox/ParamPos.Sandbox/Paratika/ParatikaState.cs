using System.Security.Cryptography;
using ParamPos.Sandbox.State;

namespace ParamPos.Sandbox.Paratika;

/// <summary>A payment session opened by SESSIONTOKEN (Paratika.md §4).</summary>
public sealed class ParatikaSession
{
    public string Token { get; init; }
    public string MerchantPaymentId { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; }
    public string Customer { get; init; }
    public string CustomerName { get; init; }
    public string ReturnUrl { get; init; }
    public IReadOnlyList<(string Name, decimal Amount)> Items { get; init; } = [];

    /// <summary>Open, waiting for the 3-D step, or finalised (paid, declined or cancelled: a token is used once).</summary>
    public string State { get; set; } = "open";

    public string MaskedCard { get; set; }
    public int Installments { get; set; } = 1;
}

/// <summary>One row of the transaction table: a SALE, REFUND, PTREFUND or VOID (Paratika.md §7.3).</summary>
public sealed class ParatikaRow
{
    public string PgTranId { get; init; }
    public string MerchantPaymentId { get; init; }
    public string Type { get; init; }
    public string Status { get; set; }
    public decimal Amount { get; init; }
    public string Currency { get; init; }
    public int Installments { get; init; }
    public string Bin { get; init; }
    public string PanLast4 { get; init; }
    public string Customer { get; init; }
    public int BusinessDay { get; init; }
    public DateTimeOffset Created { get; init; }
    public string ErrorCode { get; init; }
}

/// <summary>The Paratika side's sessions and transactions. The business day is the TurkPos side's (one "close day" for both).</summary>
public sealed class ParatikaState
{
    private const string TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly object _gate = new();
    private readonly Dictionary<string, ParatikaSession> _sessions = new(StringComparer.Ordinal);
    private readonly List<ParatikaRow> _rows = new();
    private readonly Ledger _days;
    private long _nextTransaction = 1_000;

    public ParatikaState(Ledger days)
    {
        _days = days;
    }

    public int BusinessDay => _days.BusinessDay;

    public T Locked<T>(Func<T> action)
    {
        lock (_gate)
            return action();
    }

    public static string NewToken() => RandomNumberGenerator.GetString(TOKEN_ALPHABET, 48);

    /// <summary>A transaction id shaped like Paratika's (yyDDD, four letters, eight digits).</summary>
    public string NewPgTranId(DateTimeOffset now) => $"{now:yy}{now.DayOfYear:000}SBOX{Interlocked.Increment(ref _nextTransaction):00000000}";

    public ParatikaSession Session(string token)
    {
        lock (_gate)
            return token is not null && _sessions.TryGetValue(token, out var session) ? session : null;
    }

    public IReadOnlyList<ParatikaSession> SessionsFor(string merchantPaymentId)
    {
        lock (_gate)
            return _sessions.Values.Where(session => session.MerchantPaymentId == merchantPaymentId).ToList();
    }

    public void Add(ParatikaSession session)
    {
        lock (_gate)
            _sessions[session.Token] = session;
    }

    public void Add(ParatikaRow row)
    {
        lock (_gate)
            _rows.Add(row);
    }

    public IReadOnlyList<ParatikaRow> Rows(Func<ParatikaRow, bool> filter = null)
    {
        lock (_gate)
            return _rows.Where(filter ?? (_ => true)).ToList();
    }
}
