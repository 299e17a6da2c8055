using RefSurfaceCheck;

// Usage: dotnet run --project tools/RefSurfaceCheck -- <nopCommerce>/src [--fluentmigrator <FluentMigrator v7.1.0>/src] [--ref <dir>]
// Exit codes: 0 = ref/ matches the real source, 1 = mismatches found, 2 = usage or path error.

var arguments = args.ToList();
var refDirectory = Option("--ref");
var fluentMigratorSource = Option("--fluentmigrator");
if (refDirectory == "" || fluentMigratorSource == "")
    return Usage("--ref and --fluentmigrator need a directory");

if (arguments.Count != 1)
    return Usage(null);

var nopSource = Path.GetFullPath(arguments[0]);
refDirectory = Path.GetFullPath(refDirectory ?? FindRefDirectory() ?? "ref");

// Assembly name → (folder in ref/, folder in the nopCommerce source tree)
var assemblies = new Dictionary<string, (string Ref, string Real)>
{
    ["Nop.Core"] = ("Nop.Core", Path.Combine("Libraries", "Nop.Core")),
    ["Nop.Data"] = ("Nop.Data", Path.Combine("Libraries", "Nop.Data")),
    ["Nop.Services"] = ("Nop.Services", Path.Combine("Libraries", "Nop.Services")),
    ["Nop.Web.Framework"] = ("Nop.Web.Framework", Path.Combine("Presentation", "Nop.Web.Framework"))
};

// FluentMigrator as the 4.90 host ships it (7.1.0): the stand-ins under ref/ are checked against its source when given.
var fluentMigrator = new Dictionary<string, (string Ref, string Real)>
{
    ["FluentMigrator"] = ("FluentMigrator", "FluentMigrator"),
    ["FluentMigrator.Abstractions"] = ("FluentMigrator.Abstractions", "FluentMigrator.Abstractions")
};

var reference = new Dictionary<string, Dictionary<string, TypeModel>>();
var real = new Dictionary<string, Dictionary<string, TypeModel>>();
var sources = assemblies.Select(pair => (pair.Key, pair.Value.Ref, Real: Path.Combine(nopSource, pair.Value.Real)));
if (fluentMigratorSource is not null)
    sources = sources.Concat(fluentMigrator.Select(pair => (pair.Key, pair.Value.Ref, Real: Path.Combine(Path.GetFullPath(fluentMigratorSource), pair.Value.Real))));
foreach (var (assembly, refFolder, realPath) in sources.ToList())
{
    var refPath = Path.Combine(refDirectory, refFolder);
    if (!Directory.Exists(refPath))
        return Usage($"not found: {refPath}");
    if (!Directory.Exists(realPath))
        return Usage($"not found: {realPath} (pass the nopCommerce or FluentMigrator 'src' folder)");

    reference[assembly] = SurfaceReader.ReadDirectory(assembly, refPath);
    real[assembly] = SurfaceReader.ReadDirectory(assembly, realPath);
}

var (findings, typeCount, memberCount) = SurfaceComparer.Compare(reference, real);

Console.WriteLine($"ref/:        {refDirectory}");
Console.WriteLine($"nopCommerce: {nopSource}{NopVersion(nopSource)}");
Console.WriteLine(fluentMigratorSource is null
    ? "FluentMigrator: not checked (pass --fluentmigrator <FluentMigrator v7.1.0>/src to check ref/FluentMigrator*)"
    : $"FluentMigrator: {Path.GetFullPath(fluentMigratorSource)}");
foreach (var finding in findings)
    Console.WriteLine(finding);
Console.WriteLine($"Checked {typeCount} types and {memberCount} members: {findings.Count} mismatch(es).");

return findings.Count == 0 ? 0 : 1;

string Option(string name)
{
    var index = arguments.IndexOf(name);
    if (index < 0)
        return null;
    if (index + 1 >= arguments.Count)
        return "";

    var value = arguments[index + 1];
    arguments.RemoveRange(index, 2);

    return value;
}

static int Usage(string problem)
{
    if (problem is not null)
        Console.Error.WriteLine(problem);
    Console.Error.WriteLine("usage: dotnet run --project tools/RefSurfaceCheck -- <nopCommerce>/src [--fluentmigrator <FluentMigrator v7.1.0>/src] [--ref <ref directory>]");

    return 2;
}

static string FindRefDirectory()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "ref");
            if (Directory.Exists(Path.Combine(candidate, "Nop.Core")))
                return candidate;
        }
    }

    return null;
}

static string NopVersion(string nopSource)
{
    var versionFile = Path.Combine(nopSource, "Libraries", "Nop.Core", "NopVersion.cs");
    if (!File.Exists(versionFile))
        return "";

    var lines = File.ReadAllLines(versionFile);
    string Constant(string name)
    {
        var line = lines.FirstOrDefault(text => text.Contains($"const string {name} =", StringComparison.Ordinal));
        var start = line?.IndexOf('"') ?? -1;
        var end = line?.LastIndexOf('"') ?? -1;

        return start >= 0 && end > start ? line[(start + 1)..end] : null;
    }

    var current = Constant("CURRENT_VERSION");
    var minor = Constant("MINOR_VERSION");

    return current is null ? "" : $" (nopCommerce {current}{(minor is null ? "" : "." + minor)})";
}
