namespace Nop.Plugin.Payments.ParamPos.Tests.Browser.Host;

public sealed class CheckoutPageModel
{
    public string CartTotal { get; set; }
    public string Fee { get; set; }
    public string OrderTotal { get; set; }
    public IList<string> Errors { get; set; } = new List<string>();
    public IList<KeyValuePair<string, string>> CustomValues { get; set; } = new List<KeyValuePair<string, string>>();
}

public sealed class OrderPageModel
{
    public int OrderId { get; set; }
    public string OrderTotal { get; set; }
    public string PaymentStatus { get; set; }
}

public sealed class AdminOrderPageModel
{
    public int OrderId { get; set; }
    public string OrderTotal { get; set; }
    public string OrderStatus { get; set; }
    public string PaymentStatus { get; set; }
    public bool CanCapture { get; set; }
    public bool CanVoid { get; set; }
    public IList<string> Notes { get; set; } = new List<string>();
    public IList<string> Errors { get; set; } = new List<string>();
    public IList<string> Messages { get; set; } = new List<string>();
}

public sealed class ProductPageModel
{
    public int ProductId { get; set; }
    public string Name { get; set; }
    public string Price { get; set; }
    public string WidgetZone { get; set; }
    public IList<string> AttributeValues { get; set; } = new List<string>();
}

/// <summary>Stand-in for the page models nopCommerce hands to widget zones (ProductDetailsModel, VendorModel, OrderModel), read by their Id.</summary>
public sealed record ModelIdStandIn(int Id);
