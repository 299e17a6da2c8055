using Microsoft.AspNetCore.Mvc;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Payments.ParamPos.Components;

/// <summary>
/// Represents the view component that renders the card form on the payment info step
/// </summary>
[ViewComponent(Name = "ParamPosPaymentInfo")]
public class ParamPosPaymentInfoViewComponent : NopViewComponent
{
    /// <summary>
    /// Invoke view component
    /// </summary>
    /// <returns>The view component result</returns>
    public IViewComponentResult Invoke()
    {
        return View(ParamPosDefaults.ViewsPath + "PaymentInfo.cshtml");
    }
}
