using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Admin;

[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Admin)]
public class ConfigurationModelTests
{
    [Test]
    public void ToString_NeverPrintsThePostedSecrets()
    {
        var model = new ConfigurationModel { ClientCode = "10738", ClientPassword = "S3cret-Pa55", Guid = "11111111-2222-3333-4444-555555555555" };

        var text = model.ToString();

        text.Should().Contain("10738").And.NotContain("S3cret-Pa55").And.NotContain("11111111-2222-3333-4444-555555555555");
    }
}
