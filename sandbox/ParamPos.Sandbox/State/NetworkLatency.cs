namespace ParamPos.Sandbox.State;

/// <summary>
/// A simulated network and gateway delay added to every call of Param's and Paratika's services and of the external BIN
/// service stand-in (benchmarks: what a shopper waits for when each round trip costs this much). Zero by default.
/// </summary>
public sealed class NetworkLatency
{
    private int _milliseconds;

    public NetworkLatency(SandboxOptions options)
    {
        _milliseconds = Math.Max(0, options.LatencyMilliseconds);
    }

    public int Milliseconds
    {
        get => Volatile.Read(ref _milliseconds);
        set => Volatile.Write(ref _milliseconds, Math.Max(0, value));
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var milliseconds = Milliseconds;

        return milliseconds == 0 ? Task.CompletedTask : Task.Delay(milliseconds, cancellationToken);
    }
}
