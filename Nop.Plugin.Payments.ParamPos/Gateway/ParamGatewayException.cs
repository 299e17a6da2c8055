namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// An infrastructure failure of a gateway call: no usable Param answer. Bank declines and negative Sonuc values are
/// not exceptions; they are results carrying a <see cref="ParamError"/>.
/// </summary>
public sealed class ParamGatewayException : Exception
{
    public ParamGatewayException(ParamFailureKind kind, string operation, string message, bool outcomeUnknown,
        int? httpStatus = null, string faultCode = null, string rawResponse = null, Exception innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Operation = operation;
        OutcomeUnknown = outcomeUnknown;
        HttpStatus = httpStatus;
        FaultCode = faultCode;
        RawResponse = rawResponse;
    }

    /// <summary>Gets what went wrong.</summary>
    public ParamFailureKind Kind { get; }

    /// <summary>Gets the SOAP operation (e.g. TP_WMD_Pay).</summary>
    public string Operation { get; }

    /// <summary>
    /// Gets a value indicating whether Param may have acted on the request (it was sent and no answer was read).
    /// A money-moving call with an unknown outcome must be settled by a status query, never retried blindly.
    /// </summary>
    public bool OutcomeUnknown { get; }

    /// <summary>Gets the HTTP status of the answer, if one arrived.</summary>
    public int? HttpStatus { get; }

    /// <summary>Gets the SOAP faultcode, for <see cref="ParamFailureKind.SoapFault"/>.</summary>
    public string FaultCode { get; }

    /// <summary>Gets the start of the answer's body, redacted, for diagnostics.</summary>
    public string RawResponse { get; }
}
