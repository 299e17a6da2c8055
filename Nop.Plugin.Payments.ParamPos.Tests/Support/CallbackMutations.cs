using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>
/// Generates mutations of a genuine gateway POST, each of which changes at least one field the gateway signs (or that
/// names the order), so that none may be believed: dropped, duplicated, truncated, emptied, huge, wrongly encoded,
/// control characters, another order's value, another order's signature, and floods of junk fields. Seeded, so a
/// failing mutation can be replayed.
/// </summary>
public sealed class CallbackMutations
{
    private static readonly string[] Kinds =
    [
        "drop", "duplicate", "truncate", "empty", "huge", "latin1", "percent", "control", "unicode", "whitespace", "case", "other-order-value", "other-order-hash",
        "junk-fields", "random"
    ];

    private readonly Random _random;
    private readonly IReadOnlyDictionary<string, string> _genuine;
    private readonly IReadOnlyDictionary<string, string> _other;
    private readonly IReadOnlyList<string> _signed;
    private readonly string _hashField;
    private readonly bool _hexHash;

    /// <param name="seed">The random seed</param>
    /// <param name="genuine">The genuine POST of the order under attack</param>
    /// <param name="other">The genuine POST of another order</param>
    /// <param name="signed">The fields the gateway signs or that name the order (at least one changes in every mutation)</param>
    /// <param name="hashField">The signature's field</param>
    /// <param name="hexHash">Whether the signature is hexadecimal, compared without regard to case (then its case is no mutation)</param>
    public CallbackMutations(int seed, IReadOnlyDictionary<string, string> genuine, IReadOnlyDictionary<string, string> other, IReadOnlyList<string> signed, string hashField,
        bool hexHash = false)
    {
        _hexHash = hexHash;
        _random = new Random(seed);
        _genuine = genuine;
        _other = other;
        _signed = signed;
        _hashField = hashField;
    }

    /// <summary>Gets the mutations, each with a description of what was changed.</summary>
    public IEnumerable<(string Description, IFormCollection Form)> Take(int count)
    {
        for (var index = 0; index < count; index++)
        {
            var kind = Kinds[index % Kinds.Length];
            // Dropping or repeating an empty field changes nothing it means (a missing field reads as empty).
            var candidates = kind is "drop" or "duplicate" ? _signed.Where(name => !string.IsNullOrEmpty(_genuine[name])).ToList() : _signed;
            var field = candidates[_random.Next(candidates.Count)];
            var fields = _genuine.ToDictionary(pair => pair.Key, pair => new StringValues(pair.Value));
            var description = $"#{index} {kind} {field}";
            switch (kind)
            {
                case "drop":
                    foreach (var dropped in candidates.Where(_ => _random.Next(3) == 0).Append(field))
                        fields.Remove(dropped);
                    break;
                case "duplicate":
                    fields[field] = new StringValues([_genuine[field], _random.Next(2) == 0 ? _genuine[field] : Noise(8)]);
                    break;
                case "truncate":
                    fields[field] = Changed(field, _genuine[field][..(_genuine[field].Length == 0 ? 0 : _random.Next(_genuine[field].Length))]);
                    break;
                case "empty":
                    fields[field] = Changed(field, string.Empty);
                    break;
                case "huge":
                    fields[field] = Changed(field, _genuine[field] + new string('9', 64 * 1024 + _random.Next(1024)));
                    break;
                case "latin1":
                    fields[field] = Changed(field, Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(_genuine[field] + "ışğüöçİ")));
                    break;
                case "percent":
                    fields[field] = Changed(field, Uri.EscapeDataString(_genuine[field]) + "%ZZ%");
                    break;
                case "control":
                    fields[field] = Changed(field, _genuine[field].Insert(_random.Next(_genuine[field].Length + 1), "\0\r\n\u001b"));
                    break;
                case "unicode":
                    fields[field] = Changed(field, "\uFEFF" + _genuine[field] + "\u202E\uD83D\uDCB3");
                    break;
                case "whitespace":
                    fields[field] = Changed(field, "  " + _genuine[field] + "\t");
                    break;
                case "case":
                    fields[field] = Changed(field, _hexHash && field == _hashField ? _genuine[field] + "0" : Flip(_genuine[field]));
                    break;
                case "other-order-value":
                    fields[field] = Changed(field, _other.TryGetValue(field, out var value) ? value : Noise(12));
                    break;
                case "other-order-hash":
                    fields[_hashField] = Changed(_hashField, _other[_hashField]);
                    break;
                case "junk-fields":
                    for (var junk = 0; junk < 2000; junk++)
                        fields[$"junk_{junk}_{new string('x', 200)}"] = Noise(20);
                    fields[field] = Changed(field, Noise(16));
                    break;
                default:
                    fields[field] = Changed(field, Noise(_random.Next(1, 200)));
                    break;
            }

            yield return (description, new FormCollection(fields));
        }
    }

    /// <summary>A value that differs from the genuine one (a mutation that changes nothing would be the genuine POST).</summary>
    private StringValues Changed(string field, string candidate)
    {
        return candidate == _genuine[field] ? candidate + Noise(1) : candidate;
    }

    private string Noise(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=-_.,;:!?<>\"'&%$#@ ışğüöçİ";
        var builder = new StringBuilder(length);
        for (var index = 0; index < length; index++)
            builder.Append(alphabet[_random.Next(alphabet.Length)]);

        return builder.ToString();
    }

    private static string Flip(string value)
    {
        var flipped = new string(value.Select(character => char.IsUpper(character) ? char.ToLowerInvariant(character) : char.ToUpperInvariant(character)).ToArray());

        return flipped == value ? value + "A" : flipped;
    }
}
