using Nop.Services.Configuration;
using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Services.Security;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Payments.ParamPos.Services;

/// <summary>
/// Adds the plugin's two pages to the admin menu under Sales, after Orders: "ParamPOS transactions" and the
/// reconciliation with Param's records (for those who may view orders). Only while the plugin is installed: its
/// settings exist from install to uninstall.
/// </summary>
public class AdminMenuEventConsumer : IConsumer<AdminMenuCreatedEvent>
{
    #region Fields

    protected readonly ILocalizationService _localizationService;
    protected readonly ISettingService _settingService;

    #endregion

    #region Ctor

    public AdminMenuEventConsumer(ILocalizationService localizationService, ISettingService settingService)
    {
        _localizationService = localizationService;
        _settingService = settingService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Handle the event
    /// </summary>
    /// <param name="eventMessage">The admin menu being built</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public virtual async Task HandleEventAsync(AdminMenuCreatedEvent eventMessage)
    {
        if (!await _settingService.SettingExistsAsync(new ParamPosSettings(), settings => settings.Environment, 0))
            return;

        if ((await _settingService.LoadSettingAsync<ParamPosSettings>()).MarketplaceMode)
            eventMessage.RootMenuItem.InsertAfter("Orders", await ItemAsync(eventMessage, "ParamPosMarketplace", "Index", "Marketplace.Title"));
        var reconciliation = await ItemAsync(eventMessage, "ParamPosReconciliation", "Index", "Reconciliation.Title");
        var transactions = await ItemAsync(eventMessage, "ParamPosTransactions", "List", "Transactions.Title");
        eventMessage.RootMenuItem.InsertAfter("Orders", reconciliation);
        eventMessage.RootMenuItem.InsertAfter("Orders", transactions);
    }

    #endregion

    #region Utilities

    protected virtual async Task<AdminMenuItem> ItemAsync(AdminMenuCreatedEvent eventMessage, string controller, string action, string titleKey)
    {
        return new AdminMenuItem
        {
            SystemName = $"{ParamPosDefaults.SystemName}.{controller}",
            Title = await _localizationService.GetResourceAsync(ParamPosDefaults.LocalePrefix + titleKey),
            Url = eventMessage.GetMenuItemUrl(controller, action),
            IconClass = "far fa-dot-circle",
            PermissionNames = [StandardPermission.Orders.ORDERS_VIEW],
            Visible = true
        };
    }

    #endregion
}
