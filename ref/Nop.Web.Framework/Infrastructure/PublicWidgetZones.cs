namespace Nop.Web.Framework.Infrastructure;

public static partial class PublicWidgetZones
{
    public static string OrderSummaryContentAfter => "order_summary_content_after";

    public static string ProductDetailsAddInfo => "productdetails_add_info";

    public static string ProductDetailsBottom => "productdetails_bottom";

    public static string ProductDetailsEssentialBottom => "productdetails_essential_bottom";

    public static string ProductDetailsOverviewBottom => "productdetails_overview_bottom";

    public static string ProductPriceBottom => "product_price_bottom";
}
