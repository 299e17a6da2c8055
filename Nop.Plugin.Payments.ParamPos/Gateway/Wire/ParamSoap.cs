namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

/// <summary>
/// SOAP constants of the TurkPos service (ParamPOS.md §2.1).
/// </summary>
public static class ParamSoap
{
    /// <summary>Target namespace (https, trailing slash).</summary>
    public const string NAMESPACE = "https://turkpos.com.tr/";

    /// <summary>Target namespace of the card-storage (KS) service, a separate ASMX service (ParamPOS-more.md §17).</summary>
    public const string CARD_STORAGE_NAMESPACE = "https://turkpara.com.tr/";

    /// <summary>SOAP 1.1 envelope namespace.</summary>
    public const string ENVELOPE_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";

    /// <summary>The SOAPAction header value of an operation of a service, quoted as ASMX expects.</summary>
    public static string ActionHeader(string operation, string serviceNamespace = NAMESPACE)
    {
        return $"\"{serviceNamespace}{operation}\"";
    }
}
