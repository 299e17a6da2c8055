using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Nop.Core;
using Nop.Core.Http;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Models.Public;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Web.Framework.Components;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Payments.ParamPos.Components;

/// <summary>
/// Represents the view component that shows the installment table in the product page zone the store chose and in the
/// shopping cart, from the cached rate list only
/// </summary>
/// <remarks>The name is unique to this plugin: themes that invoke components by name crash on duplicates (nopCommerce #6573).</remarks>
[ViewComponent(Name = "ParamPosInstallmentWidget")]
public class ParamPosInstallmentWidgetViewComponent : NopViewComponent
{
    #region Fields

    protected readonly InstallmentWidgetModelFactory _modelFactory;
    protected readonly IStoreContext _storeContext;
    protected readonly ParamCallRunner _callRunner;

    #endregion

    #region Ctor

    public ParamPosInstallmentWidgetViewComponent(InstallmentWidgetModelFactory modelFactory,
        IStoreContext storeContext,
        ParamCallRunner callRunner)
    {
        _modelFactory = modelFactory;
        _storeContext = storeContext;
        _callRunner = callRunner;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Invoke view component
    /// </summary>
    /// <param name="widgetZone">Widget zone name</param>
    /// <param name="additionalData">Additional data (the product page's model)</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the view component result</returns>
    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        var settings = await _callRunner.LoadSettingsAsync((await _storeContext.GetCurrentStoreAsync()).Id);
        InstallmentWidgetModel model = null;
        if (!string.IsNullOrEmpty(settings.InstallmentWidgetZone) && string.Equals(widgetZone, settings.InstallmentWidgetZone, StringComparison.Ordinal)
            && ProductIdOf(additionalData) is { } productId)
            model = await _modelFactory.PrepareForProductAsync(productId);
        else if (settings.InstallmentWidgetInCart && string.Equals(widgetZone, PublicWidgetZones.OrderSummaryContentAfter, StringComparison.Ordinal)
            && HttpContext.GetEndpoint()?.Metadata.GetMetadata<RouteNameMetadata>()?.RouteName == NopRouteNames.General.CART)
            model = await _modelFactory.PrepareForCartAsync();

        if (model is null)
            return Content(string.Empty);

        return View(ParamPosDefaults.ViewsPath + "Public/InstallmentWidget.cshtml", model);
    }

    #endregion

    #region Utilities

    /// <summary>
    /// The product of a product page: its model (Nop.Web's ProductDetailsModel, Id; or its add-to-cart part, ProductId)
    /// is outside the reference surface the plugin builds against, so its identifier is read by name; else the route's
    /// </summary>
    protected virtual int? ProductIdOf(object additionalData)
    {
        var type = additionalData?.GetType();
        var value = type?.GetProperty("ProductId")?.GetValue(additionalData) ?? type?.GetProperty("Id")?.GetValue(additionalData)
            ?? HttpContext.GetRouteValue("productid");

        return value is int id ? id : int.TryParse(value?.ToString(), out var parsed) ? parsed : null;
    }

    #endregion
}
