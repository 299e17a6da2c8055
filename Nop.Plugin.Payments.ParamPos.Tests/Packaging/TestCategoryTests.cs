using System.Reflection;
using FluentAssertions;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Packaging;

/// <summary>
/// Every test must be reachable through `--filter TestCategory=...` by its kind and by its feature.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Packaging)]
public class TestCategoryTests
{
    private static readonly string[] Kinds = [TestCategories.Unit, TestCategories.Integration, TestCategories.Browser, TestCategories.WebFarm, TestCategories.Soak];

    private static readonly string[] Features =
    [
        TestCategories.Gateway, TestCategories.Sandbox, TestCategories.Checkout, TestCategories.Refund,
        TestCategories.Admin, TestCategories.Paratika, TestCategories.PreAuth, TestCategories.Packaging
    ];

    [Test]
    public void EveryTest_HasExactlyOneKind_AndAtLeastOneFeature()
    {
        var tests = typeof(TestCategories).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods().Select(method => (type, method)))
            .Where(pair => pair.method.GetCustomAttributes().Any(attribute => attribute is TestAttribute or TestCaseAttribute or TestCaseSourceAttribute))
            .ToList();

        tests.Should().NotBeEmpty();
        var untagged = new List<string>();
        foreach (var (type, method) in tests)
        {
            var categories = type.GetCustomAttributes<CategoryAttribute>(inherit: true)
                .Concat(method.GetCustomAttributes<CategoryAttribute>())
                .Select(attribute => attribute.Name)
                .ToList();
            if (categories.Count(Kinds.Contains) != 1 || !categories.Any(Features.Contains))
                untagged.Add($"{type.Name}.{method.Name} [{string.Join(", ", categories)}]");
        }

        untagged.Should().BeEmpty();
    }
}
