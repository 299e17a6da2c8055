using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser.Host;

/// <summary>
/// Stands in for nopCommerce's admin order page (OrderController.Edit) as far as payments go: the order's statuses and
/// notes, and the Capture and Void buttons, shown as nopCommerce shows them (CanCaptureAsync, CanVoidAsync: an
/// Authorized order while the payment method supports it); each posts the edit form, and the order is captured or
/// voided through the harness's OrderProcessingService stand-in, its errors shown as error notifications. Its details
/// block zone (admin_order_details_block) sits inside the form, where the plugin's marketplace block renders, and the
/// notifications nopCommerce shows after a redirect are shown.
/// </summary>
/// <remarks>Named as nopCommerce's, in the admin area, so that the plugin's RedirectToAction("Edit", "Order") finds it.</remarks>
[Area("Admin")]
[AutoValidateAntiforgeryToken]
public class OrderController : Controller
{
    private readonly CheckoutHarness _harness;
    private readonly ParamPosPaymentMethod _plugin;

    public OrderController(CheckoutHarness harness, ParamPosPaymentMethod plugin)
    {
        _harness = harness;
        _plugin = plugin;
    }

    [HttpGet("Admin/Order/List")]
    public IActionResult List() => Content("Orders");

    [HttpGet("Admin/Order/Edit/{id:int}")]
    public IActionResult Edit(int id)
    {
        var notifications = _harness.Notifications.Messages.ToList();
        _harness.Notifications.Messages.Clear();

        return Page(id, notifications.Where(notification => notification.Kind == "error").Select(notification => notification.Message).ToList(),
            notifications.Where(notification => notification.Kind != "error").Select(notification => notification.Message).ToList());
    }

    [HttpPost("Admin/Order/Edit/{id:int}")]
    public async Task<IActionResult> Edit(int id, [FromForm(Name = "captureorder")] string capture, [FromForm(Name = "voidorder")] string voidOrder)
    {
        IList<string> errors = [];
        if (capture is not null)
            errors = (await _harness.CaptureAsync(id)).Errors;
        else if (voidOrder is not null)
            errors = (await _harness.VoidAsync(id)).Errors;

        return Page(id, errors, []);
    }

    private IActionResult Page(int id, IList<string> errors, IList<string> messages)
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
            Errors = errors,
            Messages = messages
        });
    }
}
