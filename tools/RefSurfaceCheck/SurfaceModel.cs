namespace RefSurfaceCheck;

/// <summary>
/// One type as declared in one assembly, with every partial declaration merged.
/// </summary>
public sealed class TypeModel
{
    public TypeModel(string assembly, string fullName, string kind)
    {
        Assembly = assembly;
        FullName = fullName;
        Kind = kind;
    }

    public string Assembly { get; }

    /// <summary>Namespace-qualified name; nested types are joined with '+', generic arity with '`' (Nop.Core.IPagedList`1).</summary>
    public string FullName { get; }

    /// <summary>class, interface, struct, enum, record, record struct or delegate.</summary>
    public string Kind { get; }

    public SortedSet<string> Modifiers { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> BaseTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Type parameters with their constraints, e.g. "T : ISettings, new()".</summary>
    public List<string> TypeParameters { get; } = new();

    /// <summary>The AttributeUsage of an attribute class, as written, or null.</summary>
    public string AttributeUsage { get; set; }

    /// <summary>Public and protected members keyed by identity (kind, name and parameter types).</summary>
    public Dictionary<string, MemberModel> Members { get; } = new(StringComparer.Ordinal);

    public override string ToString()
    {
        return $"{Assembly}: {FullName}";
    }
}

/// <summary>
/// One member. <see cref="Key"/> is what identifies it for binding (kind, name, generic arity, parameter types);
/// <see cref="Details"/> are the further facts that must agree (return type, parameter names and defaults,
/// modifiers, accessors, constant and enum values, constraints).
/// </summary>
public sealed class MemberModel
{
    public MemberModel(string kind, string name, string key)
    {
        Kind = kind;
        Name = name;
        Key = key;
    }

    public string Kind { get; }

    public string Name { get; }

    public string Key { get; }

    public SortedDictionary<string, string> Details { get; } = new(StringComparer.Ordinal);

    public override string ToString()
    {
        return Key;
    }
}
