using System.Collections.Concurrent;
using System.Reflection;

namespace ParamPos.Benchmarks;

/// <summary>
/// Counts the plugin's calls into nopCommerce's services (and what each call allocates on the calling thread and its time), by
/// standing a proxy in front of each: how much of a sale's cost is the host's, and how often the plugin asks it.
/// </summary>
public class HostCallMeter : DispatchProxy
{
    public static readonly ConcurrentDictionary<string, (long Calls, long Bytes, long Ticks)> Totals = new(StringComparer.Ordinal);

    public static bool Enabled { get; set; }

    /// <summary>Calls, bytes and time in the host's services since the last call.</summary>
    public static (long Calls, long Bytes, TimeSpan Time) Take()
    {
        var totals = Totals.ToArray();
        Totals.Clear();

        return (totals.Sum(pair => pair.Value.Calls), totals.Sum(pair => pair.Value.Bytes), System.Diagnostics.Stopwatch.GetElapsedTime(0, totals.Sum(pair => pair.Value.Ticks)));
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

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var before = GC.GetAllocatedBytesForCurrentThread();
        await work();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        var ticks = System.Diagnostics.Stopwatch.GetTimestamp() - started;
        Totals.AddOrUpdate(name, (1, bytes, ticks), (_, sum) => (sum.Calls + 1, sum.Bytes + bytes, sum.Ticks + ticks));
    }

    protected override object Invoke(MethodInfo targetMethod, object[] args)
    {
        if (!Enabled)
            return Call(targetMethod, args);

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Call(targetMethod, args);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        var ticks = System.Diagnostics.Stopwatch.GetTimestamp() - started;
        Totals.AddOrUpdate($"{_service}.{targetMethod.Name}", (1, bytes, ticks), (_, sum) => (sum.Calls + 1, sum.Bytes + bytes, sum.Ticks + ticks));

        return result;
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
}
