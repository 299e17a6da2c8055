using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Packaging;

/// <summary>
/// Builds the upload package with the README's command and checks it is what nopCommerce 4.90's
/// "Upload plugin or theme" accepts, carrying nothing the host already ships.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Packaging)]
public class PluginPackageTests
{
    private const string ROOT = "Payments.ParamPos/";
    private string _artifacts;
    private string _zipPath;
    private List<ZipArchiveEntry> _entries;
    private ZipArchive _zip;

    [OneTimeSetUp]
    public void BuildPackage()
    {
        _artifacts = Path.Combine(Path.GetTempPath(), "parampos-package-" + Guid.NewGuid().ToString("N"));
        var (exitCode, output) = DotNetCli.Run(RepositoryPaths.Root, TimeSpan.FromMinutes(5),
            "build", RepositoryPaths.PluginProject, "-c", "Release", "-t:PackagePlugin", "-nologo", "-v:q",
            $"-p:ArtifactsDirectory={_artifacts}{Path.DirectorySeparatorChar}");
        exitCode.Should().Be(0, output);

        var zips = Directory.GetFiles(_artifacts, "*.zip");
        zips.Should().ContainSingle(output);
        _zipPath = zips[0];
        _zip = ZipFile.OpenRead(_zipPath);
        _entries = _zip.Entries.ToList();
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        _zip?.Dispose();
        if (_artifacts is not null && Directory.Exists(_artifacts))
            Directory.Delete(_artifacts, recursive: true);
    }

    [Test]
    public void Package_IsNamedAfterSystemNameAndVersion()
    {
        var version = PluginJson().GetProperty("Version").GetString();

        Path.GetFileName(_zipPath).Should().Be($"Payments.ParamPos.{version}.zip");
    }

    [Test]
    public void Package_HasExactlyOneRootFolderNamedAfterTheSystemName()
    {
        _entries.Select(entry => entry.FullName.Replace('\\', '/').Split('/')[0]).Distinct()
            .Should().Equal("Payments.ParamPos");
    }

    [Test]
    public void PluginJson_DescribesThePluginAsTheHostExpects()
    {
        var json = PluginJson();

        json.GetProperty("Group").GetString().Should().Be("Payment methods");
        json.GetProperty("SystemName").GetString().Should().Be("Payments.ParamPos");
        json.GetProperty("SupportedVersions").EnumerateArray().Select(version => version.GetString()).Should().Equal("4.90");
        json.GetProperty("FriendlyName").GetString().Should().NotBeNullOrWhiteSpace();
        var description = json.GetProperty("Description").GetString();
        description.Should().Contain("Param");
        description.Length.Should().BeGreaterThan(60);

        var fileName = json.GetProperty("FileName").GetString();
        fileName.Should().Be("Nop.Plugin.Payments.ParamPos.dll");
        Entry(fileName).Should().NotBeNull("FileName must name a DLL directly in the plugin folder");
    }

    [Test]
    public void Package_ContainsLogoAndViews()
    {
        using var logo = Entry("logo.png").Open();
        var signature = new byte[8];
        logo.ReadExactly(signature);
        signature.Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });

        Entry("Views/_ViewImports.cshtml").Should().NotBeNull();
        Entry("Views/Public/PaymentInfo.cshtml").Should().NotBeNull();
        _entries.Should().NotContain(entry => entry.FullName.StartsWith(ROOT + "Content/", StringComparison.Ordinal),
            "the card form's script and styles are inside the DLL and written into the pages inline (StorefrontAssets)");
        var viewsInSource = Directory.GetFiles(Path.Combine(RepositoryPaths.Plugin, "Views"), "*.cshtml", SearchOption.AllDirectories)
            .Select(path => "Views/" + Path.GetRelativePath(Path.Combine(RepositoryPaths.Plugin, "Views"), path).Replace('\\', '/'));
        foreach (var view in viewsInSource)
            Entry(view).Should().NotBeNull($"{view} is compiled by the host at run time");
    }

    [Test]
    public void Package_ShipsNothingTheHostAlreadyHas()
    {
        var dlls = _entries.Where(entry => entry.FullName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(entry => entry.FullName).ToList();

        dlls.Should().Equal(ROOT + "Nop.Plugin.Payments.ParamPos.dll");
        _entries.Should().NotContain(entry => entry.FullName.EndsWith(".deps.json") || entry.FullName.EndsWith(".runtimeconfig.json"));
    }

    [Test]
    public void PluginAssembly_BindsToWhatA490HostLoads()
    {
        using var stream = new MemoryStream();
        using (var dll = Entry("Nop.Plugin.Payments.ParamPos.dll").Open())
            dll.CopyTo(stream);
        stream.Position = 0;
        using var peReader = new PEReader(stream);
        var metadata = peReader.GetMetadataReader();

        var references = metadata.AssemblyReferences.Select(handle => metadata.GetAssemblyReference(handle))
            .ToDictionary(reference => metadata.GetString(reference.Name), reference => reference.Version);

        foreach (var nop in references.Where(reference => reference.Key.StartsWith("Nop.", StringComparison.Ordinal)))
            nop.Value.Should().Be(new Version(4, 90, 0, 0), $"{nop.Key} must not be above the host's 4.90.0.0");
        references.Keys.Should().Contain("Nop.Services");
        references.Keys.Should().NotContain(name => name.StartsWith("System.ServiceModel", StringComparison.Ordinal), "WCF 10.1 would not load on a 4.90 host (8.1.2)");
        references["Nop.Data"].Should().Be(new Version(4, 90, 0, 0), "the ledger's repositories and migration");
        references["FluentMigrator"].Should().BeLessThanOrEqualTo(new Version(7, 1, 0, 0), "the host ships FluentMigrator 7.1.0 (the mirror's 8.0.1 would not load)");
        if (references.TryGetValue("FluentMigrator.Abstractions", out var abstractions))
            abstractions.Should().BeLessThanOrEqualTo(new Version(7, 1, 0, 0));
        references.Keys.Should().NotContain("linq2db", "the plugin reaches the database only through nopCommerce's repository");
        if (references.TryGetValue("Newtonsoft.Json", out var newtonsoft))
            newtonsoft.Should().Be(new Version(13, 0, 0, 0));
        references["System.Runtime"].Major.Should().Be(9, "the plugin targets net9.0, the host's framework");

        var targetFramework = metadata.GetAssemblyDefinition().GetCustomAttributes()
            .Select(handle => metadata.GetCustomAttribute(handle))
            .Select(attribute => System.Text.Encoding.UTF8.GetString(metadata.GetBlobBytes(attribute.Value)))
            .FirstOrDefault(value => value.Contains(".NETCoreApp,Version="));
        targetFramework.Should().Contain(".NETCoreApp,Version=v9.0");
    }

    private ZipArchiveEntry Entry(string relativePath)
    {
        return _entries.FirstOrDefault(entry => entry.FullName.Replace('\\', '/') == ROOT + relativePath);
    }

    private JsonElement PluginJson()
    {
        using var stream = Entry("plugin.json").Open();

        return JsonDocument.Parse(stream).RootElement.Clone();
    }
}
