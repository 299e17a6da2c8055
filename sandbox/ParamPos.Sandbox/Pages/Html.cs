using System.Net;
using System.Text;

namespace ParamPos.Sandbox.Pages;

/// <summary>Small HTML helpers; every value written into a page goes through <see cref="E"/>.</summary>
public static class Html
{
    public static string E(object value)
    {
        return WebUtility.HtmlEncode(value?.ToString() ?? string.Empty);
    }

    public static string Page(string title, string body, string extraHead = "")
    {
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}}</title>
            <style>
              body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; background: #f4f6fb; color: #1b2433; }
              header { background: #0b3d91; color: #fff; padding: 14px 24px; }
              header a { color: #ffca28; }
              main { max-width: 980px; margin: 24px auto; padding: 0 16px; }
              .card { background: #fff; border-radius: 10px; box-shadow: 0 1px 4px rgba(0,0,0,.08); padding: 20px 24px; margin-bottom: 20px; }
              table { border-collapse: collapse; width: 100%; font-size: 14px; }
              th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e3e7ef; vertical-align: top; }
              code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
              pre { white-space: pre-wrap; word-break: break-all; background: #f7f8fb; padding: 8px; border-radius: 6px; }
              button { font-size: 16px; padding: 10px 22px; border-radius: 8px; border: 0; cursor: pointer; margin-right: 10px; }
              .approve { background: #2e7d32; color: #fff; }
              .decline { background: #c62828; color: #fff; }
              .muted { color: #5b6578; }
              label { display: block; margin: 12px 0 4px; font-weight: 600; }
              input[type=password] { font-size: 16px; padding: 8px; border: 1px solid #b9c2d3; border-radius: 6px; width: 220px; }
            </style>
            {{extraHead}}
            </head>
            <body>
            <header><strong>ParamPOS sandbox</strong> · a local stand-in for Param's test service · <a href="/">home</a> · <a href="/sandbox/requests">requests</a> · <a href="/sandbox/transactions">transactions</a></header>
            <main>
            {{body}}
            </main>
            </body>
            </html>
            """;
    }

    /// <summary>A page whose form posts the given fields to <paramref name="url"/> on load (how a bank returns to the merchant).</summary>
    public static string AutoPost(string url, IEnumerable<KeyValuePair<string, string>> fields, string message)
    {
        var inputs = new StringBuilder();
        foreach (var (name, value) in fields)
            inputs.Append($"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(value)}\">\n");

        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Returning to the store</title></head>
            <body onload="document.forms[0].submit();">
            <form method="POST" action="{E(url)}">
            {inputs}<p>{E(message)}</p>
            <button type="submit">Return to the store</button>
            </form>
            </body></html>
            """;
    }
}
