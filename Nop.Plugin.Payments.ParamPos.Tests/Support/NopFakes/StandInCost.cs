using System.Diagnostics;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>
/// What the in-memory stand-ins for nopCommerce's database cost (time and bytes allocated on the calling thread), so a
/// benchmark can tell the plugin's own cost from theirs. Off unless a benchmark turns it on.
/// </summary>
public static class StandInCost
{
    private static long _ticks;
    private static long _bytes;

    public static bool Enabled { get; set; }

    public static Meter Measure() => Enabled ? new Meter(Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread()) : default;

    /// <summary>The time and bytes measured since the last call.</summary>
    public static (TimeSpan Time, long Bytes) Take()
    {
        return (Stopwatch.GetElapsedTime(0, Interlocked.Exchange(ref _ticks, 0)), Interlocked.Exchange(ref _bytes, 0));
    }

    public readonly struct Meter : IDisposable
    {
        private readonly long _startTicks;
        private readonly long _startBytes;

        public Meter(long startTicks, long startBytes)
        {
            _startTicks = startTicks;
            _startBytes = startBytes;
        }

        public void Dispose()
        {
            if (_startTicks == 0)
                return;

            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - _startTicks);
            Interlocked.Add(ref _bytes, GC.GetAllocatedBytesForCurrentThread() - _startBytes);
        }
    }
}
