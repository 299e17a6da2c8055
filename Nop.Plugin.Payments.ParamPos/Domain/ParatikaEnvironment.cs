namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// Which Paratika API the store talks to (OPEN-QUESTIONS B1: entegrasyon is the test host, vpos production).
/// </summary>
public enum ParatikaEnvironment
{
    /// <summary>Paratika's integration (test) service, entegrasyon.paratika.com.tr.</summary>
    Test = 0,

    /// <summary>Paratika's production service, vpos.paratika.com.tr, https only.</summary>
    Production = 10,

    /// <summary>Any other API URL, e.g. the local sandbox.</summary>
    Custom = 20
}
