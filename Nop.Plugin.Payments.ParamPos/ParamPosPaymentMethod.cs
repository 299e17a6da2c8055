using Microsoft.AspNetCore.Http;
using Nop.Core;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Components;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Services;
using Nop.Services.Cms;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Payments;
using Nop.Services.Plugins;
using Nop.Services.ScheduleTasks;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Payments.ParamPos;

/// <summary>
/// Represents the ParamPOS payment method: the entry point nopCommerce calls. The work is done by the flow classes
/// it delegates to; every capability flag reports only what is built. It is also a widget (the installment table on
/// the product page and in the cart), active from install to uninstall and placed by the plugin's own settings.
/// </summary>
public class ParamPosPaymentMethod : BasePlugin, IPaymentMethod, IWidgetPlugin
{
    #region Fields

    protected readonly AuthorizationService _authorizationService;
    protected readonly CheckoutPaymentService _checkoutPaymentService;
    protected readonly ILanguageService _languageService;
    protected readonly ILocalizationService _localizationService;
    protected readonly IScheduleTaskService _scheduleTaskService;
    protected readonly ISettingService _settingService;
    protected readonly IWebHelper _webHelper;
    protected readonly PayAgainService _payAgainService;
    protected readonly ParamPosSettings _paramPosSettings;
    protected readonly PaymentAvailability _paymentAvailability;
    protected readonly RefundService _refundService;

    #endregion

    #region Ctor

