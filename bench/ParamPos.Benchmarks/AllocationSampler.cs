using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace ParamPos.Benchmarks;

/// <summary>
/// Samples allocations by type with the runtime's GCAllocationTick events (one per ~100 KB allocated), to say where a
/// sale's bytes go: a statistical profile, no call stacks.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    public bool Recording { get; set; }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (!Recording || data.EventName is null || !data.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || data.Payload is null)
            return;

        var type = data.PayloadNames!.IndexOf("TypeName") is var typeIndex and >= 0 ? data.Payload[typeIndex]?.ToString() ?? "?" : "?";
        var amount = data.PayloadNames.IndexOf("AllocationAmount64") is var amountIndex and >= 0 ? Convert.ToInt64(data.Payload[amountIndex]) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }

    public IEnumerable<(string Type, long Bytes)> Top(int count) =>
        _bytes.OrderByDescending(pair => pair.Value).Take(count).Select(pair => (pair.Key, pair.Value));
}
