using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace ParamPos.Benchmarks;

/// <summary>
/// Counts the plugin's calls into nopCommerce's services (and what each call allocates on the calling thread and its
/// time), by standing a proxy in front of each: how much of a sale's cost is the host's, and how often the plugin asks
/// it. The meter's own bookkeeping is inside the measured span (billed to the host); what the proxy's generated stub
/// costs before it is <see cref="CalibrateStub"/>. A call's time is its wall time: the stand-ins answer at once, on the
/// calling thread, so it is its CPU time too, and reading the thread's CPU clock (a system call) around each of some
/// 150 calls per sale would cost more than many of the calls.
/// </summary>
public class HostCallMeter : DispatchProxy
{
    private static readonly ConcurrentDictionary<string, Accumulator> Accumulators = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<(Type, MethodInfo), string> CallNames = new();

    public static bool Enabled { get; set; }

    /// <summary>Calls, bytes and time in the host's services since the last call.</summary>
    public static HostCalls Take()
    {
        var sum = default(HostCalls);
        foreach (var (_, calls) in TakeEach())
            sum += calls;

        return sum;
    }

    /// <summary>Calls, bytes and time in the host's services since the last call, per service method.</summary>
    public static List<(string Call, HostCalls Calls)> TakeEach()
    {
        var taken = new List<(string, HostCalls)>();
        foreach (var (name, accumulator) in Accumulators)
        {
            var calls = accumulator.Take();
            if (calls.Calls > 0)
                taken.Add((name, calls));
        }

        return taken;
    }

    private object _target;
    private string _service;

    public static T Wrap<T>(T target) where T : class
    {
        var proxy = Create<T, HostCallMeter>();
        var meter = (HostCallMeter)(object)proxy;
        meter._target = target;
        meter._service = typeof(T).IsGenericType ? $"{typeof(T).Name.Split('`')[0]}<{string.Join(",", typeof(T).GetGenericArguments().Select(type => type.Name))}>" : typeof(T).Name;

        return proxy;
    }

    /// <summary>Measures a piece of nopCommerce's own work that is not a service call (the harness's checkout steps).</summary>
    public static async Task MeasureAsync(string name, Func<Task> work)
    {
        if (!Enabled)
        {
            await work();
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var pauses = GC.GetTotalPauseDuration();
        var before = GC.GetAllocatedBytesForCurrentThread();
        await work();
        Record(name, before, started, pauses);
    }

    protected override object Invoke(MethodInfo targetMethod, object[] args)
    {
        if (!Enabled)
            return Call(targetMethod, args);

        var started = Stopwatch.GetTimestamp();
        var pauses = GC.GetTotalPauseDuration();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Call(targetMethod, args);
        Record(CallNames.GetOrAdd((GetType(), targetMethod), static (key, service) => $"{service}.{key.Item2.Name}", _service), before, started, pauses);

        return result;
    }

    private static void Record(string name, long bytesBefore, long started, TimeSpan pausesBefore)
    {
        var accumulator = Accumulators.GetOrAdd(name, static _ => new Accumulator());
        var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        var pauses = GC.GetTotalPauseDuration() - pausesBefore;
        var elapsed = Stopwatch.GetElapsedTime(started);
        accumulator.Add(new HostCalls(1, bytes, elapsed, pauses));
    }

    private sealed class Accumulator
    {
        private HostCalls _sum;

        public void Add(HostCalls calls)
        {
            lock (this)
                _sum += calls;
        }

        public HostCalls Take()
        {
            lock (this)
            {
                var sum = _sum;
                _sum = default;
                return sum;
            }
        }
    }

    private object Call(MethodInfo method, object[] args)
    {
        try
        {
            return method.Invoke(_target, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }

    /// <summary>
    /// What one metered call costs outside the measured span (the proxy's generated stub: its argument array, boxing),
    /// per call: billed to the caller, so it is taken off the plugin's share.
    /// </summary>
    public static (double Bytes, TimeSpan Cpu, TimeSpan Wall) CalibrateStub()
    {
        const int TIMES = 20_000;
        var probe = Wrap<IProbe>(new Probe());
        var wasEnabled = Enabled;
        Enabled = true;
        for (var index = 0; index < 2_000; index++)
            probe.Call(index, "x");
        Take();

        var started = Stopwatch.GetTimestamp();
        var cpu = ThreadCpu.Now();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var index = 0; index < TIMES; index++)
            probe.Call(index, "x");
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        var cpuTicks = ThreadCpu.Now() - cpu;
        var wall = Stopwatch.GetElapsedTime(started);
        var inside = Take();
        Enabled = wasEnabled;

        return ((bytes - inside.Bytes) / (double)TIMES, (TimeSpan.FromTicks(cpuTicks) - inside.Wall) / TIMES, (wall - inside.Wall) / TIMES);
    }

    public interface IProbe
    {
        Task<int> Call(int number, string text);
    }

    private sealed class Probe : IProbe
    {
        public Task<int> Call(int number, string text) => Task.FromResult(number);
    }
}

/// <summary>
/// Calls into the host, with the bytes they allocated on the calling thread, their time (wall time, which is their CPU
/// time: see <see cref="HostCallMeter"/>) and the garbage collections' pauses in them.
/// </summary>
public readonly record struct HostCalls(long Calls, long Bytes, TimeSpan Wall, TimeSpan GcPauses)
{
    public static HostCalls operator +(HostCalls left, HostCalls right) =>
        new(left.Calls + right.Calls, left.Bytes + right.Bytes, left.Wall + right.Wall, left.GcPauses + right.GcPauses);
}
