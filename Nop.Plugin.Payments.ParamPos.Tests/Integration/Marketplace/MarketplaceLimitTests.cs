using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Marketplace;

/// <summary>
/// An individual seller's spending limit checked with Param before the payment starts (Pazaryeri_TP_Limit_Kontrol): a
/// cart over it is refused at the payment step and at the order, naming the goods; under it, or for a company, the
/// payment goes on; an unreachable limit check does not stop the shopper.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Marketplace), Category(TestCategories.Checkout)]
public class MarketplaceLimitTests : MarketplaceStoreFixture
{
    private const int INDIVIDUAL_VENDOR = 15;

    protected override Action<SandboxOptions> Sandbox => options => options.IndividualSellerLimit = 150m;

    /// <summary>Vendor 15, a private person at Param, sells product 1 (the test cart's line, 100,00).</summary>
    private async Task IndividualSellsTheCartAsync()
    {
        var seller = await _client.AddSubMerchantAsync(new SubMerchant
        {
            Type = SellerType.Individual, Name = "Ayşe Yılmaz", IdentityNumber = "12345678028", BirthDate = new DateOnly(1990, 1, 2), Mobile = "5321234567",
            Iban = "TR330006100519786457841326", IbanHolder = "Ayşe Yılmaz", Province = 34, District = 1183
        }, _harness.Sandbox.Credentials.Guid, _context);
        seller.Error.Should().BeNull();
        await _harness.InScopeAsync(async services =>
        {
            await services.GetRequiredService<MarketplaceRecords>().AddSellerAsync(new ParamPosMarketplaceSeller
            {
                VendorId = INDIVIDUAL_VENDOR, Name = "Ayşe Yılmaz", SellerTypeId = (int)SellerType.Individual, SubMerchantGuid = seller.SubMerchantGuid
            });
            return true;
        });
        _harness.Catalog.Add(new Product { Id = 1, Name = "El yapımı kupa", VendorId = INDIVIDUAL_VENDOR });
    }

    [Test]
    public async Task UnderTheLimit_ThePaymentGoesOn_OverIt_TheCartIsRefused()
    {
        await IndividualSellsTheCartAsync();

        var (firstErrors, _) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm());
        firstErrors.Should().BeEmpty("100,00 is within the 150 TL limit");
        var (order, callback) = await OrderAtTheBankAsync((1, 100m));
        await _harness.PostReturnAsync(callback);
        (await SharesAsync(order)).Should().ContainSingle(share => share.VendorId == INDIVIDUAL_VENDOR && share.State == MarketplaceShareState.Declared);

        _harness.Shop.FillCart(_harness.Shop.DefaultCustomer.Id);
        var (errors, _) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm());

        errors.Should().ContainSingle().Which.Should().Contain("spending limit").And.Contain("El yapımı kupa");
        (await _harness.Sandbox.CallCountsAsync())["Pazaryeri_TP_Limit_Kontrol"].Should().BeGreaterThanOrEqualTo(2);
    }

    [Test]
    public async Task ACartRefusedAtTheOrder_StartsNoPayment()
    {
        await IndividualSellsTheCartAsync();
        var (errors, request) = await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm());
        errors.Should().BeEmpty();

        // Another order of the same seller takes its limit before this one is placed.
        var (other, callback) = await OrderAtTheBankAsync((1, 100m));
        await _harness.PostReturnAsync(callback);
        _harness.Shop.FillCart(_harness.Shop.DefaultCustomer.Id);
        var before = (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault("Pos_Odeme");
        var (refused, order) = await _harness.PlaceOrderAsync(request);

        refused.Success.Should().BeFalse();
        refused.Errors.Should().ContainSingle().Which.Should().Contain("spending limit");
        order.Should().BeNull();
        (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault("Pos_Odeme").Should().Be(before, "nothing was started");
        other.Should().NotBeNull();
    }

    [Test]
    public async Task ACompanyHasNoLimit_AndAnUnreachableCheckDoesNotStopTheShopper()
    {
        _harness.Shop.FillCart(_harness.Shop.DefaultCustomer.Id);
        (await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm())).Errors.Should().BeEmpty();
        (await _harness.Sandbox.CallCountsAsync()).Should().NotContainKey("Pazaryeri_TP_Limit_Kontrol", "vendor 11 is a sole proprietorship");

        await IndividualSellsTheCartAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "Pazaryeri_TP_Limit_Kontrol", Mode = FaultMode.Http500, Count = 10 });

        (await _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm())).Errors.Should().BeEmpty();
        _harness.Logger.Entries.Should().Contain(entry => entry.Text.Contains("individual seller limit of vendor 15 could not be checked"));
    }
}
