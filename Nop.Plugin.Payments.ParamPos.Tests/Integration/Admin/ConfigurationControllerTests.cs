using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Tax;
using Nop.Plugin.Payments.ParamPos.Controllers;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Admin;

/// <summary>
/// The configuration page's controller with the plugin's services over in-memory nopCommerce services; "Test
/// connection" and the rates preview talk to the sandbox over HTTP. These tests check the model the view prints; the
/// rendered page is driven in Chromium by AdminConfigurationBrowserTests.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Admin)]
public class ConfigurationControllerTests
{
    private const string GUID = "0c13d406-873b-403b-9c09-a5766840d98c";
    private CheckoutHarness _harness;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    private Task<T> WithControllerAsync<T>(Func<PaymentParamPosController, Task<T>> action, int storeScope = 0)
    {
        _harness.Shop.ActiveStoreScope = storeScope;

        return _harness.InScopeAsync(async services =>
        {
            var controller = ActivatorUtilities.CreateInstance<PaymentParamPosController>(services);
            var http = new DefaultHttpContext { RequestServices = services };
            controller.ControllerContext = new ControllerContext { HttpContext = http };
            controller.TempData = new Microsoft.AspNetCore.Mvc.ViewFeatures.TempDataDictionary(http, Moq.Mock.Of<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider>());
            controller.Url = Moq.Mock.Of<IUrlHelper>();

            return await action(controller);
        });
    }

    private static ConfigurationModel ModelOf(IActionResult result) => (ConfigurationModel)((ViewResult)result).Model!;

    private async Task<ConfigurationModel> CurrentModelAsync(int storeScope = 0) => ModelOf(await WithControllerAsync(controller => controller.Configure(), storeScope));

    [Test]
    public async Task Configure_ShowsTheSettingsWithoutTheirSecrets()
    {
        var model = await CurrentModelAsync();

        model.ClientCode.Should().Be("10738");
        model.ClientUsername.Should().Be("Test");
        model.EnvironmentId.Should().Be((int)ParamEnvironment.Custom);
        model.ClientPassword.Should().BeEmpty();
        model.Guid.Should().BeEmpty();
        model.HasClientPassword.Should().BeTrue();
        model.HasGuid.Should().BeTrue();
        model.ClientPasswordPlaceholder.Should().Be("Stored (hidden). Leave empty to keep it.");
        model.Warnings.Should().BeEmpty();
        model.AvailablePaymentModes.Single(item => item.Value == "10").Disabled.Should().BeFalse("the Paratika hosted payment page can be chosen");
        model.AvailableParatikaEnvironments.Select(item => item.Text).Should().Equal("Paratika test service", "Paratika production service", "Custom URL (e.g. the local sandbox)");
        model.AvailableEnvironments.Select(item => item.Text).Should().Equal("Param test service", "Param production service", "Custom URL (e.g. the local sandbox)");
    }

    [Test, Category(TestCategories.PreAuth)]
    public async Task PendingCaptures_ListsHeldOrders_FlagsOldOnes_AndWarnsWhenSaleModeHidesCapture()
    {
        _harness.PluginSettings.TransactionMode = TransactionMode.AuthorizeOnly;
        _harness.Settings.Put(_harness.PluginSettings);
        var old = await _harness.AuthorizedOrderAsync();
        _harness.Clock.Advance(TimeSpan.FromDays(8));
        var recent = await _harness.AuthorizedOrderAsync(card: TestCards.ZIRAAT_VISA);
        var captured = await _harness.AuthorizedOrderAsync();
        (await _harness.CaptureAsync(captured.Id)).Success.Should().BeTrue();

        var authorizeOnly = await CurrentModelAsync();
        _harness.PluginSettings.TransactionMode = TransactionMode.Sale;
        _harness.Settings.Put(_harness.PluginSettings);
        var sale = await CurrentModelAsync();

        authorizeOnly.TransactionModeId.Should().Be((int)TransactionMode.AuthorizeOnly);
        authorizeOnly.AuthorizationWarningDays.Should().Be(7, "the default when a store has not set it");
        authorizeOnly.PendingCaptures.Select(pending => pending.OrderId).Should().Equal([old.Id, recent.Id], "oldest first; a captured order no longer waits");
        authorizeOnly.PendingCaptures[0].Risk.Should().Be("Older than 7 days: the bank may release it; capture or void it now.");
        authorizeOnly.PendingCaptures[1].Risk.Should().BeNull();
        authorizeOnly.PendingCaptures[0].Amount.Should().Be("101.75 TRY");
        authorizeOnly.PendingCapturesHidden.Should().BeFalse();
        sale.PendingCapturesHidden.Should().BeTrue("nopCommerce hides Capture and Void in Sale mode, and two orders still wait");
        sale.AvailableTransactionModes.Select(item => item.Text).Should().Equal("Sale: charge at checkout", "Authorize only: hold at checkout, capture later");
    }