    public ParamPosPaymentMethod(AuthorizationService authorizationService,
        CheckoutPaymentService checkoutPaymentService,
        ILanguageService languageService,
        ILocalizationService localizationService,
        IScheduleTaskService scheduleTaskService,
        ISettingService settingService,
        IWebHelper webHelper,
        ParamPosSettings paramPosSettings,
        PayAgainService payAgainService,
        PaymentAvailability paymentAvailability,
        RefundService refundService)
    {
        _authorizationService = authorizationService;
        _paramPosSettings = paramPosSettings;
        _payAgainService = payAgainService;
        _refundService = refundService;
        _checkoutPaymentService = checkoutPaymentService;
        _languageService = languageService;
        _localizationService = localizationService;
        _scheduleTaskService = scheduleTaskService;
        _settingService = settingService;
        _webHelper = webHelper;
        _paymentAvailability = paymentAvailability;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Gets the settings a fresh installation starts with: Param's test service, no credentials, customer pays the commission
    /// </summary>
    /// <returns>Default settings</returns>
    public static ParamPosSettings CreateDefaultSettings()
    {
        return new ParamPosSettings
        {
            Environment = ParamEnvironment.Test,
            CustomServiceUrl = ParamPosDefaults.SandboxServiceUrl,
            ClientCode = string.Empty,
            ClientUsername = string.Empty,
            ClientPassword = string.Empty,
            Guid = string.Empty,
            PaymentMode = PaymentMode.CardForm3D,
            ParatikaEnvironment = ParatikaEnvironment.Test,
            ParatikaCustomApiUrl = ParamPosDefaults.SandboxParatikaApiUrl,
            ParatikaMerchant = string.Empty,
            ParatikaMerchantUser = string.Empty,
            ParatikaMerchantPassword = string.Empty,
            ParatikaSecretKey = string.Empty,
            TransactionMode = TransactionMode.Sale,
            ForeignCurrencies = string.Empty,
            AuthorizationWarningDays = ParamPosDefaults.DefaultAuthorizationWarningDays,
            InstallmentsEnabled = true,
            MaximumInstallments = 12,
            MinimumAmountForInstallments = 0m,
            CommissionPayer = CommissionPayer.Customer,
            RateCacheMinutes = 60,
            BinCacheMinutes = 24 * 60,
            RequestTimeoutSeconds = ParamPosDefaults.DefaultRequestTimeoutSeconds,
            AcceptedMdStatuses = "1",
            FailedPaymentAction = FailedPaymentAction.KeepPendingForRetry,
            ReconciliationDelayMinutes = 15,
            ReconciliationDeadlineHours = 24,
            TransactionLogDetail = TransactionLogDetail.ErrorsOnly,
            MarketplaceRefuseUnregisteredVendors = true
        };
    }

    /// <summary>
    /// Adds the plugin's texts to every language: Turkish to Turkish languages, English to the others
    /// </summary>
    protected virtual async Task AddLocaleResourcesAsync()
    {
        foreach (var language in await _languageService.GetAllLanguagesAsync(showHidden: true))
            await _localizationService.AddOrUpdateLocaleResourceAsync(new Dictionary<string, string>(ParamPosLocaleResources.ForCulture(language.LanguageCulture)), language.Id);
    }

    /// <summary>
    /// Gets the plugin's schedule tasks: settling pending payments, and checking yesterday against Param's records
    /// </summary>
    protected static IReadOnlyList<(string Name, string Type, int Seconds)> ScheduleTasks =>
        [ParamPosDefaults.ReconciliationTask, ParamPosDefaults.DailyReconciliationTask, ParamPosDefaults.MarketplaceRetryTask];

    /// <summary>
    /// Adds the schedule tasks that do not exist yet
    /// </summary>
    protected virtual async Task AddScheduleTasksAsync()
    {
        foreach (var (name, type, seconds) in ScheduleTasks)
        {
            if (await _scheduleTaskService.GetTaskByTypeAsync(type) is not null)
                continue;

            await _scheduleTaskService.InsertTaskAsync(new ScheduleTask
            {
                Name = name,
                Type = type,
                Seconds = seconds,
                Enabled = true,
                LastEnabledUtc = DateTime.UtcNow,
                StopOnError = false
            });
        }
    }

    protected virtual async Task<TResult> NotSupportedAsync<TResult>(string resourceKey) where TResult : BaseNopResult, new()
    {
        var result = new TResult();
        result.AddError(await _localizationService.GetPluginResourceAsync(resourceKey));

        return result;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Process a payment
    /// </summary>
    /// <param name="processPaymentRequest">Payment info required for an order processing</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the process payment result</returns>
    public Task<ProcessPaymentResult> ProcessPaymentAsync(ProcessPaymentRequest processPaymentRequest)
    {
        return _checkoutPaymentService.ProcessAsync(processPaymentRequest);
    }

    /// <summary>
    /// Post process payment (used by payment gateways that require redirecting to a third-party URL)
    /// </summary>
    /// <param name="postProcessPaymentRequest">Payment info required for an order processing</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public Task PostProcessPaymentAsync(PostProcessPaymentRequest postProcessPaymentRequest)
    {
        return _checkoutPaymentService.PostProcessAsync(postProcessPaymentRequest.Order);
    }

    /// <summary>
    /// Returns a value indicating whether payment method should be hidden during checkout
    /// </summary>
    /// <param name="cart">Shopping cart</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains true - hide; false - display</returns>
    public async Task<bool> HidePaymentMethodAsync(IList<ShoppingCartItem> cart)
    {
        var storeId = cart?.FirstOrDefault()?.StoreId ?? 0;
        var settings = await _settingService.LoadSettingAsync<ParamPosSettings>(storeId);

        return (await _paymentAvailability.BlockingProblemsForShopperAsync(settings)).Count > 0;
    }

    /// <summary>
    /// Gets additional handling fee
    /// </summary>
    /// <param name="cart">Shopping cart</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the additional handling fee</returns>
    public Task<decimal> GetAdditionalHandlingFeeAsync(IList<ShoppingCartItem> cart)
    {
        return _checkoutPaymentService.FeeAsync(cart);
    }

    /// <summary>
    /// Captures payment
    /// </summary>
    /// <param name="capturePaymentRequest">Capture payment request</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the capture payment result</returns>
    public Task<CapturePaymentResult> CaptureAsync(CapturePaymentRequest capturePaymentRequest)
    {
        return _authorizationService.CaptureAsync(capturePaymentRequest);
    }

    /// <summary>
    /// Refunds a payment
    /// </summary>
    /// <param name="refundPaymentRequest">Request</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the result</returns>
    public Task<RefundPaymentResult> RefundAsync(RefundPaymentRequest refundPaymentRequest)
    {
        return _refundService.RefundAsync(refundPaymentRequest);
    }

    /// <summary>
    /// Voids a payment
    /// </summary>
    /// <param name="voidPaymentRequest">Request</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the result</returns>
    public Task<VoidPaymentResult> VoidAsync(VoidPaymentRequest voidPaymentRequest)
    {
        return _authorizationService.VoidAsync(voidPaymentRequest);
    }

    /// <summary>
    /// Process recurring payment
    /// </summary>
    /// <param name="processPaymentRequest">Payment info required for an order processing</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the process payment result</returns>
    public Task<ProcessPaymentResult> ProcessRecurringPaymentAsync(ProcessPaymentRequest processPaymentRequest)
    {
        return NotSupportedAsync<ProcessPaymentResult>("NotSupported.Recurring");
    }

    /// <summary>
    /// Cancels a recurring payment
    /// </summary>
    /// <param name="cancelPaymentRequest">Request</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the result</returns>
    public Task<CancelRecurringPaymentResult> CancelRecurringPaymentAsync(CancelRecurringPaymentRequest cancelPaymentRequest)
    {
        return NotSupportedAsync<CancelRecurringPaymentResult>("NotSupported.Recurring");
    }

    /// <summary>
    /// Gets a value indicating whether customers can complete a payment after order is placed but not completed (for redirection payment methods)
    /// </summary>
    /// <param name="order">Order</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the result</returns>
    public async Task<bool> CanRePostProcessPaymentAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        return await _payAgainService.CanPayAgainAsync(order);
    }

    /// <summary>
    /// Validate payment form
    /// </summary>
    /// <param name="form">The parsed form values</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the list of validating errors</returns>
    public Task<IList<string>> ValidatePaymentFormAsync(IFormCollection form)
    {
        return _checkoutPaymentService.ValidateAsync(form);
    }

    /// <summary>
    /// Get payment information
    /// </summary>
    /// <param name="form">The parsed form values</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the payment info holder</returns>
    public Task<ProcessPaymentRequest> GetPaymentInfoAsync(IFormCollection form)
    {
        return _checkoutPaymentService.GetPaymentInfoAsync(form);
    }

    /// <summary>
    /// Gets a type of a view component for displaying plugin in public store ("payment info" checkout step)
    /// </summary>
    /// <returns>View component type</returns>
    public Type GetPublicViewComponent()
    {
        return typeof(ParamPosPaymentInfoViewComponent);
    }

    /// <summary>
    /// Gets a payment method description that will be displayed on checkout pages in the public store
    /// </summary>
    /// <returns>A task that represents the asynchronous operation</returns>
    public async Task<string> GetPaymentMethodDescriptionAsync()
    {
        return await _localizationService.GetPluginResourceAsync(IsHostedPage ? "PaymentMethodDescription.Paratika" : "PaymentMethodDescription");
    }

    /// <summary>
    /// Gets a configuration page URL
    /// </summary>
    public override string GetConfigurationPageUrl()
    {
        return $"{_webHelper.GetStoreLocation()}Admin/PaymentParamPos/Configure";
    }

    /// <summary>
    /// Install the plugin
    /// </summary>
    /// <returns>A task that represents the asynchronous operation</returns>
    public override async Task InstallAsync()
    {
        await _settingService.SaveSettingAsync(CreateDefaultSettings());
        await AddLocaleResourcesAsync();

        await AddScheduleTasksAsync();
        await ActivateWidgetAsync(active: true);

        await base.InstallAsync();
    }

    /// <summary>
    /// Uninstall the plugin
    /// </summary>
    /// <returns>A task that represents the asynchronous operation</returns>
    public override async Task UninstallAsync()
    {
        await _settingService.DeleteSettingAsync<ParamPosSettings>();
        foreach (var (_, type, _) in ScheduleTasks)
        {
            if (await _scheduleTaskService.GetTaskByTypeAsync(type) is { } task)
                await _scheduleTaskService.DeleteTaskAsync(task);
        }
        await _localizationService.DeleteLocaleResourcesAsync(ParamPosDefaults.LocalePrefix.TrimEnd('.'));
        await _localizationService.DeleteLocaleResourcesAsync(ParamPosDefaults.EnumLocalePrefix.TrimEnd('.'));
        await _localizationService.DeleteLocaleResourcesAsync(ParamPosDefaults.FriendlyNameResource);
        await ActivateWidgetAsync(active: false);

        await base.UninstallAsync();
    }

    /// <summary>
    /// Update the plugin (nopCommerce calls it at start-up when plugin.json's version differs from the installed one)
    /// </summary>
    /// <param name="currentVersion">Current version of the plugin</param>
    /// <param name="targetVersion">New version of the plugin</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public override async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        // Texts added or reworded since the installed version reach every language; an unchanged text is written again as is.
        await AddLocaleResourcesAsync();
        // A task added since the installed version (the daily check against Param's records, 1.2) is added once.
        await AddScheduleTasksAsync();
        // The installment table widget came after the first releases: an installed plugin becomes an active widget.
        await ActivateWidgetAsync(active: true);

        await base.UpdateAsync(currentVersion, targetVersion);
    }

