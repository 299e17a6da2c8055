using Microsoft.AspNetCore.Mvc;
using Nop.Core.Http;
using Nop.Plugin.Payments.ParamPos.Payments;

namespace Nop.Plugin.Payments.ParamPos.Controllers;

/// <summary>
/// Receives the bank's cross-site POST after 3-D Secure (Basarili_URL and Hata_URL). A plain Controller: no nopCommerce
/// filters run (they would touch the current customer and re-issue the guest cookie), no antiforgery token exists in
/// a bank's POST, and nothing here reads the session, the working language or cookies. After the work, a 302 to a GET
/// page where the shopper's cookies are back.
/// </summary>
public class ParamPosCallbackController : Controller
{
    #region Fields

    protected readonly ThreeDCallbackHandler _callbackHandler;

    #endregion

    #region Ctor

    public ParamPosCallbackController(ThreeDCallbackHandler callbackHandler)
    {
        _callbackHandler = callbackHandler;
    }

    #endregion

    #region Methods

    [HttpPost, IgnoreAntiforgeryToken]
    public async Task<IActionResult> Callback()
    {
        if (!Request.HasFormContentType)
            return BadRequest("A 3-D Secure callback is a form POST.");

        var outcome = await _callbackHandler.HandleAsync(await Request.ReadFormAsync());

        return outcome.Result switch
        {
            CallbackResult.Paid => RedirectToRoute(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = outcome.OrderId }),
            CallbackResult.Rejected => BadRequest("This request is not a valid 3-D Secure callback for any order. Nothing was changed."),
            _ => RedirectToRoute(ParamPosDefaults.Route.Result, new { orderGuid = outcome.OrderGuid })
        };
    }

    #endregion
}
