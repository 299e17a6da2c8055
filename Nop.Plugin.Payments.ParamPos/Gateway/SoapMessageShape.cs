using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// A flat TurkPos message (its elements are text, numbers or other flat messages, all in the service's namespace) read
/// once from its XmlSerializer attributes, so that the codec writes and reads it without XmlSerializer: the same
/// elements in the same order, the same text for the same values, an order of magnitude fewer allocations. A type with
/// anything else (lists, attributes, other namespaces) has no shape and goes through XmlSerializer.
/// </summary>
public sealed class SoapMessageShape
{
    private static readonly ConcurrentDictionary<Type, SoapMessageShape> Shapes = new();

    private readonly Func<object> _create;
    private readonly Member[] _members;
    private readonly Dictionary<string, Member> _byName;

    private SoapMessageShape(Type type, string serviceNamespace, string rootName, Member[] members)
    {
        Namespace = serviceNamespace;
        RootName = rootName;
        _members = members;
        _byName = members.ToDictionary(member => member.Name, StringComparer.Ordinal);
        _create = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(type), typeof(object))).Compile();
    }

    /// <summary>The namespace of the message's elements</summary>
    public string Namespace { get; }

    /// <summary>The element a request body is written as (its XmlRoot's name)</summary>
    public string RootName { get; }

    /// <summary>The shape of a message type, or null when XmlSerializer must handle it.</summary>
    public static SoapMessageShape Of(Type type)
    {
        return Shapes.GetOrAdd(type, static key => Build(key, []));
    }

    /// <summary>Writes the message's elements (not its own element) as XmlSerializer would.</summary>
    public void WriteMembers(SoapTextWriter writer, object message)
    {
        foreach (var member in _members)
        {
            var value = member.Get(message);
            if (value is null)
                continue;

            writer.StartElement(member.Name);
            switch (member.Kind)
            {
                case MemberKind.Text:
                    writer.Text((string)value);
                    break;
                case MemberKind.Message:
                    member.Nested.WriteMembers(writer, value);
                    break;
                default:
                    writer.Text(FormatNumber(member.Kind, value));
                    break;
            }

            writer.EndElement(member.Name);
        }
    }

    /// <summary>
    /// Reads a message from its element as XmlSerializer would: elements it does not know are skipped, a missing one
    /// keeps its default (xsi:nil means nothing to a member that is not nullable). Elements out of the message's
    /// sequence (or repeated) are XmlSerializer's to judge: false.
    /// </summary>
    /// <exception cref="FormatException">A number that is not one</exception>
    /// <exception cref="InvalidOperationException">Text with elements inside</exception>
    public bool TryRead(XElement element, out object message)
    {
        message = _create();
        var last = -1;
        foreach (var child in element.Elements())
        {
            var name = child.Name;
            if (!string.Equals(name.NamespaceName, Namespace, StringComparison.Ordinal) || !_byName.TryGetValue(name.LocalName, out var member))
                continue;
            if (member.Index <= last)
                return false;

            last = member.Index;
            if (member.Kind == MemberKind.Message)
            {
                if (!member.Nested.TryRead(child, out var nested))
                    return false;

                member.Set(message, nested);
            }
            else
                member.Set(message, ReadValue(member, child));
        }

        return true;
    }

    /// <summary>
    /// Reads a message from a reader positioned on its element (streaming: no tree), as
    /// <see cref="TryRead(XElement, out object)"/> does; whitespace between elements and comments are skipped as the safe reader's settings skip them.
    /// </summary>
    /// <exception cref="XmlException">Not well-formed, a value with elements inside, or elements out of the message's sequence</exception>
    /// <exception cref="FormatException">A number that is not one</exception>
    public object Read(XmlDictionaryReader reader)
    {
        var message = _create();
        var last = -1;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return message;
        }

        reader.Read();
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.EndElement:
                    reader.Read();
                    return message;
                case XmlNodeType.Element:
                    if (MemberAt(reader, last) is { } member)
                    {
                        if (member.Index <= last)
                            throw new XmlException("Elements out of the message's sequence: left to the thorough reader.");

                        last = member.Index;
                        member.Set(message, member.Kind == MemberKind.Message ? member.Nested.Read(reader) : Parse(member, ReadText(reader)));
                    }
                    else
                        reader.Skip();
                    break;
                case XmlNodeType.Whitespace or XmlNodeType.Comment:
                    reader.Read();
                    break;
                case XmlNodeType.None:
                    throw new XmlException("The answer ended inside a message.");
                default:
                    throw new XmlException($"Unexpected {reader.NodeType} between a message's elements.");
            }
        }
    }

    /// <summary>
    /// The member the reader's element is, or null for an element the message does not know. Names are compared in
    /// place (asking the reader for a name makes a string), starting after the last member read.
    /// </summary>
    private Member MemberAt(XmlDictionaryReader reader, int last)
    {
        if (!reader.IsNamespaceUri(Namespace))
            return null;

        for (var index = 0; index < _members.Length; index++)
        {
            var member = _members[(last + 1 + index) % _members.Length];
            if (reader.IsLocalName(member.Name))
                return member;
        }

        return null;
    }

    /// <summary>
    /// An element's text (the reader on its start, left after its end), as the safe reader gives it: the streaming
    /// reader splits text at entities, so pieces are joined into runs between comments and CDATA, and a run of
    /// whitespace alone is dropped as the safe reader drops it; elements inside are refused.
    /// </summary>
    private static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var text = new TextRuns();
        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    text.Add(reader.Value, reader.NodeType != XmlNodeType.Text);
                    break;
                case XmlNodeType.CDATA:
                    text.EndRun();
                    text.AddCData(reader.Value);
                    break;
                case XmlNodeType.Comment:
                    text.EndRun();
                    break;
                default:
                    throw new XmlException($"A value holds {reader.NodeType}.");
            }

            reader.Read();
        }

        reader.Read();
        text.EndRun();

        return text.Value;
    }

    /// <summary>Text pieces joined into runs; a run of whitespace alone is dropped.</summary>
    private struct TextRuns
    {
        private string _value;
        private System.Text.StringBuilder _joined;
        private string _run;
        private System.Text.StringBuilder _runJoined;
        private bool _runIsWhitespace;
        private int _runPieces;

        public readonly string Value => _joined?.ToString() ?? _value ?? string.Empty;

        public void Add(string piece, bool isWhitespace)
        {
            _runIsWhitespace = (_runPieces == 0 || _runIsWhitespace) && (isWhitespace || string.IsNullOrWhiteSpace(piece));
            if (_runPieces++ == 0)
                _run = piece;
            else
                (_runJoined ??= new System.Text.StringBuilder(_run)).Append(piece);
        }

        public void AddCData(string value)
        {
            Append(value);
        }

        public void EndRun()
        {
            if (_runPieces == 0)
                return;

            // One whitespace node is what the safe reader skips; whitespace made of several pieces (character
            // references) is a case for the thorough reader.
            if (_runIsWhitespace && _runPieces > 1)
                throw new XmlException("Whitespace from references: left to the thorough reader.");
            if (!_runIsWhitespace)
                Append(_runJoined?.ToString() ?? _run);

            _run = null;
            _runJoined = null;
            _runPieces = 0;
            _runIsWhitespace = false;
        }

        private void Append(string piece)
        {
            if (_value is null && _joined is null)
                _value = piece;
            else
                (_joined ??= new System.Text.StringBuilder(_value)).Append(piece);
        }
    }

    private static object Parse(Member member, string text)
    {
        return member.Kind switch
        {
            MemberKind.Text => text,
            MemberKind.Int32 => XmlConvert.ToInt32(text),
            MemberKind.Int64 => XmlConvert.ToInt64(text),
            MemberKind.Decimal => XmlConvert.ToDecimal(text),
            MemberKind.Double => XmlConvert.ToDouble(text),
            MemberKind.Boolean => XmlConvert.ToBoolean(text),
            _ => throw new InvalidOperationException($"<{member.Name}>: no reader.")
        };
    }

    private static object ReadValue(Member member, XElement element)
    {
        if (element.HasElements)
            throw new InvalidOperationException($"<{member.Name}> holds elements where a value belongs.");

        return Parse(member, element.Value);
    }

    private static string FormatNumber(MemberKind kind, object value)
    {
        return kind switch
        {
            MemberKind.Int32 => XmlConvert.ToString((int)value),
            MemberKind.Int64 => XmlConvert.ToString((long)value),
            MemberKind.Decimal => XmlConvert.ToString((decimal)value),
            MemberKind.Double => XmlConvert.ToString((double)value),
            MemberKind.Boolean => XmlConvert.ToString((bool)value),
            _ => throw new InvalidOperationException($"No format for {kind}.")
        };
    }

    private static SoapMessageShape Build(Type type, HashSet<Type> building)
    {
        if (!type.IsClass || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null || !building.Add(type))
            return null;

        var root = type.GetCustomAttribute<XmlRootAttribute>(inherit: false);
        var xmlType = type.GetCustomAttribute<XmlTypeAttribute>(inherit: false);
        var serviceNamespace = root?.Namespace ?? xmlType?.Namespace;
        if (serviceNamespace is null || (root is not null && xmlType is not null && root.Namespace != xmlType.Namespace))
            return null;

        var members = new List<(int Order, Member Member)>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.IsDefined(typeof(XmlIgnoreAttribute)))
                continue;
            if (!property.CanRead || !property.CanWrite || property.GetIndexParameters().Length > 0)
                return null;

            // Only plain elements: attributes, text, arrays, choices and anything namespaced or nullable differently are XmlSerializer's.
            var attributes = property.GetCustomAttributes().Where(attribute => attribute.GetType().Namespace == typeof(XmlElementAttribute).Namespace).ToList();
            if (attributes.Count != 1 || attributes[0] is not XmlElementAttribute element || element.Type is not null || element.IsNullable
                || !string.IsNullOrEmpty(element.Namespace) || element.Form != System.Xml.Schema.XmlSchemaForm.None || !string.IsNullOrEmpty(element.DataType))
                return null;

            var kind = KindOf(property.PropertyType);
            SoapMessageShape nested = null;
            if (kind == MemberKind.Message)
            {
                nested = Build(property.PropertyType, building);
                if (nested is null || nested.Namespace != serviceNamespace)
                    return null;
            }
            else if (kind is null)
                return null;

            members.Add((element.Order, new Member(string.IsNullOrEmpty(element.ElementName) ? property.Name : element.ElementName, kind.Value, nested, Getter(property), Setter(property))));
        }

        building.Remove(type);
        // XmlSerializer wants Order on every element or on none; without it, declaration order (which GetProperties keeps).
        if (members.Select(member => member.Order).Distinct().Count() != members.Count && members.Any(member => member.Order != -1))
            return null;

        var ordered = members.OrderBy(member => member.Order).Select((member, index) => member.Member with { Index = index }).ToArray();

        return new SoapMessageShape(type, serviceNamespace, string.IsNullOrEmpty(root?.ElementName) ? type.Name : root.ElementName, ordered);
    }

    private static MemberKind? KindOf(Type type)
    {
        if (type == typeof(string))
            return MemberKind.Text;
        if (type == typeof(int))
            return MemberKind.Int32;
        if (type == typeof(long))
            return MemberKind.Int64;
        if (type == typeof(decimal))
            return MemberKind.Decimal;
        if (type == typeof(double))
            return MemberKind.Double;
        if (type == typeof(bool))
            return MemberKind.Boolean;
        if (type.IsClass && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
            return MemberKind.Message;

        return null;
    }

    private static Func<object, object> Getter(PropertyInfo property)
    {
        var message = Expression.Parameter(typeof(object));
        var read = Expression.Property(Expression.Convert(message, property.DeclaringType!), property);

        return Expression.Lambda<Func<object, object>>(Expression.Convert(read, typeof(object)), message).Compile();
    }

    private static Action<object, object> Setter(PropertyInfo property)
    {
        var message = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(object));
        var write = Expression.Assign(Expression.Property(Expression.Convert(message, property.DeclaringType!), property), Expression.Convert(value, property.PropertyType));

        return Expression.Lambda<Action<object, object>>(write, message, value).Compile();
    }

    private enum MemberKind
    {
        Text,
        Int32,
        Int64,
        Decimal,
        Double,
        Boolean,
        Message
    }

    private sealed record Member(string Name, MemberKind Kind, SoapMessageShape Nested, Func<object, object> Get, Action<object, object> Set)
    {
        /// <summary>Its place in the message's sequence</summary>
        public int Index { get; init; }
    }
}
