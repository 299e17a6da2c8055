using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Nop.Services.Localization;

// The admin's Razor pieces the plugin's configuration view uses, standing in for nopCommerce's own: its nop-* tag
// helpers (Nop.Web.Framework.TagHelpers.Admin) and the store scope view component. They render the same form fields
// under the same names, so what the browser posts binds as it would in nopCommerce, with none of nopCommerce's
// styling. The host's root _ViewImports.cshtml adds them to every view. (The script and link tag helpers, which every
// page goes through, are in NopResourceStandIns.cs.)

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser.Host
{
    /// <summary>A field's label: the locale resource named by its NopResourceDisplayName, with the ".Hint" text as a tooltip.</summary>
    [HtmlTargetElement("nop-label", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
    public class NopLabelStandIn(ILocalizationService localization) : TagHelper
    {
        [HtmlAttributeName("asp-for")]
        public ModelExpression For { get; set; }

        [HtmlAttributeName("asp-display-hint")]
        public bool DisplayHint { get; set; } = true;

        public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
        {
            // The reference surface's NopResourceDisplayName gives the resource key as the display name.
            var key = For.Metadata.DisplayName ?? For.Name;
            output.TagName = "label";
            output.TagMode = TagMode.StartTagAndEndTag;
            output.Attributes.SetAttribute("for", TagBuilder.CreateSanitizedId(For.Name, "_"));
            output.Attributes.SetAttribute("class", "col-form-label");
            output.Content.SetContent(await localization.GetResourceAsync(key));

            var hintKey = key + ".Hint";
            var hint = await localization.GetResourceAsync(hintKey);
            if (DisplayHint && hint != hintKey)
                output.Attributes.SetAttribute("title", hint);
        }
    }

    /// <summary>An input for a field: a checkbox for a bool, a password box for [DataType(Password)], a text box otherwise.</summary>
    [HtmlTargetElement("nop-editor", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
    public class NopEditorStandIn(IHtmlGenerator generator) : TagHelper
    {
        [HtmlAttributeName("asp-for")]
        public ModelExpression For { get; set; }

        [HtmlAttributeName("html-attributes")]
        public object CustomHtmlAttributes { get; set; }

        [ViewContext, HtmlAttributeNotBound]
        public ViewContext ViewContext { get; set; }

        public override void Process(TagHelperContext context, TagHelperOutput output)
        {
            var attributes = new Dictionary<string, object>(HtmlHelper.AnonymousObjectToHtmlAttributes(CustomHtmlAttributes));
            TagBuilder input;
            if (For.Metadata.ModelType == typeof(bool))
            {
                attributes["class"] = "check-box";
                input = generator.GenerateCheckBox(ViewContext, For.ModelExplorer, For.Name, null, attributes);
                output.Content.AppendHtml(input);
                output.Content.AppendHtml(generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, For.Name));
            }
            else if (For.Metadata.DataTypeName == nameof(DataType.Password))
            {
                attributes["class"] = "form-control";
                output.Content.AppendHtml(generator.GeneratePassword(ViewContext, For.ModelExplorer, For.Name, null, attributes));
            }
            else
            {
                attributes["class"] = "form-control";
                var value = Convert.ToString(For.Model, CultureInfo.InvariantCulture);
                output.Content.AppendHtml(generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, value, null, attributes));
            }

            output.TagName = null;
        }
    }

    /// <summary>A drop-down list of the field's choices.</summary>
    [HtmlTargetElement("nop-select", TagStructure = TagStructure.WithoutEndTag)]
    public class NopSelectStandIn(IHtmlGenerator generator) : TagHelper
    {
        [HtmlAttributeName("asp-for")]
        public ModelExpression For { get; set; }

        [HtmlAttributeName("asp-items")]
        public IEnumerable<SelectListItem> Items { get; set; }

        [ViewContext, HtmlAttributeNotBound]
        public ViewContext ViewContext { get; set; }

        public override void Process(TagHelperContext context, TagHelperOutput output)
        {
            output.TagName = null;
            output.Content.SetHtmlContent(generator.GenerateSelect(ViewContext, For.ModelExplorer, null, For.Name, Items, false, new { @class = "form-control" }));
        }
    }

    /// <summary>The "override for this store" checkbox, shown only when a store scope is chosen.</summary>
    [HtmlTargetElement("nop-override-store-checkbox", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
    public class NopOverrideStoreCheckboxStandIn(IHtmlGenerator generator) : TagHelper
    {
        [HtmlAttributeName("asp-for")]
        public ModelExpression For { get; set; }

        [HtmlAttributeName("asp-input")]
        public ModelExpression Input { get; set; }

        [HtmlAttributeName("asp-store-scope")]
        public int StoreScope { get; set; }

        [ViewContext, HtmlAttributeNotBound]
        public ViewContext ViewContext { get; set; }

        public override void Process(TagHelperContext context, TagHelperOutput output)
        {
            output.TagName = null;
            if (StoreScope <= 0)
            {
                output.SuppressOutput();
                return;
            }

            output.Content.AppendHtml(generator.GenerateCheckBox(ViewContext, For.ModelExplorer, For.Name, null, new { @class = "multi-store-override-option" }));
            output.Content.AppendHtml(generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, For.Name));
        }
    }
}

namespace Nop.Web.Areas.Admin.Components
{
    /// <summary>Stand-in for the admin's store scope chooser: prints the active scope.</summary>
    public class StoreScopeConfigurationViewComponent(Nop.Core.IStoreContext storeContext) : ViewComponent
    {
        public async Task<IViewComponentResult> InvokeAsync()
        {
            var scope = await storeContext.GetActiveStoreScopeConfigurationAsync();

            return new Microsoft.AspNetCore.Mvc.ViewComponents.HtmlContentViewComponentResult(
                new HtmlString($"<p id=\"store-scope\">Store scope: {(scope == 0 ? "all stores" : "store " + scope)}</p>"));
        }
    }
}
