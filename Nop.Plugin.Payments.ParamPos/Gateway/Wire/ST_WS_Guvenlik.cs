using System.Xml.Serialization;

namespace Nop.Plugin.Payments.ParamPos.Gateway.Wire;

/// <summary>The security object G sent with every call.</summary>
[XmlType(Namespace = ParamSoap.NAMESPACE)]
public sealed class ST_WS_Guvenlik
{
    /// <summary>Terminal number.</summary>
    [XmlElement(Order = 1)] public string CLIENT_CODE { get; set; }

    /// <summary>API user name.</summary>
    [XmlElement(Order = 2)] public string CLIENT_USERNAME { get; set; }

    /// <summary>API password.</summary>
    [XmlElement(Order = 3)] public string CLIENT_PASSWORD { get; set; }
}
