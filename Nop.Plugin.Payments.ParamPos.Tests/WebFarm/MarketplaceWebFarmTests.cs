using FluentAssertions;
using LinqToDB.Data;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Integration.Marketplace;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Plugin.Payments.ParamPos.Tests.Support.WebFarm;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.WebFarm;

/// <summary>
/// The marketplace tables on a real PostgreSQL database shared by two nodes: a paid order's shares declared once and
/// approved once, however many requests on both nodes race, because the unique indexes refuse the second claim.
/// </summary>
[TestFixture, Category(TestCategories.WebFarm), Category(TestCategories.Marketplace)]
public class MarketplaceWebFarmTests : MarketplaceStoreFixture
{
    private PostgresServer _server;

    protected override Func<Task<HarnessStorage>> Storage => async () => await PostgresStorage.StartAsync(_server);

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

    [Test]
    public async Task RacingReturnsAndApprovalsOnTwoNodes_DeclareAndApproveEachShareOnce()
    {
        var (order, callback) = await OrderAtTheBankAsync();
        var nodeB = _harness.AddNode("B");
        HarnessNode Node(int index) => index % 2 == 0 ? _harness.DefaultNode : nodeB;

        await Task.WhenAll(Enumerable.Range(0, 12).Select(index => Task.Run(() => _harness.PostReturnAsync(callback, Node(index)))));
        var approvals = await Task.WhenAll(Enumerable.Range(0, 12).Select(index => Task.Run(() =>
            _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceApprovals>().SetAsync(order.OrderGuid, approve: true, "the store owner"), node: Node(index)))));

        approvals.Sum(run => run.Count).Should().Be(3);
        var calls = await _harness.Sandbox.CallCountsAsync();
        calls["Pazaryeri_TP_Siparis_Detay_Ekle"].Should().Be(3);
        calls["Pazaryeri_TP_Siparis_Onay"].Should().Be(3);
        _harness.Clock.Advance(TimeSpan.FromMinutes(10));
        (await _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceApprovals>().RetryFailedAsync())).Should().BeEmpty("every change succeeded");

        await using var db = ((PostgresStorage)_harness.Storage).Database.Connect();
        db.Query<int>("SELECT count(*) FROM \"ParamPosMarketplaceShare\"").Single().Should().Be(3);
        db.Query<int>("SELECT count(*) FROM \"ParamPosMarketplaceApproval\" WHERE \"Succeeded\"").Single().Should().Be(3);
        db.Query<string>("SELECT indexname FROM pg_indexes WHERE tablename LIKE 'ParamPosMarketplace%' AND indexdef LIKE 'CREATE UNIQUE%' AND indexname NOT LIKE 'PK%' ORDER BY indexname").Should()
            .Equal("UX_ParamPosMarketplaceApproval_ShareGuid_Sequence", "UX_ParamPosMarketplaceSeller_VendorId", "UX_ParamPosMarketplaceShare_OrderGuid_VendorId_Attempt");
    }
}
