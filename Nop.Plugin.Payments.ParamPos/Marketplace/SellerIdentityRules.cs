using System.Globalization;

namespace Nop.Plugin.Payments.ParamPos.Marketplace;

/// <summary>
/// The checks a seller's legal data must pass before it is sent to Param's marketplace service (Pazaryeri.md §2.1,
/// §5.3): Turkish IBAN (TR + 24 digits, ISO 13616 mod-97), T.C. kimlik no (11 digits with its two check digits),
/// vergi kimlik no (10 digits with its check digit), mobile (5XXXXXXXXX), dates (dd.MM.yyyy). Pure; no I/O.
/// </summary>
public static class SellerIdentityRules
{
    /// <summary>
    /// Gets an IBAN in Param's form (no spaces, upper case), or null when it is not a valid Turkish IBAN
    /// </summary>
    public static string NormalizeIban(string iban)
    {
        var compact = new string((iban ?? string.Empty).Where(character => !char.IsWhiteSpace(character)).ToArray()).ToUpperInvariant();
        if (compact.Length != 26 || !compact.StartsWith("TR", StringComparison.Ordinal) || !compact[2..].All(char.IsAsciiDigit))
            return null;

        // ISO 13616: the first four characters moved to the end, letters as 10–35, the number mod 97 is 1.
        var remainder = 0;
        foreach (var character in compact[4..] + compact[..4])
        {
            var value = char.IsAsciiDigit(character) ? character - '0' : character - 'A' + 10;
            remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
        }

        return remainder == 1 ? compact : null;
    }

    /// <summary>
    /// Gets whether a T.C. kimlik numarası is well formed: 11 digits, not starting with 0, both check digits right
    /// </summary>
    public static bool IsTckn(string value)
    {
        if (value is not { Length: 11 } || !value.All(char.IsAsciiDigit) || value[0] == '0')
            return false;

        var digits = value.Select(character => character - '0').ToArray();
        var odd = digits[0] + digits[2] + digits[4] + digits[6] + digits[8];
        var even = digits[1] + digits[3] + digits[5] + digits[7];
        var tenth = ((odd * 7 - even) % 10 + 10) % 10;

        return tenth == digits[9] && digits.Take(10).Sum() % 10 == digits[10];
    }

    /// <summary>
    /// Gets whether a vergi kimlik numarası is well formed: 10 digits, its last one the check digit of the first nine
    /// </summary>
    public static bool IsVkn(string value)
    {
        if (value is not { Length: 10 } || !value.All(char.IsAsciiDigit))
            return false;

        var sum = 0;
        for (var index = 0; index < 9; index++)
        {
            var shifted = (value[index] - '0' + 9 - index) % 10;
            var weighted = shifted * (1 << (9 - index)) % 9;
            sum += shifted != 0 && weighted == 0 ? 9 : weighted;
        }

        return (10 - sum % 10) % 10 == value[9] - '0';
    }

    /// <summary>
    /// Gets a mobile number as Param wants it (5XXXXXXXXX), or null
    /// </summary>
    public static string NormalizeMobile(string phone)
    {
        var digits = new string((phone ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 12 && digits.StartsWith("90", StringComparison.Ordinal))
            digits = digits[2..];
        else if (digits.Length == 11 && digits[0] == '0')
            digits = digits[1..];

        return digits.Length == 10 && digits[0] == '5' ? digits : null;
    }

    /// <summary>
    /// Formats a date as Param's dd.MM.yyyy
    /// </summary>
    public static string FormatDate(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
