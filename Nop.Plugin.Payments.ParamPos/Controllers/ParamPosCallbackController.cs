using Microsoft.AspNetCore.Mvc;
using Nop.Core.Http;
using Nop.Plugin.Payments.ParamPos.Payments;

namespace Nop.Plugin.Payments.ParamPos.Controllers;

/// <summary>
/// Receives the bank's cross-site POST after 3-D Secure (Basarili_URL and Hata_URL): the 3D Model answer (Callback) or
/// the 3D Pay result (Return); and Paratika's POST from its hosted payment page (ParatikaReturn). A plain Controller: no nopCommerce
/// filters run (they would touch the current customer and re-issue the guest cookie), no antiforgery token exists in
/// a bank's POST, and nothing here reads the session, the working language or cookies. After the work, a 302 to a GET
/// page where the shopper's cookies are back.
/// </summary>
public class ParamPosCallbackController : Controller
{
    #region Fields

    protected readonly BankReturnHandler _returnHandler;
    protected readonly ParatikaReturnHandler _paratikaReturnHandler;
    protected readonly ThreeDCallbackHandler _callbackHandler;

    #endregion

    #region Ctor

    public ParamPosCallbackController(BankReturnHandler returnHandler, ParatikaReturnHandler paratikaReturnHandler, ThreeDCallbackHandler callbackHandler)
    {
        _paratikaReturnHandler = paratikaReturnHandler;
        _returnHandler = returnHandler;
        _callbackHandler = callbackHandler;
    }

    #endregion

    #region Methods

    [HttpPost, IgnoreAntiforgeryToken]
    public async Task<IActionResult> Callback()
    {
        if (!Request.HasFormContentType)
            return BadRequest("A 3-D Secure callback is a form POST.");

        return Next(await _callbackHandler.HandleAsync(await Request.ReadFormAsync()));
    }

    [HttpPost, IgnoreAntiforgeryToken]
    public async Task<IActionResult> Return()
    {
        if (!Request.HasFormContentType)
            return BadRequest("A 3D Pay result is a form POST.");

        return Next(await _returnHandler.HandleAsync(await Request.ReadFormAsync()));
    }

    [HttpPost, IgnoreAntiforgeryToken]
    public async Task<IActionResult> ParatikaReturn()
    {
        if (!Request.HasFormContentType)
            return BadRequest("Paratika's payment result is a form POST.");

        return Next(await _paratikaReturnHandler.HandleAsync(await Request.ReadFormAsync()));
    }

    #endregion

    #region Utilities

    protected virtual IActionResult Next(CallbackOutcome outcome)
    {
        return outcome.Result switch
        {
            CallbackResult.Paid => RedirectToRoute(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = outcome.OrderId }),
            CallbackResult.Rejected => BadRequest("This request is not a valid 3-D Secure callback for any order. Nothing was changed."),
            _ => RedirectToRoute(ParamPosDefaults.Route.Result, new { orderGuid = outcome.OrderGuid })
        };
    }

    #endregion
}