    [Test, Category(TestCategories.ThreeDPay), Category(TestCategories.Currency)]
    public async Task Save_PaymentModelAndCurrencies_AreStored_AndAnUnknownCurrencyIsRefused()
    {
        var model = await CurrentModelAsync();

        await WithControllerAsync(controller => controller.Configure(model with { PaymentModelId = (int)PaymentModel.ThreeDPay, ForeignCurrencies = "eur, usd" }));
        var stored = await _harness.Settings.LoadSettingAsync<ParamPosSettings>();
        var refused = ModelOf(await WithControllerAsync(controller => controller.Configure(model with { ForeignCurrencies = "EUR,JPY" })));
        var shown = await CurrentModelAsync();

        stored.PaymentModel.Should().Be(PaymentModel.ThreeDPay);
        stored.ForeignCurrencies.Should().Be("EUR,USD");
        (await _harness.Settings.LoadSettingAsync<ParamPosSettings>()).ForeignCurrencies.Should().Be("EUR,USD", "an invalid form changes nothing");
        refused.ForeignCurrencies.Should().Be("EUR,JPY", "the form is shown again as typed");
        shown.AvailablePaymentModels.Select(item => item.Text).Should().Equal("3D Model (the store completes the payment)", "3D Pay (the bank completes the payment)");
    }

    [Test, Category(TestCategories.Widget)]
    public async Task Save_TheInstallmentTablesPlaceAndFamilies_AreStored_AndAnUnknownZoneIsRefused()
    {
        var cold = await CurrentModelAsync();
        cold.AvailableCardFamilies.Should().BeEmpty("the families come from the cached rate list only");
        cold.AvailableInstallmentWidgetZones.Select(item => item.Value).Should().Equal("", "productdetails_overview_bottom", "product_price_bottom", "productdetails_add_info",
            "productdetails_essential_bottom", "productdetails_bottom");
        cold.AvailableInstallmentWidgetZones.Select(item => item.Text).Should().Contain(["Not on the product page", "Below the price"]);

        await WithControllerAsync(controller => controller.Configure(cold with
        {
            InstallmentWidgetZone = "product_price_bottom", InstallmentWidgetInCart = true, InstallmentWidgetCardFamilyIds = [1029, 1014, 1014], OfferSavedCards = true
        }));
        var stored = await _harness.Settings.LoadSettingAsync<ParamPosSettings>();
        var refused = ModelOf(await WithControllerAsync(controller => controller.Configure(cold with { InstallmentWidgetZone = "header_links_before" })));
        await _harness.InScopeAsync(services => services.GetRequiredService<Installments.InstallmentRateService>().GetRatesAsync(stored));
        var shown = await CurrentModelAsync();

        stored.Should().BeEquivalentTo(new { InstallmentWidgetZone = "product_price_bottom", InstallmentWidgetInCart = true, InstallmentWidgetCardFamilies = "1014,1029", OfferSavedCards = true });
        refused.Should().NotBeNull();
        (await _harness.Settings.LoadSettingAsync<ParamPosSettings>()).InstallmentWidgetZone.Should().Be("product_price_bottom", "an invalid form changes nothing");
        shown.AvailableCardFamilies.Where(item => item.Selected).Select(item => item.Value).Should().BeEquivalentTo(["1014", "1029"]);
        shown.AvailableCardFamilies.Count.Should().BeGreaterThan(2);
        shown.AvailableInstallmentWidgetZones.Single(item => item.Selected).Value.Should().Be("product_price_bottom");
    }

