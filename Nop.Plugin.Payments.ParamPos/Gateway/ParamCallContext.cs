namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Per-call settings: whose credentials, which service, how long to wait, who watches the traffic. Built from the
/// store's settings for each call, so one client serves every store.
/// </summary>
public sealed record ParamCallContext(ParamCredentials Credentials, Uri ServiceUrl, TimeSpan Timeout, IParamTrafficObserver Observer = null)
{
    /// <summary>The default timeout of one call.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
}
