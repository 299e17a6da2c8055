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
/// A marketplace store on the sandbox (3D Pay, Param's commission 1.79 %, the marketplace's 10 %) whose vendors 11–13 are
/// sellers at Param and vendor 14 is not; product n belongs to vendor 10 + n.
/// </summary>
public abstract class MarketplaceStoreFixture
{
    protected CheckoutHarness _harness;
    protected ParamClient _client;
    protected ParamCallContext _context;

    /// <summary>Gets the store's tables (in memory unless a fixture says otherwise).</summary>
    protected virtual Func<Task<HarnessStorage>> Storage => null;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartAsync(settings =>
        {
            settings.PaymentModel = PaymentModel.ThreeDPay;
            settings.MarketplaceMode = true;
            settings.MarketplaceParamCommissionRate = 1.79m;
            settings.MarketplaceDefaultCommissionRate = 10m;
        }, storage: Storage);
        _harness.PluginSettings.MarketplaceGuid = _harness.Sandbox.Credentials.Guid;
        _harness.Settings.Put(_harness.PluginSettings);
        _client = new ParamClient(new HttpClient(), new ParamClientOptions { QueryRetries = 0 });
        _context = new ParamCallContext(_harness.Sandbox.Credentials, new Uri(_harness.Sandbox.SandboxBaseUrl, SandboxHost.MARKETPLACE_PATH.TrimStart('/')), TimeSpan.FromSeconds(30));

        // Vendors 11–13 are sellers at Param, vendor 14 is not; product n belongs to vendor 10 + n.
        foreach (var (vendorId, identity) in new[] { (11, "10000000146"), (12, "12345678950"), (13, "17345678912") })
        {
            var seller = await _client.AddSubMerchantAsync(new SubMerchant
            {
                Type = SellerType.SoleProprietor, Name = "Satıcı " + vendorId, IdentityNumber = identity, BirthDate = new DateOnly(1985, 5, 5), Mobile = "5321234567",
                Iban = "TR330006100519786457841326", IbanHolder = "Satıcı " + vendorId, Province = 34, District = 1183, TaxOffice = "Kadıköy"
            }, _harness.Sandbox.Credentials.Guid, _context);
            seller.Error.Should().BeNull();
            await _harness.InScopeAsync(async services =>
            {
                await services.GetRequiredService<MarketplaceRecords>().AddSellerAsync(new ParamPosMarketplaceSeller { VendorId = vendorId, SubMerchantGuid = seller.SubMerchantGuid });
                return true;
            });
        }

        for (var productId = 1; productId <= 4; productId++)
            _harness.Catalog.Add(new Product { Id = productId, Name = "Ürün " + productId, VendorId = 10 + productId });
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    protected Task<IList<ParamPosMarketplaceShare>> SharesAsync(Order order) =>
        _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceRecords>().SharesOfOrderAsync(order.OrderGuid));

    /// <summary>The 100,00 cart placed with its lines (vendor 11: 50, 12: 30, 13: 20, or as given), up to the bank's page.</summary>
    protected async Task<(Order Order, BankCallback Callback)> OrderAtTheBankAsync(params (int ProductId, decimal Price)[] lines)
    {
        var order = await _harness.CheckoutToBankAsync();
        _harness.Catalog.SetOrderItems(order.Id, (lines.Length == 0 ? [(1, 50m), (2, 30m), (3, 20m)] : lines)
            .Select(line => new OrderItem { OrderId = order.Id, ProductId = line.ProductId, Quantity = 1, UnitPriceInclTax = line.Price, PriceInclTax = line.Price }).ToList());

        return (order, await _harness.AuthenticateAsync(order, approve: true));
    }
}
