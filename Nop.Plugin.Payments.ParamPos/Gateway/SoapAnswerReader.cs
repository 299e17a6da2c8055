using System.Buffers;
using System.Text;
using System.Xml;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Reads an ordinary answer (a SOAP envelope whose body is the expected flat response) straight into its message, with
/// a reused streaming reader that refuses DTDs and processing instructions: no XML tree, no XmlSerializer. Anything
/// else (a fault, a header, HTML, malformed or unusual XML, another encoding declared) is not read here: the caller
/// reads it the thorough way, which classifies every failure.
/// </summary>
public static class SoapAnswerReader
{
    /// <summary>Ordinary answers are a few kilobytes; larger ones go the thorough way.</summary>
    private const int MAX_CHARACTERS = 64 * 1024;

    private static readonly XmlDictionaryReaderQuotas Quotas = new()
    {
        MaxDepth = 32,
        MaxStringContentLength = MAX_CHARACTERS,
        MaxArrayLength = MAX_CHARACTERS,
        MaxBytesPerRead = 4096,
        MaxNameTableCharCount = 16384
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // One reader per thread, re-armed per answer (reading never yields).
    [ThreadStatic]
    private static XmlDictionaryReader _reader;

    /// <summary>
    /// Reads the answer into the message of <paramref name="shape"/> when it is an ordinary one; false leaves it to the
    /// thorough reader.
    /// </summary>
    public static bool TryRead(string body, SoapMessageShape shape, out object message)
    {
        message = null;
        if (string.IsNullOrEmpty(body) || body.Length > MAX_CHARACTERS)
            return false;

        var bytes = ArrayPool<byte>.Shared.Rent(StrictUtf8.GetMaxByteCount(body.Length));
        try
        {
            var length = StrictUtf8.GetBytes(body, bytes);
            var reader = Arm(bytes, length);
            try
            {
                message = ReadEnvelope(reader, shape);
                return message is not null;
            }
            finally
            {
                // Let go of the buffer: it goes back to the pool.
                reader.Close();
            }
        }
        // Whatever the straight reader cannot read (malformed, over its quotas, a number that is not one, text that is
        // not UTF-8) is the thorough reader's to read or to classify: nothing escapes from here.
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            message = null;
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static XmlDictionaryReader Arm(byte[] bytes, int length)
    {
        if (_reader is IXmlTextReaderInitializer initializer)
        {
            initializer.SetInput(bytes, 0, length, null, Quotas, null);
            return _reader;
        }

        return _reader = XmlDictionaryReader.CreateTextReader(bytes, 0, length, null, Quotas, null);
    }

    /// <summary>Envelope, Body, the response element read through its shape, then the rest read to the end (it must be well-formed).</summary>
    private static object ReadEnvelope(XmlDictionaryReader reader, SoapMessageShape shape)
    {
        if (!MoveToElement(reader) || !Is(reader, "Envelope", ParamSoap.ENVELOPE_NAMESPACE) || reader.IsEmptyElement)
            return null;

        reader.Read();
        if (!MoveToElement(reader) || !Is(reader, "Body", ParamSoap.ENVELOPE_NAMESPACE) || reader.IsEmptyElement)
            return null;

        reader.Read();
        if (!MoveToElement(reader) || !Is(reader, shape.RootName, shape.Namespace))
            return null;

        var message = shape.Read(reader);
        do
        {
            if (reader.NodeType is not (XmlNodeType.None or XmlNodeType.EndElement or XmlNodeType.Whitespace or XmlNodeType.Comment))
                return null;
        }
        while (reader.Read());

        return message;
    }

    /// <summary>Moves past the declaration, whitespace and comments to the next element; false at anything else.</summary>
    private static bool MoveToElement(XmlReader reader)
    {
        while (reader.NodeType is XmlNodeType.None or XmlNodeType.XmlDeclaration or XmlNodeType.Whitespace or XmlNodeType.Comment)
        {
            if (!reader.Read())
                return false;
        }

        return reader.NodeType == XmlNodeType.Element;
    }

    /// <summary>Compares in place: asking the reader for a name makes a string</summary>
    private static bool Is(XmlDictionaryReader reader, string localName, string namespaceUri)
    {
        return reader.IsLocalName(localName) && reader.IsNamespaceUri(namespaceUri);
    }
}
