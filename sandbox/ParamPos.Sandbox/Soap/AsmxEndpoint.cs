using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using ParamPos.Sandbox.Faults;
using ParamPos.Sandbox.Operations;
using ParamPos.Sandbox.State;

namespace ParamPos.Sandbox.Soap;

/// <summary>
/// A service endpoint, behaving like Param's ASMX services: routes by SOAPAction (or, without it, by the body
/// element), validates every request against the service's schema, answers faults the way ASMX does. One serves TurkPos
/// (its WSDL), another the card-storage (KS) service (its own schema and namespace).
/// </summary>
public sealed class AsmxEndpoint
{
    private const int MAX_REQUEST_CHARACTERS = 1024 * 1024;

    private readonly AsmxService _service;
    private readonly FaultPlan _faults;
    private readonly RequestLog _log;
    private readonly NetworkLatency _latency;

    public AsmxEndpoint(AsmxService service, FaultPlan faults, RequestLog log, NetworkLatency latency)
    {
        _service = service;
        _faults = faults;
        _log = log;
        _latency = latency;
    }

    public async Task HandleAsync(HttpContext context)
    {
        await _latency.WaitAsync(context.RequestAborted);
        var request = context.Request;
        var soapNamespace = (request.ContentType ?? string.Empty).Contains("application/soap+xml", StringComparison.OrdinalIgnoreCase)
            ? SoapMessage.SOAP12
            : SoapMessage.SOAP11;
        var soapAction = SoapActionOf(request, soapNamespace);

        string text;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            // Read in chunks up to the limit (a buffer of the limit's size per request would land on the large object heap).
            var builder = new StringBuilder();
            var buffer = new char[16 * 1024];
            int read;
            while ((read = await reader.ReadAsync(buffer, 0, buffer.Length)) > 0)
            {
                builder.Append(buffer, 0, read);
                if (builder.Length > MAX_REQUEST_CHARACTERS)
                {
                    await FaultAsync(context, soapNamespace, "Client", "Server was unable to read request. ---> The request is too large.", null, null, string.Empty);
                    return;
                }
            }

            text = builder.ToString();
        }

        var document = SoapMessage.TryParse(text, out var parseError);
        var body = document?.Root?.Element(XName.Get("Body", soapNamespace));
        if (document is null || document.Root!.Name != XName.Get("Envelope", soapNamespace) || body is null)
        {
            var reason = parseError ?? "the request is not a SOAP envelope of the version its Content-Type announces";
            await FaultAsync(context, soapNamespace, "Client", $"Server was unable to read request. ---> There is an error in XML document: {reason}", null, soapAction, text);
            return;
        }

        var payload = body.Elements().FirstOrDefault();
        var operation = soapAction is not null && soapAction.StartsWith(_service.Namespace, StringComparison.Ordinal)
            ? soapAction[_service.Namespace.Length..]
            : soapAction is null ? payload?.Name.LocalName : null;

        if (operation is null || !_service.Operations.Contains(operation))
        {
            await FaultAsync(context, soapNamespace, "Client", $"System.Web.Services.Protocols.SoapException: Server did not recognize the value of HTTP Header SOAPAction: {soapAction ?? payload?.Name.LocalName}.", operation, soapAction, text);
            return;
        }

        if (payload is null || payload.Name != XName.Get(operation, _service.Namespace))
        {
            await FaultAsync(context, soapNamespace, "Client", $"Server was unable to read request. ---> The body element {payload?.Name.ToString() ?? "(none)"} does not match the operation {operation}.", operation, soapAction, text);
            return;
        }

        var errors = _service.Validate(payload);
        if (errors.Count > 0)
        {
            var position = payload is IXmlLineInfo info && info.HasLineInfo() ? $"({info.LineNumber}, {info.LinePosition})" : string.Empty;
            await FaultAsync(context, soapNamespace, "Client", $"Server was unable to read request. ---> There is an error in XML document {position}. ---> {string.Join(" ", errors)}", operation, soapAction, text);
            return;
        }

        if (!_service.Implemented.Contains(operation))
        {
            await FaultAsync(context, soapNamespace, "Server", $"System.Web.Services.Protocols.SoapException: {operation} is not implemented by the ParamPOS sandbox.", operation, soapAction, text);
            return;
        }

        var fault = _faults.Take(operation);
        if (fault?.Mode == FaultMode.Latency)
            await Task.Delay(fault.DelayMilliseconds, context.RequestAborted);

