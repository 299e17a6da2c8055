namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Param answered a read-only call (rates, BIN) with an error, e.g. wrong credentials. Thrown inside cached lookups so
/// the failure is not cached.
/// </summary>
public sealed class ParamRefusedException : Exception
{
    public ParamRefusedException(ParamError error) : base(error.ToString())
    {
        Error = error;
    }

    /// <summary>Gets Param's error.</summary>
    public ParamError Error { get; }
}
