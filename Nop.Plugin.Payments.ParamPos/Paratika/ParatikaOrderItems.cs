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
