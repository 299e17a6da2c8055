namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

/// <summary>
/// SOAP constants of the TurkPos service (ParamPOS.md §2.1).
/// </summary>
public static class ParamSoap
{
    /// <summary>Target namespace (https, trailing slash).</summary>
    public const string NAMESPACE = "https://turkpos.com.tr/";

    /// <summary>SOAP 1.1 envelope namespace.</summary>
    public const string ENVELOPE_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";

    /// <summary>The SOAPAction header value of an operation, quoted as ASMX expects.</summary>
    public static string ActionHeader(string operation)
    {
        return $"\"{NAMESPACE}{operation}\"";
    }
}
