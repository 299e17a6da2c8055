using FluentAssertions;
using Microsoft.AspNetCore.Routing.Template;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit;

/// <summary>
/// Each public route is written once (its pattern); the links the plugin builds are that pattern filled in, so they
/// match the route the host registers.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Checkout)]
public class RouteTests
{
    private static readonly Guid Order = Guid.Parse("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9");

    private static bool Matches(string pattern, string path, out Microsoft.AspNetCore.Routing.RouteValueDictionary values)
    {
        values = new Microsoft.AspNetCore.Routing.RouteValueDictionary();

        return new TemplateMatcher(TemplateParser.Parse(pattern), new Microsoft.AspNetCore.Routing.RouteValueDictionary()).TryMatch("/" + path, values);
    }

    [Test]
    public void ThreeDSecurePath_IsItsRouteFilledIn()
    {
        var path = ParamPosDefaults.Route.ThreeDSecurePath(Order, "n0nce-_x");

        path.Should().Be("Plugins/ParamPos/ThreeDSecure/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9/n0nce-_x");
        Matches(ParamPosDefaults.Route.ThreeDSecurePattern, path, out var values).Should().BeTrue();
        values["orderGuid"].Should().Be(Order.ToString());
        values["nonce"].Should().Be("n0nce-_x");
    }

    [Test]
    public void PayAgainPath_IsItsRouteFilledIn()
    {
        var path = ParamPosDefaults.Route.PayAgainPath(Order);

        Matches(ParamPosDefaults.Route.PayAgainPattern, path, out var values).Should().BeTrue();
        values["orderGuid"].Should().Be(Order.ToString());
    }

    [Test]
    public void ResultPath_IsItsRouteFilledIn()
    {
        var path = ParamPosDefaults.Route.ResultPath(Order);

        Matches(ParamPosDefaults.Route.ResultPattern, path, out var values).Should().BeTrue();
        values["orderGuid"].Should().Be(Order.ToString());
    }

    [Test]
    public void AValueThatIsNotAPathSegment_IsEscaped()
    {
        ParamPosDefaults.Route.ThreeDSecurePath(Order, "a/b?c").Should().EndWith("/a%2Fb%3Fc");
    }
}
