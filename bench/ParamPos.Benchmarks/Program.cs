using BenchmarkDotNet.Running;
using ParamPos.Benchmarks;

// "sales": whole sales through the plugin against the sandbox (docs/benchmarks.md); anything else: BenchmarkDotNet.
if (args.Length > 0 && args[0] == "sales")
    return await WholeSales.RunAsync(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(HotPaths).Assembly).Run(args);

return 0;
