using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Validators;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.ParamPos.Controllers;

/// <summary>
/// The configuration page (Admin → Configuration → Payment methods → ParamPOS → Configure), per store scope.
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
[ValidateIpAddress]
public class PaymentParamPosController : BasePaymentController
{
    #region Fields

    protected readonly ConnectionTester _connectionTester;
    protected readonly ParatikaConnectionTester _paratikaConnectionTester;
    protected readonly ILocalizationService _localizationService;
    protected readonly INotificationService _notificationService;
    protected readonly InstallmentRateService _installmentRateService;
    protected readonly ISettingService _settingService;
    protected readonly IStoreContext _storeContext;
    protected readonly ParamPosAdminModelFactory _modelFactory;

    #endregion

    #region Ctor

    public PaymentParamPosController(ConnectionTester connectionTester,
        ParatikaConnectionTester paratikaConnectionTester,
        ILocalizationService localizationService,
        INotificationService notificationService,
        InstallmentRateService installmentRateService,
        ISettingService settingService,
        IStoreContext storeContext,
        ParamPosAdminModelFactory modelFactory)
    {
        _connectionTester = connectionTester;
        _paratikaConnectionTester = paratikaConnectionTester;
        _localizationService = localizationService;
        _notificationService = notificationService;
        _installmentRateService = installmentRateService;
        _settingService = settingService;
        _storeContext = storeContext;
        _modelFactory = modelFactory;
    }

    #endregion

    #region Methods

    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> Configure()
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();

        return View(ParamPosDefaults.ViewsPath + "Admin/Configure.cshtml", await _modelFactory.PrepareConfigurationModelAsync(storeScope));
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> Configure(ConfigurationModel model)
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        foreach (var (property, key) in ConfigurationValidator.Validate(model))
            ModelState.AddModelError(property, await _localizationService.GetPluginResourceAsync(key));

        if (!ModelState.IsValid)
            return View(ParamPosDefaults.ViewsPath + "Admin/Configure.cshtml", await _modelFactory.PrepareConfigurationModelAsync(storeScope, model));

        var settings = await _settingService.LoadSettingAsync<ParamPosSettings>(storeScope);
        ConfigurationModelMapper.Apply(model, settings);

        // An empty secret field keeps the stored value, so it also keeps the store's override of it.
        var keepPasswordOverride = model.ClientPassword_OverrideForStore || (string.IsNullOrEmpty(model.ClientPassword) && storeScope > 0
            && await _settingService.SettingExistsAsync(settings, x => x.ClientPassword, storeScope));
        var keepGuidOverride = model.Guid_OverrideForStore || (string.IsNullOrWhiteSpace(model.Guid) && storeScope > 0
            && await _settingService.SettingExistsAsync(settings, x => x.Guid, storeScope));

        var keepParatikaPasswordOverride = model.ParatikaMerchantPassword_OverrideForStore || (string.IsNullOrEmpty(model.ParatikaMerchantPassword) && storeScope > 0
            && await _settingService.SettingExistsAsync(settings, x => x.ParatikaMerchantPassword, storeScope));
        var keepSecretKeyOverride = model.ParatikaSecretKey_OverrideForStore || (string.IsNullOrWhiteSpace(model.ParatikaSecretKey) && storeScope > 0
            && await _settingService.SettingExistsAsync(settings, x => x.ParatikaSecretKey, storeScope));

        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.Environment, model.EnvironmentId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.CustomServiceUrl, model.CustomServiceUrl_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.CustomCardStorageUrl, model.CustomCardStorageUrl_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.OfferSavedCards, model.OfferSavedCards_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.MarketplaceMode, model.MarketplaceMode_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.MarketplaceGuid, model.MarketplaceGuid_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.CustomMarketplaceUrl, model.CustomMarketplaceUrl_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.MarketplaceParamCommissionRate, model.MarketplaceParamCommissionRate_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.MarketplaceDefaultCommissionRate, model.MarketplaceDefaultCommissionRate_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.MarketplaceRefuseUnregisteredVendors, model.MarketplaceRefuseUnregisteredVendors_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.MarketplaceApprovalTrigger, model.MarketplaceApprovalTriggerId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.MarketplaceCommissionBearer, model.MarketplaceCommissionBearerId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.MarketplaceShippingToVendors, model.MarketplaceShippingToVendors_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.MarketplaceFundsDiscounts, model.MarketplaceFundsDiscounts_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.InstallmentWidgetZone, model.InstallmentWidgetZone_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.InstallmentWidgetInCart, model.InstallmentWidgetInCart_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.InstallmentWidgetCardFamilies, model.InstallmentWidgetCardFamilyIds_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ClientCode, model.ClientCode_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ClientUsername, model.ClientUsername_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ClientPassword, keepPasswordOverride, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.Guid, keepGuidOverride, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.PaymentMode, model.PaymentModeId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ParatikaEnvironment, model.ParatikaEnvironmentId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ParatikaCustomApiUrl, model.ParatikaCustomApiUrl_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ParatikaMerchant, model.ParatikaMerchant_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ParatikaMerchantUser, model.ParatikaMerchantUser_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ParatikaMerchantPassword, keepParatikaPasswordOverride, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ParatikaSecretKey, keepSecretKeyOverride, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ForeignCurrencies, model.ForeignCurrencies_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.PaymentModel, model.PaymentModelId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.TransactionMode, model.TransactionModeId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.AuthorizationWarningDays, model.AuthorizationWarningDays_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.InstallmentsEnabled, model.InstallmentsEnabled_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.MaximumInstallments, model.MaximumInstallments_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.MinimumAmountForInstallments, model.MinimumAmountForInstallments_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.CommissionPayer, model.CommissionPayerId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.RateCacheMinutes, model.RateCacheMinutes_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.BinCacheMinutes, model.BinCacheMinutes_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.RequestTimeoutSeconds, model.RequestTimeoutSeconds_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.AcceptedMdStatuses, model.AcceptedMdStatuses_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.FailedPaymentAction, model.FailedPaymentActionId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ReconciliationDelayMinutes, model.ReconciliationDelayMinutes_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ReconciliationDeadlineHours, model.ReconciliationDeadlineHours_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.TransactionLogDetail, model.TransactionLogDetailId_OverrideForStore, storeScope, false);
        await _settingService.ClearCacheAsync();

        // New credentials or endpoint: rates and BINs of the old account must not be shown.
        await _installmentRateService.ClearCacheAsync();

        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Admin.Plugins.Saved"));

        return await Configure();
    }

    /// <summary>
    /// Tests the values on the form (saved or not) against Param; an empty secret field means the stored one
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> TestConnection(ConfigurationModel model)
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();

        return ScriptJson.Result(await _connectionTester.TestAsync(await _settingService.LoadSettingAsync<ParamPosSettings>(storeScope), model));
    }

    /// <summary>
    /// Tests the Paratika account on the form (saved or not) against Paratika; an empty secret field means the stored one
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> TestParatikaConnection(ConfigurationModel model)
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();

        return ScriptJson.Result(await _paratikaConnectionTester.TestAsync(await _settingService.LoadSettingAsync<ParamPosSettings>(storeScope), model));
    }

    /// <summary>
    /// Forgets the cached rates and BINs, so the preview and the checkout read them from Param again
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> RefreshRates()
    {
        await _installmentRateService.ClearCacheAsync();
        _notificationService.SuccessNotification(await _localizationService.GetPluginResourceAsync("Configure.RatesRefreshed"));

        return RedirectToAction(nameof(Configure));
    }

    #endregion
}
