using System.Text;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Receives every exchange with the service. The gateway never logs by itself; the plugin decides what to keep
/// (TransactionLogDetail).
/// </summary>
public interface IParamTrafficObserver
{
    void OnExchange(ParamExchange exchange);
}

/// <summary>
/// One request/response pair. The bodies are redacted (card data, password and GUID removed) when first read, so a
/// call whose bodies nobody logs costs no redaction; an observer keeps an exchange no longer than its call.
/// </summary>
public sealed class ParamExchange
{
    private readonly Lazy<string> _request;
    private readonly Lazy<string> _response;

    /// <param name="operation">SOAP operation.</param>
    /// <param name="attempt">1 for the first try; queries may be retried.</param>
    /// <param name="requestPayload">The request envelope as sent (UTF-8).</param>
    /// <param name="responseBody">The response body, or null when none arrived.</param>
    /// <param name="secrets">The credentials' secrets, removed from both bodies.</param>
    /// <param name="httpStatus">HTTP status, or null when none arrived.</param>
    /// <param name="duration">Time to the end of the response.</param>
    /// <param name="failure">What failed, or null for a readable answer.</param>
    public ParamExchange(string operation, int attempt, byte[] requestPayload, string responseBody, IEnumerable<string> secrets, int? httpStatus, TimeSpan duration,
        ParamFailureKind? failure)
    {
        Operation = operation;
        Attempt = attempt;
        HttpStatus = httpStatus;
        Duration = duration;
        Failure = failure;
        _request = new Lazy<string>(() => ParamRedactor.RedactXml(Encoding.UTF8.GetString(requestPayload), secrets));
        _response = new Lazy<string>(() => responseBody is null ? null : ParamRedactor.RedactXml(responseBody, secrets));
    }

    /// <summary>Gets the SOAP operation.</summary>
    public string Operation { get; }

    /// <summary>Gets the attempt: 1 for the first try; queries may be retried.</summary>
    public int Attempt { get; }

    /// <summary>Gets the HTTP status, or null when none arrived.</summary>
    public int? HttpStatus { get; }

    /// <summary>Gets the time to the end of the response.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Gets what failed, or null for a readable answer.</summary>
    public ParamFailureKind? Failure { get; }

    /// <summary>Gets the redacted request envelope.</summary>
    public string Request => _request.Value;

    /// <summary>Gets the redacted response body, or null when none arrived.</summary>
    public string Response => _response.Value;
}
