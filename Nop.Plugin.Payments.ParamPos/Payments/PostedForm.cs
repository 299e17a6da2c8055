using Microsoft.AspNetCore.Http;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// What may be logged of an unverified POST: at most a few field names, shortened, never values. A crafted POST with
/// thousands of long names must not flood the log.
/// </summary>
public static class PostedForm
{
    private const int MAX_LOGGED_FIELDS = 12;
    private const int MAX_LOGGED_FIELD_NAME = 40;

    /// <summary>
    /// Gets the names of the posted fields, bounded
    /// </summary>
    public static string FieldNames(IFormCollection form)
    {
        var names = form.Keys.Take(MAX_LOGGED_FIELDS).Select(name => name.Length <= MAX_LOGGED_FIELD_NAME ? name : name[..MAX_LOGGED_FIELD_NAME] + "…");
        var more = form.Count > MAX_LOGGED_FIELDS ? $" and {form.Count - MAX_LOGGED_FIELDS} more" : string.Empty;

        return string.Join(", ", names) + more;
    }
}