    /// <summary>
    /// Gets the widget zones the installment table may appear in (the product page zones the settings offer and the
    /// cart's order summary; shown only where the store's settings place it), and the vendor page's marketplace seller block
    /// </summary>
    /// <returns>A task that represents the asynchronous operation; the task result contains the widget zones</returns>
    public Task<IList<string>> GetWidgetZonesAsync()
    {
        return Task.FromResult<IList<string>>([.. ParamPosDefaults.ProductWidgetZones, PublicWidgetZones.OrderSummaryContentAfter, AdminWidgetZones.VendorDetailsBlock, AdminWidgetZones.OrderDetailsBlock]);
    }

    /// <summary>
    /// Gets a view component for displaying the installment table in a widget zone
    /// </summary>
    /// <param name="widgetZone">Name of the widget zone</param>
    /// <returns>View component type</returns>
    public Type GetWidgetViewComponent(string widgetZone)
    {
        if (string.Equals(widgetZone, AdminWidgetZones.VendorDetailsBlock, StringComparison.Ordinal))
            return typeof(ParamPosMarketplaceSellerViewComponent);
        if (string.Equals(widgetZone, AdminWidgetZones.OrderDetailsBlock, StringComparison.Ordinal))
            return typeof(ParamPosMarketplaceOrderViewComponent);

        return typeof(ParamPosInstallmentWidgetViewComponent);
    }

