using System.Globalization;

namespace ParamPos.Sandbox.State;

/// <summary>The cards stored with KS_Kart_Ekle, by token (KS_GUID).</summary>
public sealed class CardStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SandboxStoredCard> _cards = new(StringComparer.OrdinalIgnoreCase);
    private int _nextRowId = 1000;

    public SandboxStoredCard Add(string number, string holder, string month, string year, string label, string cardReference, DateTimeOffset now)
    {
        var card = new SandboxStoredCard
        {
            RowId = Interlocked.Increment(ref _nextRowId),
            Token = Guid.NewGuid().ToString(),
            Number = number,
            Holder = holder,
            Month = month,
            Year = year,
            Label = label,
            CardReference = cardReference,
            StoredOn = now
        };
        lock (_gate)
            _cards[card.Token] = card;

        return card;
    }

    public SandboxStoredCard Find(string token)
    {
        lock (_gate)
            return token is not null && _cards.TryGetValue(token, out var card) ? card : null;
    }

    public bool Remove(string token)
    {
        lock (_gate)
            return _cards.Remove(token);
    }

    public IReadOnlyList<SandboxStoredCard> All()
    {
        lock (_gate)
            return _cards.Values.OrderBy(card => card.RowId).ToList();
    }
}

/// <summary>A card stored at the sandbox's card storage.</summary>
public sealed class SandboxStoredCard
{
    public int RowId { get; init; }
    public string Token { get; init; }
    public string Number { get; init; }
    public string Holder { get; init; }
    public string Month { get; init; }
    public string Year { get; init; }
    public string Label { get; init; }
    public string CardReference { get; init; }
    public DateTimeOffset StoredOn { get; init; }

    public string MaskedNumber => Number[..6] + new string('*', Number.Length - 10) + Number[^4..];

    public string RowIdText => RowId.ToString(CultureInfo.InvariantCulture);
}
