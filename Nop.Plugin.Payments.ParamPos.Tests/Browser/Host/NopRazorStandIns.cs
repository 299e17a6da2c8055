using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection;
using Nop.Services.Localization;

// The plugin's views are compiled by the host at run time against nopCommerce's Razor base page and namespaces. The test
// host stands in for them with the little the plugin's views use: @T(...) and the namespaces of _ViewImports.cshtml.

namespace Nop.Web.Framework.Mvc.Razor
{
    /// <summary>Stand-in for nopCommerce's Razor base page: <c>@T("key")</c> prints the locale resource; <c>.Text</c> is the plain text.</summary>
    public abstract class NopRazorPage<TModel> : RazorPage<TModel>
    {
        public Nop.Web.Framework.Localization.LocalizedString T(string key)
        {
            var localization = Context.RequestServices.GetRequiredService<ILocalizationService>();

            return new Nop.Web.Framework.Localization.LocalizedString(localization.GetResourceAsync(key).GetAwaiter().GetResult());
        }
    }
}

namespace Nop.Web.Framework.Localization
{
    /// <summary>Stand-in for nopCommerce's LocalizedString (an HtmlString of the encoded text, with the text itself as Text).</summary>
    public class LocalizedString : HtmlString
    {
        public LocalizedString(string text) : base(WebUtility.HtmlEncode(text))
        {
            Text = text;
        }

        public string Text { get; }
    }
}

namespace Nop.Web.Framework.UI
{
    /// <summary>Only makes the namespace imported by the plugin's _ViewImports.cshtml exist in the test host.</summary>
    public static class TestHostNamespace;
}

namespace Nop.Web.Framework.Extensions
{
    /// <summary>Only makes the namespace imported by the plugin's _ViewImports.cshtml exist in the test host.</summary>
    public static class TestHostNamespace;
}
