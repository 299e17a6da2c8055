using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Payments.ParamPos.Components;

/// <summary>
/// Represents the view component that renders the card form and installment table on the payment info step
/// </summary>
/// <remarks>The name is unique to this plugin: themes that invoke components by name crash on duplicates (nopCommerce #6573).</remarks>
[ViewComponent(Name = "ParamPosPaymentInfo")]
public class ParamPosPaymentInfoViewComponent : NopViewComponent
{
    #region Fields

    protected readonly ParamPosModelFactory _modelFactory;

    #endregion

    #region Ctor

    public ParamPosPaymentInfoViewComponent(ParamPosModelFactory modelFactory)
    {
        _modelFactory = modelFactory;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Invoke view component
    /// </summary>
    /// <returns>A task that represents the asynchronous operation; the task result contains the view component result</returns>
    public async Task<IViewComponentResult> InvokeAsync()
    {
        // On a re-display after a validation error the card fields stay empty on purpose: card data is never echoed back.
        var model = await _modelFactory.PreparePaymentInfoModelAsync();

        return View(ParamPosDefaults.ViewsPath + "Public/PaymentInfo.cshtml", model);
    }

    #endregion
}
