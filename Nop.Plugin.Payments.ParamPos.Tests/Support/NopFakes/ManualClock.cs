namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>A clock tests move by hand (card expiry, reconciliation delays, cache lifetimes).</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now;

    public ManualClock(DateTimeOffset? start = null)
    {
        _now = start ?? DateTimeOffset.UtcNow;
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
