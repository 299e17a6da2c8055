using System.Globalization;
using Microsoft.AspNetCore.Http;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser.Host;

/// <summary>
/// Stands in for nopCommerce's CheckoutController. Multi-step checkout: payment info (ValidatePaymentFormAsync,
/// GetPaymentInfoAsync, the request persisted as JSON), confirm (the total with the method's fee, PlaceOrder with
/// ProcessPaymentAsync, then PostProcessPaymentAsync). One-page checkout (nopCommerce's default), as its
/// public.onepagecheckout.js drives it: every step an AJAX request whose JSON carries the next step's HTML, rendered
/// as partial views during that AJAX request; confirm answers with a redirect to OpcCompleteRedirectionPayment for a
/// Redirection method. Then completed, and the pages the plugin links to.
/// </summary>
[AutoValidateAntiforgeryToken]
public partial class TestCheckoutController : Controller
{
    private readonly CheckoutHarness _harness;
    private readonly ParamPosPaymentMethod _plugin;

    public TestCheckoutController(CheckoutHarness harness, ParamPosPaymentMethod plugin)
    {
        _harness = harness;
        _plugin = plugin;
    }

    [HttpGet("checkout/paymentinfo")]
    public async Task<IActionResult> PaymentInfo()
    {
        // nopCommerce's PaymentInfo(): a method that skips the step gets an empty payment request, and the shopper goes on.
        if (_plugin.SkipPaymentInfo)
        {
            _harness.StoredPaymentRequest = JsonSerializer.Serialize(new ProcessPaymentRequest());
            return Redirect("/checkout/confirm");
        }

        return View(await PageAsync());
    }

    [HttpPost("checkout/paymentinfo")]
    public async Task<IActionResult> PaymentInfo(IFormCollection form)
    {
        var errors = await _plugin.ValidatePaymentFormAsync(form);
        if (errors.Count > 0)
        {
            var page = await PageAsync();
            page.Errors = errors;
            return View(page);
        }

        await StorePaymentRequestAsync(form);

        return Redirect("/checkout/confirm");
    }

    [HttpGet("checkout/confirm")]
    public async Task<IActionResult> Confirm()
    {
        return View(await PageAsync(withFee: true));
    }

    [HttpPost("checkout/confirm"), ActionName("Confirm")]
    public async Task<IActionResult> ConfirmPost()
    {
        if (_harness.StoredPaymentRequest is null)
            return Redirect("/checkout/paymentinfo");

        var (result, order) = await PlaceOrderAsync();
        if (!result.Success)
        {
            var page = await PageAsync(withFee: true);
            page.Errors = result.Errors;
            return View("Confirm", page);
        }

        await _plugin.PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });
        if (Response.StatusCode is 301 or 302)
            return new EmptyResult();

        return RedirectToRoute("CheckoutCompleted", new { orderId = order.Id });
    }

    [HttpGet("checkout/completed/{orderId:int?}", Name = "CheckoutCompleted")]
    public IActionResult Completed(int orderId)
    {
        var order = _harness.Orders.Get(orderId);

        return order is null ? NotFound() : View(new OrderPageModel { OrderId = order.Id, OrderTotal = Money(order.OrderTotal), PaymentStatus = order.PaymentStatus.ToString() });
    }

    [HttpGet("orderdetails/{orderId:min(0)}", Name = "OrderDetails")]
    public IActionResult OrderDetails(int orderId) => View("Page", $"Order {orderId}: {_harness.Orders.Get(orderId)?.PaymentStatus}");

    [HttpGet("", Name = "Homepage")]
    public IActionResult Home() => View("Page", "Test store");

    /// <summary>ValidatePaymentFormAsync passed: GetPaymentInfoAsync, and the request kept for the customer as JSON.</summary>
    private async Task StorePaymentRequestAsync(IFormCollection form)
    {
        _harness.StoredPaymentRequest = JsonSerializer.Serialize(await _plugin.GetPaymentInfoAsync(form));
        _harness.PersistedRequests.Add(_harness.StoredPaymentRequest);
    }

    /// <summary>PlaceOrderAsync with the kept request; on success the request is forgotten (and the cart emptied).</summary>
    private async Task<(ProcessPaymentResult Result, Order Order)> PlaceOrderAsync()
    {
        var (result, order) = await _harness.PlaceOrderAsync(JsonSerializer.Deserialize<ProcessPaymentRequest>(_harness.StoredPaymentRequest)!);
        if (result.Success)
            _harness.StoredPaymentRequest = null;

        return (result, order);
    }

    private async Task<CheckoutPageModel> PageAsync(bool withFee = false)
    {
        var customer = _harness.Shop.DefaultCustomer;
        var cart = await _harness.Shop.GetShoppingCartAsync(customer, ShoppingCartType.ShoppingCart, 1);
        var cartTotal = (await _harness.Shop.GetShoppingCartTotalAsync(cart, usePaymentMethodAdditionalFee: false)).shoppingCartTotal!.Value;
        var page = new CheckoutPageModel { CartTotal = Money(cartTotal) };
        if (withFee)
        {
            var fee = await _plugin.GetAdditionalHandlingFeeAsync(cart);
            page.Fee = Money(fee);
            page.OrderTotal = Money(cartTotal + fee);
            if (_harness.StoredPaymentRequest is not null)
            {
                var request = JsonSerializer.Deserialize<ProcessPaymentRequest>(_harness.StoredPaymentRequest)!;
                page.CustomValues = request.CustomValues.Where(value => value.DisplayToCustomer).Select(value => new KeyValuePair<string, string>(value.Name, value.Value)).ToList();
            }
        }

        return page;
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
