namespace Nop.Plugin.Payments.ParamPos.Paratika;

/// <summary>
/// Why a Paratika call produced no usable answer.
/// </summary>
public enum ParatikaFailureKind
{
    /// <summary>The endpoint or credentials are unusable before anything is sent.</summary>
    Configuration,

    /// <summary>The connection failed (refused, reset, DNS, TLS).</summary>
    Transport,

    /// <summary>No answer within the timeout.</summary>
    Timeout,

    /// <summary>An HTTP error status.</summary>
    HttpStatus,

    /// <summary>The answer is not Paratika's JSON (an HTML page, malformed JSON, no responseCode).</summary>
    InvalidResponse
}

/// <summary>
/// A Paratika call without a usable answer. Declines and errors Paratika answers with are results, not exceptions.
/// </summary>
public sealed class ParatikaException : Exception
{
    public ParatikaException(ParatikaFailureKind kind, string action, string message, bool outcomeUnknown, int? httpStatus = null, Exception innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Action = action;
        OutcomeUnknown = outcomeUnknown;
        HttpStatus = httpStatus;
    }

    /// <summary>Gets what went wrong.</summary>
    public ParatikaFailureKind Kind { get; }

    /// <summary>Gets the ACTION (e.g. REFUND).</summary>
    public string Action { get; }

    /// <summary>Gets a value indicating whether Paratika may have acted on the request (it was sent and no answer was read): settled by QUERYTRANSACTION, never by sending again.</summary>
    public bool OutcomeUnknown { get; }

    /// <summary>Gets the HTTP status of the answer, if one arrived.</summary>
    public int? HttpStatus { get; }
}
