namespace Nop.Plugin.Payments.ParamPos.Paratika;

/// <summary>
/// Per-call settings: whose credentials, which API, how long to wait, who hears of each exchange.
/// </summary>
public sealed record ParatikaCallContext(ParatikaCredentials Credentials, Uri ApiUrl, TimeSpan Timeout, Action<ParatikaExchange> Observer = null);

/// <summary>
/// One exchange with Paratika, for the log: no body (it carries the password and the shopper's details), only what
/// happened.
/// </summary>
public sealed record ParatikaExchange(string Action, int? HttpStatus, TimeSpan Duration, string ResponseCode, string ErrorCode, ParatikaFailureKind? Failure);

/// <summary>
/// A payment session for the hosted page (SESSIONTOKEN, SESSIONTYPE=PAYMENTSESSION; Paratika.md §4.1).
/// </summary>
public sealed class ParatikaSessionRequest
{
    /// <summary>Gets or sets MERCHANTPAYMENTID: unique per attempt.</summary>
    public string MerchantPaymentId { get; init; }

    public decimal Amount { get; init; }
    public string Currency { get; init; }

    /// <summary>Gets or sets CUSTOMER: the store's customer id, echoed in the return POST and hashed.</summary>
    public string CustomerId { get; init; }

    public string CustomerName { get; init; }
    public string CustomerEmail { get; init; }
    public string CustomerPhone { get; init; }
    public string CustomerIp { get; init; }
    public string ReturnUrl { get; init; }

    /// <summary>Gets or sets the order's lines; their amounts add up to <see cref="Amount"/> exactly.</summary>
    public IReadOnlyList<ParatikaOrderItem> Items { get; init; } = [];

    /// <summary>Gets or sets the hosted page's language ("tr", "en"), or null for Paratika's default.</summary>
    public string Language { get; init; }
}
