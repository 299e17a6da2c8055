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
        TestCategories.Admin, TestCategories.Paratika, TestCategories.PreAuth, TestCategories.ThreeDPay, TestCategories.Currency, TestCategories.Reconciliation, TestCategories.SavedCards, TestCategories.Widget, TestCategories.Marketplace,
        TestCategories.Packaging
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

    [Test]
    public void ReadmesListOfCategories_IsWhatTheTestsUse()
    {
        var used = UsedCategories();
        var readme = File.ReadAllText(Path.Combine(Support.RepositoryPaths.Root, "README.md")).ReplaceLineEndings(" ");
        var kinds = readme[(readme.IndexOf("Kinds:", StringComparison.Ordinal) + 6)..];
        var features = kinds[(kinds.IndexOf("features:", StringComparison.Ordinal) + 9)..];
        kinds = kinds[..kinds.IndexOf("features:", StringComparison.Ordinal)];
        features = features[..features.IndexOf('(')];

        static IEnumerable<string> Names(string text) => System.Text.RegularExpressions.Regex.Matches(text, "`([A-Za-z]+)`").Select(match => match.Groups[1].Value);

        Names(kinds).Should().BeEquivalentTo(used.Where(Kinds.Contains), "the README names the kinds that have tests");
        Names(features).Should().BeEquivalentTo(used.Where(Features.Contains), "the README names the features that have tests");
    }

    private static HashSet<string> UsedCategories()
    {
        return typeof(TestCategories).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttributes().Any(attribute => attribute is TestAttribute or TestCaseAttribute or TestCaseSourceAttribute)))
            .SelectMany(type => type.GetCustomAttributes<CategoryAttribute>(inherit: true).Concat(type.GetMethods().SelectMany(method => method.GetCustomAttributes<CategoryAttribute>())))
            .Select(attribute => attribute.Name)
            .ToHashSet();
    }
}
