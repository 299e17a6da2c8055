using System.Xml.Linq;

namespace ParamPos.Sandbox.Operations;

/// <summary>One validated SOAP request, as the operation handlers see it.</summary>
public sealed class SoapCall
{
    private readonly XNamespace Tns;

    public SoapCall(string operation, XElement body, string publicBaseUrl, string serviceNamespace = Soap.WsdlSchema.TURKPOS_NAMESPACE)
    {
        Tns = serviceNamespace;
        Operation = operation;
        Body = body;
        PublicBaseUrl = publicBaseUrl.TrimEnd('/');
    }

    public string Operation { get; }

    public XElement Body { get; }

    /// <summary>scheme://host:port of the sandbox as the caller reached it (for the bank page URL).</summary>
    public string PublicBaseUrl { get; }

    /// <summary>The text of a direct child element, or null when absent.</summary>
    public string Field(string name)
    {
        return Body.Element(Tns + name)?.Value;
    }

    /// <summary>The text of a grandchild (e.g. G/CLIENT_CODE).</summary>
    public string Field(string parent, string name)
    {
        return Body.Element(Tns + parent)?.Element(Tns + name)?.Value;
    }
}
