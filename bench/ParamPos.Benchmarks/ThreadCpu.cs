using System.Runtime.InteropServices;

namespace ParamPos.Benchmarks;

/// <summary>
/// The CPU time the current thread has used (Linux: CLOCK_THREAD_CPUTIME_ID): unlike wall time, it does not grow while
/// the thread waits for a core on a busy machine. Null where the clock is not available.
/// </summary>
public static class ThreadCpu
{
    private const int CLOCK_THREAD_CPUTIME_ID = 3;

    public static readonly bool Available = OperatingSystem.IsLinux() && Probe();

    /// <summary>The calling thread's CPU time, in ticks of 100 ns (0 where the clock is not available).</summary>
    public static long Now()
    {
        if (!Available || clock_gettime(CLOCK_THREAD_CPUTIME_ID, out var time) != 0)
            return 0;

        return time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100;
    }

    private static bool Probe()
    {
        try
        {
            return clock_gettime(CLOCK_THREAD_CPUTIME_ID, out _) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
