namespace RefSurfaceCheck;

/// <summary>A declaration in ref/ that is missing from, or differs from, the real source.</summary>
public sealed record Finding(string Category, string Assembly, string Type, string Member, string Message)
{
    public override string ToString()
    {
        var where = Member is null ? Type : $"{Type} :: {Member}";

        return $"{Category,-10} {Assembly}: {where} — {Message}";
    }
}

/// <summary>
/// Compares the reference surface with the real source, assembly by assembly.
/// </summary>
public static class SurfaceComparer
{
    /// <summary>
    /// Types that must be complete, not only correct: interfaces the plugin implements (a missing member stops the host
    /// from loading the plugin's types) and every enum (the plugin may receive any value).
    /// </summary>
    public static readonly IReadOnlySet<string> MustBeComplete = new HashSet<string>(StringComparer.Ordinal)
    {
        "Nop.Services.Payments.IPaymentMethod",
        "Nop.Services.Plugins.IPlugin",
        "Nop.Core.Infrastructure.INopStartup",
        "Nop.Web.Framework.Mvc.Routing.IRouteProvider",
        "Nop.Services.ScheduleTasks.IScheduleTask",
        "Nop.Core.Configuration.ISettings"
    };

    private static bool IsAbstract(MemberModel member)
    {
        return member.Details.TryGetValue("modifiers", out var modifiers) && modifiers.Split(' ').Contains("abstract");
    }

    public static (List<Finding> Findings, int TypeCount, int MemberCount) Compare(
        IReadOnlyDictionary<string, Dictionary<string, TypeModel>> reference,
        IReadOnlyDictionary<string, Dictionary<string, TypeModel>> real)
    {
        var findings = new List<Finding>();
        var typeCount = 0;
        var memberCount = 0;

        foreach (var (assembly, refTypes) in reference.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            real.TryGetValue(assembly, out var realTypes);
            realTypes ??= new Dictionary<string, TypeModel>();

            foreach (var refType in refTypes.Values.OrderBy(type => type.FullName, StringComparer.Ordinal))
            {
                typeCount++;
                memberCount += refType.Members.Count;

                if (!realTypes.TryGetValue(refType.FullName, out var realType))
                {
                    var elsewhere = real.FirstOrDefault(pair => pair.Key != assembly && pair.Value.ContainsKey(refType.FullName)).Key;
                    findings.Add(elsewhere is null
                        ? new Finding("MISSING", assembly, refType.FullName, null, "type not found in the real source")
                        : new Finding("DIFFERS", assembly, refType.FullName, null, $"declared in assembly {elsewhere}, not {assembly}"));
                    continue;
                }

                CompareType(refType, realType, findings);
            }
        }

        return (findings, typeCount, memberCount);
    }

    private static void CompareType(TypeModel refType, TypeModel realType, List<Finding> findings)
    {
        void Differs(string member, string message) => findings.Add(new Finding("DIFFERS", refType.Assembly, refType.FullName, member, message));

        if (refType.Kind != realType.Kind)
            Differs(null, $"kind: ref {refType.Kind}, real {realType.Kind}");

        if (!refType.Modifiers.SetEquals(realType.Modifiers))
            Differs(null, $"modifiers: ref '{string.Join(" ", refType.Modifiers)}', real '{string.Join(" ", realType.Modifiers)}'");

        var missingBases = refType.BaseTypes.Except(realType.BaseTypes).ToList();
        if (missingBases.Count > 0)
            Differs(null, $"base types not in the real declaration: {string.Join(", ", missingBases)} (real: {string.Join(", ", realType.BaseTypes)})");

        if (!refType.TypeParameters.SequenceEqual(realType.TypeParameters))
            Differs(null, $"type parameters: ref <{string.Join("; ", refType.TypeParameters)}>, real <{string.Join("; ", realType.TypeParameters)}>");

        if (refType.AttributeUsage is not null && refType.AttributeUsage != realType.AttributeUsage)
            Differs(null, $"AttributeUsage: ref {refType.AttributeUsage}, real {realType.AttributeUsage ?? "(none)"}");

        foreach (var refMember in refType.Members.Values.OrderBy(member => member.Key, StringComparer.Ordinal))
        {
            if (realType.Members.TryGetValue(refMember.Key, out var realMember))
            {
                foreach (var detail in refMember.Details.Keys.Union(realMember.Details.Keys).OrderBy(key => key, StringComparer.Ordinal))
                {
                    refMember.Details.TryGetValue(detail, out var refValue);
                    realMember.Details.TryGetValue(detail, out var realValue);
                    if (refValue != realValue)
                        Differs(refMember.Key, $"{detail}: ref '{refValue ?? "(none)"}', real '{realValue ?? "(none)"}'");
                }

                continue;
            }

            var candidates = realType.Members.Values
                .Where(member => member.Kind == refMember.Kind && member.Name == refMember.Name)
                .Select(member => member.Key)
                .ToList();
            if (candidates.Count > 0)
                Differs(refMember.Key, $"signature differs; real has: {string.Join(" | ", candidates)}");
            else
                findings.Add(new Finding("MISSING", refType.Assembly, refType.FullName, refMember.Key, "member not found in the real declaration"));
        }

        // A plugin class deriving from a base class must override each of its abstract members, or the host cannot load it.
        if (refType.Kind == "class" && realType.Modifiers.Contains("abstract"))
        {
            foreach (var realMember in realType.Members.Values.Where(member => !refType.Members.ContainsKey(member.Key) && IsAbstract(member)).OrderBy(member => member.Key, StringComparer.Ordinal))
                findings.Add(new Finding("INCOMPLETE", refType.Assembly, refType.FullName, realMember.Key, "abstract member absent from ref/ (a class deriving from this one must implement it)"));
        }

        if (refType.Kind == "enum" || MustBeComplete.Contains(refType.FullName))
        {
            foreach (var realMember in realType.Members.Values.Where(member => !refType.Members.ContainsKey(member.Key)).OrderBy(member => member.Key, StringComparer.Ordinal))
                findings.Add(new Finding("INCOMPLETE", refType.Assembly, refType.FullName, realMember.Key, "real member absent from ref/ (this type must be complete)"));
        }
    }
}
