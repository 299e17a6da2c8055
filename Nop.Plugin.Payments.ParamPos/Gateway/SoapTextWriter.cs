using System.Buffers;
using System.Text;
using System.Xml;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Writes a SOAP envelope's text into a pooled buffer, escaping every value exactly as XmlWriter does for element
/// content (&amp;, &lt;, &gt;, line breaks as "\n") and refusing characters XML cannot carry, then encodes it as UTF-8.
/// Element names come from the message shapes, never from values.
/// </summary>
public sealed class SoapTextWriter : IDisposable
{
    private char[] _buffer;
    private int _length;
    private bool _startTagOpen;

    public SoapTextWriter(int capacity = 2048)
    {
        _buffer = ArrayPool<char>.Shared.Rent(capacity);
    }

    /// <summary>Markup (a name, a declaration), written as it is.</summary>
    public void Raw(string markup)
    {
        CloseStartTag();
        Append(markup.AsSpan());
    }

    /// <summary>Opens an element; its start tag stays open until content comes, so that an empty one is written "&lt;name /&gt;" as XmlWriter does.</summary>
    /// <param name="name">The element's name</param>
    /// <param name="defaultNamespace">A default namespace declared on it, if any</param>
    public void StartElement(string name, string defaultNamespace = null)
    {
        CloseStartTag();
        Append('<');
        Append(name.AsSpan());
        if (defaultNamespace is not null)
        {
            Append(" xmlns=\"");
            Text(defaultNamespace);
            Append('"');
        }

        _startTagOpen = true;
    }

    public void EndElement(string name)
    {
        if (_startTagOpen)
        {
            Append(" />");
            _startTagOpen = false;
            return;
        }

        Append("</");
        Append(name.AsSpan());
        Append('>');
    }

    /// <summary>Element content, escaped.</summary>
    /// <exception cref="ArgumentException">A character XML 1.0 cannot carry (as XmlWriter refuses it)</exception>
    public void Text(string value)
    {
        if (string.IsNullOrEmpty(value))
            return;

        CloseStartTag();
        var text = value.AsSpan();
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            switch (character)
            {
                case '&':
                    Append("&amp;");
                    break;
                case '<':
                    Append("&lt;");
                    break;
                case '>':
                    Append("&gt;");
                    break;
                case '\r':
                    if (index + 1 < text.Length && text[index + 1] == '\n')
                        index++;
                    Append('\n');
                    break;
                default:
                    if (char.IsHighSurrogate(character) && index + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[index + 1], character))
                    {
                        Append(character);
                        Append(text[++index]);
                    }
                    else if (XmlConvert.IsXmlChar(character))
                        Append(character);
                    else
                        throw new ArgumentException($"The character 0x{(int)character:X4} cannot be written in XML.", nameof(value));
                    break;
            }
        }
    }

    /// <summary>The text written, as UTF-8 bytes without a byte order mark.</summary>
    public byte[] ToUtf8()
    {
        var text = _buffer.AsSpan(0, _length);
        var bytes = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, bytes);

        return bytes;
    }

    public void Dispose()
    {
        if (_buffer is null)
            return;

        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = null;
    }

    private void CloseStartTag()
    {
        if (!_startTagOpen)
            return;

        _startTagOpen = false;
        Append('>');
    }

    private void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void Append(char character)
    {
        Reserve(1);
        _buffer[_length++] = character;
    }

    private void Reserve(int more)
    {
        if (_length + more <= _buffer.Length)
            return;

        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
