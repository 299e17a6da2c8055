using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RefSurfaceCheck;

/// <summary>
/// Reads the public and protected declarations of one assembly's source files into <see cref="TypeModel"/>s.
/// Partial declarations of one type are merged; private and internal declarations are ignored.
/// </summary>
public static class SurfaceReader
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    public static Dictionary<string, TypeModel> ReadDirectory(string assembly, string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(directory, path))
            .OrderBy(path => path, StringComparer.Ordinal);

        return Read(assembly, files.Select(path => (path, File.ReadAllText(path))));
    }

    public static Dictionary<string, TypeModel> Read(string assembly, IEnumerable<(string Path, string Text)> sources)
    {
        var types = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        foreach (var (path, text) in sources)
        {
            var root = CSharpSyntaxTree.ParseText(text, ParseOptions, path).GetCompilationUnitRoot();
            foreach (var member in root.Members)
                ReadMember(assembly, member, namespaceName: "", containingType: null, types);
        }

        return types;
    }

    private static bool IsBuildOutput(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');

        return relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal)
            || relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal);
    }

    private static void ReadMember(string assembly, MemberDeclarationSyntax member, string namespaceName, TypeModel containingType, Dictionary<string, TypeModel> types)
    {
        switch (member)
        {
            case BaseNamespaceDeclarationSyntax ns:
                var name = Join(namespaceName, ns.Name.ToString());
                foreach (var inner in ns.Members)
                    ReadMember(assembly, inner, name, containingType, types);
                break;
            case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax when IsVisible(member, containingType):
                ReadType(assembly, member, namespaceName, containingType, types);
                break;
        }
    }

    private static void ReadType(string assembly, MemberDeclarationSyntax declaration, string namespaceName, TypeModel containingType, Dictionary<string, TypeModel> types)
    {
        var (identifier, arity, kind) = declaration switch
        {
            RecordDeclarationSyntax record => (record.Identifier.ValueText, record.Arity, record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record"),
            ClassDeclarationSyntax @class => (@class.Identifier.ValueText, @class.Arity, "class"),
            StructDeclarationSyntax @struct => (@struct.Identifier.ValueText, @struct.Arity, "struct"),
            InterfaceDeclarationSyntax @interface => (@interface.Identifier.ValueText, @interface.Arity, "interface"),
            EnumDeclarationSyntax @enum => (@enum.Identifier.ValueText, 0, "enum"),
            DelegateDeclarationSyntax @delegate => (@delegate.Identifier.ValueText, @delegate.Arity, "delegate"),
            _ => throw new NotSupportedException(declaration.Kind().ToString())
        };

        var simpleName = arity == 0 ? identifier : $"{identifier}`{arity}";
        var fullName = containingType is null ? Join(namespaceName, simpleName) : $"{containingType.FullName}+{simpleName}";

        if (!types.TryGetValue(fullName, out var type))
        {
            type = new TypeModel(assembly, fullName, kind);
            types.Add(fullName, type);
        }

        foreach (var modifier in declaration.Modifiers)
        {
            if (modifier.ValueText is "static" or "abstract" or "sealed")
                type.Modifiers.Add(modifier.ValueText);
        }

        if (declaration is TypeDeclarationSyntax typeDeclaration)
        {
            if (typeDeclaration.BaseList is not null)
            {
                foreach (var baseType in typeDeclaration.BaseList.Types)
                    type.BaseTypes.Add(SyntaxText.Type(baseType.Type));
            }

            if (typeDeclaration.TypeParameterList is not null && type.TypeParameters.Count == 0)
                type.TypeParameters.AddRange(TypeParameters(typeDeclaration.TypeParameterList, typeDeclaration.ConstraintClauses));

            var usage = typeDeclaration.AttributeLists.SelectMany(list => list.Attributes)
                .FirstOrDefault(attribute => SyntaxText.Type(attribute.Name) is "AttributeUsage" or "AttributeUsageAttribute");
            if (usage is not null)
                type.AttributeUsage = SyntaxText.Compact(usage.ArgumentList?.ToString() ?? "()");

            if (typeDeclaration is RecordDeclarationSyntax { ParameterList: not null } positional)
                AddMember(type, Constructor(positional.Identifier.ValueText, positional.ParameterList, Array.Empty<string>()));

            foreach (var member in typeDeclaration.Members)
            {
                if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                {
                    if (IsVisible(member, type))
                        ReadType(assembly, member, namespaceName, type, types);
                    continue;
                }

                if (!IsVisible(member, type))
                    continue;

                foreach (var model in Members(member, type))
                    AddMember(type, model);
            }
        }
        else if (declaration is EnumDeclarationSyntax enumDeclaration)
        {
            if (enumDeclaration.BaseList is not null)
            {
                foreach (var baseType in enumDeclaration.BaseList.Types)
                    type.BaseTypes.Add(SyntaxText.Type(baseType.Type));
            }

            long next = 0;
            foreach (var enumMember in enumDeclaration.Members)
            {
                var value = next;
                if (enumMember.EqualsValue is not null)
                {
                    var folded = SyntaxText.Fold(enumMember.EqualsValue.Value);
                    value = folded is IConvertible convertible ? convertible.ToInt64(null) : long.MinValue;
                }

                var model = new MemberModel("enum value", enumMember.Identifier.ValueText, "enum value " + enumMember.Identifier.ValueText);
                model.Details["value"] = value == long.MinValue ? SyntaxText.Compact(enumMember.EqualsValue!.Value.ToString()) : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                AddMember(type, model);
                next = value + 1;
            }
        }
        else if (declaration is DelegateDeclarationSyntax delegateDeclaration)
        {
            var invoke = new MemberModel("delegate", "Invoke", "delegate Invoke(" + string.Join(", ", delegateDeclaration.ParameterList.Parameters.Select(SyntaxText.Parameter)) + ")");
            invoke.Details["returns"] = SyntaxText.Type(delegateDeclaration.ReturnType);
            AddParameterDetails(invoke, delegateDeclaration.ParameterList);
            AddMember(type, invoke);
        }
    }

    private static void AddMember(TypeModel type, MemberModel member)
    {
        // The same key twice (e.g. get-only property declared in two partial parts) keeps the first declaration.
        type.Members.TryAdd(member.Key, member);
    }

    private static IEnumerable<MemberModel> Members(MemberDeclarationSyntax member, TypeModel type)
    {
        switch (member)
        {
            case MethodDeclarationSyntax method when method.ExplicitInterfaceSpecifier is null:
            {
                var arity = method.TypeParameterList?.Parameters.Count ?? 0;
                var name = arity == 0 ? method.Identifier.ValueText : $"{method.Identifier.ValueText}`{arity}";
                var model = new MemberModel("method", method.Identifier.ValueText, $"method {name}({string.Join(", ", method.ParameterList.Parameters.Select(SyntaxText.Parameter))})");
                model.Details["returns"] = SyntaxText.Type(method.ReturnType);
                model.Details["modifiers"] = Modifiers(method.Modifiers);
                AddParameterDetails(model, method.ParameterList);
                if (method.TypeParameterList is not null)
                    model.Details["type parameters"] = string.Join("; ", TypeParameters(method.TypeParameterList, method.ConstraintClauses));
                yield return model;
                break;
            }
            case ConstructorDeclarationSyntax constructor when !constructor.Modifiers.Any(SyntaxKind.StaticKeyword):
                yield return Constructor(constructor.Identifier.ValueText, constructor.ParameterList, new[] { Accessibility(constructor.Modifiers) });
                break;
            case PropertyDeclarationSyntax property when property.ExplicitInterfaceSpecifier is null:
            {
                var model = new MemberModel("property", property.Identifier.ValueText, "property " + property.Identifier.ValueText);
                model.Details["type"] = SyntaxText.Type(property.Type);
                model.Details["modifiers"] = Modifiers(property.Modifiers);
                model.Details["accessors"] = Accessors(property.AccessorList, property.ExpressionBody is not null);
                yield return model;
                break;
            }
            case IndexerDeclarationSyntax indexer when indexer.ExplicitInterfaceSpecifier is null:
            {
                var model = new MemberModel("indexer", "this[]", "indexer this[" + string.Join(", ", indexer.ParameterList.Parameters.Select(SyntaxText.Parameter)) + "]");
                model.Details["type"] = SyntaxText.Type(indexer.Type);
                model.Details["modifiers"] = Modifiers(indexer.Modifiers);
                model.Details["accessors"] = Accessors(indexer.AccessorList, indexer.ExpressionBody is not null);
                yield return model;
                break;
            }
            case FieldDeclarationSyntax field:
            {
                var isConst = field.Modifiers.Any(SyntaxKind.ConstKeyword);
                foreach (var variable in field.Declaration.Variables)
                {
                    var model = new MemberModel(isConst ? "const" : "field", variable.Identifier.ValueText, (isConst ? "const " : "field ") + variable.Identifier.ValueText);
                    model.Details["type"] = SyntaxText.Type(field.Declaration.Type);
                    model.Details["modifiers"] = Modifiers(field.Modifiers);
                    if (isConst && variable.Initializer is not null)
                        model.Details["value"] = SyntaxText.Value(variable.Initializer.Value);
                    yield return model;
                }

                break;
            }
            case EventFieldDeclarationSyntax eventField:
                foreach (var variable in eventField.Declaration.Variables)
                {
                    var model = new MemberModel("event", variable.Identifier.ValueText, "event " + variable.Identifier.ValueText);
                    model.Details["type"] = SyntaxText.Type(eventField.Declaration.Type);
                    yield return model;
                }

                break;
            case EventDeclarationSyntax eventDeclaration when eventDeclaration.ExplicitInterfaceSpecifier is null:
            {
                var model = new MemberModel("event", eventDeclaration.Identifier.ValueText, "event " + eventDeclaration.Identifier.ValueText);
                model.Details["type"] = SyntaxText.Type(eventDeclaration.Type);
                yield return model;
                break;
            }
        }
    }

    private static MemberModel Constructor(string typeName, ParameterListSyntax parameters, IEnumerable<string> modifiers)
    {
        var model = new MemberModel("constructor", typeName, "constructor(" + string.Join(", ", parameters.Parameters.Select(SyntaxText.Parameter)) + ")");
        model.Details["modifiers"] = string.Join(" ", modifiers.Where(modifier => modifier.Length > 0));
        AddParameterDetails(model, parameters);

        return model;
    }

    private static void AddParameterDetails(MemberModel model, BaseParameterListSyntax parameters)
    {
        var index = 0;
        foreach (var parameter in parameters.Parameters)
        {
            index++;
            model.Details[$"parameter {index} name"] = parameter.Identifier.ValueText;
            var defaultValue = SyntaxText.DefaultValue(parameter);
            if (defaultValue is not null)
                model.Details[$"parameter {index} default"] = defaultValue;
        }
    }

    private static IEnumerable<string> TypeParameters(TypeParameterListSyntax parameters, SyntaxList<TypeParameterConstraintClauseSyntax> clauses)
    {
        foreach (var parameter in parameters.Parameters)
        {
            var clause = clauses.FirstOrDefault(constraint => constraint.Name.Identifier.ValueText == parameter.Identifier.ValueText);
            var constraints = clause is null
                ? ""
                : " : " + string.Join(", ", clause.Constraints.Select(constraint => constraint is TypeConstraintSyntax typeConstraint
                    ? SyntaxText.Type(typeConstraint.Type)
                    : SyntaxText.Compact(constraint.ToString())));

            yield return parameter.Identifier.ValueText + constraints;
        }
    }

    private static string Modifiers(SyntaxTokenList modifiers)
    {
        return string.Join(" ", modifiers.Select(modifier => modifier.ValueText)
            .Where(modifier => modifier is "static" or "virtual" or "abstract" or "override" or "readonly" or "protected"));
    }

    private static string Accessibility(SyntaxTokenList modifiers)
    {
        return modifiers.Any(SyntaxKind.ProtectedKeyword) ? "protected" : "";
    }

    private static string Accessors(AccessorListSyntax accessors, bool expressionBodied)
    {
        if (expressionBodied || accessors is null)
            return "get;";

        var visible = accessors.Accessors
            .Where(accessor => !accessor.Modifiers.Any(SyntaxKind.PrivateKeyword) && !(accessor.Modifiers.Any(SyntaxKind.InternalKeyword) && !accessor.Modifiers.Any(SyntaxKind.ProtectedKeyword)))
            .Select(accessor => string.Join(" ", accessor.Modifiers.Select(modifier => modifier.ValueText).Append(accessor.Keyword.ValueText)) + ";");

        return string.Join(" ", visible);
    }

    private static bool IsVisible(MemberDeclarationSyntax member, TypeModel containingType)
    {
        if (containingType is not null && containingType.Kind == "interface")
            return !member.Modifiers.Any(SyntaxKind.PrivateKeyword);

        var modifiers = member.Modifiers;
        if (modifiers.Any(SyntaxKind.PublicKeyword))
            return true;
        if (modifiers.Any(SyntaxKind.ProtectedKeyword) && !modifiers.Any(SyntaxKind.PrivateKeyword))
            return true;

        return false;
    }

    private static string Join(string left, string right)
    {
        return left.Length == 0 ? right : $"{left}.{right}";
    }
}
