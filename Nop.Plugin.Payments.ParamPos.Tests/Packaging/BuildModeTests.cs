using System.Text.Json;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Packaging;

/// <summary>
/// The plugin builds against ref/ by default and against a real nopCommerce tree when given one (README "In-tree build").
/// Evaluated with dotnet msbuild -getProperty/-getItem; a stand-in tree holds only the project file the switch looks for.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Packaging)]
public class BuildModeTests
{
    private string _tree;

    [SetUp]
    public void CreateStandInTree()
    {
        _tree = Path.Combine(Path.GetTempPath(), "parampos-intree-" + Guid.NewGuid().ToString("N"), "src");
        var framework = Path.Combine(_tree, "Presentation", "Nop.Web.Framework");
        Directory.CreateDirectory(framework);
        File.WriteAllText(Path.Combine(framework, "Nop.Web.Framework.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup></Project>");
    }

    [TearDown]
    public void RemoveStandInTree()
    {
        Directory.Delete(Path.GetDirectoryName(_tree)!, recursive: true);
    }

    [Test]
    public void Default_BuildsAgainstRefWithoutCopyingIt()
    {
        var (properties, references) = Evaluate(RepositoryPaths.PluginProject);

        properties["NopBuildMode"].Should().Be("Reference");
        references.Select(reference => reference.Path.Replace('\\', '/')).Should().BeEquivalentTo(
            "../ref/Nop.Core/Nop.Core.csproj", "../ref/Nop.Data/Nop.Data.csproj", "../ref/Nop.Services/Nop.Services.csproj", "../ref/Nop.Web.Framework/Nop.Web.Framework.csproj",
            "../ref/FluentMigrator/FluentMigrator.csproj", "../ref/FluentMigrator.Abstractions/FluentMigrator.Abstractions.csproj");
        references.Should().OnlyContain(reference => reference.Private == "false");
    }

    [Test]
    public void NopSourceDir_BuildsAgainstTheRealFrameworkIntoTheHostsPluginFolder()
    {
        var (properties, references) = Evaluate(RepositoryPaths.PluginProject, $"-p:NopSourceDir={_tree}");

        properties["NopBuildMode"].Should().Be("InTree");
        Normalize(properties["OutDir"]).Should().Be(Normalize(Path.Combine(_tree, "Presentation", "Nop.Web", "Plugins", "Payments.ParamPos")) + "/");
        references.Should().ContainSingle().Which.Should().Be((Path.Combine(_tree, "Presentation", "Nop.Web.Framework", "Nop.Web.Framework.csproj"), "false"));
    }

    [Test]
    public void RepositoryInSrcPlugins_SwitchesToInTreeByItself()
    {
        var repository = Path.Combine(_tree, "Plugins", "Nop.Plugin.Payments.ParamPos");
        var project = Path.Combine(repository, "Nop.Plugin.Payments.ParamPos", "Nop.Plugin.Payments.ParamPos.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        File.Copy(RepositoryPaths.PluginProject, project);
        File.Copy(Path.Combine(RepositoryPaths.Root, "plugin.json"), Path.Combine(repository, "plugin.json"));

        var (properties, references) = Evaluate(project);

        properties["NopBuildMode"].Should().Be("InTree");
        Normalize(properties["NopSourceDir"]).TrimEnd('/').Should().Be(Normalize(_tree));
        references.Should().ContainSingle().Which.Path.Should().EndWith(Path.Combine("Presentation", "Nop.Web.Framework", "Nop.Web.Framework.csproj"));
    }

    private static string Normalize(string path)
    {
        return Path.GetFullPath(path.Replace('\\', '/')).Replace('\\', '/');
    }

    private static (Dictionary<string, string> Properties, List<(string Path, string Private)> References) Evaluate(string project, params string[] extra)
    {
        var arguments = new List<string> { "msbuild", project, "-getProperty:NopBuildMode", "-getProperty:NopSourceDir", "-getProperty:OutDir", "-getItem:ProjectReference" };
        arguments.AddRange(extra);
        var (exitCode, output) = DotNetCli.Run(RepositoryPaths.Root, TimeSpan.FromMinutes(2), arguments.ToArray());
        exitCode.Should().Be(0, output);

        var json = JsonDocument.Parse(output[output.IndexOf('{')..]).RootElement;
        var properties = json.GetProperty("Properties").EnumerateObject().ToDictionary(property => property.Name, property => property.Value.GetString());
        var references = json.GetProperty("Items").GetProperty("ProjectReference").EnumerateArray()
            .Select(item => (item.GetProperty("Identity").GetString(), item.TryGetProperty("Private", out var isPrivate) ? isPrivate.GetString() : null))
            .ToList();

        return (properties, references);
    }
}
