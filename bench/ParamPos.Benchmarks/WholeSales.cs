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

        HostCallMeter.Totals.Clear();
        HostCallMeter.Enabled = true;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var index = 0; index < sales; index++)
            await saleWith(null).RunAsync(NewCustomer(harness));
        var total = GC.GetTotalAllocatedBytes(precise: true) - before;
        HostCallMeter.Enabled = false;

        Console.WriteLine($"{sales} warm sales in process: {total / 1024.0 / sales:0.0} KiB per sale in all; calls into nopCommerce's services per sale (with what they allocated, proxy included):");
        foreach (var (call, (calls, bytes, _)) in HostCallMeter.Totals.OrderByDescending(pair => pair.Value.Bytes))
            Console.WriteLine($"{calls / (double)sales,6:0.0} × {bytes / 1024.0 / sales,8:0.0} KiB  {call}");
        Console.WriteLine($"total in host calls: {HostCallMeter.Totals.Values.Sum(value => value.Bytes) / 1024.0 / sales:0.0} KiB per sale");
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
        var results = new List<InProcessRound>();
        var answeredBefore = Interlocked.Read(ref param.Answered);
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
            var steps = new Dictionary<string, (TimeSpan Time, long Bytes, long HostBytes, TimeSpan HostTime)>(StringComparer.Ordinal);
            var started = Stopwatch.GetTimestamp();
            foreach (var customer in customers)
            {
                var last = GC.GetTotalAllocatedBytes(precise: false);
                var stepStarted = Stopwatch.GetTimestamp();
                await saleWith(step =>
                {
                    var now = GC.GetTotalAllocatedBytes(precise: false);
                    var elapsed = Stopwatch.GetElapsedTime(stepStarted);
                    var host = HostCallMeter.Take();
                    var sum = steps.GetValueOrDefault(step);
                    steps[step] = (sum.Time + elapsed, sum.Bytes + now - last, sum.HostBytes + host.Bytes, sum.HostTime + host.Time);
                    last = GC.GetTotalAllocatedBytes(precise: false);
                    stepStarted = Stopwatch.GetTimestamp();
                    return Task.CompletedTask;
                }).RunAsync(customer);
            }

            var wall = Stopwatch.GetElapsedTime(started);
            HostCallMeter.Enabled = false;
            process.Refresh();
            results.Add(new InProcessRound(wall.TotalMilliseconds / sales, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / sales,
                (GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / 1024.0 / sales,
                steps.ToDictionary(pair => pair.Key, pair => (pair.Value.Time.TotalMilliseconds * 1000 / sales, pair.Value.Bytes / 1024.0 / sales,
                    pair.Value.HostBytes / 1024.0 / sales, pair.Value.HostTime.TotalMilliseconds * 1000 / sales))));
        }

        var calls = (Interlocked.Read(ref param.Answered) - answeredBefore) / (double)(rounds * sales);
        const int SCOPES_PER_SALE = 8;
        var storeSteps = results[0].Steps.Keys.Where(step => step is not ("bank" or "shopper typed")).ToList();
        double Host(InProcessRound round, Func<(double Micros, double KiB, double HostKiB, double HostMicros), double> pick) => storeSteps.Sum(step => pick(round.Steps[step]));
        var ownMicros = results.Select(round => Host(round, step => step.Micros - step.HostMicros) - SCOPES_PER_SALE * scope.Micros - transport.Micros).ToList();
        var ownKiB = results.Select(round => Host(round, step => step.KiB - step.HostKiB) - SCOPES_PER_SALE * scope.KiB - transport.KiB).ToList();

        Console.WriteLine();
        Console.WriteLine($"## The plugin's own cost per warm sale, in process (no sockets, no HTTP, no sandbox; {sales} sales per round, median and min–max over {rounds} rounds)");
        Console.WriteLine();
        Console.WriteLine($"Gateway calls per sale: {calls:0.00}. The store's requests only (the bank's page is left out). nopCommerce's services are the test stand-ins, each "
            + "behind a meter, as is nopCommerce's own checkout work (cart totals, persisting the payment request, creating the order); the plugin's own = the store's steps "
            + "minus those, minus the request scopes and the gateway stand-in.");
        Console.WriteLine();
        Console.WriteLine("| Per warm sale | µs | KiB allocated |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| whole process (wall / process CPU), all of it | {Spread.Format(results.Select(round => round.WallMs * 1000), "0")} / {Spread.Format(results.Select(round => round.CpuMs * 1000), "0")} | {Spread.Format(results.Select(round => round.KiB), "0.0")} |");
        Console.WriteLine($"| the store's steps | {Spread.Format(results.Select(round => Host(round, step => step.Micros)), "0")} | {Spread.Format(results.Select(round => Host(round, step => step.KiB)), "0.0")} |");
        Console.WriteLine($"| of which nopCommerce (its services' stand-ins: in-memory tables, settings, texts, cache, cart, orders; its checkout work) | {Spread.Format(results.Select(round => Host(round, step => step.HostMicros)), "0")} | {Spread.Format(results.Select(round => Host(round, step => step.HostKiB)), "0.0")} |");
        Console.WriteLine($"| of which {SCOPES_PER_SALE} request scopes (nopCommerce makes one per request) | {SCOPES_PER_SALE * scope.Micros:0} | {SCOPES_PER_SALE * scope.KiB:0.0} |");
        Console.WriteLine($"| of which the gateway stand-in (answering both calls) | {transport.Micros:0} | {transport.KiB:0.0} |");
        Console.WriteLine($"| **the plugin's own** | **{Spread.Format(ownMicros, "0")}** | **{Spread.Format(ownKiB, "0.0")}** |");
        Console.WriteLine();
        Console.WriteLine("| Step | µs | KiB allocated | of which nopCommerce, µs / KiB |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var step in results[0].Steps.Keys.Where(step => step != "shopper typed"))
        {
            var label = step == "bank" ? "(the bank stand-in building the callback: not the store's)" : step;
            Console.WriteLine($"| {label} | {Spread.Format(results.Select(round => round.Steps[step].Micros), "0")} | {Spread.Format(results.Select(round => round.Steps[step].KiB), "0.0")} | "
                + $"{Spread.Format(results.Select(round => round.Steps[step].HostMicros), "0")} / {Spread.Format(results.Select(round => round.Steps[step].HostKiB), "0.0")} |");
        }
    }

    private sealed record InProcessRound(double WallMs, double CpuMs, double KiB, Dictionary<string, (double Micros, double KiB, double HostKiB, double HostMicros)> Steps);

    /// <summary>What an empty request scope costs (created and disposed, as the harness does per request).</summary>
    private static async Task<(double Micros, double KiB)> RequestScopeCostAsync(CheckoutHarness harness)
    {
        const int TIMES = 5000;
        for (var index = 0; index < 500; index++)
            await harness.InScopeAsync(_ => Task.FromResult(0));
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        for (var index = 0; index < TIMES; index++)
            await harness.InScopeAsync(_ => Task.FromResult(0));

        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds * 1000 / TIMES, (GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1024.0 / TIMES);
    }

    private static async Task<(double Micros, double KiB)> TransportCostAsync(InProcessParam param)
    {
        const int TIMES = 2000;
        await param.ReplayLastAsync("TP_WMD_UCD", 200);
        await param.ReplayLastAsync("TP_WMD_Pay", 200);
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        await param.ReplayLastAsync("TP_WMD_UCD", TIMES);
        await param.ReplayLastAsync("TP_WMD_Pay", TIMES);

        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds * 1000 / TIMES, (GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1024.0 / TIMES);
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
