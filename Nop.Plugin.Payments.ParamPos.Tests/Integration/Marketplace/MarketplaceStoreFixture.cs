using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Marketplace;

/// <summary>
/// A marketplace store on the sandbox (3D Pay, Param's commission 1.79 %, the marketplace's 10 %) whose vendors 11–13 are
/// sellers at Param and vendor 14 is not; product n belongs to vendor 10 + n (<see cref="MarketplaceStore"/>).
/// </summary>
public abstract class MarketplaceStoreFixture
{
    protected CheckoutHarness _harness;
    protected MarketplaceStore _store;
    protected ParamClient _client;
    protected ParamCallContext _context;

    /// <summary>Gets the store's tables (in memory unless a fixture says otherwise).</summary>
    protected virtual Func<Task<HarnessStorage>> Storage => null;

    /// <summary>Gets the sandbox's options a fixture changes, or null.</summary>
    protected virtual Action<SandboxOptions> Sandbox => null;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartAsync(settings =>
        {
            settings.PaymentModel = PaymentModel.ThreeDPay;
            settings.MarketplaceMode = true;
            settings.MarketplaceParamCommissionRate = 1.79m;
            settings.MarketplaceDefaultCommissionRate = 10m;
        }, Sandbox, Storage);
        _store = await MarketplaceStore.OpenAsync(_harness);
        _client = _store.Client;
        _context = _store.Context;
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    protected Task<IList<ParamPosMarketplaceShare>> SharesAsync(Order order) => _store.SharesAsync(order);

    /// <summary>The 100,00 cart placed with its lines (vendor 11: 50, 12: 30, 13: 20, or as given), up to the bank's page.</summary>
    protected Task<(Order Order, BankCallback Callback)> OrderAtTheBankAsync(params (int ProductId, decimal Price)[] lines) => _store.OrderAtTheBankAsync(lines);
}
