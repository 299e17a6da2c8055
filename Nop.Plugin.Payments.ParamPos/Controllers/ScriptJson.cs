using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Nop.Plugin.Payments.ParamPos.Controllers;

/// <summary>
/// JSON for the plugin's own scripts, always in the camelCase shape they read. Controller.Json would follow the host's
/// serializer settings, and nopCommerce's keep .NET's PascalCase names.
/// </summary>
public static class ScriptJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ContentResult Result(object value) => new()
    {
        Content = JsonSerializer.Serialize(value, value.GetType(), Options),
        ContentType = "application/json; charset=utf-8",
        StatusCode = 200
    };
}
