namespace Nop.Plugin.Payments.ParamPos.Components;

/// <summary>
/// The card form's script and styles, embedded in the plugin assembly and written into the storefront pages inline.
/// nopCommerce's default one-page checkout loads the payment info step by AJAX: there its script tag helper drops the
/// src of a <c>&lt;script src&gt;</c> and its link tag helper sends a stylesheet to the page head, which an AJAX
/// partial never renders. Inline code is emitted as written, and jQuery runs an injected inline script.
/// </summary>
public static class StorefrontAssets
{
    private static readonly Lazy<string> LazyScript = new(() => Read("ParamPos.Content.parampos-checkout.js"));
    private static readonly Lazy<string> LazyStyles = new(() => Read("ParamPos.Content.parampos.css"));
    private static readonly Lazy<string> LazyWidgetScript = new(() => Read("ParamPos.Content.parampos-widget.js"));

    /// <summary>Gets the card form's script (Content/parampos-checkout.js).</summary>
    public static string Script => LazyScript.Value;

    /// <summary>Gets the product page installment table's script (Content/parampos-widget.js).</summary>
    public static string WidgetScript => LazyWidgetScript.Value;

    /// <summary>Gets the storefront styles (Content/parampos.css).</summary>
    public static string Styles => LazyStyles.Value;

    private static string Read(string name)
    {
        using var stream = typeof(StorefrontAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The plugin assembly lacks its embedded resource {name}.");
        using var reader = new StreamReader(stream);

        return reader.ReadToEnd();
    }
}
