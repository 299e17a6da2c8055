using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Components;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Checkout;

/// <summary>
/// The card form's script and styles travel inside the plugin assembly and are written into the pages inline, because
/// the one-page checkout loads the payment info step by AJAX (StorefrontAssets).
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Checkout)]
public class StorefrontAssetsTests
{
    [Test]
    public void ScriptAndStyles_AreTheContentFiles_EmbeddedInTheAssembly()
    {
        StorefrontAssets.Script.Should().Be(File.ReadAllText(Path.Combine(RepositoryPaths.Plugin, "Content", "parampos-checkout.js")));
        StorefrontAssets.Styles.Should().Be(File.ReadAllText(Path.Combine(RepositoryPaths.Plugin, "Content", "parampos.css")));
    }

    [Test]
    public void ScriptAndStyles_CanSitInsideAnInlineElement()
    {
        // Written between <script>…</script> and <style>…</style>: a closing tag or a comment opener inside would cut them short.
        StorefrontAssets.Script.Should().Contain("data-parampos-form").And.NotContainAny("</script", "</SCRIPT", "<!--");
        StorefrontAssets.Styles.Should().Contain(".parampos-form").And.NotContainAny("</style", "</STYLE", "<!--");
    }
}
