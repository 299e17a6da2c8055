using System.Globalization;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// The only code that formats or parses money for Param, always from and to <see cref="decimal"/>, whatever the
/// server's culture (ParamPOS.md §4):
/// payment strings use a decimal comma with exactly two places and no grouping ("1000,50": Islem_Tutar, Toplam_Tutar,
/// Prov_Tutar, callback transactionAmount), xs:double fields use a dot ("10.01": the refund Tutar, query results).
/// </summary>
public static partial class ParamAmount
{
    private static readonly NumberFormatInfo CommaFormat = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "" };

    /// <summary>
    /// Formats a payment amount: "1000,50".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or has more than two decimal places.</exception>
    public static string FormatPayment(decimal amount)
    {
        EnsureWireAmount(amount);

        return amount.ToString("0.00", CommaFormat);
    }

    /// <summary>
    /// Formats an xs:double amount (the refund/cancel Tutar): "10.01".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or has more than two decimal places.</exception>
    public static string FormatDouble(decimal amount)
    {
        EnsureWireAmount(amount);

        return amount.ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Parses a payment amount in comma form, as Param posts it back ("10,01"; a grouped "1.000,01" is accepted too).
    /// </summary>
    public static bool TryParsePayment(string text, out decimal amount)
    {
        amount = 0m;
        if (string.IsNullOrWhiteSpace(text) || !CommaAmountPattern().IsMatch(text.Trim()))
            return false;

        var plain = text.Trim().Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');

        return decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    /// <summary>
    /// Parses an xs:double amount as Param returns it in query results ("10.01", "0", "1.75").
    /// </summary>
    public static bool TryParseDouble(string text, out decimal amount)
    {
        amount = 0m;
        if (string.IsNullOrWhiteSpace(text))
            return false;

        return decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out amount);
    }

    /// <summary>
    /// Rounds to kuruş the way every amount in this plugin is rounded: half away from zero (OPEN-QUESTIONS A2).
    /// </summary>
    public static decimal RoundToKurus(decimal amount)
    {
        return Math.Round(amount, 2, MidpointRounding.AwayFromZero);
    }

    private static void EnsureWireAmount(decimal amount)
    {
        if (amount < 0m)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Param amounts cannot be negative.");
        if (decimal.Round(amount, 2) != amount)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Param amounts have at most two decimal places; round to kuruş first.");
    }

    [GeneratedRegex(@"^(\d+|\d{1,3}(\.\d{3})+),\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommaAmountPattern();
}
