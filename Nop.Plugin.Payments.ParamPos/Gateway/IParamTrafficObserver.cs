namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Receives every exchange with the service, already redacted. The gateway never logs by itself; the plugin decides
/// what to keep (TransactionLogDetail).
/// </summary>
public interface IParamTrafficObserver
{
    void OnExchange(ParamExchange exchange);
}

/// <summary>
/// One request/response pair, redacted (card data, password and GUID removed).
/// </summary>
/// <param name="Operation">SOAP operation.</param>
/// <param name="Attempt">1 for the first try; queries may be retried.</param>
/// <param name="Request">Redacted request envelope.</param>
/// <param name="Response">Redacted response body, or null when none arrived.</param>
/// <param name="HttpStatus">HTTP status, or null when none arrived.</param>
/// <param name="Duration">Time to the end of the response.</param>
/// <param name="Failure">What failed, or null for a readable answer.</param>
public sealed record ParamExchange(string Operation, int Attempt, string Request, string Response, int? HttpStatus, TimeSpan Duration, ParamFailureKind? Failure);
