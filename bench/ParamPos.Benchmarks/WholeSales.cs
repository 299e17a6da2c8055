using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Payments.ParamPos;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

namespace ParamPos.Benchmarks;

/// <summary>
/// Whole sales through the plugin's own services (docs/benchmarks.md): round trips per sale, warm and cold; the
/// shopper-visible server time per sale of the plugin and of the prior-art way with simulated gateway latency; sales per
/// second at concurrency 1, 8 and 32; the plugin's CPU time and allocations per warm sale with an in-process gateway.
/// </summary>
public static class WholeSales
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static int _nextCustomer = 10_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = Option(args, "--rounds", 5);
        var salesPerRound = Option(args, "--sales", 10);
        var latency = Option(args, "--latency", 150);
        var inProcessSales = Option(args, "--in-process", 2000);
        var throughputSales = Option(args, "--throughput", 256);
        if (args.Contains("--host-calls"))
        {
            await using var diagnosed = await StartStoreAsync();
            await HostCallsAsync(diagnosed, inProcessSales);
            return 0;
        }

        if (args.Contains("--profile"))
        {
            await using var profiled = await StartStoreAsync();
            await ProfileAsync(profiled, inProcessSales);
            return 0;
        }

        Console.WriteLine($"# Whole sales, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine($"# rounds {rounds}, sales per round {salesPerRound}, latency {latency} ms, in-process sales {inProcessSales}, throughput sales {throughputSales}");

        var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        bool Runs(string section) => only is null || only == section;

        if (Runs("trips"))
        {
            await using var harness = await StartStoreAsync();
            await RoundTripsAsync(harness);
        }

        if (Runs("latency"))
        {
            await using var harness = await StartStoreAsync();
            await LatencyAsync(harness, rounds, salesPerRound, latency);
        }

        if (Runs("throughput"))
        {
            await using var harness = await StartStoreAsync();
            await ThroughputAsync(harness, rounds, throughputSales);
        }

        if (Runs("in-process"))
        {
            await using var harness = await StartStoreAsync();
            await InProcessAsync(harness, rounds, inProcessSales);
        }

        return 0;
    }

    #region Round trips

    private static async Task RoundTripsAsync(CheckoutHarness harness)
    {
        Console.WriteLine();
        Console.WriteLine("## Round trips to the gateway per sale (counted by the sandbox)");
        Console.WriteLine();
        Console.WriteLine("| Sale | On the shopper's requests | In the background (while the shopper types) | Calls |");
        Console.WriteLine("|---|---|---|---|");

        await CountAsync(harness, "cold: first sale, nothing cached", shopperTypes: true);
        await CountAsync(harness, "warm", shopperTypes: true);
        harness.Clock.Advance(TimeSpan.FromMinutes(harness.PluginSettings.RateCacheMinutes * 0.8));
        await CountAsync(harness, $"rate list past {InstallmentRateService.REFRESH_AHEAD_AT:0%} of its {harness.PluginSettings.RateCacheMinutes} min", shopperTypes: true);
        harness.Clock.Advance(TimeSpan.FromMinutes(harness.PluginSettings.BinCacheMinutes + 1));
        await CountAsync(harness, $"after {harness.PluginSettings.BinCacheMinutes / 60} h without a sale (both tables expired)", shopperTypes: true);
        await ClearAsync(harness);
        await CountAsync(harness, "cold, the card typed at once (the background's calls overlap the shopper's and are counted with them)", shopperTypes: false);

        await harness.Sandbox.Browser.PostAsync("sandbox/api/reset-log", null);
        await new PriorArtSale(harness.Sandbox).RunAsync(100m);
        var prior = await harness.Sandbox.CallCountsAsync();
        Console.WriteLine($"| prior-art way (no cache) | {prior.Values.Sum()} | 0 | {Describe(prior)} |");
    }

    private static async Task CountAsync(CheckoutHarness harness, string label, bool shopperTypes)
    {
        await harness.Sandbox.Browser.PostAsync("sandbox/api/reset-log", null);
        var shopper = new Dictionary<string, int>(StringComparer.Ordinal);
        var background = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = new Dictionary<string, int>(StringComparer.Ordinal);
        var sale = new ShopperSale(harness, harness.DefaultNode, (_, page) => harness.Sandbox.AuthenticateAsync(page, approve: true))
        {
            ShopperTypes = shopperTypes,
            AfterStep = async step =>
            {
                var now = await harness.Sandbox.CallCountsAsync();
                // The shopper typing and the bank's own page are not the store's requests: what arrives then is the background's.
                var into = step is "shopper typed" ? background : step is "bank" ? null : shopper;
                foreach (var (operation, count) in now)
                {
                    var added = count - before.GetValueOrDefault(operation);
                    if (added > 0 && into is not null)
                        into[operation] = into.GetValueOrDefault(operation) + added;
                }

                before = new Dictionary<string, int>(now);
            }
        };
        await sale.RunAsync(NewCustomer(harness));
        // Whatever the card form started and is still running belongs to the background too.
        await Task.Delay(200);
        var after = await harness.Sandbox.CallCountsAsync();
        foreach (var (operation, count) in after)
        {
            var added = count - before.GetValueOrDefault(operation);
            if (added > 0)
                background[operation] = background.GetValueOrDefault(operation) + added;
        }

        Console.WriteLine($"| {label} | {shopper.Values.Sum()} | {background.Values.Sum()} | shopper: {Describe(shopper)}; background: {Describe(background)} |");
    }

    private static string Describe(IReadOnlyDictionary<string, int> counts)
    {
        return counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} {pair.Value}"));
    }

    #endregion

    #region Latency

    private static async Task LatencyAsync(CheckoutHarness harness, int rounds, int salesPerRound, int latency)
    {
        (await harness.Sandbox.Browser.PostAsJsonAsync("sandbox/api/latency", new { milliseconds = latency })).EnsureSuccessStatusCode();
        var prior = new PriorArtSale(harness.Sandbox);
        var bank = (Func<Nop.Core.Domain.Orders.Order, string, Task<BankCallback>>)((_, page) => harness.Sandbox.AuthenticateAsync(page, approve: true));

        // Warm-up: connections, JIT, caches.
        await new ShopperSale(harness, harness.DefaultNode, bank).RunAsync(NewCustomer(harness));
        await prior.RunAsync(100m);

        var warm = new List<double>();
        var cold = new List<double>();
        var priorArt = new List<double>();
        var steps = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var round = 0; round < rounds; round++)
        {
            var roundWarm = new List<double>();
            var roundCold = new List<double>();
            var roundPrior = new List<double>();
            for (var index = 0; index < salesPerRound; index++)
            {
                var times = await new ShopperSale(harness, harness.DefaultNode, bank).RunAsync(NewCustomer(harness));
                roundWarm.Add(times.ServerTime.TotalMilliseconds);
                foreach (var (step, time) in times.Steps)
                    (steps.TryGetValue("warm: " + step, out var list) ? list : steps["warm: " + step] = new List<double>()).Add(time.TotalMilliseconds);

                await ClearAsync(harness);
                times = await new ShopperSale(harness, harness.DefaultNode, bank).RunAsync(NewCustomer(harness));
                roundCold.Add(times.ServerTime.TotalMilliseconds);

                times = await prior.RunAsync(100m);
                roundPrior.Add(times.ServerTime.TotalMilliseconds);
                foreach (var (step, time) in times.Steps)
                    (steps.TryGetValue("prior art: " + step, out var list) ? list : steps["prior art: " + step] = new List<double>()).Add(time.TotalMilliseconds);
            }

            warm.Add(Spread.Of(roundWarm).Median);
            cold.Add(Spread.Of(roundCold).Median);
            priorArt.Add(Spread.Of(roundPrior).Median);
        }

        (await harness.Sandbox.Browser.PostAsJsonAsync("sandbox/api/latency", new { milliseconds = 0 })).EnsureSuccessStatusCode();

        Console.WriteLine();
        Console.WriteLine($"## Shopper-visible server time per sale, {latency} ms per gateway round trip (median of each round's median; min–max over {rounds} rounds of {salesPerRound})");
        Console.WriteLine();
        Console.WriteLine("| | ms per sale | ratio to the prior-art way |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| prior-art way | {Spread.Format(priorArt)} | 1 |");
        Console.WriteLine($"| plugin, warm | {Spread.Format(warm)} | {Spread.Format(warm.Zip(priorArt, (ours, theirs) => ours / theirs), "0.00")} |");
        Console.WriteLine($"| plugin, cold (caches emptied before each sale) | {Spread.Format(cold)} | {Spread.Format(cold.Zip(priorArt, (ours, theirs) => ours / theirs), "0.00")} |");
        Console.WriteLine();
        Console.WriteLine("| Step | ms (median, min–max over every sale) |");
        Console.WriteLine("|---|---|");
        foreach (var (step, values) in steps)
            Console.WriteLine($"| {step} | {Spread.Format(values)} |");
    }

    #endregion

    #region Throughput

    private static async Task ThroughputAsync(CheckoutHarness harness, int rounds, int sales)
    {
        var bank = (Func<Nop.Core.Domain.Orders.Order, string, Task<BankCallback>>)((_, page) => harness.Sandbox.AuthenticateAsync(page, approve: true));
        await new ShopperSale(harness, harness.DefaultNode, bank).RunAsync(NewCustomer(harness));

        Console.WriteLine();
        Console.WriteLine($"## Sales per second over loopback HTTP, store and sandbox in one process, warm ({sales} sales per round, median and min–max over {rounds} rounds)");
        Console.WriteLine();
        Console.WriteLine("| Concurrency | Sales per second | Median server time per sale, ms |");
        Console.WriteLine("|---|---|---|");
        foreach (var concurrency in new[] { 1, 8, 32 })
        {
            var perSecond = new List<double>();
            var serverTimes = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var (rate, times) = await ConcurrentSalesAsync(sales, concurrency, () => new ShopperSale(harness, harness.DefaultNode, bank) { ShopperTypes = false }, harness);
                perSecond.Add(rate);
                serverTimes.Add(Spread.Of(times).Median);
            }

            Console.WriteLine($"| {concurrency} | {Spread.Format(perSecond, "0")} | {Spread.Format(serverTimes)} |");
        }
    }

    private static async Task<(double PerSecond, List<double> ServerTimes)> ConcurrentSalesAsync(int sales, int concurrency, Func<ShopperSale> sale, CheckoutHarness harness)
    {
        var customers = Enumerable.Range(0, sales).Select(_ => NewCustomer(harness)).ToList();
        var times = new List<double>();
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < sales)
            {
                var result = await sale().RunAsync(customers[index]);
                lock (times)
                    times.Add(result.ServerTime.TotalMilliseconds);
            }
        })));
        stopwatch.Stop();

        return (sales / stopwatch.Elapsed.TotalSeconds, times);
    }

    #endregion

    #region In process

    /// <summary>Where the bytes of warm in-process sales go, by type (sampled), with the database stand-ins' share.</summary>
    private static async Task ProfileAsync(CheckoutHarness harness, int sales)
    {
        var (saleWith, _) = await InProcessSalesAsync(harness);
        ShopperSale sale() => saleWith(null);
        for (var index = 0; index < 300; index++)
            await sale().RunAsync(NewCustomer(harness));

        using var sampler = new AllocationSampler();
        await Task.Delay(500);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        sampler.Recording = true;
        for (var index = 0; index < sales; index++)
            await sale().RunAsync(NewCustomer(harness));
        sampler.Recording = false;
        var total = GC.GetTotalAllocatedBytes(precise: true) - before;

        Console.WriteLine($"{sales} warm sales in process, {total / 1024.0 / sales:0.0} KiB per sale; sampled by type:");
        foreach (var (type, bytes) in sampler.Top(40))
            Console.WriteLine($"{bytes / 1024.0 / sales,8:0.0} KiB  {type}");
    }

    /// <summary>How often a warm sale calls into nopCommerce's services, and what those calls allocate (proxies in front of the stand-ins).</summary>
    private static async Task HostCallsAsync(CheckoutHarness harness, int sales)
    {
        var (saleWith, _) = await InProcessSalesAsync(harness, MeterHostCalls(harness));
        for (var index = 0; index < 300; index++)
            await saleWith(null).RunAsync(NewCustomer(harness));

        HostCallMeter.Take();
        HostCallMeter.Enabled = true;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var index = 0; index < sales; index++)
            await saleWith(null).RunAsync(NewCustomer(harness));
        var total = GC.GetTotalAllocatedBytes(precise: true) - before;
        HostCallMeter.Enabled = false;

        Console.WriteLine($"{sales} warm sales in process: {total / 1024.0 / sales:0.0} KiB per sale in all; calls into nopCommerce's services per sale (with what they allocated, proxy included):");
        var calls = HostCallMeter.TakeEach();
        foreach (var (call, sum) in calls.OrderByDescending(pair => pair.Calls.Bytes))
            Console.WriteLine($"{sum.Calls / (double)sales,6:0.0} × {sum.Bytes / 1024.0 / sales,8:0.0} KiB  {call}");
        Console.WriteLine($"total in host calls: {calls.Sum(pair => pair.Calls.Bytes) / 1024.0 / sales:0.0} KiB per sale");
    }

    private static Action<IServiceCollection> MeterHostCalls(CheckoutHarness harness) => services =>
    {
        harness.HostWork = work => HostCallMeter.MeasureAsync("nopCommerce's checkout work (cart totals, the request persisted, the order created)", work);
        services.AddSingleton(HostCallMeter.Wrap<Nop.Services.Configuration.ISettingService>(harness.Settings));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Services.Localization.ILocalizationService>(harness.Localization));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Core.Caching.IStaticCacheManager>(harness.Cache));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Services.Logging.ILogger>(harness.Logger));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Services.Common.IGenericAttributeService>(harness.Attributes));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Data.IRepository<Nop.Plugin.Payments.ParamPos.Domain.ParamPosPayment>>(harness.Storage.Payments));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Data.IRepository<Nop.Plugin.Payments.ParamPos.Domain.ParamPosLedgerEntry>>(harness.Storage.Ledger));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Core.IWorkContext>(harness.Shop));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Core.IStoreContext>(harness.Shop));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Core.IWebHelper>(harness.Shop));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Services.Orders.IShoppingCartService>(harness.Shop));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Services.Orders.IOrderTotalCalculationService>(harness.Shop));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Services.Customers.ICustomerService>(harness.Shop));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Services.Directory.ICurrencyService>(harness.Shop));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Services.Security.IEncryptionService>(new FakeEncryptionService()));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Services.Localization.ILanguageService>(new CheckoutHarness.FixedLanguages()));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Services.Common.IAddressService>(harness.Catalog));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Services.Stores.IStoreService>(harness.Shop));
        services.AddSingleton(HostCallMeter.Wrap<Nop.Services.Messages.INotificationService>(harness.Notifications));
        services.AddScoped(provider => HostCallMeter.Wrap<Nop.Services.Orders.IOrderService>(provider.GetRequiredService<NopOrderServices>()));
        services.AddScoped(provider => HostCallMeter.Wrap<Nop.Services.Orders.IOrderProcessingService>(provider.GetRequiredService<NopOrderServices>()));
    };

    /// <summary>A node whose gateway is in process, having learned Param's answers from one real sale; sales on it.</summary>
    private static async Task<(Func<Func<string, Task>, ShopperSale> SaleWith, InProcessParam Param)> InProcessSalesAsync(CheckoutHarness harness, Action<IServiceCollection> configure = null)
    {
        var param = new InProcessParam();
        var node = harness.AddNode("in-process", services =>
        {
            services.AddHttpClient<ParamClient>().ConfigurePrimaryHttpMessageHandler(() => param);
            configure?.Invoke(services);
        });
        var merchantGuid = harness.PluginSettings.Guid;
        await new ShopperSale(harness, node, async (_, page) =>
        {
            var callback = await harness.Sandbox.AuthenticateAsync(page, approve: true);
            param.LearnCallback(callback);
            return callback;
        }).RunAsync(NewCustomer(harness));
        param.Learning = false;

        async Task<BankCallback> Bank(Nop.Core.Domain.Orders.Order order, string page)
        {
            var attempt = (await harness.LedgerAsync(order)).LatestAttempt;
            return param.CallbackFor(attempt.OrderReference, attempt.TransactionGuid, merchantGuid);
        }

        return (hook => new ShopperSale(harness, node, Bank) { ShopperTypes = false, AfterStep = hook ?? (_ => Task.CompletedTask) }, param);
    }

    private static async Task InProcessAsync(CheckoutHarness harness, int rounds, int sales)
    {
        var (saleWith, param) = await InProcessSalesAsync(harness, MeterHostCalls(harness));
        ShopperSale Sale() => saleWith(null);

        // Warm-up: tiered JIT settles.
        for (var index = 0; index < Math.Max(300, sales / 2); index++)
            await Sale().RunAsync(NewCustomer(harness));

        var scope = await RequestScopeCostAsync(harness);
        var transport = await TransportCostAsync(param);
        var stub = HostCallMeter.CalibrateStub();
        var resolving = new List<string>();
        // What nopCommerce's container spends building the plugin's services for a request (in the plugin's share).
        foreach (var service in new[] { typeof(ParamPosPaymentMethod), typeof(Nop.Plugin.Payments.ParamPos.Payments.CheckoutPaymentService), typeof(Nop.Plugin.Payments.ParamPos.Factories.ParamPosModelFactory),
                     typeof(Nop.Plugin.Payments.ParamPos.Payments.ThreeDCallbackHandler) })
        {
            var cost = await ResolveCostAsync(harness, service);
            resolving.Add($"{service.Name} {cost.Micros:0.0} µs / {cost.KiB:0.0} KiB");
        }
        var repeated = await RepeatedPaymentInfoAsync(harness);
        var results = new List<InProcessRound>();
        var answeredBefore = Interlocked.Read(ref param.Answered);
        var hops = 0;
        for (var round = 0; round < rounds; round++)
        {
            var customers = Enumerable.Range(0, sales).Select(_ => NewCustomer(harness)).ToList();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            HostCallMeter.Take();
            HostCallMeter.Enabled = true;
            var steps = new Dictionary<string, StepCost>(StringComparer.Ordinal);
            var started = Stopwatch.GetTimestamp();
            foreach (var customer in customers)
            {
                // The sale runs synchronously on one thread in process (every stand-in and the gateway answer at once), so
                // the thread's own counters measure it; a step that ends on another thread is counted and left out.
                var thread = Environment.CurrentManagedThreadId;
                var last = GC.GetAllocatedBytesForCurrentThread();
                var lastCpu = ThreadCpu.Now();
                var lastPauses = GC.GetTotalPauseDuration();
                var stepStarted = Stopwatch.GetTimestamp();
                await saleWith(step =>
                {
                    var now = GC.GetAllocatedBytesForCurrentThread();
                    var cpu = ThreadCpu.Now();
                    var pauses = GC.GetTotalPauseDuration();
                    var elapsed = Stopwatch.GetElapsedTime(stepStarted);
                    var host = HostCallMeter.Take();
                    if (Environment.CurrentManagedThreadId == thread)
                    {
                        var sum = steps.GetValueOrDefault(step);
                        steps[step] = sum + new StepCost(1, elapsed, TimeSpan.FromTicks(cpu - lastCpu), now - last, pauses - lastPauses, host);
                    }
                    else
                    {
                        hops++;
                        thread = Environment.CurrentManagedThreadId;
                    }

                    last = GC.GetAllocatedBytesForCurrentThread();
                    lastCpu = ThreadCpu.Now();
                    lastPauses = GC.GetTotalPauseDuration();
                    stepStarted = Stopwatch.GetTimestamp();
                    return Task.CompletedTask;
                }).RunAsync(customer);
            }

            var wall = Stopwatch.GetElapsedTime(started);
            HostCallMeter.Enabled = false;
            process.Refresh();
            results.Add(new InProcessRound(wall.TotalMilliseconds / sales, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / sales,
                (GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / 1024.0 / sales, steps));
        }

        var calls = (Interlocked.Read(ref param.Answered) - answeredBefore) / (double)(rounds * sales);
        const int SCOPES_PER_SALE = 8;
        var storeSteps = results[0].Steps.Keys.Where(step => step is not ("bank" or "shopper typed")).ToList();
        double Sum(InProcessRound round, Func<StepCost, double> pick) => storeSteps.Sum(step => pick(round.Steps[step]));
        double HostCallsPerSale(InProcessRound round) => Sum(round, step => step.PerSale(step.Host.Calls));
        double Own(InProcessRound round, Func<StepCost, double> total, Func<StepCost, double> host, double perScope, double gateway, double perStub) =>
            Sum(round, total) - Sum(round, host) - SCOPES_PER_SALE * perScope - gateway - HostCallsPerSale(round) * perStub;
        var ownMicros = results.Select(round => Own(round, step => step.WallMicros, step => step.HostWallMicros, scope.Micros, transport.Micros, stub.Wall.TotalMicroseconds)).ToList();
        var ownCpuMicros = results.Select(round => Own(round, step => step.CpuMicros, step => step.HostCpuMicros, scope.CpuMicros, transport.CpuMicros, stub.Cpu.TotalMicroseconds)).ToList();
        var ownKiB = results.Select(round => Own(round, step => step.KiB, step => step.HostKiB, scope.KiB, transport.KiB, stub.Bytes / 1024)).ToList();
        // A collection's pause lands on whichever code allocates when the budget runs out; the stand-ins' growing tables
        // make them long. The plugin's own time without the pauses it happened to be in, and its share of all the
        // store's pauses by the bytes it allocated, are the fairer pair.
        var ownCpuWithoutGc = results.Select(round => Own(round, step => step.CpuMicros - step.GcMicros, step => step.HostCpuMicros - step.HostGcMicros, scope.CpuMicros, transport.CpuMicros, stub.Cpu.TotalMicroseconds)).ToList();
        var gcShare = results.Select((round, index) => Sum(round, step => step.GcMicros) * ownKiB[index] / Sum(round, step => step.KiB)).ToList();
        var gcInOwn = results.Select(round => Sum(round, step => step.GcMicros) - Sum(round, step => step.HostGcMicros)).ToList();

        Console.WriteLine();
        Console.WriteLine($"## The plugin's own cost per warm sale, in process (no sockets, no HTTP, no sandbox; {sales} sales per round, median and min–max over {rounds} rounds)");
        Console.WriteLine();
        Console.WriteLine($"Gateway calls per sale: {calls:0.00}. The store's requests only (the bank's page is left out). nopCommerce's services are the test stand-ins, each "
            + "behind a meter, as is nopCommerce's own checkout work (cart totals, persisting the payment request, creating the order); the plugin's own = the store's steps "
            + "minus those, minus the request scopes, the gateway stand-in and the meter's stubs. Bytes are the sale thread's; CPU is the sale thread's CPU time "
            + $"({(ThreadCpu.Available ? "CLOCK_THREAD_CPUTIME_ID" : "not available here")}); steps that ended on another thread, left out: {hops}.");
        Console.WriteLine($"Measured apart: a request scope {scope.Micros:0.0} µs / {scope.CpuMicros:0.0} µs CPU / {scope.KiB:0.00} KiB; the gateway stand-in for both calls "
            + $"{transport.Micros:0.0} µs / {transport.CpuMicros:0.0} µs CPU / {transport.KiB:0.0} KiB; the meter's stub per host call {stub.Wall.TotalMicroseconds:0.00} µs / "
            + $"{stub.Cpu.TotalMicroseconds:0.00} µs CPU / {stub.Bytes:0} B; host calls per sale {Spread.Format(results.Select(HostCallsPerSale), "0")}.");
        Console.WriteLine($"The payment info step repeated {REPEATS} times in a row by one shopper (caches warm, no other work in between): the plugin's own {repeated.CpuMicros:0} µs CPU and {repeated.KiB:0.0} KiB per step, against the same step's in the sales below.");
        Console.WriteLine($"Resolving a service in a new request scope (its constructor graph, the scope's bookkeeping; the empty scope taken off): {string.Join("; ", resolving)}.");
        Console.WriteLine();
        Console.WriteLine("| Per warm sale | wall µs | CPU µs | KiB allocated |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| whole process, all threads | {Spread.Format(results.Select(round => round.WallMs * 1000), "0")} | {Spread.Format(results.Select(round => round.CpuMs * 1000), "0")} | {Spread.Format(results.Select(round => round.KiB), "0.0")} |");
        Console.WriteLine($"| the store's steps | {Spread.Format(results.Select(round => Sum(round, step => step.WallMicros)), "0")} | {Spread.Format(results.Select(round => Sum(round, step => step.CpuMicros)), "0")} | {Spread.Format(results.Select(round => Sum(round, step => step.KiB)), "0.0")} |");
        Console.WriteLine($"| of which nopCommerce (its services' stand-ins: in-memory tables, settings, texts, cache, cart, orders; its checkout work) | {Spread.Format(results.Select(round => Sum(round, step => step.HostWallMicros)), "0")} | {Spread.Format(results.Select(round => Sum(round, step => step.HostCpuMicros)), "0")} | {Spread.Format(results.Select(round => Sum(round, step => step.HostKiB)), "0.0")} |");
        Console.WriteLine($"| of which {SCOPES_PER_SALE} request scopes (nopCommerce makes one per request) | {SCOPES_PER_SALE * scope.Micros:0} | {SCOPES_PER_SALE * scope.CpuMicros:0} | {SCOPES_PER_SALE * scope.KiB:0.0} |");
        Console.WriteLine($"| of which the gateway stand-in (answering both calls) | {transport.Micros:0} | {transport.CpuMicros:0} | {transport.KiB:0.0} |");
        Console.WriteLine($"| of which the meter's stubs | {Spread.Format(results.Select(round => HostCallsPerSale(round) * stub.Wall.TotalMicroseconds), "0")} | {Spread.Format(results.Select(round => HostCallsPerSale(round) * stub.Cpu.TotalMicroseconds), "0")} | {Spread.Format(results.Select(round => HostCallsPerSale(round) * stub.Bytes / 1024), "0.0")} |");
        Console.WriteLine($"| **the plugin's own** | **{Spread.Format(ownMicros, "0")}** | **{Spread.Format(ownCpuMicros, "0")}** | **{Spread.Format(ownKiB, "0.0")}** |");
        Console.WriteLine($"| the plugin's own without the collections' pauses that fell in it ({Spread.Format(gcInOwn, "0")} µs; all the store's steps' pauses {Spread.Format(results.Select(round => Sum(round, step => step.GcMicros)), "0")} µs) | | **{Spread.Format(ownCpuWithoutGc, "0")}** | |");
        Console.WriteLine($"| the plugin's share of the store's collection pauses, by bytes allocated | | {Spread.Format(gcShare, "0")} | |");
        Console.WriteLine();
        Console.WriteLine("| Step | wall µs | CPU µs | KiB allocated | of which nopCommerce: host calls, CPU µs, KiB |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var step in results[0].Steps.Keys.Where(step => step != "shopper typed"))
        {
            var label = step == "bank" ? "(the bank stand-in building the callback: not the store's)" : step;
            Console.WriteLine($"| {label} | {Spread.Format(results.Select(round => round.Steps[step].WallMicros), "0")} | {Spread.Format(results.Select(round => round.Steps[step].CpuMicros), "0")} | "
                + $"{Spread.Format(results.Select(round => round.Steps[step].KiB), "0.0")} | {Spread.Format(results.Select(round => round.Steps[step].PerSale(round.Steps[step].Host.Calls)), "0.0")}, "
                + $"{Spread.Format(results.Select(round => round.Steps[step].HostCpuMicros), "0")}, {Spread.Format(results.Select(round => round.Steps[step].HostKiB), "0.0")} |");
        }
    }

    private sealed record InProcessRound(double WallMs, double CpuMs, double KiB, Dictionary<string, StepCost> Steps);

    /// <summary>A step's cost summed over the sales that measured it, and per sale.</summary>
    private readonly record struct StepCost(int Sales, TimeSpan Wall, TimeSpan Cpu, long Bytes, TimeSpan GcPauses, HostCalls Host)
    {
        public static StepCost operator +(StepCost left, StepCost right) =>
            new(left.Sales + right.Sales, left.Wall + right.Wall, left.Cpu + right.Cpu, left.Bytes + right.Bytes, left.GcPauses + right.GcPauses, left.Host + right.Host);

        public double PerSale(double value) => Sales == 0 ? 0 : value / Sales;
        public double WallMicros => PerSale(Wall.TotalMicroseconds);
        public double CpuMicros => PerSale(Cpu.TotalMicroseconds);
        public double KiB => PerSale(Bytes / 1024.0);
        public double HostWallMicros => PerSale(Host.Wall.TotalMicroseconds);
        public double HostCpuMicros => HostWallMicros;
        public double HostKiB => PerSale(Host.Bytes / 1024.0);
        public double GcMicros => PerSale(GcPauses.TotalMicroseconds);
        public double HostGcMicros => PerSale(Host.GcPauses.TotalMicroseconds);
    }

    /// <summary>What an empty request scope costs (created and disposed, as the harness does per request).</summary>
    private static async Task<(double Micros, double CpuMicros, double KiB)> RequestScopeCostAsync(CheckoutHarness harness)
    {
        const int TIMES = 5000;
        for (var index = 0; index < 500; index++)
            await harness.InScopeAsync(_ => Task.FromResult(0));

        return await ThreadCostAsync(TIMES, async () =>
        {
            for (var index = 0; index < TIMES; index++)
                await harness.InScopeAsync(_ => Task.FromResult(0));
        });
    }

    private const int REPEATS = 2000;

    /// <summary>
    /// The payment info step (validation, then the payment request) repeated by one shopper: the plugin's own CPU time
    /// and bytes per step when nothing else runs between its steps, to compare with the same step inside whole sales.
    /// </summary>
    private static async Task<(double CpuMicros, double KiB)> RepeatedPaymentInfoAsync(CheckoutHarness harness)
    {
        var customer = NewCustomer(harness);
        harness.Shop.FillCart(customer.Id);
        var form = CheckoutHarness.CardForm(ShopperSale.CARD, installments: 3);
        for (var index = 0; index < 200; index++)
            await harness.EnterPaymentInfoAsync(form, customer);

        HostCallMeter.Take();
        HostCallMeter.Enabled = true;
        var thread = Environment.CurrentManagedThreadId;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpu.Now();
        for (var index = 0; index < REPEATS; index++)
            await harness.EnterPaymentInfoAsync(form, customer);
        var cpuTicks = ThreadCpu.Now() - cpu;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        HostCallMeter.Enabled = false;
        var host = HostCallMeter.Take();
        if (Environment.CurrentManagedThreadId != thread)
            throw new InvalidOperationException("The repeated step moved to another thread.");

        return ((TimeSpan.FromTicks(cpuTicks) - host.Wall).TotalMicroseconds / REPEATS, (allocated - host.Bytes) / 1024.0 / REPEATS);
    }

    /// <summary>What resolving a service in a new request scope costs, beyond the empty scope.</summary>
    private static async Task<(double Micros, double KiB)> ResolveCostAsync(CheckoutHarness harness, Type service)
    {
        const int TIMES = 2000;
        for (var index = 0; index < 200; index++)
            await harness.InScopeAsync(services => Task.FromResult(services.GetRequiredService(service)));
        var empty = await RequestScopeCostAsync(harness);
        var resolved = await ThreadCostAsync(TIMES, async () =>
        {
            for (var index = 0; index < TIMES; index++)
                await harness.InScopeAsync(services => Task.FromResult(services.GetRequiredService(service)));
        });

        return (resolved.Micros - empty.Micros, resolved.KiB - empty.KiB);
    }

    private static async Task<(double Micros, double CpuMicros, double KiB)> TransportCostAsync(InProcessParam param)
    {
        const int TIMES = 2000;
        await param.ReplayLastAsync("TP_WMD_UCD", 200);
        await param.ReplayLastAsync("TP_WMD_Pay", 200);

        return await ThreadCostAsync(TIMES, async () =>
        {
            await param.ReplayLastAsync("TP_WMD_UCD", TIMES);
            await param.ReplayLastAsync("TP_WMD_Pay", TIMES);
        });
    }

    /// <summary>Wall time, thread CPU time and bytes allocated on the thread, per one of <paramref name="times"/>.</summary>
    private static async Task<(double Micros, double CpuMicros, double KiB)> ThreadCostAsync(int times, Func<Task> work)
    {
        var thread = Environment.CurrentManagedThreadId;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpu.Now();
        var started = Stopwatch.GetTimestamp();
        await work();
        if (Environment.CurrentManagedThreadId != thread)
            throw new InvalidOperationException("The measured work moved to another thread: its thread counters would not measure it.");

        return (Stopwatch.GetElapsedTime(started).TotalMicroseconds / times, TimeSpan.FromTicks(ThreadCpu.Now() - cpu).TotalMicroseconds / times,
            (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1024.0 / times);
    }

    #endregion

    #region Utilities

    /// <summary>A store with the plugin's default settings (the test harness logs every exchange in full; a new install logs errors only).</summary>
    private static Task<CheckoutHarness> StartStoreAsync() =>
        CheckoutHarness.StartAsync(settings => settings.TransactionLogDetail = ParamPosPaymentMethod.CreateDefaultSettings().TransactionLogDetail);

    private static Customer NewCustomer(CheckoutHarness harness) => harness.Shop.AddCustomer(Interlocked.Increment(ref _nextCustomer), 100m);

    private static Task ClearAsync(CheckoutHarness harness) =>
        harness.InScopeAsync(async services =>
        {
            await services.GetRequiredService<InstallmentRateService>().ClearCacheAsync();
            return true;
        });

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);

        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], Invariant) : fallback;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    #endregion
}
