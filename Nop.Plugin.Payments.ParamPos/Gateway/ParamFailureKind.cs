namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Why a gateway call did not produce a Param answer.
/// </summary>
public enum ParamFailureKind
{
    /// <summary>The endpoint or credentials are unusable before anything is sent (e.g. http for production).</summary>
    Configuration,

    /// <summary>The connection failed (refused, reset, DNS, TLS).</summary>
    Transport,

    /// <summary>No answer within the configured timeout.</summary>
    Timeout,

    /// <summary>An HTTP error status without a SOAP fault (e.g. 500 with an HTML error page, 404, 503).</summary>
    HttpStatus,

    /// <summary>The service answered with a SOAP fault (a malformed request, a server exception).</summary>
    SoapFault,

    /// <summary>The answer is not the expected SOAP response (HTML, malformed XML, wrong element, unreadable value).</summary>
    InvalidResponse
}
