using System.Globalization;

namespace Nop.Plugin.Payments.ParamPos.Paratika;

/// <summary>
/// Paratika's amounts: major units with a dot and two decimals ("120.50"), never a thousands separator (Paratika.md §2.2).
/// </summary>
public static class ParatikaAmount
{
    /// <summary>
    /// Formats an amount (rounded to the kuruş away from zero, as every amount the plugin charges)
    /// </summary>
    public static string Format(decimal amount)
    {
        return Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
