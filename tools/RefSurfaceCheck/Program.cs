using RefSurfaceCheck;

// Usage: dotnet run --project tools/RefSurfaceCheck -- <nopCommerce>/src [--ref <dir>]
// Exit codes: 0 = ref/ matches the real source, 1 = mismatches found, 2 = usage or path error.

var arguments = args.ToList();
string refDirectory = null;
var refIndex = arguments.IndexOf("--ref");
if (refIndex >= 0)
{
    if (refIndex + 1 >= arguments.Count)
        return Usage("--ref needs a directory");
    refDirectory = arguments[refIndex + 1];
    arguments.RemoveRange(refIndex, 2);
}

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

var reference = new Dictionary<string, Dictionary<string, TypeModel>>();
var real = new Dictionary<string, Dictionary<string, TypeModel>>();
foreach (var (assembly, (refFolder, realFolder)) in assemblies)
{
    var refPath = Path.Combine(refDirectory, refFolder);
    var realPath = Path.Combine(nopSource, realFolder);
    if (!Directory.Exists(refPath))
        return Usage($"not found: {refPath}");
    if (!Directory.Exists(realPath))
        return Usage($"not found: {realPath} (pass the nopCommerce 'src' folder)");

    reference[assembly] = SurfaceReader.ReadDirectory(assembly, refPath);
    real[assembly] = SurfaceReader.ReadDirectory(assembly, realPath);
}

var (findings, typeCount, memberCount) = SurfaceComparer.Compare(reference, real);

Console.WriteLine($"ref/:        {refDirectory}");
Console.WriteLine($"nopCommerce: {nopSource}{NopVersion(nopSource)}");
foreach (var finding in findings)
    Console.WriteLine(finding);
Console.WriteLine($"Checked {typeCount} types and {memberCount} members: {findings.Count} mismatch(es).");

return findings.Count == 0 ? 0 : 1;

static int Usage(string problem)
{
    if (problem is not null)
        Console.Error.WriteLine(problem);
    Console.Error.WriteLine("usage: dotnet run --project tools/RefSurfaceCheck -- <nopCommerce>/src [--ref <ref directory>]");

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
