namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// A row of BIN_SanalPos: which card program a BIN belongs to.
/// </summary>
public sealed class BinInfo
{
    /// <summary>Gets the BIN.</summary>
    public string Bin { get; init; }

    /// <summary>Gets the card program id (SanalPOS_ID) that keys the rate table.</summary>
    public int PosId { get; init; }

    /// <summary>Gets the issuing bank (Kart_Banka).</summary>
    public string BankName { get; init; }

    /// <summary>Gets the card type text as sent (Kart_Tip: "Kredi Kartı", "Credit Card", "Debit Card", …).</summary>
    public string CardType { get; init; }

    /// <summary>Gets the scheme (Kart_Org: VISA, MASTER CARD, …).</summary>
    public string Scheme { get; init; }

    /// <summary>Gets the brand or program name (Kart_Marka).</summary>
    public string Brand { get; init; }

    /// <summary>Gets the bank code.</summary>
    public string BankCode { get; init; }

    /// <summary>Gets a value indicating whether it is a commercial card (Kart_Ticari = Evet).</summary>
    public bool IsCommercial { get; init; }

    /// <summary>Gets the DKK column as sent; its meaning is disputed (OPEN-QUESTIONS A9), so it is never interpreted.</summary>
    public int? Dkk { get; init; }

    /// <summary>
    /// Gets a value indicating whether the card is a debit (or prepaid) card, from Kart_Tip. Debit cards pay in one installment.
    /// </summary>
    public bool IsDebit => CardType is not null
        && (CardType.Contains("Debit", StringComparison.OrdinalIgnoreCase)
            || CardType.Contains("Banka Kart", StringComparison.OrdinalIgnoreCase)
            || CardType.Contains("Prepaid", StringComparison.OrdinalIgnoreCase)
            || CardType.Contains("Ön Ödemeli", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// What BIN_SanalPos answered.
/// </summary>
public sealed class BinLookupResult
{
    /// <summary>Gets the card's program, or null when Param does not know the BIN.</summary>
    public BinInfo Card { get; init; }

    /// <summary>Gets why the call failed, or null (an unknown BIN is not a failure).</summary>
    public ParamError Error { get; init; }
}

/// <summary>
/// What BIN_SanalPos answered when asked for every BIN (an empty BIN).
/// </summary>
public sealed class BinTableResult
{
    /// <summary>Gets every row Param sent.</summary>
    public IReadOnlyList<BinInfo> Cards { get; init; } = [];

    /// <summary>Gets why the call failed, or null.</summary>
    public ParamError Error { get; init; }
}
