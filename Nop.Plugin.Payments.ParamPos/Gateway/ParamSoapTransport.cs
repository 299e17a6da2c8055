using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Sends one TurkPos operation as SOAP 1.1 over a pooled HttpClient and returns the operation's response element:
/// checks the call's context, sends a payment call once and retries a read-only query on transient failures, bounds
/// what it reads, classifies every failure as a <see cref="ParamGatewayException"/>, and reports each exchange to the
/// call's observer.
/// </summary>
public class ParamSoapTransport
{
    private readonly HttpClient _httpClient;
    private readonly ParamClientOptions _options;

    public ParamSoapTransport(HttpClient httpClient, ParamClientOptions options)
    {
        _httpClient = httpClient;
        _options = options ?? new ParamClientOptions();

        // Per-call timeouts come from ParamCallContext; the client-wide timeout must not cut them short.
        _httpClient.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>
    /// Sends one operation and reads its answer. A query is retried on transient failures; a payment call is sent exactly once.
    /// </summary>
    /// <param name="operation">SOAP operation</param>
    /// <param name="body">The request body</param>
    /// <param name="context">Credentials, endpoint, timeout, observer</param>
    /// <param name="isQuery">Whether the operation only reads (and may be retried)</param>
    /// <param name="read">Turns the response element into the result (a failure there is an invalid response)</param>
    /// <param name="cancellationToken">Caller cancellation</param>
    public virtual Task<TResult> SendAsync<TRequest, TResult>(string operation, TRequest body, ParamCallContext context, bool isQuery,
        Func<XElement, TResult> read, CancellationToken cancellationToken)
    {
        var serviceNamespace = ParamSoapCodec.NamespaceOf(typeof(TRequest));

        return SendAsync(operation, body, serviceNamespace, context, isQuery,
            (status, contentType, answer) => read(ParamSoapCodec.ReadPayload(operation, status, contentType, answer, serviceNamespace)), cancellationToken);
    }

    /// <summary>
    /// Sends one operation and reads its answer into the operation's response message (an ordinary answer straight,
    /// without an XML tree). A query is retried on transient failures; a payment call is sent exactly once.
    /// </summary>
    /// <param name="operation">SOAP operation</param>
    /// <param name="body">The request body</param>
    /// <param name="context">Credentials, endpoint, timeout, observer</param>
    /// <param name="isQuery">Whether the operation only reads (and may be retried)</param>
    /// <param name="read">Turns the response message into the result (a failure there is an invalid response)</param>
    /// <param name="cancellationToken">Caller cancellation</param>
    public virtual Task<TResult> SendAsync<TRequest, TResponse, TResult>(string operation, TRequest body, ParamCallContext context, bool isQuery,
        Func<TResponse, TResult> read, CancellationToken cancellationToken)
    {
        var serviceNamespace = ParamSoapCodec.NamespaceOf(typeof(TRequest));

        return SendAsync(operation, body, serviceNamespace, context, isQuery,
            (status, contentType, answer) => read(ParamSoapCodec.ReadResponse<TResponse>(operation, status, contentType, answer, serviceNamespace)), cancellationToken);
    }

    private async Task<TResult> SendAsync<TRequest, TResult>(string operation, TRequest body, string serviceNamespace, ParamCallContext context, bool isQuery,
        Func<int, string, string, TResult> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Credentials is null || !context.Credentials.IsComplete)
            throw new ParamGatewayException(ParamFailureKind.Configuration, operation, $"{operation}: the ParamPOS credentials are incomplete.", outcomeUnknown: false);
        if (context.ServiceUrl is null || !context.ServiceUrl.IsAbsoluteUri)
            throw new ParamGatewayException(ParamFailureKind.Configuration, operation, $"{operation}: no service URL.", outcomeUnknown: false);
        if (context.ServiceUrl.Host.EndsWith("param.com.tr", StringComparison.OrdinalIgnoreCase) && context.ServiceUrl.Scheme != Uri.UriSchemeHttps)
            throw new ParamGatewayException(ParamFailureKind.Configuration, operation, $"{operation}: Param's services are https only.", outcomeUnknown: false);

        var payload = ParamSoapCodec.WriteRequest(body);
        var attempts = isQuery ? 1 + Math.Max(0, _options.QueryRetries) : 1;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(operation, serviceNamespace, payload, context, attempt, read, cancellationToken);
            }
            catch (ParamGatewayException exception) when (attempt < attempts && IsTransient(exception))
            {
                await Task.Delay(_options.RetryDelay(attempt), cancellationToken);
            }
        }
    }

    private async Task<TResult> SendOnceAsync<TResult>(string operation, string serviceNamespace, byte[] payload, ParamCallContext context, int attempt, Func<int, string, string, TResult> read,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        int? status = null;
        string responseBody = null;
        ParamFailureKind? failure = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(context.Timeout <= TimeSpan.Zero ? ParamCallContext.DefaultTimeout : context.Timeout);

            using var request = new HttpRequestMessage(HttpMethod.Post, context.ServiceUrl);
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation("SOAPAction", ParamSoap.ActionHeader(operation, serviceNamespace));

            HttpResponseMessage response;
            try
            {
                response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                failure = ParamFailureKind.Timeout;
                throw new ParamGatewayException(ParamFailureKind.Timeout, operation, Invariant($"{operation}: no answer within {context.Timeout.TotalSeconds:0.#} s."),
                    outcomeUnknown: true, innerException: exception);
            }
            catch (HttpRequestException exception)
            {
                failure = ParamFailureKind.Transport;
                var neverSent = exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError;
                throw new ParamGatewayException(ParamFailureKind.Transport, operation, $"{operation}: the connection to {context.ServiceUrl.Host} failed ({exception.HttpRequestError}).",
                    outcomeUnknown: !neverSent, innerException: exception);
            }

            using (response)
            {
                status = (int)response.StatusCode;
                try
                {
                    responseBody = await ReadLimitedAsync(response.Content, timeout.Token);
                }
                catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = ParamFailureKind.Timeout;
                    throw new ParamGatewayException(ParamFailureKind.Timeout, operation, Invariant($"{operation}: the answer did not arrive within {context.Timeout.TotalSeconds:0.#} s."),
                        outcomeUnknown: true, status, innerException: exception);
                }
                catch (HttpRequestException exception)
                {
                    failure = ParamFailureKind.Transport;
                    throw new ParamGatewayException(ParamFailureKind.Transport, operation, $"{operation}: the answer was cut off ({exception.HttpRequestError}).",
                        outcomeUnknown: true, status, innerException: exception);
                }
                catch (InvalidDataException exception)
                {
                    failure = ParamFailureKind.InvalidResponse;
                    throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation, $"{operation}: {exception.Message}", outcomeUnknown: true, status, innerException: exception);
                }

                try
                {
                    return read(status.Value, response.Content.Headers.ContentType?.MediaType, responseBody);
                }
                catch (ParamGatewayException exception)
                {
                    failure = exception.Kind;
                    throw;
                }
            }
        }
        finally
        {
            stopwatch.Stop();
            context.Observer?.OnExchange(new ParamExchange(operation, attempt, payload, responseBody, context.Credentials.Secrets, status, stopwatch.Elapsed, failure));
        }
    }

    /// <summary>
    /// Reads the answer (bounded: no TurkPos answer comes near the limit) and decodes it with its charset
    /// </summary>
    private static Task<string> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        const string TOO_LARGE = "the answer is larger than any TurkPos response.";
        var charset = content.Headers.ContentType?.CharSet;
        Encoding encoding;
        try
        {
            // Code pages (iso-8859-9, windows-1254) come from their provider: .NET has only the Unicode ones built in.
            encoding = string.IsNullOrEmpty(charset) ? Encoding.UTF8
                : CodePagesEncodingProvider.Instance.GetEncoding(charset.Trim('"')) ?? Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
        }

        return BoundedContent.ReadTextAsync(content, ParamSoapCodec.MAX_RESPONSE_CHARACTERS * 4L, TOO_LARGE, (buffer, length) =>
        {
            var text = Decode(buffer.AsSpan(0, length), encoding);

            return text.Length > ParamSoapCodec.MAX_RESPONSE_CHARACTERS ? throw new InvalidDataException(TOO_LARGE) : text;
        }, cancellationToken);
    }

    /// <summary>A byte order mark wins over the declared charset, as a StreamReader would have it.</summary>
    private static string Decode(ReadOnlySpan<byte> bytes, Encoding declared)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);

        return declared.GetString(bytes);
    }

    private static bool IsTransient(ParamGatewayException exception)
    {
        return exception.Kind switch
        {
            ParamFailureKind.Transport or ParamFailureKind.Timeout or ParamFailureKind.InvalidResponse => true,
            ParamFailureKind.HttpStatus => exception.HttpStatus is >= 500 or 408 or 429,
            _ => false
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
