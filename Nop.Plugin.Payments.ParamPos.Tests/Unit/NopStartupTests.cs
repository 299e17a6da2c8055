using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Infrastructure;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit;

[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Gateway)]
public class NopStartupTests
{
    [Test]
    public void ConfigureServices_RegistersThePooledTypedClient()
    {
        var services = new ServiceCollection();

        new NopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<ParamClient>();
        var second = provider.GetRequiredService<ParamClient>();
        first.Should().NotBeSameAs(second, "typed clients are transient; their handlers are pooled by the factory");
        provider.GetRequiredService<IHttpClientFactory>().Should().NotBeNull();
    }
}
