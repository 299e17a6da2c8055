using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using ParamPos.Sandbox.Faults;
using ParamPos.Sandbox.State;

namespace ParamPos.Sandbox.Paratika;

/// <summary>
/// POST /paratika/api/v2: reads the form (a parameter sent twice is ERR10011), applies an injected fault for the ACTION
/// (the same plan as the TurkPos side), answers JSON with HTTP 200 for business errors (OPEN-QUESTIONS B4), and logs the
/// request with the password removed.
/// </summary>
public sealed partial class ParatikaApiEndpoint
{
    private readonly ParatikaService _service;
    private readonly FaultPlan _faults;
    private readonly RequestLog _log;
    private readonly NetworkLatency _latency;

    public ParatikaApiEndpoint(ParatikaService service, FaultPlan faults, RequestLog log, NetworkLatency latency)
    {
        _service = service;
        _faults = faults;
        _log = log;
        _latency = latency;
    }

    public async Task HandleAsync(HttpContext context)
    {
        await _latency.WaitAsync(context.RequestAborted);
        if (!context.Request.HasFormContentType)
        {
            await WriteAsync(context, 200, ParatikaService.Error("ERR10056", "Invalid API request.").ToJsonString());
            return;
        }

        var form = await context.Request.ReadFormAsync();
        var action = form["ACTION"].ToString();
        var body = string.Join("&", form.Select(field => $"{field.Key}={(field.Key == "MERCHANTPASSWORD" ? "***" : string.Join(",", field.Value.ToArray()))}"));

        if (form.FirstOrDefault(field => field.Value.Count > 1) is { Key: not null } twice)
        {
            await AnswerAsync(context, action, body, ParatikaService.Error("ERR10011", "The same parameter was sent more than once.", twice.Key).ToJsonString());
            return;
        }

        var fault = _faults.Take(action);
        switch (fault?.Mode)
        {
            case FaultMode.Latency:
                await Task.Delay(fault.DelayMilliseconds, context.RequestAborted);
                break;
            case FaultMode.Http500 or FaultMode.SoapFault:
                Log(action, body, 500, "fault: HTTP 500");
                context.Response.StatusCode = 500;
                return;
            case FaultMode.HtmlPage:
                Log(action, body, 200, "fault: HTML page");
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<!DOCTYPE html><html><body><h1>Service Unavailable</h1><p>Maintenance.</p></body></html>");
                return;
            case FaultMode.MalformedXml:
                Log(action, body, 200, "fault: malformed JSON");
                await WriteAsync(context, 200, "{\"responseCode\": \"00\", \"sessionToken\": ");
                return;
            case FaultMode.Disconnect:
                Log(action, body, 0, "fault: disconnect");
                context.Abort();
                return;
        }

        var answer = fault?.Mode == FaultMode.NegativeSonuc
            ? ParatikaService.Error(fault.SonucText is { } code && code.StartsWith("ERR", StringComparison.Ordinal) ? code : "ERR10019", "General error.")
            : _service.Handle(form.ToDictionary(field => field.Key, field => field.Value.ToString()));

        if (fault?.Mode == FaultMode.Timeout)
        {
            Log(action, body, 200, "fault: answer held back");
            await Task.Delay(fault.DelayMilliseconds, context.RequestAborted);
        }

        await AnswerAsync(context, action, body, answer.ToJsonString());
    }

    private async Task AnswerAsync(HttpContext context, string action, string body, string json)
    {
        Log(action, body, 200, ResponseCode().Match(json) is { Success: true } match ? match.Groups[1].Value : "?");
        await WriteAsync(context, 200, json);
    }

    private void Log(string action, string body, int status, string outcome)
    {
        _log.Add(new LoggedRequest(DateTimeOffset.UtcNow, string.IsNullOrEmpty(action) ? "(paratika)" : $"paratika:{action}", null, body, status, outcome));
    }

    private static async Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(json, Encoding.UTF8);
    }

    [GeneratedRegex("\"(?:responseCode|errorCode)\":\"([^\"]*)\"")]
    private static partial Regex ResponseCode();
}
