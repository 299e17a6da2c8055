using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser.Host;

/// <summary>
/// Stands in for nopCommerce's admin order page (OrderController.Edit) as far as payments go: the order's statuses and
/// notes, and the Capture and Void buttons, shown as nopCommerce shows them (CanCaptureAsync, CanVoidAsync: an
/// Authorized order while the payment method supports it); each posts the edit form, and the order is captured or
/// voided through the harness's OrderProcessingService stand-in, its errors shown as error notifications.
/// </summary>
[AutoValidateAntiforgeryToken]
public class TestAdminOrderController : Controller
{
    private readonly CheckoutHarness _harness;
    private readonly ParamPosPaymentMethod _plugin;

    public TestAdminOrderController(CheckoutHarness harness, ParamPosPaymentMethod plugin)
    {
        _harness = harness;
        _plugin = plugin;
    }

    [HttpGet("Admin/Order/Edit/{id:int}")]
    public IActionResult Edit(int id)
    {
        return Page(id, []);
    }

    [HttpPost("Admin/Order/Edit/{id:int}")]
    public async Task<IActionResult> Edit(int id, [FromForm(Name = "captureorder")] string capture, [FromForm(Name = "voidorder")] string voidOrder)
    {
        IList<string> errors = [];
        if (capture is not null)
            errors = (await _harness.CaptureAsync(id)).Errors;
        else if (voidOrder is not null)
            errors = (await _harness.VoidAsync(id)).Errors;

        return Page(id, errors);
    }

    private IActionResult Page(int id, IList<string> errors)
    {
        var order = _harness.Orders.Get(id);
        if (order is null)
            return NotFound();

        var authorized = order.PaymentStatus == PaymentStatus.Authorized;
        return View("~/Views/TestAdminOrder/Edit.cshtml", new AdminOrderPageModel
        {
            OrderId = order.Id,
            OrderTotal = order.OrderTotal.ToString("0.00", CultureInfo.InvariantCulture),
            OrderStatus = order.OrderStatus.ToString(),
            PaymentStatus = order.PaymentStatus.ToString(),
            CanCapture = authorized && order.OrderStatus is not (Nop.Core.Domain.Orders.OrderStatus.Pending or Nop.Core.Domain.Orders.OrderStatus.Cancelled) && _plugin.SupportCapture,
            CanVoid = authorized && _plugin.SupportVoid,
            Notes = _harness.Orders.Notes(id).Select(note => note.Note).ToList(),
            Errors = errors
        });
    }
}