    [Test, Category(TestCategories.Marketplace)]
    public async Task Save_MarketplaceMode_NeedsThreeDPayAndTheMarketplaceGuid_AndIsStored()
    {
        var model = await CurrentModelAsync();

        var refused = ModelOf(await WithControllerAsync(controller => controller.Configure(model with { MarketplaceMode = true, MarketplaceGuid = "x" })));
        (await _harness.Settings.LoadSettingAsync<ParamPosSettings>()).MarketplaceMode.Should().BeFalse("3D Model and a malformed GUID are refused");
        refused.MarketplaceMode.Should().BeTrue("the form is shown again as typed");

        await WithControllerAsync(controller => controller.Configure(model with
        {
            MarketplaceMode = true, MarketplaceGuid = GUID, PaymentModelId = (int)PaymentModel.ThreeDPay, MarketplaceParamCommissionRate = 1.79m, MarketplaceDefaultCommissionRate = 12.5m,
            MarketplaceApprovalTriggerId = (int)MarketplaceApprovalTrigger.ShipmentDelivered, MarketplaceCommissionBearerId = (int)MarketplaceCommissionBearer.Marketplace,
            MarketplaceShippingToVendors = true, MarketplaceFundsDiscounts = true
        }));
        var stored = await _harness.Settings.LoadSettingAsync<ParamPosSettings>();

        stored.Should().BeEquivalentTo(new
        {
            MarketplaceMode = true, MarketplaceGuid = GUID, MarketplaceParamCommissionRate = 1.79m, MarketplaceDefaultCommissionRate = 12.5m,
            MarketplaceApprovalTrigger = MarketplaceApprovalTrigger.ShipmentDelivered, MarketplaceCommissionBearer = MarketplaceCommissionBearer.Marketplace,
            MarketplaceShippingToVendors = true, MarketplaceFundsDiscounts = true
        });
        var shown = await CurrentModelAsync();
        shown.MarketplaceDefaultCommissionRate.Should().Be(12.5m);
        shown.AvailableMarketplaceApprovalTriggers.Should().ContainSingle(choice => choice.Selected).Which.Value.Should().Be(((int)MarketplaceApprovalTrigger.ShipmentDelivered).ToString());
    }

    [Test, Category(TestCategories.PreAuth)]
    public async Task Save_TransactionModeAndWarningAge_AreStored_AndAWrongAgeIsRefused()
    {
        var model = await CurrentModelAsync();

        await WithControllerAsync(controller => controller.Configure(model with { TransactionModeId = (int)TransactionMode.AuthorizeOnly, AuthorizationWarningDays = 5 }));
        var stored = await _harness.Settings.LoadSettingAsync<ParamPosSettings>();
        var refused = ModelOf(await WithControllerAsync(controller => controller.Configure(model with { AuthorizationWarningDays = 45 })));

        stored.TransactionMode.Should().Be(TransactionMode.AuthorizeOnly);
        stored.AuthorizationWarningDays.Should().Be(5);
        (await _harness.Settings.LoadSettingAsync<ParamPosSettings>()).AuthorizationWarningDays.Should().Be(5, "an invalid form changes nothing");
        refused.AuthorizationWarningDays.Should().Be(45, "the form is shown again as typed");
    }

