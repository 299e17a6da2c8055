using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.ParamPos.Controllers;

/// <summary>
/// Registers a vendor as a seller at Param's marketplace service, or updates it, from the vendor's edit page: the
/// block's button posts the vendor form here (its fields under "ParamPosSeller"), then the vendor page is shown again
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
[ValidateIpAddress]
public class ParamPosMarketplaceController : BasePluginController
{
    #region Fields

    protected readonly ILocalizationService _localizationService;
    protected readonly INotificationService _notificationService;
    protected readonly IStoreContext _storeContext;
    protected readonly MarketplaceSellerRegistry _registry;
    protected readonly ParamCallRunner _callRunner;

    #endregion

    #region Ctor

    public ParamPosMarketplaceController(ILocalizationService localizationService,
        INotificationService notificationService,
        IStoreContext storeContext,
        MarketplaceSellerRegistry registry,
        ParamCallRunner callRunner)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _storeContext = storeContext;
        _registry = registry;
        _callRunner = callRunner;
    }

    #endregion

    #region Methods

    [HttpPost]
    [CheckPermission(StandardPermission.Customers.VENDORS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> SaveSeller([Bind(Prefix = "ParamPosSeller")] MarketplaceSellerModel model)
    {
        var settings = await _callRunner.LoadSettingsAsync(await _storeContext.GetActiveStoreScopeConfigurationAsync());
        if (!settings.MarketplaceMode || model.VendorId <= 0)
            return RedirectToAction("List", "Vendor");

        var (problems, refusal) = await _registry.SaveAsync(settings, model.VendorId, MarketplaceSellerModelFactory.ToSubMerchant(model), model.CommissionRate);
        if (problems.Count > 0)
            _notificationService.ErrorNotification(string.Join(" ", await _localizationService.GetPluginResourcesAsync(problems.Select(problem => "Seller.Problem." + problem))));
        else if (refusal is not null)
            _notificationService.ErrorNotification(string.Format(await _localizationService.GetPluginResourceAsync("Seller.Refused"), refusal));
        else
            _notificationService.SuccessNotification(await _localizationService.GetPluginResourceAsync("Seller.Saved"));

        return RedirectToAction("Edit", "Vendor", new { id = model.VendorId });
    }

    #endregion
}
