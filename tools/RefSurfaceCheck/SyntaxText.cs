using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RefSurfaceCheck;

/// <summary>
/// Turns syntax into comparable text: types without namespace qualifiers (both trees resolve the same usings
/// differently), constant expressions folded to their values where that is possible without a compilation.
/// </summary>
public static class SyntaxText
{
    public static string Type(TypeSyntax type)
    {
        return type switch
        {
            null => "",
            PredefinedTypeSyntax predefined => predefined.Keyword.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            QualifiedNameSyntax qualified => Type(qualified.Right),
            AliasQualifiedNameSyntax alias => Type(alias.Name),
            GenericNameSyntax generic => $"{generic.Identifier.ValueText}<{string.Join(", ", generic.TypeArgumentList.Arguments.Select(Type))}>",
            ArrayTypeSyntax array => Type(array.ElementType) + string.Concat(array.RankSpecifiers.Select(rank => "[" + new string(',', rank.Rank - 1) + "]")),
            NullableTypeSyntax nullable => Type(nullable.ElementType) + "?",
            TupleTypeSyntax tuple => "(" + string.Join(", ", tuple.Elements.Select(element => (Type(element.Type) + " " + element.Identifier.ValueText).TrimEnd())) + ")",
            PointerTypeSyntax pointer => Type(pointer.ElementType) + "*",
            RefTypeSyntax refType => "ref " + Type(refType.Type),
            _ => Compact(type.ToString())
        };
    }

    public static string Parameter(ParameterSyntax parameter)
    {
        var modifiers = parameter.Modifiers.Select(modifier => modifier.ValueText).ToList();
        var prefix = modifiers.Count == 0 ? "" : string.Join(" ", modifiers) + " ";

        return prefix + Type(parameter.Type);
    }

    public static string DefaultValue(ParameterSyntax parameter)
    {
        return parameter.Default is null ? null : Value(parameter.Default.Value);
    }

    /// <summary>
    /// The value of a constant expression when it can be folded from syntax alone (literals, nameof, interpolation
    /// of those, string concatenation, unary minus), otherwise its compacted text.
    /// </summary>
    public static string Value(ExpressionSyntax expression)
    {
        var folded = Fold(expression);

        return folded switch
        {
            null => Compact(expression.ToString()),
            string text => "\"" + text + "\"",
            bool flag => flag ? "true" : "false",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => folded.ToString()
        };
    }

    public static object Fold(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                return literal.Kind() switch
                {
                    SyntaxKind.NullLiteralExpression => null,
                    SyntaxKind.DefaultLiteralExpression => null,
                    _ => literal.Token.Value
                };
            case ParenthesizedExpressionSyntax parenthesized:
                return Fold(parenthesized.Expression);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negation:
                return Fold(negation.Operand) switch
                {
                    int value => -value,
                    long value => -value,
                    decimal value => -value,
                    double value => -value,
                    _ => null
                };
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } nameOf
                when nameOf.ArgumentList.Arguments.Count == 1:
                return LastIdentifier(nameOf.ArgumentList.Arguments[0].Expression);
            case InterpolatedStringExpressionSyntax interpolated:
                var builder = new StringBuilder();
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        builder.Append(text.TextToken.ValueText);
                        continue;
                    }

                    var part = Fold(((InterpolationSyntax)content).Expression);
                    if (part is null)
                        return null;
                    builder.Append(Convert.ToString(part, CultureInfo.InvariantCulture));
                }

                return builder.ToString();
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } sum:
                var left = Fold(sum.Left);
                var right = Fold(sum.Right);
                if (left is string || right is string)
                    return left is null || right is null ? null : Convert.ToString(left, CultureInfo.InvariantCulture) + Convert.ToString(right, CultureInfo.InvariantCulture);
                if (left is int a && right is int b)
                    return a + b;
                return null;
            default:
                return null;
        }
    }

    /// <summary>Whitespace-free text, for expressions that cannot be folded.</summary>
    public static string Compact(string text)
    {
        return new string(text.Where(character => !char.IsWhiteSpace(character)).ToArray());
    }

    private static string LastIdentifier(ExpressionSyntax expression)
    {
        return expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            _ => null
        };
    }
}