    [Test]
    public async Task Configure_PreviewsTheRatesTheShopperWillSee()
    {
        var preview = (await CurrentModelAsync()).RatesPreview;

        preview.Error.Should().BeNull();
        preview.ExampleAmount.Should().Be("100.00 TRY");
        preview.Rows.Select(row => row.Installments).Should().HaveCount(12).And.StartWith("Single payment");
        preview.CardFamilies.Should().HaveCount(7).And.StartWith("Axess");
        var axess = preview.CardFamilies.IndexOf("Axess");
        preview.Rows[0].Cells[axess].Should().Be(new RatesPreviewCellModel { Rate = "1.75 %", Total = "101.75 TRY" });
        preview.Rows[2].Cells[axess].Should().Be(new RatesPreviewCellModel { Rate = "4.10 %", Total = "104.10 TRY" });
        preview.Rows[3].Cells[axess].Should().Be(new RatesPreviewCellModel { Rate = "–" }, "-2: not offered");
        preview.Rows[6].Cells[axess].Should().Be(new RatesPreviewCellModel { Rate = "–" }, "-1: not offered");
    }

    [Test]
    public async Task Save_ForAllStores_KeepsStoredSecretsWhenTheFieldsAreEmpty()
    {
        var model = await CurrentModelAsync();
        model = model with { MaximumInstallments = 6, CommissionPayerId = (int)CommissionPayer.Merchant, ClientPassword = "", Guid = "" };

        await WithControllerAsync(controller => controller.Configure(model));

        var saved = await _harness.Settings.LoadSettingAsync<ParamPosSettings>();
        saved.MaximumInstallments.Should().Be(6);
        saved.CommissionPayer.Should().Be(CommissionPayer.Merchant);
        saved.ClientPassword.Should().Be("Test", "an empty password field keeps the stored one");
        saved.Guid.Should().Be(GUID);
        _harness.Notifications.Messages.Should().ContainSingle(message => message.Kind == "success");
        _harness.Settings.ClearCacheCalls.Should().Be(1);
    }

    [Test]
    public async Task Save_ANewSecret_IsStoredButNeverShownAgain()
    {
        var model = (await CurrentModelAsync()) with { ClientPassword = "N3w-Pa55", Guid = "AAAAAAAA-873B-403B-9C09-A5766840D98C" };

        var result = await WithControllerAsync(controller => controller.Configure(model));

        var saved = await _harness.Settings.LoadSettingAsync<ParamPosSettings>();
        saved.ClientPassword.Should().Be("N3w-Pa55");
        saved.Guid.Should().Be("aaaaaaaa-873b-403b-9c09-a5766840d98c", "Param's GUIDs are lower case");
        ModelOf(result).ClientPassword.Should().BeEmpty();
        ModelOf(result).Guid.Should().BeEmpty();
    }

    [Test]
    public async Task Save_ForOneStore_OverridesOnlyTheCheckedSettings()
    {
        var model = (await CurrentModelAsync(storeScope: 1)) with
        {
            MaximumInstallments = 3,
            MaximumInstallments_OverrideForStore = true,
            MinimumAmountForInstallments = 500m,
            MinimumAmountForInstallments_OverrideForStore = false
        };

        await WithControllerAsync(controller => controller.Configure(model), storeScope: 1);

        (await _harness.Settings.LoadSettingAsync<ParamPosSettings>(1)).MaximumInstallments.Should().Be(3);
        (await _harness.Settings.LoadSettingAsync<ParamPosSettings>(1)).MinimumAmountForInstallments.Should().Be(0m, "not overridden for the store");
        (await _harness.Settings.LoadSettingAsync<ParamPosSettings>(0)).MaximumInstallments.Should().Be(12, "all stores unchanged");
        _harness.Settings.HasOverride<ParamPosSettings>(nameof(ParamPosSettings.MaximumInstallments), 1).Should().BeTrue();
        (await CurrentModelAsync(storeScope: 1)).MaximumInstallments_OverrideForStore.Should().BeTrue();
    }

