using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.WebFarm;

/// <summary>
/// Two web nodes of one store sharing one real PostgreSQL database (started once per fixture, a fresh database per
/// test), with the sandbox as Param: what every WebFarm fixture starts from.
/// </summary>
public abstract class TwoNodeFixture
{
    private PostgresServer _server;

    protected CheckoutHarness _harness;
    protected HarnessNode _a;
    protected HarnessNode _b;

    /// <summary>Starts the store's harness over a storage (the ParamPOS card form unless a fixture says otherwise).</summary>
    protected virtual Task<CheckoutHarness> StartHarnessAsync(Func<Task<HarnessStorage>> storage) => CheckoutHarness.StartAsync(storage: storage);

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        _server = await PostgresServer.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await StartHarnessAsync(async () => await PostgresStorage.StartAsync(_server));
        _a = _harness.DefaultNode;
        _b = _harness.AddNode("B");
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    /// <summary>Alternates the nodes: even on A, odd on B.</summary>
    protected HarnessNode Node(int index) => index % 2 == 0 ? _a : _b;
}
