using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Marketplace;

/// <summary>
/// A marketplace store's paid order: each vendor's share snapshotted when the payment is confirmed and declared to the
/// sandbox's marketplace service once, across two nodes too; a vendor without a seller keeps nothing at Param; a failed
/// declaration retried once and only once, a lost answer found at Param instead of declared twice.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Marketplace)]
public class MarketplaceDeclarationTests : MarketplaceStoreFixture
{
    [Test]
    public async Task APaidOrder_DeclaresEachVendorsShareOnce_AtTheSnapshotsAmounts()
    {
        var (order, callback) = await OrderAtTheBankAsync((1, 50m), (2, 30m), (3, 15m), (4, 5m));

        (await _harness.PostReturnAsync(callback)).Result.Should().Be(Payments.CallbackResult.Paid);

        var shares = await SharesAsync(order);
        shares.Where(share => share.State == MarketplaceShareState.Declared).Select(share => (share.VendorId, share.ProductAmount, share.PayableAmount))
            .Should().Equal((11, 49.96m, 44.96m), (12, 29.97m, 26.97m), (13, 14.98m, 13.48m));
        shares.Single(share => share.VendorId == 14).State.Should().Be(MarketplaceShareState.NoSeller, "vendor 14 has no seller at Param");
        var atParam = (await _client.QuerySharesAsync(_harness.Sandbox.Credentials.Guid, null, null, long.Parse(shares[0].TransactionId), _context)).Shares;
        atParam.Select(share => share.ShareGuid).Should().BeEquivalentTo(shares.Where(share => share.ShareGuid is not null).Select(share => share.ShareGuid));
        (await _harness.Sandbox.CallCountsAsync())["Pazaryeri_TP_Siparis_Detay_Ekle"].Should().Be(3);
    }

    [Test]
    public async Task ACartWithAnUnregisteredVendor_IsRefusedAtCheckout_UnlessTheStoreKeepsThatShare()
    {
        _harness.Catalog.Add(new Product { Id = 1, Name = "Ürün 1", VendorId = 14 });
        _harness.Shop.FillCart(1);

        (await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm())).Errors.Should().ContainSingle().Which.Should().Contain("Ürün 1").And.Contain("cannot be paid");

        _harness.PluginSettings.MarketplaceRefuseUnregisteredVendors = false;
        _harness.Settings.Put(_harness.PluginSettings);
        var (errors, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm());
        errors.Should().BeEmpty("the store keeps that vendor's share");