    [TestCase(nameof(ConfigurationModel.ClientCode), "10738a", "CLIENT_CODE contains only digits.")]
    [TestCase(nameof(ConfigurationModel.Guid), "not-a-guid", "The GUID looks like")]
    [TestCase(nameof(ConfigurationModel.CustomServiceUrl), "http://sandbox.example.com/turkpos.ws/service_turkpos_prod.asmx", "Use https")]
    [TestCase(nameof(ConfigurationModel.CustomServiceUrl), "not a url", "Enter the full service URL")]
    [TestCase(nameof(ConfigurationModel.PaymentModeId), "30", "Choose one of the")]
    [TestCase(nameof(ConfigurationModel.ParatikaMerchant), "10000000a", "digits only")]
    [TestCase(nameof(ConfigurationModel.MaximumInstallments), "13", "from 1 to 12")]
    [TestCase(nameof(ConfigurationModel.AcceptedMdStatuses), "2,3", "List 1")]
    [TestCase(nameof(ConfigurationModel.RequestTimeoutSeconds), "1", "5 to 120 seconds")]
    public async Task Save_RefusesInvalidValuesWithClearMessages(string property, string value, string message)
    {
        var model = await CurrentModelAsync();
        var propertyInfo = typeof(ConfigurationModel).GetProperty(property)!;
        propertyInfo.SetValue(model, Convert.ChangeType(value, propertyInfo.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        var before = await _harness.Settings.LoadSettingAsync<ParamPosSettings>();

        var (result, modelState) = await WithControllerAsync(async controller => (await controller.Configure(model), controller.ModelState));

        modelState[property]!.Errors.Should().ContainSingle().Which.ErrorMessage.Should().Contain(message);
        (await _harness.Settings.LoadSettingAsync<ParamPosSettings>()).Should().BeEquivalentTo(before, "nothing is saved");
        var shown = ModelOf(result);
        shown.ClientPassword.Should().BeEmpty();
        shown.Guid.Should().BeEmpty("a posted secret is not echoed back, even after a validation error");
    }

    private async Task<ConnectionTestModel> TestConnectionAsync(ConfigurationModel model)
    {
        var result = await WithControllerAsync(controller => controller.TestConnection(model));

        var content = (ContentResult)result;
        content.ContentType.Should().StartWith("application/json");

        // Read the way the page's script reads it.
        using var json = System.Text.Json.JsonDocument.Parse(content.Content!);

        return new ConnectionTestModel { Success = json.RootElement.GetProperty("success").GetBoolean(), Message = json.RootElement.GetProperty("message").GetString() };
    }

    [Test]
    public async Task TestConnection_Succeeds_WithTheStoredSecrets()
    {
        var answer = await TestConnectionAsync(await CurrentModelAsync());

        answer.Success.Should().BeTrue(answer.Message);
        answer.Message.Should().Be("Connected: Param accepted the credentials and returned 7 card programs.");
    }

    [Test]
    public async Task TestConnection_UsesUnsavedValues_AndExplainsParamsRefusal()
    {
        var wrongUser = await TestConnectionAsync((await CurrentModelAsync()) with { ClientUsername = "Nobody" });
        var wrongPassword = await TestConnectionAsync((await CurrentModelAsync()) with { ClientPassword = "wrong" });
        var wrongGuid = await TestConnectionAsync((await CurrentModelAsync()) with { Guid = "11111111-2222-3333-4444-555555555555" });

        wrongUser.Success.Should().BeFalse();
        wrongUser.Message.Should().Contain("Param -100: Hesap bulunamadı.").And.Contain("Check CLIENT_CODE, the user name and the GUID");
        wrongPassword.Message.Should().Contain("Param -101").And.Contain("IP address is registered");
        wrongGuid.Message.Should().Contain("Param -100");
        (await _harness.Settings.LoadSettingAsync<ParamPosSettings>()).ClientUsername.Should().Be("Test", "testing saves nothing");
    }

    [Test]
    public async Task TestConnection_ExplainsAnUnregisteredIp()
    {
        var model = await CurrentModelAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Ozel_Oran_SK_Liste", Mode = FaultMode.NegativeSonuc, Sonuc = -101, SonucText = "IP adresi tanımlı değil." });

        var answer = await TestConnectionAsync(model);

        answer.Message.Should().Contain("wrong credentials, or this server's IP address is not registered with Param").And.Contain("IP adresi tanımlı değil.");
    }

    [Test]
    public async Task TestConnection_ExplainsTransportFailures()
    {
        var model = await CurrentModelAsync();
        var unreachable = await TestConnectionAsync(model with
        {
            CustomServiceUrl = "http://127.0.0.1:9/turkpos.ws/service_turkpos_prod.asmx",
            ClientPassword = _harness.Sandbox.Credentials.Password,
            Guid = _harness.Sandbox.Credentials.Guid
        });
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Ozel_Oran_SK_Liste", Mode = FaultMode.HtmlPage, Count = 2 });
        var html = await TestConnectionAsync(model);

        unreachable.Message.Should().StartWith("Param could not be reached");
        html.Message.Should().StartWith("The service did not answer like Param's TurkPos service").And.Contain("HTML page");
    }

    [Test]
    public async Task TestConnection_SendsTheStoredSecretsOnlyToTheSavedService()
    {
        using var elsewhere = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        elsewhere.Start();
        var connections = 0;
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                using var client = await elsewhere.AcceptTcpClientAsync();
                Interlocked.Increment(ref connections);
            }
        });
        var otherService = $"http://127.0.0.1:{((System.Net.IPEndPoint)elsewhere.LocalEndpoint).Port}/turkpos.ws/service_turkpos_prod.asmx";
        var model = await CurrentModelAsync();