    /// <summary>
    /// Adds the plugin to, or removes it from, nopCommerce's active widgets (it is placed by its own settings instead of the widget list)
    /// </summary>
    protected virtual async Task ActivateWidgetAsync(bool active)
    {
        var widgetSettings = await _settingService.LoadSettingAsync<WidgetSettings>() ?? new WidgetSettings();
        widgetSettings.ActiveWidgetSystemNames ??= new List<string>();
        if (active == widgetSettings.ActiveWidgetSystemNames.Contains(ParamPosDefaults.SystemName))
            return;

        if (active)
            widgetSettings.ActiveWidgetSystemNames.Add(ParamPosDefaults.SystemName);
        else
            widgetSettings.ActiveWidgetSystemNames.Remove(ParamPosDefaults.SystemName);
        await _settingService.SaveSettingAsync(widgetSettings);
    }

    #endregion

    #region Properties

    /// <summary>
    /// Gets a value indicating whether capture is supported: in authorize-only mode (nopCommerce offers Capture only
    /// for Authorized orders, and only this mode makes them)
    /// </summary>
    public bool SupportCapture => IsAuthorizeOnly;

    /// <summary>
    /// Gets a value indicating whether partial refund is supported
    /// </summary>
    public bool SupportPartiallyRefund => true;

    /// <summary>
    /// Gets a value indicating whether refund is supported
    /// </summary>
    public bool SupportRefund => true;

    /// <summary>
    /// Gets a value indicating whether void is supported: in authorize-only mode, to release a hold not captured
    /// (a charged sale is given back with Refund)
    /// </summary>
    public bool SupportVoid => IsAuthorizeOnly;

    /// <summary>
    /// Gets a value indicating whether the current store only authorizes at checkout (nopCommerce resolves the
    /// settings of the current store)
    /// </summary>
    protected bool IsAuthorizeOnly => _paramPosSettings?.TransactionMode == TransactionMode.AuthorizeOnly;

    /// <summary>
    /// Gets a recurring payment type of payment method
    /// </summary>
    public RecurringPaymentType RecurringPaymentType => RecurringPaymentType.NotSupported;

    /// <summary>
    /// Gets a payment method type: the shopper leaves the store for the bank's 3-D Secure page after the order exists
    /// </summary>
    public PaymentMethodType PaymentMethodType => PaymentMethodType.Redirection;

    /// <summary>
    /// Gets a value indicating whether we should display a payment information page for this plugin: not in the Paratika
    /// hosted page mode, where Paratika's page takes the card
    /// </summary>
    public bool SkipPaymentInfo => IsHostedPage;

    /// <summary>
    /// Gets a value indicating whether the current store takes payments on Paratika's hosted page (no card form here)
    /// </summary>
    protected bool IsHostedPage => _paramPosSettings?.PaymentMode == PaymentMode.ParatikaHostedPage;

    /// <summary>
    /// Gets a value indicating whether to hide this plugin on the widget list page: the installment table is placed on
    /// the plugin's configuration page
    /// </summary>
    public bool HideInWidgetList => true;

    #endregion
}
