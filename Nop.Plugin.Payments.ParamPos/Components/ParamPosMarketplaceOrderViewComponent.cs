using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Web.Framework.Components;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Payments.ParamPos.Components;

/// <summary>
/// Represents the view component of the "Param marketplace" block on an order's admin page: the vendors' shares with
/// approve / withdraw and a refund per vendor (only for orders with marketplace shares)
/// </summary>
[ViewComponent(Name = "ParamPosMarketplaceOrder")]
public class ParamPosMarketplaceOrderViewComponent : NopViewComponent
{
    #region Fields

    protected readonly MarketplaceOrderModelFactory _modelFactory;

    #endregion

    #region Ctor

    public ParamPosMarketplaceOrderViewComponent(MarketplaceOrderModelFactory modelFactory)
    {
        _modelFactory = modelFactory;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Invoke view component
    /// </summary>
    /// <param name="widgetZone">Widget zone name</param>
    /// <param name="additionalData">The order page's model (Nop.Web's OrderModel, read by its Id: outside the reference surface)</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the view component result</returns>
    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        if (!string.Equals(widgetZone, AdminWidgetZones.OrderDetailsBlock, StringComparison.Ordinal))
            return Content(string.Empty);

        var orderId = additionalData?.GetType().GetProperty("Id")?.GetValue(additionalData) as int? ?? 0;
        var model = orderId > 0 ? await _modelFactory.PrepareAsync(orderId) : null;

        return model is null ? Content(string.Empty) : View(ParamPosDefaults.ViewsPath + "Admin/MarketplaceOrder.cshtml", model);
    }

    #endregion
}
