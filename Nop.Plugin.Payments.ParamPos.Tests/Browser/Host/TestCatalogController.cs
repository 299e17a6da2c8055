using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser.Host;

/// <summary>
/// Stands in for nopCommerce's product page and cart: the product page renders the widget zone the store chose with
/// the product's model as additional data, its attribute select posts the product form to an attribute-change endpoint
/// (nopCommerce's ShoppingCartController.ProductDetails_AttributeChange: the price for the chosen attributes), shows
/// the new price and raises nopCommerce's jQuery event "product_attributes_changed"; the cart renders the order summary's zone.
/// </summary>
public class TestCatalogController : Controller
{
    private readonly CheckoutHarness _harness;

    public TestCatalogController(CheckoutHarness harness)
    {
        _harness = harness;
    }

    [HttpGet("product/{productId:int}")]
    public async Task<IActionResult> Product(int productId, string zone = "productdetails_overview_bottom")
    {
        var product = await _harness.Catalog.GetProductByIdAsync(productId);
        if (product is null)
            return NotFound();

        var (price, _) = await _harness.Catalog.GetProductPriceAsync(product, _harness.Catalog.UnitPrice(product, string.Empty));

        return View(new ProductPageModel
        {
            ProductId = product.Id,
            Name = product.Name,
            Price = Money(price),
            WidgetZone = zone,
            AttributeValues = _harness.Catalog.AttributeValues(product.Id)
        });
    }

    [HttpPost("product/{productId:int}/attributechange"), IgnoreAntiforgeryToken]
    public async Task<IActionResult> AttributeChange(int productId)
    {
        var product = await _harness.Catalog.GetProductByIdAsync(productId);
        var attributesXml = await _harness.Catalog.ParseProductAttributesAsync(product, await Request.ReadFormAsync(), new List<string>());
        var (price, _) = await _harness.Catalog.GetProductPriceAsync(product, _harness.Catalog.UnitPrice(product, attributesXml));

        return Json(new { productId, price = Money(price) });
    }

    [HttpGet("cart", Name = "ShoppingCart")]
    public IActionResult Cart() => View();

    private static string Money(decimal amount) => amount.ToString("N2", CultureInfo.GetCultureInfo("tr-TR")) + " TL";
}
