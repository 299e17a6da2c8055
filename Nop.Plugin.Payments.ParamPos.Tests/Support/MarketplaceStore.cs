using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using ParamPos.Sandbox;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>
/// A marketplace store on the sandbox: vendors 11–13 registered as sellers at Param, vendor 14 not; product n belongs to
/// vendor 10 + n. Used by the marketplace fixtures and the browser host alike.
/// </summary>
public sealed class MarketplaceStore
{
    private MarketplaceStore(CheckoutHarness harness)
    {
        Harness = harness;
        Client = new ParamClient(new HttpClient(), new ParamClientOptions { QueryRetries = 0 });
        Context = new ParamCallContext(harness.Sandbox.Credentials, new Uri(harness.Sandbox.SandboxBaseUrl, SandboxHost.MARKETPLACE_PATH.TrimStart('/')), TimeSpan.FromSeconds(30));
    }

    public CheckoutHarness Harness { get; }

    /// <summary>A client of the sandbox's marketplace service, to look at Param's side.</summary>
    public ParamClient Client { get; }

    public ParamCallContext Context { get; }

    /// <summary>Gets or sets the installments the next orders are paid in.</summary>
    public int Installments { get; set; } = 1;

    /// <summary>Sets the store up: the marketplace GUID, the sellers, the products.</summary>
    public static async Task<MarketplaceStore> OpenAsync(CheckoutHarness harness)
    {
        harness.PluginSettings.MarketplaceGuid = harness.Sandbox.Credentials.Guid;
        harness.Settings.Put(harness.PluginSettings);
        var store = new MarketplaceStore(harness);
        foreach (var (vendorId, identity) in new[] { (11, "10000000146"), (12, "12345678950"), (13, "17345678912") })
        {
            var seller = await store.Client.AddSubMerchantAsync(new SubMerchant
            {
                Type = SellerType.SoleProprietor, Name = "Satıcı " + vendorId, IdentityNumber = identity, BirthDate = new DateOnly(1985, 5, 5), Mobile = "5321234567",
                Iban = "TR330006100519786457841326", IbanHolder = "Satıcı " + vendorId, Province = 34, District = 1183, TaxOffice = "Kadıköy"
            }, harness.Sandbox.Credentials.Guid, store.Context);
            seller.Error.Should().BeNull();
            await harness.InScopeAsync(async services =>
            {
                await services.GetRequiredService<MarketplaceRecords>().AddSellerAsync(new ParamPosMarketplaceSeller { VendorId = vendorId, Name = "Satıcı " + vendorId, SubMerchantGuid = seller.SubMerchantGuid });
                return true;
            });
        }

        for (var productId = 1; productId <= 4; productId++)
            harness.Catalog.Add(new Product { Id = productId, Name = "Ürün " + productId, VendorId = 10 + productId });

        return store;
    }

    /// <summary>The 100,00 cart placed with its lines (vendor 11: 50, 12: 30, 13: 20, or as given), up to the bank's page.</summary>
    public async Task<(Order Order, BankCallback Callback)> OrderAtTheBankAsync(params (int ProductId, decimal Price)[] lines)
    {
        var order = await Harness.CheckoutToBankAsync(installments: Installments);
        Harness.Catalog.SetOrderItems(order.Id, (lines.Length == 0 ? [(1, 50m), (2, 30m), (3, 20m)] : lines)
            .Select(line => new OrderItem { OrderId = order.Id, ProductId = line.ProductId, Quantity = 1, UnitPriceInclTax = line.Price, PriceInclTax = line.Price }).ToList());

        return (order, await Harness.AuthenticateAsync(order, approve: true));
    }

    /// <summary>The order's shares as the plugin recorded them.</summary>
    public Task<IList<ParamPosMarketplaceShare>> SharesAsync(Order order) =>
        Harness.InScopeAsync(services => services.GetRequiredService<MarketplaceRecords>().SharesOfOrderAsync(order.OrderGuid));

    /// <summary>Param's Durum of each of the order's lines.</summary>
    public async Task<IList<string>> StatusesAtParamAsync(Order order)
    {
        var transactionId = long.Parse((await SharesAsync(order))[0].TransactionId);

        return (await Client.QuerySharesAsync(Harness.Sandbox.Credentials.Guid, null, null, transactionId, Context)).Shares.Select(share => share.Status).ToList();
    }

    /// <summary>Param's lines of the order.</summary>
    public async Task<IReadOnlyList<ShareRecord>> LinesAtParamAsync(Order order)
    {
        var transactionId = long.Parse((await SharesAsync(order))[0].TransactionId);

        return (await Client.QuerySharesAsync(Harness.Sandbox.Credentials.Guid, null, null, transactionId, Context)).Shares;
    }
}