        switch (fault?.Mode)
        {
            // These answers never reach the service: nothing is carried out.
            case FaultMode.Http500:
                Log(operation, soapAction, text, 500, "fault: HTTP 500 (not carried out)");
                context.Response.StatusCode = 500;
                return;
            case FaultMode.HtmlPage:
                Log(operation, soapAction, text, 200, "fault: HTML page (not carried out)");
                await WriteAsync(context, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Bakım çalışması</h1><p>The service is temporarily unavailable.</p></body></html>");
                return;
            case FaultMode.MalformedXml:
                Log(operation, soapAction, text, 200, "fault: malformed XML (not carried out)");
                await WriteAsync(context, 200, ContentType(soapNamespace), $"<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"{soapNamespace}\"><soap:Body><{operation}Response xmlns=\"{_service.Namespace}\"><{operation}Result><Sonuc>1</Sonu");
                return;
            case FaultMode.SoapFault:
                await FaultAsync(context, soapNamespace, "Server", "System.Web.Services.Protocols.SoapException: Server was unable to process request. ---> Sandbox: injected fault.", operation, soapAction, text);
                return;
            case FaultMode.Disconnect:
                Log(operation, soapAction, text, 0, "fault: connection closed (not carried out)");
                context.Abort();
                return;
        }

        var call = new SoapCall(operation, payload, $"{request.Scheme}://{request.Host}", _service.Namespace);
        var result = fault?.Mode == FaultMode.NegativeSonuc
            ? _service.ErrorResult(operation, fault.Sonuc, fault.SonucText ?? $"Sandbox: injected error {fault.Sonuc}.")
            : _service.Handle(call);
        var envelope = SoapMessage.Envelope(soapNamespace, SoapMessage.InNamespace(SoapMessage.Response(operation, result), _service.Namespace));

        if (fault?.Mode == FaultMode.Timeout)
        {
            // Carried out; the answer is held back past the client's timeout: an outcome the client cannot know.
            Log(operation, soapAction, text, 200, $"fault: carried out, answer held {fault.DelayMilliseconds} ms");
            await Task.Delay(fault.DelayMilliseconds, CancellationToken.None);
            await WriteAsync(context, 200, ContentType(soapNamespace), envelope);
            return;
        }

        Log(operation, soapAction, text, 200, fault?.Mode == FaultMode.NegativeSonuc ? $"fault: Sonuc {fault.Sonuc}" : Outcome(result));
        await WriteAsync(context, 200, ContentType(soapNamespace), envelope);
    }

    private static string SoapActionOf(HttpRequest request, string soapNamespace)
    {
        string action = null;
        if (soapNamespace == SoapMessage.SOAP12)
        {
            var contentType = request.ContentType ?? string.Empty;
            var marker = contentType.IndexOf("action=", StringComparison.OrdinalIgnoreCase);
            if (marker >= 0)
                action = contentType[(marker + "action=".Length)..].Split(';')[0];
        }
        else if (request.Headers.TryGetValue("SOAPAction", out var header))
        {
            action = header.ToString();
        }

        action = action?.Trim().Trim('"');

        return string.IsNullOrEmpty(action) ? null : action;
    }

    private static string ContentType(string soapNamespace)
    {
        return soapNamespace == SoapMessage.SOAP12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8";
    }

    private async Task FaultAsync(HttpContext context, string soapNamespace, string code, string message, string operation, string soapAction, string body)
    {
        Log(operation, soapAction, body, 500, "SOAP fault: " + (message.Length > 160 ? message[..160] + "…" : message));
        var contentType = soapNamespace == SoapMessage.SOAP12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8";
        await WriteAsync(context, 500, contentType, SoapMessage.Fault(soapNamespace, code, message));
    }

    private static async Task WriteAsync(HttpContext context, int status, string contentType, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(text, Encoding.UTF8);
    }

    private void Log(string operation, string soapAction, string body, int status, string outcome)
    {
        _log.Add(new LoggedRequest(DateTimeOffset.Now, operation, soapAction, body, status, outcome));
    }

    private static string Outcome(XElement result)
    {
        var sonuc = result.Elements().FirstOrDefault(element => element.Name.LocalName == "Sonuc")?.Value;
        var text = result.Elements().FirstOrDefault(element => element.Name.LocalName is "Sonuc_Str" or "Sonuc_Ack")?.Value;

        return sonuc is null ? "answered" : $"Sonuc {sonuc} {text}".Trim();
    }
}
