namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// The end-customer rates of one card program (a row of TP_Ozel_Oran_SK_Liste).
/// </summary>
public sealed class CardProgramRates
{
    /// <summary>Gets the card program id (SanalPOS_ID) the BIN lookup returns.</summary>
    public int PosId { get; init; }

    /// <summary>Gets the program's name (Kredi_Karti_Banka: Axess, Bonus, …).</summary>
    public string Name { get; init; }

    /// <summary>Gets the program's logo URL.</summary>
    public string LogoUrl { get; init; }

    /// <summary>Gets the commission rates in percent for 1…12 installments, as sent (negative = not offered).</summary>
    public IReadOnlyDictionary<int, decimal> Rates { get; init; } = new Dictionary<int, decimal>();

    /// <summary>
    /// Gets the rate for an installment count, or null when the program does not offer it (missing, -1 or -2).
    /// </summary>
    public decimal? RateFor(int installments)
    {
        return Rates.TryGetValue(installments, out var rate) && rate >= 0m ? rate : null;
    }
}

/// <summary>
/// What TP_Ozel_Oran_SK_Liste answered.
/// </summary>
public sealed class InstallmentRatesResult
{
    /// <summary>Gets the programs, empty on failure.</summary>
    public IReadOnlyList<CardProgramRates> Programs { get; init; } = [];

    /// <summary>Gets why it failed, or null.</summary>
    public ParamError Error { get; init; }
}
