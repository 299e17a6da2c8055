using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using ParamPos.Benchmarks;

// "sales": whole sales through the plugin against the sandbox (docs/benchmarks.md); "allocations": the hot paths' bytes
// per call, exact and quick; anything else: BenchmarkDotNet.
if (args.Length > 0 && args[0] == "sales")
    return await WholeSales.RunAsync(args[1..]);

if (args.Length > 0 && args[0] == "allocations")
{
    var hotPaths = new HotPaths();
    hotPaths.SetUp();
    foreach (var method in typeof(HotPaths).GetMethods().Where(method => method.GetCustomAttribute<BenchmarkAttribute>() is not null))
    {
        const int TIMES = 2000;
        async Task CallAsync()
        {
            if (method.Invoke(hotPaths, null) is Task task)
                await task;
        }

        for (var index = 0; index < 200; index++)
            await CallAsync();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var index = 0; index < TIMES; index++)
            await CallAsync();
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)TIMES;
        Console.WriteLine($"{bytes,10:0} B  {method.GetCustomAttribute<BenchmarkAttribute>()!.Description}");
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(HotPaths).Assembly).Run(args);

return 0;
