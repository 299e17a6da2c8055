using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Nop.Plugin.Payments.ParamPos.Gateway;

namespace Nop.Plugin.Payments.ParamPos.Paratika;

/// <summary>
/// Paratika API v2 over a pooled HttpClient (Paratika.md): a form POST per ACTION with the merchant's API user, a JSON
/// answer read case-insensitively. Each call is sent once; what failed is a <see cref="ParatikaException"/> saying
/// whether Paratika may have acted on it.
/// </summary>
public class ParatikaClient
{
    /// <summary>The most of an answer read: Paratika's largest answers (a transaction list) are a few kilobytes.</summary>
    public const int MAX_RESPONSE_BYTES = 1024 * 1024;

    private static readonly string[] NotFoundCodes = ["ERR10030", "ERR10034"];

    private readonly HttpClient _httpClient;

    public ParatikaClient(HttpClient httpClient)
    {
        _httpClient = httpClient;
        _httpClient.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>
    /// Opens a payment session for the hosted page
    /// </summary>
    public virtual async Task<ParatikaSession> CreateSessionAsync(ParatikaSessionRequest request, ParatikaCallContext context, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync("SESSIONTOKEN", SessionFields(request, context.Credentials), context, cancellationToken);

        var (code, message, error) = Envelope(answer);

        return new ParatikaSession { ResponseCode = code, ResponseMessage = message, Error = error, SessionToken = Text(answer, "sessionToken") };
    }

    /// <summary>
    /// Reads every transaction of a MERCHANTPAYMENTID; "not found" is an empty list
    /// </summary>
    public virtual async Task<ParatikaTransactions> QueryTransactionAsync(string merchantPaymentId, ParatikaCallContext context, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync("QUERYTRANSACTION", [Field("MERCHANTPAYMENTID", merchantPaymentId)], context, cancellationToken);
        var list = Value(answer, "transactionList") as JArray ?? [];
        var rows = list.OfType<JObject>().Select(row => new ParatikaTransaction(Text(row, "pgTranId"), Text(row, "transactionType"), Text(row, "transactionStatus"),
            Amount(row, "amount"), Text(row, "currency"), int.TryParse(Text(row, "installmentCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var installments) ? installments : 1,
            Text(row, "panLast4"), Text(row, "bin"), Text(row, "timeCreated"))).ToList();

        var (code, message, error) = Envelope(answer);

        // Paratika answers an id it has no transaction for with an error: for the plugin that is an empty history.
        return NotFoundCodes.Contains(error?.Code)
            ? new ParatikaTransactions { ResponseCode = "00", ResponseMessage = message, Transactions = [] }
            : new ParatikaTransactions { ResponseCode = code, ResponseMessage = message, Error = error, Transactions = rows };
    }

    /// <summary>
    /// Refunds (part of) a settled sale (REFUND; a smaller AMOUNT is a partial refund)
    /// </summary>
    public virtual async Task<ParatikaReversal> RefundAsync(string pgTranId, decimal amount, string currency, ParatikaCallContext context, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync("REFUND", [Field("PGTRANID", pgTranId), Field("AMOUNT", ParatikaAmount.Format(amount)), Field("CURRENCY", currency)], context, cancellationToken);

        return Reversal(answer);
    }

    /// <summary>
    /// Voids a sale of the current business day (VOID; always the whole amount)
    /// </summary>
    public virtual async Task<ParatikaReversal> VoidAsync(string pgTranId, ParatikaCallContext context, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync("VOID", [Field("PGTRANID", pgTranId)], context, cancellationToken);

        return Reversal(answer);
    }

    private static ParatikaReversal Reversal(JObject answer)
    {
        var (code, message, error) = Envelope(answer);

        return new ParatikaReversal { ResponseCode = code, ResponseMessage = message, Error = error, PgTranId = Text(answer, "pgTranId") };
    }

    /// <summary>
    /// The fields of a session request, in the order of Paratika.md §4.4 (the order is not significant to Paratika)
    /// </summary>
    public static List<KeyValuePair<string, string>> SessionFields(ParatikaSessionRequest request, ParatikaCredentials credentials)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            Field("SESSIONTYPE", "PAYMENTSESSION"),
            Field("MERCHANTPAYMENTID", request.MerchantPaymentId),
            Field("AMOUNT", ParatikaAmount.Format(request.Amount)),
            Field("CURRENCY", request.Currency),
            Field("CUSTOMER", request.CustomerId)
        };
        AddIfPresent(fields, "CUSTOMERNAME", request.CustomerName);
        AddIfPresent(fields, "CUSTOMEREMAIL", request.CustomerEmail);
        AddIfPresent(fields, "CUSTOMERPHONE", request.CustomerPhone);
        AddIfPresent(fields, "CUSTOMERIP", request.CustomerIp);
        fields.Add(Field("RETURNURL", request.ReturnUrl));
        if (request.Items.Count > 0)
            fields.Add(Field("ORDERITEMS", ParatikaOrderItems.Encode(request.Items)));
        AddIfPresent(fields, "LANGUAGE", request.Language);

        return fields;
    }

    /// <summary>
    /// The whole body of a request: ACTION, the credentials, then the action's fields, form-encoded
    /// </summary>
    public static FormUrlEncodedContent Body(string action, IEnumerable<KeyValuePair<string, string>> fields, ParatikaCredentials credentials)
    {
        var all = new List<KeyValuePair<string, string>>
        {
            Field("ACTION", action),
            Field("MERCHANT", credentials.Merchant),
            Field("MERCHANTUSER", credentials.MerchantUser),
            Field("MERCHANTPASSWORD", credentials.MerchantPassword)
        };
        all.AddRange(fields);

        return new FormUrlEncodedContent(all);
    }

    private async Task<JObject> SendAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, ParatikaCallContext context, CancellationToken cancellationToken)
    {
        if (context.Credentials is null || !context.Credentials.IsComplete)
            throw new ParatikaException(ParatikaFailureKind.Configuration, action, $"{action}: the Paratika credentials are incomplete.", outcomeUnknown: false);
        var problem = context.ApiUrl is null ? "no API URL." : ParatikaEndpoint.CustomUrlProblem(context.ApiUrl.ToString());
        if (problem is not null)
            throw new ParatikaException(ParatikaFailureKind.Configuration, action, $"{action}: {problem}", outcomeUnknown: false);

        var stopwatch = Stopwatch.StartNew();
        int? status = null;
        JObject answer = null;
        ParatikaFailureKind? failure = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(context.Timeout <= TimeSpan.Zero ? TimeSpan.FromSeconds(30) : context.Timeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, context.ApiUrl) { Content = Body(action, fields, context.Credentials) };

            HttpResponseMessage response;
            try
            {
                response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                failure = ParatikaFailureKind.Timeout;
                throw new ParatikaException(ParatikaFailureKind.Timeout, action, $"{action}: no answer within {context.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s.", true, innerException: exception);
            }
            catch (HttpRequestException exception)
            {
                failure = ParatikaFailureKind.Transport;
                var neverSent = exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError;
                throw new ParatikaException(ParatikaFailureKind.Transport, action, $"{action}: the connection to {context.ApiUrl.Host} failed ({exception.HttpRequestError}).", !neverSent, innerException: exception);
            }

            using (response)
            {
                status = (int)response.StatusCode;
                string body;
                try
                {
                    body = await ReadLimitedAsync(response.Content, timeout.Token);
                }
                catch (Exception exception) when (exception is OperationCanceledException or HttpRequestException or InvalidDataException && !cancellationToken.IsCancellationRequested)
                {
                    failure = exception is OperationCanceledException ? ParatikaFailureKind.Timeout : ParatikaFailureKind.InvalidResponse;
                    throw new ParatikaException(failure.Value, action, $"{action}: the answer could not be read ({exception.GetType().Name}).", true, status, exception);
                }

                answer = Parse(body);
                if (answer is null || Value(answer, "responseCode") is null)
                {
                    failure = status is >= 200 and < 300 ? ParatikaFailureKind.InvalidResponse : ParatikaFailureKind.HttpStatus;
                    throw new ParatikaException(failure.Value, action, $"{action}: HTTP {status} without Paratika's JSON answer.", outcomeUnknown: true, status);
                }

                return answer;
            }
        }
        finally
        {
            stopwatch.Stop();
            context.Observer?.Invoke(new ParatikaExchange(action, status, stopwatch.Elapsed, answer is null ? null : Text(answer, "responseCode"),
                answer is null ? null : Text(answer, "errorCode"), failure));
        }
    }

    private static Task<string> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        return BoundedContent.ReadTextAsync(content, MAX_RESPONSE_BYTES, "the answer is larger than any Paratika answer.",
            (buffer, length) => System.Text.Encoding.UTF8.GetString(buffer, 0, length), cancellationToken);
    }

    private static JObject Parse(string body)
    {
        var text = body?.TrimStart();
        if (string.IsNullOrEmpty(text) || text[0] != '{')
            return null;

        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 32 };
            return JObject.Load(reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (string Code, string Message, ParatikaError Error) Envelope(JObject answer)
    {
        var code = Text(answer, "responseCode");
        var error = code == "00" ? null : new ParatikaError(Text(answer, "errorCode"), Text(answer, "errorMsg") ?? Text(answer, "responseMsg"), Text(answer, "violatorParam"),
            Text(answer, "pgTranErrorCode"), Text(answer, "pgTranErrorText"));

        return (code, Text(answer, "responseMsg"), error);
    }

    private static JToken Value(JObject json, string name) => json.GetValue(name, StringComparison.OrdinalIgnoreCase);

    private static string Text(JObject json, string name) => Value(json, name) is { Type: not JTokenType.Null } token ? token.ToString() : null;

    private static decimal Amount(JObject json, string name)
    {
        return Value(json, name) switch
        {
            JValue { Type: JTokenType.Float or JTokenType.Integer } number => Convert.ToDecimal(number.Value, CultureInfo.InvariantCulture),
            JValue { Type: JTokenType.String } text when decimal.TryParse((string)text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) => amount,
            _ => 0m
        };
    }

    private static void AddIfPresent(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            fields.Add(Field(name, value));
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value ?? string.Empty);
}
