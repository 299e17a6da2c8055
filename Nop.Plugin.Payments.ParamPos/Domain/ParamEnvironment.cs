namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// Which TurkPos service the store talks to.
/// </summary>
public enum ParamEnvironment
{
    /// <summary>Param's test service (testposws.param.com.tr).</summary>
    Test = 0,

    /// <summary>Param's production service (posws.param.com.tr), https only.</summary>
    Production = 10,

    /// <summary>Any other service URL, e.g. the local sandbox.</summary>
    Custom = 20
}
