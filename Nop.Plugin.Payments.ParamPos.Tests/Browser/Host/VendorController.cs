using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.ParamPos.Tests.Support;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser.Host;

/// <summary>
/// Stands in for nopCommerce's admin vendor edit page (VendorController.Edit): the vendor form with its details block
/// zone (admin_vendor_details_block), where the plugin's marketplace seller block renders inside the form, and the
/// notifications nopCommerce shows after a redirect.
/// </summary>
/// <remarks>Named as nopCommerce's, in the admin area, so that the plugin's RedirectToAction("Edit", "Vendor") finds it.</remarks>
[Area("Admin")]
[AutoValidateAntiforgeryToken]
public class VendorController : Controller
{
    private readonly CheckoutHarness _harness;

    public VendorController(CheckoutHarness harness)
    {
        _harness = harness;
    }

    [HttpGet]
    public IActionResult List() => Content("Vendors");

    [HttpGet]
    public IActionResult Edit(int id)
    {
        var notifications = _harness.Notifications.Messages.ToList();
        _harness.Notifications.Messages.Clear();

        return View("~/Views/TestAdminVendor/Edit.cshtml", (id, (IReadOnlyList<(string Kind, string Message)>)notifications));
    }
}
