using System.Text;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// The only path from wire data to logs, notes and diagnostics. Card numbers keep their first 6 and last 4 digits;
/// CVC, expiry, password, merchant GUID and the SHA2B64 input are removed; hashes, MD values and stored-card tokens are shortened;
/// the bank's 3-D page is reduced to its size. Any other Luhn-valid card-like number is masked as well.
/// </summary>
public static partial class ParamRedactor
{
    private const string REMOVED = "***";

    /// <summary>
    /// Masks a card number to its first 6 and last 4 digits ("454671******7894").
    /// </summary>
    public static string MaskCardNumber(string cardNumber)
    {
        if (string.IsNullOrEmpty(cardNumber))
            return string.Empty;

        var digits = new string(cardNumber.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 11)
            return new string('*', digits.Length);

        return digits[..6] + new string('*', digits.Length - 10) + digits[^4..];
    }

    /// <summary>
    /// Redacts a SOAP request or response body. <paramref name="secrets"/> (password, GUID) are also scrubbed wherever
    /// they appear, whatever the element.
    /// </summary>
    public static string RedactXml(string xml, IEnumerable<string> secrets = null)
    {
        if (string.IsNullOrEmpty(xml))
            return xml ?? string.Empty;

        var redacted = SensitiveElement().Replace(xml, match =>
        {
            var name = match.Groups["name"].Value;
            var localName = name.Contains(':') ? name[(name.IndexOf(':') + 1)..] : name;
            var value = match.Groups["value"].Value;

            return $"<{name}{match.Groups["attributes"].Value}>{RedactValue(localName, value)}</{name}>";
        });

        return Scrub(redacted, secrets);
    }

    /// <summary>
    /// Redacts posted form fields (e.g. a 3D callback) for a log line or a note.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RedactForm(IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<string> secrets = null)
    {
        var secretList = secrets?.Where(secret => !string.IsNullOrEmpty(secret)).ToList() ?? [];
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
            result[key] = Scrub(RedactValue(FormFieldAsElement(key), value ?? string.Empty), secretList);

        return result;
    }

    /// <summary>
    /// Masks Luhn-valid 13–19 digit numbers and removes the given secrets from free text.
    /// </summary>
    public static string Scrub(string text, IEnumerable<string> secrets = null)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? string.Empty;

        var scrubbed = CardLikeNumber().Replace(text, match => PassesLuhn(match.Value) ? MaskCardNumber(match.Value) : match.Value);
        foreach (var secret in secrets ?? [])
        {
            if (!string.IsNullOrEmpty(secret) && secret.Length >= 3)
                scrubbed = scrubbed.Replace(secret, REMOVED, StringComparison.OrdinalIgnoreCase);
        }

        return scrubbed;
    }

    private static string RedactValue(string localName, string value)
    {
        if (value.Length == 0)
            return value;

        return localName switch
        {
            "KK_No" => MaskCardNumber(value),
            "KK_CVC" or "CVV" or "KK_SK_Ay" or "KK_SK_Yil" or "CLIENT_PASSWORD" or "GUID" or "Data" => REMOVED,
            // A stored card's token pays with the card (with the merchant's credentials): never logged whole.
            "Islem_Hash" or "SHA2B64Result" or "islemHash" or "UCD_MD" or "md" or "KS_GUID" or "KK_GUID" => Shorten(value),
            "KK_Sahibi" => Initials(value),
            "KK_Sahibi_GSM" => value.Length > 4 ? new string('*', value.Length - 4) + value[^4..] : REMOVED,
            "UCD_HTML" when value != ParamResultRules.NON_SECURE_MARKER => $"[bank 3-D page, {value.Length} characters]",
            _ => value
        };
    }

    private static string FormFieldAsElement(string key)
    {
        return key switch
        {
            "islemHash" or "md" => key,
            _ when key.Contains("CardNumber", StringComparison.OrdinalIgnoreCase) => "KK_No",
            _ when key.Contains("Cvv", StringComparison.OrdinalIgnoreCase) || key.Contains("Cvc", StringComparison.OrdinalIgnoreCase) => "KK_CVC",
            _ => key
        };
    }

    private static string Shorten(string value)
    {
        return value.Length <= 8 ? REMOVED : value[..6] + "…";
    }

    private static string Initials(string name)
    {
        var builder = new StringBuilder();
        foreach (var part in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            builder.Append(part[0]).Append(". ");

        return builder.ToString().TrimEnd();
    }

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var index = digits.Length - 1; index >= 0; index--)
        {
            var digit = digits[index] - '0';
            if (doubleIt)
            {
                digit *= 2;
                if (digit > 9)
                    digit -= 9;
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"<(?<name>(?:[\w.-]+:)?(?:KK_No|KK_CVC|CVV|KK_SK_Ay|KK_SK_Yil|CLIENT_PASSWORD|GUID|KS_GUID|KK_GUID|Data|Islem_Hash|SHA2B64Result|UCD_MD|UCD_HTML|KK_Sahibi|KK_Sahibi_GSM))(?<attributes>\s[^>]*)?>(?<value>[^<]*)</\k<name>>", RegexOptions.CultureInvariant)]
    private static partial Regex SensitiveElement();

    [GeneratedRegex(@"(?<!\d)\d{13,19}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CardLikeNumber();
}
