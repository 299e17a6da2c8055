using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

// nopCommerce's script and link tag helpers (Nop.Web.Framework.TagHelpers.Shared.NopScriptTagHelper, NopLinkTagHelper,
// 4.90.6) as they behave in a store with its default settings (JavaScript and CSS bundling on), because they decide
// whether a payment plugin's view works when the one-page checkout loads it by AJAX (plugin-facts.md §1.5):
// * script, AJAX request: left exactly as written, except that src, bound to the tag helper, is never written back:
//   <script src="x.js"></script> arrives as <script></script>;
// * script, full page: moved to the end of the body (inline or src), unless its type is not text/javascript;
// * link rel=stylesheet: always removed and handed to the page head, which an AJAX partial never renders.
// The host's layouts write the collected parts where nopCommerce's do (head, end of body).

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser.Host;

/// <summary>What a page's script and link tag helpers collected, as nopCommerce's INopHtmlHelper does per request.</summary>
public sealed class PageResources
{
    private static readonly object Key = new();

    public List<string> CssFiles { get; } = new();

    public List<string> FooterScripts { get; } = new();

    public static PageResources Of(HttpContext context)
    {
        if (context.Items[Key] is not PageResources resources)
            context.Items[Key] = resources = new PageResources();

        return resources;
    }

    public static bool IsAjaxRequest(HttpRequest request) => request.Headers.XRequestedWith == "XMLHttpRequest";

    public static string Resolve(HttpContext context, string url) => url.StartsWith("~/", StringComparison.Ordinal) ? context.Request.PathBase + url[1..] : url;

    /// <summary>The head's stylesheets (nopCommerce's NopCssFiles).</summary>
    public IHtmlContent Head()
    {
        var html = new StringBuilder();
        foreach (var href in CssFiles.Distinct())
            html.Append("<link rel=\"stylesheet\" href=\"").Append(WebUtility.HtmlEncode(href)).Append("\" />\n");

        return new HtmlString(html.ToString());
    }

    /// <summary>The scripts at the end of the body (nopCommerce's NopScripts and NopInlineScripts for the footer).</summary>
    public IHtmlContent Footer() => new HtmlString(string.Join("\n", FooterScripts));
}

/// <summary>Stand-in for NopScriptTagHelper.</summary>
[HtmlTargetElement("script")]
public class NopScriptTagHelperStandIn : TagHelper
{
    [HtmlAttributeName("src")]
    public string Src { get; set; }

    [HtmlAttributeName("asp-location")]
    public string Location { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var http = ViewContext.HttpContext;
        if (PageResources.IsAjaxRequest(http.Request))
            return;

        output.TagMode = TagMode.StartTagAndEndTag;
        if (context.AllAttributes.TryGetAttribute("type", out var type) && !string.Equals(type.Value?.ToString(), "text/javascript", StringComparison.OrdinalIgnoreCase))
            return;

        if (string.Equals(Location, "None", StringComparison.OrdinalIgnoreCase))
        {
            if (!string.IsNullOrEmpty(Src))
                output.Attributes.SetAttribute("src", PageResources.Resolve(http, Src));
            return;
        }

        var script = new TagBuilder("script");
        if (string.IsNullOrEmpty(Src))
            script.InnerHtml.SetHtmlContent((await output.GetChildContentAsync()).GetContent());
        else
            script.Attributes["src"] = PageResources.Resolve(http, Src);
        await using var writer = new StringWriter();
        script.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        PageResources.Of(http).FooterScripts.Add(writer.ToString());

        output.SuppressOutput();
    }
}

/// <summary>Stand-in for NopLinkTagHelper.</summary>
[HtmlTargetElement("link", Attributes = "[rel=stylesheet]")]
public class NopLinkTagHelperStandIn : TagHelper
{
    [HtmlAttributeName("href")]
    public string Href { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        PageResources.Of(ViewContext.HttpContext).CssFiles.Add(PageResources.Resolve(ViewContext.HttpContext, Href));
        output.SuppressOutput();
    }
}
