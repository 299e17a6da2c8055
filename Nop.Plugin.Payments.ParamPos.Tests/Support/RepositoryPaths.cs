namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>
/// Locates the repository (and ../shared) from the test binaries, so tests work from any working directory.
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Nop.Plugin.Payments.ParamPos.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"Repository root not found above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    public static string Plugin => Path.Combine(Root, "Nop.Plugin.Payments.ParamPos");

    public static string PluginProject => Path.Combine(Plugin, "Nop.Plugin.Payments.ParamPos.csproj");

    public static string Ref => Path.Combine(Root, "ref");

    /// <summary>../shared beside the repository, as in CI.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>
    /// Where a browser test saves a screenshot: beside the test results, or, when PARAMPOS_SCREENSHOTS=docs (the README's
    /// command to refresh them), over the README's own in docs/screenshots. A test run never changes a tracked file.
    /// </summary>
    public static string Screenshot(string name)
    {
        var directory = Environment.GetEnvironmentVariable("PARAMPOS_SCREENSHOTS") == "docs"
            ? Path.Combine(Root, "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);

        return Path.Combine(directory, name);
    }

    /// <summary>Param's WSDL, the repository's copy (the sandbox embeds the same file).</summary>
    public static string TurkPosWsdl => Path.Combine(Root, "protocol", "turkpos.wsdl");

    /// <summary>Param's WSDL as published in ../shared, where that is beside the repository.</summary>
    public static string SharedTurkPosWsdl => Path.Combine(Shared, "protocol", "turkpos.wsdl");
}
