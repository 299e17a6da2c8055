namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// How much of the gateway traffic goes to the nopCommerce log. Whatever the level, card data, passwords and the
/// merchant GUID are redacted first.
/// </summary>
public enum TransactionLogDetail
{
    /// <summary>Only failures, as one line each.</summary>
    ErrorsOnly = 0,

    /// <summary>Every call with its outcome.</summary>
    Summary = 10,

    /// <summary>Every request and response body, redacted. For troubleshooting only.</summary>
    FullRedacted = 20
}
