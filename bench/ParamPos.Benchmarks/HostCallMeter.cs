using System.Collections.Concurrent;
using System.Reflection;

namespace ParamPos.Benchmarks;

/// <summary>
/// Counts the plugin's calls into nopCommerce's services (and what each call allocates on the calling thread), by
/// standing a proxy in front of each: how much of a sale's cost is the host's, and how often the plugin asks it.
/// </summary>
public class HostCallMeter : DispatchProxy
{
    public static readonly ConcurrentDictionary<string, (long Calls, long Bytes)> Totals = new(StringComparer.Ordinal);

    public static bool Enabled { get; set; }

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

    protected override object Invoke(MethodInfo targetMethod, object[] args)
    {
        if (!Enabled)
            return Call(targetMethod, args);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Call(targetMethod, args);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Totals.AddOrUpdate($"{_service}.{targetMethod.Name}", (1, bytes), (_, sum) => (sum.Calls + 1, sum.Bytes + bytes));

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
