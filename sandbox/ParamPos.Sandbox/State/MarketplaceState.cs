namespace ParamPos.Sandbox.State;

/// <summary>What the sandbox's marketplace remembers: its sellers and the seller lines declared for payments.</summary>
public sealed class MarketplaceState
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SandboxSeller> _sellers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SandboxShare> _shares = new(StringComparer.OrdinalIgnoreCase);

    public T Locked<T>(Func<T> action)
    {
        lock (_gate)
            return action();
    }

    public void AddSeller(SandboxSeller seller) => _sellers[seller.Guid] = seller;

    public SandboxSeller Seller(string guid) => guid is not null && _sellers.TryGetValue(guid.Trim(), out var seller) && !seller.Deleted ? seller : null;

    public SandboxSeller SellerByIdentity(string identityNumber) => _sellers.Values.FirstOrDefault(seller => !seller.Deleted && seller.IdentityNumber == identityNumber);

    public void AddShare(SandboxShare share) => _shares[share.Guid] = share;

    public SandboxShare Share(string guid) => guid is not null && _shares.TryGetValue(guid.Trim(), out var share) ? share : null;

    public IReadOnlyList<SandboxShare> Shares() => _shares.Values.OrderBy(share => share.CreatedAt).ToList();

    public IReadOnlyList<SandboxSeller> Sellers()
    {
        lock (_gate)
            return _sellers.Values.Where(seller => !seller.Deleted).ToList();
    }

    public IReadOnlyList<SandboxShare> AllShares()
    {
        lock (_gate)
            return Shares();
    }
}

/// <summary>A registered seller (sub-merchant).</summary>
public sealed class SandboxSeller
{
    public string Guid { get; init; }
    public int Type { get; init; }
    public string IdentityNumber { get; init; }
    public string Name { get; set; }
    public string Iban { get; set; }
    public string IbanHolder { get; set; }
    public string Mobile { get; set; }
    public bool Deleted { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A seller line of a payment (PYSiparis_GUID).</summary>
public sealed class SandboxShare
{
    public string Guid { get; init; }
    public long PaymentTransactionId { get; init; }
    public string OrderId { get; init; }
    public string SellerGuid { get; init; }
    public decimal ProductAmount { get; set; }
    public decimal PayableAmount { get; set; }

    /// <summary>0 awaiting approval, 1 approved, -1 cancelled (order only), 12 cancelled, 13 refunded.</summary>
    public int Status { get; set; }

    public int BusinessDay { get; init; }
    public int? PayoutDay { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public string StatusText => Status switch { 0 => "Onay Bekliyor", 1 => "Onaylandı", -1 => "İptal", 12 => "İptal edildi", 13 => "İade edildi", _ => "?" };
}
