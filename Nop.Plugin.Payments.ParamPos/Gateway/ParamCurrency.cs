namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// The currencies TP_Islem_Odeme_WD takes (Doviz_Kodu, ParamPOS.md §8.13) and how TURKPOS_RETVAL_PB names them
/// (ParamPOS-more.md §19.3: TL or TRL for the lira).
/// </summary>
public static class ParamCurrency
{
    private static readonly Dictionary<string, int> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TRY"] = 1000,
        ["USD"] = 1001,
        ["EUR"] = 1002,
        ["GBP"] = 1003
    };

    /// <summary>Gets the foreign currencies Param takes payments in (ISO codes).</summary>
    public static IReadOnlyList<string> Foreign { get; } = ["USD", "EUR", "GBP"];

    /// <summary>
    /// Gets Doviz_Kodu of an ISO currency code, or null when Param takes no payment in it
    /// </summary>
    public static int? DovizKodu(string isoCode)
    {
        return isoCode is not null && Codes.TryGetValue(isoCode, out var code) ? code : null;
    }

    /// <summary>
    /// Gets the ISO code of a TURKPOS_RETVAL_PB value ("TL", "TRL", "USD"…), or null when unknown
    /// </summary>
    public static string FromPb(string pb)
    {
        return pb?.Trim().ToUpperInvariant() switch
        {
            "TL" or "TRL" or "TRY" => "TRY",
            "USD" => "USD",
            "EUR" => "EUR",
            "GBP" => "GBP",
            _ => null
        };
    }
}
