using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nop.Plugin.Payments.ParamPos.Paratika;

/// <summary>
/// One line of ORDERITEMS (Paratika.md §4.2): quantity is always 1 and the amount is the line's total, because no source
/// says whether Paratika multiplies the amount by the quantity (OPEN-QUESTIONS B7).
/// </summary>
public sealed record ParatikaOrderItem(string Code, string Name, string Description, decimal Amount);

/// <summary>
/// Writes ORDERITEMS: a JSON array, URL-encoded once here and once more by the form encoding of the request, as
/// Paratika expects (Paratika.md §2.3).
/// </summary>
public static class ParatikaOrderItems
{
    /// <summary>
    /// Makes lines add up to the amount exactly, as Paratika requires (ERR10022): amounts are rounded to the kuruş; what
    /// the amount has above the lines (tax not in them, rounding) becomes one more line; what it has below them
    /// (discounts, gift cards, reward points) is taken off the lines, largest first, never below zero, because no source
    /// says whether Paratika accepts a negative line. Lines left at zero are dropped.
    /// </summary>
    /// <param name="lines">The order's lines</param>
    /// <param name="amount">The amount charged</param>
    /// <param name="extraLine">Code, name and description of the line that carries an amount above the lines</param>
    public static IReadOnlyList<ParatikaOrderItem> Balance(IEnumerable<ParatikaOrderItem> lines, decimal amount, (string Code, string Name, string Description) extraLine)
    {
        var items = lines.Select(line => line with { Amount = Math.Round(line.Amount, 2, MidpointRounding.AwayFromZero) }).Where(line => line.Amount > 0m).ToList();
        var difference = Math.Round(amount, 2, MidpointRounding.AwayFromZero) - items.Sum(line => line.Amount);
        if (difference > 0m)
            items.Add(new ParatikaOrderItem(extraLine.Code, extraLine.Name, extraLine.Description, difference));

        foreach (var index in Enumerable.Range(0, items.Count).OrderByDescending(index => items[index].Amount).ToList())
        {
            if (difference >= 0m)
                break;

            var taken = Math.Min(items[index].Amount, -difference);
            items[index] = items[index] with { Amount = items[index].Amount - taken };
            difference += taken;
        }

        return items.Where(line => line.Amount > 0m).ToList();
    }

    /// <summary>
    /// Gets the items as JSON text ([{"code":…,"name":…,"description":…,"quantity":1,"amount":"100.00"},…])
    /// </summary>
    public static string Json(IEnumerable<ParatikaOrderItem> items)
    {
        var array = new JArray(items.Select(item => new JObject
        {
            ["code"] = item.Code ?? string.Empty,
            ["name"] = item.Name ?? string.Empty,
            ["description"] = item.Description ?? string.Empty,
            ["quantity"] = 1,
            ["amount"] = ParatikaAmount.Format(item.Amount)
        }));

        return array.ToString(Formatting.None);
    }

    /// <summary>
    /// Gets the value of the ORDERITEMS parameter: the JSON, URL-encoded once (the form encoding adds the second layer)
    /// </summary>
    public static string Encode(IEnumerable<ParatikaOrderItem> items)
    {
        return Uri.EscapeDataString(Json(items));
    }
}
