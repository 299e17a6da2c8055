using System.Text.RegularExpressions;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Packaging;

/// <summary>
/// The plugin's folders depend on each other in one direction only (a maintainer can read each without the ones that
/// use it), and Gateway/ (Param's protocol) on none of them.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Packaging)]
public partial class FolderDependencyTests
{
    [GeneratedRegex(@"^using Nop\.Plugin\.Payments\.ParamPos\.(?<folder>[A-Za-z]+)[.;]", RegexOptions.Multiline)]
    private static partial Regex PluginUsing();

    // A folder's type named through its namespace without a using ("Payments.AuthorizationAge"): a dependency too.
    [GeneratedRegex(@"(?<![\w.""])(?<folder>[A-Z][A-Za-z]+)\.(?<type>[A-Z]\w+)")]
    private static partial Regex QualifiedName();

    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var dependencies = new Dictionary<string, HashSet<string>>();
        var folders = Directory.EnumerateDirectories(RepositoryPaths.Plugin).Select(Path.GetFileName).Where(name => name is not ("bin" or "obj")).ToHashSet();
        foreach (var folder in folders)
        {
            var used = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Plugin, folder!), "*.cs", SearchOption.AllDirectories)
                .SelectMany(file => PluginUsing().Matches(File.ReadAllText(file)).Select(match => match.Groups["folder"].Value)
                    .Concat(File.ReadLines(file)
                        .Where(line => !line.TrimStart().StartsWith("using ", StringComparison.Ordinal) && !line.TrimStart().StartsWith("namespace ", StringComparison.Ordinal))
                        .SelectMany(line => QualifiedName().Matches(line))
                        .Where(match => folders.Contains(match.Groups["folder"].Value) && match.Groups["type"].Value != "ParamPos")
                        .Select(match => match.Groups["folder"].Value)))
                .Where(used => used != folder)
                .ToHashSet();
            dependencies[folder] = used;
        }

        return dependencies;
    }

    [Test]
    public void NoTwoFolders_UseEachOther_DirectlyOrThroughOthers()
    {
        var dependencies = Dependencies();
        var cycles = new List<string>();

        foreach (var start in dependencies.Keys)
        {
            // Depth-first from each folder: reaching the start again is a cycle.
            var path = new Stack<string>();
            void Visit(string folder)
            {
                path.Push(folder);
                foreach (var next in dependencies.GetValueOrDefault(folder, []))
                {
                    if (next == start)
                        cycles.Add(string.Join(" → ", path.Reverse().Append(start)));
                    else if (!path.Contains(next))
                        Visit(next);
                }

                path.Pop();
            }

            Visit(start);
        }

        dependencies.Should().ContainKeys("Gateway", "Installments", "Payments", "Services");
        cycles.Should().BeEmpty();
    }

    [Test]
    public void Gateway_UsesNoOtherFolderOfThePlugin()
    {
        Dependencies()["Gateway"].Should().BeEmpty("Param's protocol knows nothing of the store's settings, texts or orders");
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Plugin, "Gateway"), "*.cs", SearchOption.AllDirectories)
            .Where(file => Regex.IsMatch(File.ReadAllText(file), @"\bParamPos(Settings|Defaults)\b"))
            .Should().BeEmpty("nor of the plugin's settings and defaults");
    }
}
