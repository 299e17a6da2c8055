using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Payments;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser.Host;

/// <summary>
/// The one-page checkout's server side (CheckoutController.Opc*): JSON answers in the shape public.onepagecheckout.js
/// reads (update_section { name, html }, goto_section, redirect, error/message), the HTML rendered from partial views
/// in the AJAX request itself, so the script and link tag helpers see an AJAX request as they do in nopCommerce.
/// </summary>
public partial class TestCheckoutController
{
    [HttpGet("checkout/onepagecheckout")]
    public IActionResult OnePageCheckout()
    {
        return View();
    }

    /// <summary>The payment method step was saved: the payment info step's HTML follows.</summary>
    [HttpPost("checkout/OpcSavePaymentMethod"), IgnoreAntiforgeryToken]
    public async Task<IActionResult> OpcSavePaymentMethod()
    {
        // OpcLoadStepAfterPaymentMethod: a method that skips the payment info step goes straight to confirm.
        if (_plugin.SkipPaymentInfo)
        {
            _harness.StoredPaymentRequest = System.Text.Json.JsonSerializer.Serialize(new ProcessPaymentRequest());
            return Json(new { update_section = new { name = "confirm-order", html = await PartialHtmlAsync("_OpcConfirmOrder", await PageAsync(withFee: true)) }, goto_section = "confirm_order" });
        }

        return Json(new { update_section = new { name = "payment-info", html = await PartialHtmlAsync("_OpcPaymentInfo", new CheckoutPageModel()) }, goto_section = "payment_info" });
    }

    [HttpPost("checkout/OpcSavePaymentInfo"), IgnoreAntiforgeryToken]
    public async Task<IActionResult> OpcSavePaymentInfo(IFormCollection form)
    {
        var errors = await _plugin.ValidatePaymentFormAsync(form);
        if (errors.Count > 0)
            return Json(new { update_section = new { name = "payment-info", html = await PartialHtmlAsync("_OpcPaymentInfo", new CheckoutPageModel { Errors = errors }) } });

        await StorePaymentRequestAsync(form);

        return Json(new { update_section = new { name = "confirm-order", html = await PartialHtmlAsync("_OpcConfirmOrder", await PageAsync(withFee: true)) }, goto_section = "confirm_order" });
    }

    [HttpPost("checkout/OpcConfirmOrder"), IgnoreAntiforgeryToken]
    public async Task<IActionResult> OpcConfirmOrder()
    {
        if (_harness.StoredPaymentRequest is null)
            return Json(new { error = 1, message = new[] { "Payment information is not entered" } });

        var (result, _) = await PlaceOrderAsync();
        if (!result.Success)
            return Json(new { error = 1, message = result.Errors });

        // A Redirection method is not post-processed inside the AJAX request: the browser is sent to a GET that does it.
        return Json(new { redirect = $"{Request.PathBase}/checkout/OpcCompleteRedirectionPayment" });
    }

    /// <summary>The customer's latest order is post-processed; the plugin sends the browser on.</summary>
    [HttpGet("checkout/OpcCompleteRedirectionPayment")]
    public async Task<IActionResult> OpcCompleteRedirectionPayment()
    {
        var order = _harness.Orders.All().Where(candidate => candidate.CustomerId == _harness.Shop.DefaultCustomer.Id).MaxBy(candidate => candidate.Id);
        if (order is null)
            return RedirectToRoute("Homepage");

        await _plugin.PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });
        if (Response.StatusCode is 301 or 302)
            return new EmptyResult();

        return order.PaymentStatus == PaymentStatus.Paid ? RedirectToRoute("CheckoutCompleted", new { orderId = order.Id }) : RedirectToRoute("Homepage");
    }

    /// <summary>RenderPartialViewToStringAsync: a partial view rendered into the JSON answer.</summary>
    private async Task<string> PartialHtmlAsync(string viewName, object model)
    {
        var engine = HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>();
        var view = engine.FindView(ControllerContext, viewName, isMainPage: false).View
            ?? throw new InvalidOperationException($"Partial view {viewName} not found.");
        ViewData.Model = model;
        await using var writer = new StringWriter();
        await view.RenderAsync(new ViewContext(ControllerContext, view, ViewData, TempData, writer, new HtmlHelperOptions()));

        return writer.ToString();
    }
}
