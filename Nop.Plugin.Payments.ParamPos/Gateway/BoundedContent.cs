using System.Buffers;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Reads an answer's body into a pooled buffer, refusing one larger than a limit (announced or not) before it is all
/// held, and decodes it once.
/// </summary>
public static class BoundedContent
{
    private const int FIRST_BUFFER_BYTES = 16 * 1024;

    /// <summary>
    /// Reads the body and decodes it
    /// </summary>
    /// <param name="content">The answer's content</param>
    /// <param name="maxBytes">The largest body accepted</param>
    /// <param name="tooLarge">What the refusal says</param>
    /// <param name="decode">Turns the body (a buffer and the length read into it) into text</param>
    /// <param name="cancellationToken">Cancellation (the call's timeout)</param>
    /// <exception cref="InvalidDataException">The body is larger than <paramref name="maxBytes"/></exception>
    public static async Task<string> ReadTextAsync(HttpContent content, long maxBytes, string tooLarge, Func<byte[], int, string> decode,
        CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } announced && announced > maxBytes)
            throw new InvalidDataException(tooLarge);

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp((content.Headers.ContentLength ?? 0) + 1, FIRST_BUFFER_BYTES, maxBytes + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                    break;

                length += read;
                if (length > maxBytes)
                    throw new InvalidDataException(tooLarge);
            }

            return decode(buffer, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
