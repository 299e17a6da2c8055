using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.ParamPos.Controllers;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Marketplace;

/// <summary>
/// The vendor page's "Param marketplace seller" block: a vendor registered at the sandbox's marketplace service, its
/// data checked with Param's rules first (nothing sent while one fails), updated, and shown again masked.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Marketplace)]
public class MarketplaceSellerTests
{
    private CheckoutHarness _harness;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartAsync(settings =>
        {
            settings.PaymentModel = PaymentModel.ThreeDPay;
            settings.MarketplaceMode = true;
        });
        _harness.PluginSettings.MarketplaceGuid = _harness.Sandbox.Credentials.Guid;
        _harness.Settings.Put(_harness.PluginSettings);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    private Task<IActionResult> SaveAsync(MarketplaceSellerModel model) => _harness.InScopeAsync(async services =>
    {
        var controller = ActivatorUtilities.CreateInstance<ParamPosMarketplaceController>(services);
        controller.ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext { RequestServices = services } };
        controller.Url = Moq.Mock.Of<IUrlHelper>();

        return await controller.SaveSeller(model);
    });

    private static MarketplaceSellerModel Company() => new()
    {
        VendorId = 21, SellerTypeId = 3, Name = "Yılmaz Ticaret", Title = "Yılmaz Ticaret Ltd. Şti.", IdentityNumber = "4840847211", Mobile = "0532 123 45 67",
        Iban = "tr33 0006 1005 1978 6457 8413 26", IbanHolder = "Yılmaz Ticaret Ltd. Şti.", Address = "Kadıköy", Province = 34, District = 1421, TaxOffice = "Kadıköy",
        AuthorisedPersonIdentity = "10000000146", AuthorisedPersonBirthDate = "1980-01-02", CommissionRate = 8m
    };

    [Test]
    public async Task AVendor_IsRegistered_ThenUpdated_AndBadDataIsRefusedBeforeAnythingIsSent()
    {
        (await SaveAsync(Company() with { Iban = "TR000000000000000000000000", TaxOffice = "" })).Should().BeOfType<RedirectToActionResult>();
        _harness.Notifications.Messages.Where(message => message.Kind == "error").Select(message => message.Message).Should().ContainSingle().Which.Should().Contain("IBAN").And.Contain("tax office");
        (await _harness.Sandbox.CallCountsAsync()).Should().NotContainKey("Pazaryeri_TP_AltUyeIsyeri_Ekleme", "nothing is sent while a rule fails");

        var redirect = (RedirectToActionResult)await SaveAsync(Company());

        redirect.ActionName.Should().Be("Edit");
        redirect.RouteValues!["id"].Should().Be(21);
        var record = await _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceRecords>().SellerOfVendorAsync(21));
        record.Should().BeEquivalentTo(new { SellerTypeId = 3, MaskedIdentityNumber = "*******211", Iban = "TR330006100519786457841326", Mobile = "5321234567", CommissionRate = 8m });
        record.SubMerchantGuid.Should().MatchRegex("^[0-9a-f-]{36}$");

        await SaveAsync(Company() with { IdentityNumber = null, AuthorisedPersonIdentity = null, Iban = "TR330006100519786457841326", IbanHolder = "Yeni Unvan" });
        (await _harness.Sandbox.CallCountsAsync())["Pazaryeri_TP_AltUyeIsyeri_Guncelleme"].Should().Be(1, "a registered vendor is updated");
        (await _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceRecords>().SellerOfVendorAsync(21))).IbanHolder.Should().Be("Yeni Unvan");

        var shown = await _harness.InScopeAsync(services => services.GetRequiredService<MarketplaceSellerModelFactory>().PrepareAsync(21));
        shown.Should().BeEquivalentTo(new { SubMerchantGuid = record.SubMerchantGuid, MaskedIdentityNumber = "*******211", IbanHolder = "Yeni Unvan", IdentityNumber = (string)null });
        _harness.Notifications.Messages.Count(message => message.Kind == "success").Should().Be(2);
    }
}
