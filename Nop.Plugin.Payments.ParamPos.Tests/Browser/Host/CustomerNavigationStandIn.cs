using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Models;

namespace Nop.Web.Models.Customer
{
    /// <summary>Stand-in for nopCommerce's My account menu model (Nop.Web), the same full name and public shape.</summary>
    public record CustomerNavigationModel : BaseNopModel
    {
        public IList<CustomerNavigationItemModel> CustomerNavigationItems { get; set; } = new List<CustomerNavigationItemModel>();

        public int SelectedTab { get; set; }
    }

    /// <summary>Stand-in for a My account menu entry.</summary>
    public record CustomerNavigationItemModel : BaseNopModel
    {
        public string RouteName { get; set; }
        public string Title { get; set; }
        public int Tab { get; set; }
        public string ItemClass { get; set; }
    }
}

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser.Host
{
    using Nop.Web.Models.Customer;

    /// <summary>
    /// Stand-in for nopCommerce's CustomerNavigation view component: the menu with Orders, published to the plugin's
    /// consumer as nopCommerce publishes ModelPreparedEvent, then printed as links.
    /// </summary>
    [ViewComponent(Name = "CustomerNavigation")]
    public class CustomerNavigationViewComponent : ViewComponent
    {
        public async Task<IViewComponentResult> InvokeAsync(int selectedTabId = 0)
        {
            var model = new CustomerNavigationModel { SelectedTab = selectedTabId };
            model.CustomerNavigationItems.Add(new CustomerNavigationItemModel { RouteName = "Homepage", Title = "Customer info", Tab = 0 });
            model.CustomerNavigationItems.Add(new CustomerNavigationItemModel { RouteName = "Homepage", Title = "Orders", Tab = 20 });
            await ActivatorUtilities.CreateInstance<CustomerNavigationEventConsumer>(HttpContext.RequestServices).HandleEventAsync(new ModelPreparedEvent<BaseNopModel>(model));

            var links = model.CustomerNavigationItems.Select(item =>
                $"<li class=\"{item.ItemClass}{(item.Tab == selectedTabId ? " active" : string.Empty)}\"><a href=\"{Url.RouteUrl(item.RouteName)}\">{System.Net.WebUtility.HtmlEncode(item.Title)}</a></li>");

            return new HtmlContentViewComponentResult(new Microsoft.AspNetCore.Html.HtmlString($"<ul class=\"list\">{string.Concat(links)}</ul>"));
        }
    }
}