        // The store changes its mind before the order is placed: the order is checked again on the server.
        _harness.PluginSettings.MarketplaceRefuseUnregisteredVendors = true;
        _harness.Settings.Put(_harness.PluginSettings);
        var (refused, order) = await _harness.PlaceOrderAsync(request);
        refused.Success.Should().BeFalse();
        refused.Errors.Should().ContainSingle().Which.Should().Contain("Ürün 1");
        order.Should().BeNull();
        (await _harness.Sandbox.CallCountsAsync()).Should().NotContainKey("Pos_Odeme", "nothing was started");
    }

    [Test]
    public async Task ConcurrentReturnsOnTwoNodes_DeclareEachShareOnce()
    {
        var (order, callback) = await OrderAtTheBankAsync();
        var nodeB = _harness.AddNode("B");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(index => Task.Run(() => _harness.PostReturnAsync(callback, index % 2 == 0 ? null : nodeB))));

        (await SharesAsync(order)).Should().HaveCount(3).And.OnlyContain(share => share.State == MarketplaceShareState.Declared && share.Attempt == 1);
        (await _harness.Sandbox.CallCountsAsync())["Pazaryeri_TP_Siparis_Detay_Ekle"].Should().Be(3);
    }

    [Test]
    public async Task AFailedDeclaration_IsRetriedOnceAndOnlyOnce()
    {
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "Pazaryeri_TP_Siparis_Detay_Ekle", Mode = FaultMode.Http500, Count = 1 });
        var (order, callback) = await OrderAtTheBankAsync();

        (await _harness.PostReturnAsync(callback)).Result.Should().Be(Payments.CallbackResult.Paid, "a failed declaration never touches the payment");
        (await SharesAsync(order)).Count(share => share.State == MarketplaceShareState.Failed).Should().Be(1);

        var retries = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceShareDeclarer>().RetryFailedAsync()))));

        retries.Sum(run => run.Count).Should().Be(1, "four runs at once retry the failed share once");
        (await SharesAsync(order)).GroupBy(share => share.VendorId).Select(group => group.OrderBy(share => share.Attempt).Last().State)
            .Should().OnlyContain(state => state == MarketplaceShareState.Declared);
        (await _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceShareDeclarer>().RetryFailedAsync())).Should().BeEmpty();
    }

    [Test]
    public async Task ALostAnswer_IsFoundAtParam_NotDeclaredTwice()
    {
        _harness.PluginSettings.RequestTimeoutSeconds = 1;
        _harness.Settings.Put(_harness.PluginSettings);
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "Pazaryeri_TP_Siparis_Detay_Ekle", Mode = FaultMode.Timeout, DelayMilliseconds = 2500, Count = 1 });
        var (order, callback) = await OrderAtTheBankAsync();
        await _harness.PostReturnAsync(callback);
        await Task.Delay(2000);

        var retried = await _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceShareDeclarer>().RetryFailedAsync());

        retried.Should().ContainSingle().Which.Answer.Should().Contain("found at Param");
        (await _harness.Sandbox.CallCountsAsync())["Pazaryeri_TP_Siparis_Detay_Ekle"].Should().Be(3, "the lost declaration was not sent again");
    }

    [Test]
    public async Task AnInstallmentPaymentTheStoreAbsorbs_IsDeclaredWithinWhatParamPays()
    {
        _harness.PluginSettings.CommissionPayer = CommissionPayer.Merchant;
        _harness.Settings.Put(_harness.PluginSettings);
        _store.Installments = 3;
        var (order, callback) = await OrderAtTheBankAsync();

        (await _harness.PostReturnAsync(callback)).Result.Should().Be(Payments.CallbackResult.Paid);

        var attempt = (await _harness.LedgerAsync(order)).LatestAttempt;
        attempt.CommissionRate.Should().BeGreaterThan(1.79m, "three installments cost more than the single-payment commission");
        var shares = await SharesAsync(order);
        shares.Should().HaveCount(3).And.OnlyContain(share => share.State == MarketplaceShareState.Declared, "Param's net of the installment commission was used");
        shares.Sum(share => share.ProductAmount).Should().BeLessThan(attempt.Total - attempt.Total * attempt.CommissionRate / 100m);
    }

    [Test]
    public async Task TheMarketplaceBearingParamsCommission_AndSharingShipping_ChangeWhatVendorsArePaid()
    {
        _harness.PluginSettings.MarketplaceCommissionBearer = MarketplaceCommissionBearer.Marketplace;
        _harness.Settings.Put(_harness.PluginSettings);
        var (order, callback) = await OrderAtTheBankAsync();

        await _harness.PostReturnAsync(callback);

        (await SharesAsync(order)).Select(share => share.PayableAmount).Should().Equal(new[] { 45m, 27m, 18m }, "each vendor's goods less the marketplace's 10 %");

        _harness.PluginSettings.MarketplaceCommissionBearer = MarketplaceCommissionBearer.Vendors;
        _harness.PluginSettings.MarketplaceShippingToVendors = true;
        _harness.Settings.Put(_harness.PluginSettings);
        var (second, secondCallback) = await OrderAtTheBankAsync();
        var withShipping = _harness.Orders.Get(second.Id);
        withShipping.OrderShippingInclTax = 10m;
        await _harness.Orders.UpdateOrderAsync(withShipping);

        await _harness.PostReturnAsync(secondCallback);

        var shares = await SharesAsync(second);
        shares.Select(share => share.Goods).Should().Equal(new[] { 55m, 33m, 22m }, "10,00 shipping shared 50 : 30 : 20");
        shares.Should().OnlyContain(share => share.State == MarketplaceShareState.Declared);
    }
}