        var withStoredSecrets = await TestConnectionAsync(model with { CustomServiceUrl = otherService });
        var withStoredGuid = await TestConnectionAsync(model with { CustomServiceUrl = otherService, ClientPassword = "typed" });
        var connectionsWithStoredSecrets = Volatile.Read(ref connections);
        var withTypedSecrets = await TestConnectionAsync(model with { CustomServiceUrl = otherService, ClientPassword = "typed", Guid = "0c13d406-873b-403b-9c09-a5766840d98c" });

        withStoredSecrets.Success.Should().BeFalse();
        withStoredSecrets.Message.Should().Be("The stored password and GUID are only sent to the service they were saved for. To test another service, type its password and GUID.");
        withStoredGuid.Message.Should().Be(withStoredSecrets.Message, "the stored GUID alone is a secret too");
        connectionsWithStoredSecrets.Should().Be(0, "nothing was sent to the other service");
        withTypedSecrets.Success.Should().BeFalse();
        Volatile.Read(ref connections).Should().BeGreaterThan(0, "typed secrets may be tried anywhere the https rule allows");
        accepting.IsFaulted.Should().BeFalse();
    }

    [TestCase("http://param.example.com/turkpos.ws/service_turkpos_prod.asmx", "Use https: plain http is only allowed for a sandbox on this computer")]
    [TestCase("ftp://127.0.0.1/turkpos", "Enter the full service URL")]
    [TestCase("turkpos.ws/service_turkpos_prod.asmx", "Enter the full service URL")]
    public async Task TestConnection_AppliesTheServiceUrlRules_BeforeSendingAnything(string url, string message)
    {
        var model = (await CurrentModelAsync()) with { CustomServiceUrl = url, ClientPassword = "typed", Guid = "0c13d406-873b-403b-9c09-a5766840d98c" };
        var before = (await _harness.Sandbox.CallCountsAsync()).Values.Sum();

        var answer = await TestConnectionAsync(model);

        answer.Success.Should().BeFalse();
        answer.Message.Should().StartWith(message);
        (await _harness.Sandbox.CallCountsAsync()).Values.Sum().Should().Be(before);
    }

    [Test]
    public async Task Warnings_SayWhyTheMethodCannotWork()
    {
        _harness.Shop.PrimaryCurrencyCode = "EUR";
        _harness.Settings.Put(new PaymentSettings { SkipPaymentInfoStepForRedirectionPaymentMethods = true });
        _harness.PluginSettings.Environment = ParamEnvironment.Production;
        _harness.PluginSettings.ClientPassword = "";
        _harness.Settings.Put(_harness.PluginSettings);

        var warnings = (await CurrentModelAsync()).Warnings;

        warnings.Should().HaveCount(4);
        warnings.Should().Contain(warning => warning.Contains("not Turkish lira"));
        warnings.Should().Contain(warning => warning.Contains("password or GUID is missing"));
        warnings.Should().Contain(warning => warning.Contains("does not use https"));
        warnings.Should().Contain(warning => warning.Contains("Skip payment info step"));
    }

    [TestCase(true, false, CommissionPayer.Customer, true)]
    [TestCase(true, true, CommissionPayer.Customer, false)]
    [TestCase(false, false, CommissionPayer.Customer, false)]
    [TestCase(true, false, CommissionPayer.Merchant, false)]
    public async Task Warnings_NameATaxableCommission_WhenTaxWouldBeAddedOnTop(bool taxable, bool includesTax, CommissionPayer payer, bool warned)
    {
        _harness.Settings.Put(new TaxSettings { PaymentMethodAdditionalFeeIsTaxable = taxable, PaymentMethodAdditionalFeeIncludesTax = includesTax });
        _harness.PluginSettings.CommissionPayer = payer;
        _harness.Settings.Put(_harness.PluginSettings);

        var warnings = (await CurrentModelAsync()).Warnings;

        warnings.Any(warning => warning.Contains("fee is taxable")).Should().Be(warned);
    }

    [Test]
    public async Task RefreshRates_ForgetsTheCachedRates()
    {
        await CurrentModelAsync();
        _harness.Cache.Keys.Should().Contain(key => key.StartsWith("Nop.paramPos.ratetable."));

        var result = await WithControllerAsync(controller => controller.RefreshRates());

        result.Should().BeOfType<RedirectToActionResult>().Which.ActionName.Should().Be("Configure");
        _harness.Cache.Keys.Should().NotContain(key => key.StartsWith("Nop.paramPos."));
    }

    [Test, Category(TestCategories.Paratika)]
    public async Task Save_ParatikaMode_StoresItsSettings_AndNeverShowsItsSecretsAgain()
    {
        var model = await CurrentModelAsync();
        model.PaymentModeId = (int)PaymentMode.ParatikaHostedPage;
        model.ParatikaEnvironmentId = (int)ParatikaEnvironment.Custom;
        model.ParatikaCustomApiUrl = "http://127.0.0.1:5271/paratika/api/v2";
        model.ParatikaMerchant = " 10000000 ";
        model.ParatikaMerchantUser = "apiuser@testmerchant.com";
        model.ParatikaMerchantPassword = "Pluto321`";
        model.ParatikaSecretKey = "qw3rty4iopa77fgh";

        var shown = ModelOf(await WithControllerAsync(controller => controller.Configure(model)));

        var stored = await _harness.Settings.LoadSettingAsync<ParamPosSettings>();
        stored.PaymentMode.Should().Be(PaymentMode.ParatikaHostedPage);
        stored.ParatikaEnvironment.Should().Be(ParatikaEnvironment.Custom);
        stored.ParatikaMerchant.Should().Be("10000000");
        stored.ParatikaMerchantPassword.Should().Be("Pluto321`", "a password is stored as typed, never trimmed");
        stored.ParatikaSecretKey.Should().Be("qw3rty4iopa77fgh");
        shown.ParatikaMerchantPassword.Should().BeEmpty();
        shown.ParatikaSecretKey.Should().BeEmpty();
        shown.HasParatikaMerchantPassword.Should().BeTrue();
        shown.ParatikaSecretKeyPlaceholder.Should().Be("Stored (hidden). Leave empty to keep it.");
        shown.ToString().Should().NotContain("Pluto321").And.NotContain("qw3rty");
        shown.Warnings.Should().BeEmpty("the Paratika account is complete, and the ParamPOS one is not needed in this mode");

        // Saved again with the secret fields left empty: the stored secrets stay.
        await WithControllerAsync(controller => controller.Configure(shown));
        stored = await _harness.Settings.LoadSettingAsync<ParamPosSettings>();
        stored.ParatikaMerchantPassword.Should().Be("Pluto321`");
        stored.ParatikaSecretKey.Should().Be("qw3rty4iopa77fgh");
    }

    [Test, Category(TestCategories.Paratika)]
    public async Task Save_ParatikaMode_RefusesAuthorizeOnlyAndAPlainHttpUrl_AndWarnsWithoutItsAccount()
    {
        var model = await CurrentModelAsync();
        model.PaymentModeId = (int)PaymentMode.ParatikaHostedPage;
        model.TransactionModeId = (int)TransactionMode.AuthorizeOnly;
        model.ParatikaEnvironmentId = (int)ParatikaEnvironment.Custom;
        model.ParatikaCustomApiUrl = "http://paratika.example.com/paratika/api/v2";

        var (_, modelState) = await WithControllerAsync(async controller => (await controller.Configure(model), controller.ModelState));

        modelState[nameof(ConfigurationModel.TransactionModeId)]!.Errors.Should().ContainSingle().Which.ErrorMessage.Should().Contain("choose Sale");
        modelState[nameof(ConfigurationModel.ParatikaCustomApiUrl)]!.Errors.Should().ContainSingle().Which.ErrorMessage.Should().Contain("Use https");

        _harness.PluginSettings.PaymentMode = PaymentMode.ParatikaHostedPage;
        _harness.Settings.Put(_harness.PluginSettings);
        (await CurrentModelAsync()).Warnings.Should().ContainSingle(warning => warning.Contains("Paratika merchant, API user, password or secret key is missing"));
    }

    [Test, Category(TestCategories.Paratika)]
    public async Task TestParatikaConnection_AcceptsTheAccount_ExplainsARefusal_AndKeepsStoredSecretsAtTheirService()
    {
        var credentials = _harness.Sandbox.ParatikaCredentials;
        var saved = await _harness.Settings.LoadSettingAsync<ParamPosSettings>();
        saved.ParatikaEnvironment = ParatikaEnvironment.Custom;
        saved.ParatikaCustomApiUrl = _harness.Sandbox.ParatikaApiUrl.ToString();
        (saved.ParatikaMerchant, saved.ParatikaMerchantUser, saved.ParatikaMerchantPassword, saved.ParatikaSecretKey) =
            (credentials.Merchant, credentials.MerchantUser, credentials.MerchantPassword, credentials.SecretKey);
        _harness.Settings.Put(saved);
        async Task<ConnectionTestModel> TestAsync(ConfigurationModel model)
        {
            var content = (ContentResult)await WithControllerAsync(controller => controller.TestParatikaConnection(model));
            using var json = System.Text.Json.JsonDocument.Parse(content.Content!);
            return new ConnectionTestModel { Success = json.RootElement.GetProperty("success").GetBoolean(), Message = json.RootElement.GetProperty("message").GetString() };
        }

        var accepted = await TestAsync(await CurrentModelAsync());
        var wrongPassword = await CurrentModelAsync();
        wrongPassword.ParatikaMerchantPassword = "wrong";
        var refused = await TestAsync(wrongPassword);
        var elsewhere = await CurrentModelAsync();
        elsewhere.ParatikaEnvironmentId = (int)ParatikaEnvironment.Test;
        var keptAtItsService = await TestAsync(elsewhere);

        accepted.Should().BeEquivalentTo(new ConnectionTestModel { Success = true, Message = "Paratika accepted the API user. (The secret key is never sent: the first payment's result checks it.)" });
        refused.Success.Should().BeFalse();
        refused.Message.Should().Contain("ERR10020");
        keptAtItsService.Success.Should().BeFalse();
        (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault("paratika:QUERYTRANSACTION").Should().Be(2, "the stored password is not sent to another service");
    }
}
