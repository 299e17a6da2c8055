using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Tax;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Factories;

/// <summary>
/// Builds the configuration page: settings of the chosen store scope with their override flags, localized choices,
/// the warnings that stop the method from working, and the rates preview. The view only prints it.
/// </summary>
public class ParamPosAdminModelFactory
{
    #region Fields

    private const decimal EXAMPLE_AMOUNT = 100m;

    protected readonly ILocalizationService _localizationService;
    protected readonly InstallmentRateService _installmentRateService;
    protected readonly IOrderService _orderService;
    protected readonly ISettingService _settingService;
    protected readonly IWebHelper _webHelper;
    protected readonly IWorkContext _workContext;
    protected readonly ParamPosMessages _messages;
    protected readonly PaymentAvailability _paymentAvailability;
    protected readonly PaymentLedger _ledger;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public ParamPosAdminModelFactory(ILocalizationService localizationService,
        InstallmentRateService installmentRateService,
        IOrderService orderService,
        ISettingService settingService,
        IWebHelper webHelper,
        IWorkContext workContext,
        ParamPosMessages messages,
        PaymentAvailability paymentAvailability,
        PaymentLedger ledger,
        TimeProvider timeProvider)
    {
        _orderService = orderService;
        _ledger = ledger;
        _timeProvider = timeProvider;
        _localizationService = localizationService;
        _installmentRateService = installmentRateService;
        _settingService = settingService;
        _webHelper = webHelper;
        _workContext = workContext;
        _messages = messages;
        _paymentAvailability = paymentAvailability;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Prepares the configuration page of a store scope (0 = all stores)
    /// </summary>
    /// <param name="storeScope">Store scope</param>
    /// <param name="posted">The posted form to show again (after a validation error), or null</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the model</returns>
    public virtual async Task<ConfigurationModel> PrepareConfigurationModelAsync(int storeScope, ConfigurationModel posted = null)
    {
        var settings = await _settingService.LoadSettingAsync<ParamPosSettings>(storeScope);
        var model = ConfigurationModelMapper.ToModel(settings);
        if (posted is not null)
        {
            // Show what the admin typed, but never echo a secret back.
            model = posted with { ClientPassword = string.Empty, Guid = string.Empty, HasClientPassword = model.HasClientPassword, HasGuid = model.HasGuid };
        }

        model.ActiveStoreScopeConfiguration = storeScope;
        if (storeScope > 0 && posted is null)
        {
            model.EnvironmentId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.Environment, storeScope);
            model.CustomServiceUrl_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.CustomServiceUrl, storeScope);
            model.CustomCardStorageUrl_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.CustomCardStorageUrl, storeScope);
            model.OfferSavedCards_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.OfferSavedCards, storeScope);
            model.MarketplaceMode_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MarketplaceMode, storeScope);
            model.MarketplaceGuid_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MarketplaceGuid, storeScope);
            model.CustomMarketplaceUrl_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.CustomMarketplaceUrl, storeScope);
            model.MarketplaceParamCommissionRate_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MarketplaceParamCommissionRate, storeScope);
            model.MarketplaceDefaultCommissionRate_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MarketplaceDefaultCommissionRate, storeScope);
            model.MarketplaceRefuseUnregisteredVendors_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MarketplaceRefuseUnregisteredVendors, storeScope);
            model.MarketplaceApprovalTriggerId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MarketplaceApprovalTrigger, storeScope);
            model.MarketplaceCommissionBearerId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MarketplaceCommissionBearer, storeScope);
            model.MarketplaceShippingToVendors_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MarketplaceShippingToVendors, storeScope);
            model.MarketplaceFundsDiscounts_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MarketplaceFundsDiscounts, storeScope);
            model.InstallmentWidgetZone_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.InstallmentWidgetZone, storeScope);
            model.InstallmentWidgetInCart_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.InstallmentWidgetInCart, storeScope);
            model.InstallmentWidgetCardFamilyIds_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.InstallmentWidgetCardFamilies, storeScope);
            model.ClientCode_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ClientCode, storeScope);
            model.ClientUsername_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ClientUsername, storeScope);
            model.ClientPassword_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ClientPassword, storeScope);
            model.Guid_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.Guid, storeScope);
            model.PaymentModeId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.PaymentMode, storeScope);
            model.ForeignCurrencies_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ForeignCurrencies, storeScope);
            model.PaymentModelId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.PaymentModel, storeScope);
            model.TransactionModeId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.TransactionMode, storeScope);
            model.ParatikaEnvironmentId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ParatikaEnvironment, storeScope);
            model.ParatikaCustomApiUrl_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ParatikaCustomApiUrl, storeScope);
            model.ParatikaMerchant_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ParatikaMerchant, storeScope);
            model.ParatikaMerchantUser_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ParatikaMerchantUser, storeScope);
            model.ParatikaMerchantPassword_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ParatikaMerchantPassword, storeScope);
            model.ParatikaSecretKey_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ParatikaSecretKey, storeScope);
            model.AuthorizationWarningDays_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.AuthorizationWarningDays, storeScope);
            model.InstallmentsEnabled_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.InstallmentsEnabled, storeScope);
            model.MaximumInstallments_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MaximumInstallments, storeScope);
            model.MinimumAmountForInstallments_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MinimumAmountForInstallments, storeScope);
            model.CommissionPayerId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.CommissionPayer, storeScope);
            model.RateCacheMinutes_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.RateCacheMinutes, storeScope);
            model.BinCacheMinutes_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.BinCacheMinutes, storeScope);
            model.RequestTimeoutSeconds_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.RequestTimeoutSeconds, storeScope);
            model.AcceptedMdStatuses_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.AcceptedMdStatuses, storeScope);
            model.FailedPaymentActionId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.FailedPaymentAction, storeScope);
            model.ReconciliationDelayMinutes_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ReconciliationDelayMinutes, storeScope);
            model.ReconciliationDeadlineHours_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ReconciliationDeadlineHours, storeScope);
            model.TransactionLogDetailId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.TransactionLogDetail, storeScope);
        }

        var stored = await _localizationService.GetPluginResourceAsync("Configure.SecretStored");
        model.ClientPasswordPlaceholder = model.HasClientPassword ? stored : string.Empty;
        model.GuidPlaceholder = model.HasGuid ? stored : string.Empty;
        model.ParatikaMerchantPasswordPlaceholder = model.HasParatikaMerchantPassword ? stored : string.Empty;
        model.ParatikaSecretKeyPlaceholder = model.HasParatikaSecretKey ? stored : string.Empty;
        model.AvailableParatikaEnvironments = await ChoicesAsync<ParatikaEnvironment>(model.ParatikaEnvironmentId);
        model.AvailableEnvironments = await ChoicesAsync<ParamEnvironment>(model.EnvironmentId);
        model.AvailablePaymentModes = await ChoicesAsync<PaymentMode>(model.PaymentModeId);
        model.AvailablePaymentModels = await ChoicesAsync<PaymentModel>(model.PaymentModelId);
        model.AvailableTransactionModes = await ChoicesAsync<TransactionMode>(model.TransactionModeId);
        model.AvailableMarketplaceApprovalTriggers = await ChoicesAsync<MarketplaceApprovalTrigger>(model.MarketplaceApprovalTriggerId);
        model.AvailableMarketplaceCommissionBearers = await ChoicesAsync<MarketplaceCommissionBearer>(model.MarketplaceCommissionBearerId);
        model.AvailableCommissionPayers = await ChoicesAsync<CommissionPayer>(model.CommissionPayerId);
        model.AvailableFailedPaymentActions = await ChoicesAsync<FailedPaymentAction>(model.FailedPaymentActionId);
        model.AvailableTransactionLogDetails = await ChoicesAsync<TransactionLogDetail>(model.TransactionLogDetailId);
        model.AvailableInstallmentWidgetZones.Add(new SelectListItem(await _localizationService.GetPluginResourceAsync("Widget.Zone.None"), string.Empty, string.IsNullOrEmpty(model.InstallmentWidgetZone)));
        foreach (var zone in ParamPosDefaults.ProductWidgetZones)
            model.AvailableInstallmentWidgetZones.Add(new SelectListItem(await _localizationService.GetPluginResourceAsync("Widget.Zone." + zone), zone, zone == model.InstallmentWidgetZone));
        // The families come from the cached rate list only: the page never waits for Param for them.
        foreach (var program in await _installmentRateService.GetCachedRatesAsync(settings) ?? [])
            model.AvailableCardFamilies.Add(new SelectListItem(program.Name, program.PosId.ToString(System.Globalization.CultureInfo.InvariantCulture), model.InstallmentWidgetCardFamilyIds.Contains(program.PosId)));
        model.Warnings = await WarningsAsync(settings, storeScope);
        model.RatesPreview = await PrepareRatesPreviewAsync(settings);
        model.PendingCaptures = await PreparePendingCapturesAsync(storeScope, settings);
        model.PendingCapturesHidden = model.PendingCaptures.Count > 0 && settings.TransactionMode != TransactionMode.AuthorizeOnly;

        return model;
    }

    /// <summary>
    /// Prepares the list of authorized orders waiting for capture (of a store, or all stores), oldest first, each
    /// flagged when its hold is older than the store's warning age
    /// </summary>
    public virtual async Task<IList<PendingCaptureModel>> PreparePendingCapturesAsync(int storeScope, ParamPosSettings settings)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var days = AuthorizationAge.WarningDays(settings);
        var risk = string.Format(await _localizationService.GetPluginResourceAsync("Authorizations.AtRisk"), days);
        var authorized = await _orderService.SearchOrdersAsync(storeId: storeScope, paymentMethodSystemName: ParamPosDefaults.SystemName,
            psIds: [(int)PaymentStatus.Authorized], pageSize: 100);
        var pending = new List<(DateTime Since, PendingCaptureModel Model)>();
        foreach (var order in authorized)
        {
            if ((await _ledger.LoadAsync(order.OrderGuid)).OpenAuthorization is not { } held)
                continue;

            var since = held.CompletedOnUtc ?? held.CreatedOnUtc;
            pending.Add((since, new PendingCaptureModel
            {
                OrderId = order.Id,
                OrderNumber = string.IsNullOrEmpty(order.CustomOrderNumber) ? order.Id.ToString(CultureInfo.InvariantCulture) : order.CustomOrderNumber,
                Amount = held.Amount.ToString("N2", CultureInfo.InvariantCulture) + " TRY",
                HeldSince = since.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC",
                Risk = AuthorizationAge.IsAtRisk(since, now, settings) ? risk : null
            }));
        }

        return pending.OrderBy(item => item.Since).Select(item => item.Model).ToList();
    }

    /// <summary>
    /// Prepares the rates preview: what the shopper pays per card family and installment count for an example amount
    /// </summary>
    public virtual async Task<RatesPreviewModel> PrepareRatesPreviewAsync(ParamPosSettings settings)
    {
        var texts = await InstallmentTextFormatter.CreateAsync(_localizationService, _workContext);
        var preview = new RatesPreviewModel { ExampleAmount = texts.Money(EXAMPLE_AMOUNT) };
        if (!ParamCallRunner.IsConfigured(settings))
        {
            preview.Error = await _localizationService.GetPluginResourceAsync("Warnings.MissingCredentials");
            return preview;
        }

        IReadOnlyList<CardProgramRates> programs;
        try
        {
            programs = await _installmentRateService.GetRatesAsync(settings);
        }
        catch (ParamRefusedException exception)
        {
            preview.Error = $"{await _messages.ExplainAsync(exception.Error)} (Param {exception.Error.Code}: {exception.Error.ParamText})";
            return preview;
        }
        catch (ParamGatewayException exception)
        {
            preview.Error = string.Format(await _localizationService.GetPluginResourceAsync("Connection.Unreachable"), exception.Message);
            return preview;
        }

        // Every program's credit cards, for the example amount whatever the store's minimum for installments.
        var policy = InstallmentPolicy.Of(settings) with { MinimumAmount = 0m };
        var maximum = policy.Enabled ? policy.Maximum : 1;
        var quotes = programs.OrderBy(program => program.Name, StringComparer.CurrentCulture)
            .Select(program => InstallmentQuoteBuilder.Build(EXAMPLE_AMOUNT, new CardProfile(program.PosId, IsDebit: false), programs, policy))
            .ToList();
        foreach (var quote in quotes)
            preview.CardFamilies.Add(quote.CardFamily);

        for (var installments = 1; installments <= maximum; installments++)
        {
            var row = new RatesPreviewRowModel { Installments = texts.Label(installments) };
            foreach (var option in quotes.Select(quote => quote.Option(installments)))
                row.Cells.Add(option is null ? new RatesPreviewCellModel { Rate = "–" } : new RatesPreviewCellModel { Rate = texts.Rate(option.Rate), Total = texts.Money(option.Total) });

            preview.Rows.Add(row);
        }

        return preview;
    }

    /// <summary>
    /// Gets what stops the method from working in a store scope, in the admin's language
    /// </summary>
    public virtual async Task<IList<string>> WarningsAsync(ParamPosSettings settings, int storeScope)
    {
        var keys = new List<string>(await _paymentAvailability.BlockingProblemsAsync(settings));
        if (settings.Environment == ParamEnvironment.Production && !_webHelper.GetStoreLocation().StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            keys.Add("Warnings.ProductionWithoutHttps");
        if (settings.PaymentMode == PaymentMode.CardForm3D && (await _settingService.LoadSettingAsync<PaymentSettings>(storeScope)).SkipPaymentInfoStepForRedirectionPaymentMethods)
            keys.Add("Warnings.SkipPaymentInfo");

        // nopCommerce would add tax on top of the commission, so the order total would never match the amount Param charges.
        var tax = await _settingService.LoadSettingAsync<TaxSettings>(storeScope);
        if (settings.CommissionPayer == CommissionPayer.Customer && tax.PaymentMethodAdditionalFeeIsTaxable && !tax.PaymentMethodAdditionalFeeIncludesTax)
            keys.Add("Warnings.TaxableFee");

        var warnings = new List<string>();
        foreach (var key in keys)
            warnings.Add(await _localizationService.GetPluginResourceAsync(key));

        return warnings;
    }

    #endregion

    #region Utilities

    protected virtual async Task<IList<SelectListItem>> ChoicesAsync<TEnum>(int selected, TEnum? disabled = null) where TEnum : struct, Enum
    {
        var items = new List<SelectListItem>();
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var id = Convert.ToInt32(value, CultureInfo.InvariantCulture);
            items.Add(new SelectListItem
            {
                Value = id.ToString(CultureInfo.InvariantCulture),
                Text = await _localizationService.GetResourceAsync($"{ParamPosDefaults.EnumLocalePrefix}Domain.{typeof(TEnum).Name}.{value}"),
                Selected = id == selected,
                Disabled = disabled.HasValue && EqualityComparer<TEnum>.Default.Equals(value, disabled.Value)
            });
        }

        return items;
    }

    #endregion
}
