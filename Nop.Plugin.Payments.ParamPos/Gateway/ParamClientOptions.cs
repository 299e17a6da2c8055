namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Client-wide behaviour. Payment calls are never retried; only read-only queries are.
/// </summary>
public sealed class ParamClientOptions
{
    /// <summary>Gets or sets how many times a failed query (rates, BIN, status) is retried after the first try.</summary>
    public int QueryRetries { get; set; } = 2;

    /// <summary>Gets or sets the wait before retry n (1-based): 250 ms, 1 s, 2.25 s… Tests set it to zero.</summary>
    public Func<int, TimeSpan> RetryDelay { get; set; } = attempt => TimeSpan.FromMilliseconds(250 * attempt * attempt);
}
