using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Web.Framework.Components;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Payments.ParamPos.Components;

/// <summary>
/// Represents the view component of the "Param marketplace seller" block on a vendor's edit page (marketplace mode)
/// </summary>
[ViewComponent(Name = "ParamPosMarketplaceSeller")]
public class ParamPosMarketplaceSellerViewComponent : NopViewComponent
{
    #region Fields

    protected readonly IStoreContext _storeContext;
    protected readonly MarketplaceSellerModelFactory _modelFactory;
    protected readonly ParamCallRunner _callRunner;

    #endregion

    #region Ctor

    public ParamPosMarketplaceSellerViewComponent(IStoreContext storeContext,
        MarketplaceSellerModelFactory modelFactory,
        ParamCallRunner callRunner)
    {
        _storeContext = storeContext;
        _modelFactory = modelFactory;
        _callRunner = callRunner;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Invoke view component
    /// </summary>
    /// <param name="widgetZone">Widget zone name</param>
    /// <param name="additionalData">The vendor page's model (Nop.Web's VendorModel, read by its Id: outside the reference surface)</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the view component result</returns>
    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        if (!string.Equals(widgetZone, AdminWidgetZones.VendorDetailsBlock, StringComparison.Ordinal)
            || !(await _callRunner.LoadSettingsAsync(await _storeContext.GetActiveStoreScopeConfigurationAsync())).MarketplaceMode)
            return Content(string.Empty);

        var vendorId = additionalData?.GetType().GetProperty("Id")?.GetValue(additionalData) as int? ?? 0;

        return View(ParamPosDefaults.ViewsPath + "Admin/MarketplaceSeller.cshtml", await _modelFactory.PrepareAsync(vendorId));
    }

    #endregion
}
