using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Usage: AllocationReport <trace.nettrace> <sales in the trace> [cpu]
// Each allocation sample (about every 100 KB) or CPU sample is charged to the first frame, from the leaf, that says
// whose work it is: nopCommerce's stand-ins behind the benchmark's meter, the test harness, the container building
// services (and for whom), or a method of the plugin. Only samples taken inside a shopper's sale count.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: AllocationReport <trace.nettrace> <sales in the trace> [cpu]");
    return 1;
}

const string PLUGIN = "Nop.Plugin.Payments.ParamPos.";
var cpu = args.Length > 2 && args[2] == "cpu";
var sales = double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var unit = cpu ? 1.0 : 1024.0;

using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
var byOwner = new Dictionary<string, double>(StringComparer.Ordinal);
var byType = new Dictionary<string, double>(StringComparer.Ordinal);
double inSales = 0, outside = 0;
foreach (var sample in log.Events)
{
    var tick = sample as GCAllocationTickTraceData;
    if (cpu ? sample.ProviderName != "Microsoft-DotNETCore-SampleProfiler" : tick is null)
        continue;

    var frames = new List<string>();
    for (var frame = sample.CallStack(); frame is not null; frame = frame.Caller)
        frames.Add(frame.CodeAddress.FullMethodName ?? string.Empty);
    if (!frames.Any(name => name.Contains("ShopperSale", StringComparison.Ordinal)))
    {
        outside += cpu ? 1 : tick.AllocationAmount64;
        continue;
    }

    var amount = cpu ? 1 : tick.AllocationAmount64;
    inSales += amount;
    var owner = OwnerOf(frames);
    byOwner[owner] = byOwner.GetValueOrDefault(owner) + amount;
    var type = $"{(cpu ? frames.FirstOrDefault() : tick.TypeName)}  @ {owner}";
    byType[type] = byType.GetValueOrDefault(type) + amount;
}

var what = cpu ? "samples" : "KiB";
Console.WriteLine($"{what} per sale inside sales: {inSales / unit / sales:0.00}; outside: {outside / unit / sales:0.00}");
var plugin = byOwner.Where(pair => pair.Key.StartsWith(PLUGIN, StringComparison.Ordinal)).Sum(pair => pair.Value);
var container = byOwner.Where(pair => pair.Key.StartsWith("container", StringComparison.Ordinal)).Sum(pair => pair.Value);
Console.WriteLine($"the plugin's methods: {plugin / unit / sales:0.00} {what} per sale ({100 * plugin / inSales:0.0} %); the container building services: {container / unit / sales:0.00}");
Console.WriteLine();
foreach (var (owner, amount) in byOwner.OrderByDescending(pair => pair.Value).Take(50))
    Console.WriteLine($"{amount / unit / sales,8:0.00}  {owner}");
Console.WriteLine();
Console.WriteLine(cpu ? "by leaf frame:" : "by type:");
foreach (var (type, amount) in byType.OrderByDescending(pair => pair.Value).Take(40))
    Console.WriteLine($"{amount / unit / sales,8:0.00}  {type}");

return 0;

static string OwnerOf(List<string> frames)
{
    var containerAsked = false;
    foreach (var name in frames)
    {
        if (name.Contains("Monitor.Wait", StringComparison.Ordinal) || name.Contains("LowLevelLifoSemaphore", StringComparison.Ordinal))
            return "waiting";
        if (name.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal))
            containerAsked = true;
        if (name.Contains("HostCallMeter", StringComparison.Ordinal) || name.Contains("InProcessParam", StringComparison.Ordinal))
            return "nopCommerce stand-ins and the gateway stand-in (metered)";
        if (name.StartsWith(PLUGIN + "Tests", StringComparison.Ordinal) || name.StartsWith("ParamPos.Benchmarks", StringComparison.Ordinal))
            return containerAsked ? "container building services for the harness's request" : "harness: " + name;
        if (name.StartsWith(PLUGIN, StringComparison.Ordinal))
            return containerAsked ? "container building services for " + name : name;
    }

    return "other: " + string.Join(" < ", frames.Take(4));
}
