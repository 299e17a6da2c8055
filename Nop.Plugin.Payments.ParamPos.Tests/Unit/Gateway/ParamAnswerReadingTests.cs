using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Gateway;

/// <summary>
/// How the transport reads an answer's bytes: the declared charset, a byte order mark, and the size limit (an answer
/// larger than any TurkPos response is refused, announced or not, before it is all held in memory).
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Gateway)]
public class ParamAnswerReadingTests
{
    private static HttpResponseMessage Answer(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>A BIN lookup (a query, not retried here) given an answer.</summary>
    private static Task<BinLookupResult> LookupAsync(Func<HttpResponseMessage> answer) =>
        GatewayTestContext.Client(new RecordingHandler().Answer(_ => answer()), queryRetries: 0).LookupBinAsync("606043", GatewayTestContext.Context());

    [Test]
    public async Task AnIso8859_9Answer_IsDecodedWithItsCharset()
    {
        var xml = ParamFixtures.Read("BIN_SanalPos/debit.response.xml");

        var result = await LookupAsync(() => Answer(CodePagesEncodingProvider.Instance.GetEncoding(28599)!.GetBytes(xml), "text/xml; charset=iso-8859-9"));

        result.Card.BankName.Should().Be("TÜRKİYE FİNANS KATILIM BANKASI A.Ş.");
    }

    [Test]
    public async Task AByteOrderMark_WinsOverTheDeclaredCharset([Values("utf-8", "utf-16")] string bom)
    {
        var xml = ParamFixtures.Read("BIN_SanalPos/debit.response.xml");
        var encoding = bom == "utf-8" ? new UTF8Encoding(true) : (Encoding)new UnicodeEncoding(false, true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(xml)).ToArray();

        var result = await LookupAsync(() => Answer(bytes, "text/xml; charset=iso-8859-9"));

        result.Card.BankName.Should().Be("TÜRKİYE FİNANS KATILIM BANKASI A.Ş.");
    }

    [Test]
    public async Task AnAnswerLargerThanAnyTurkPosResponse_IsRefused([Values] bool announced)
    {
        var size = ParamSoapCodec.MAX_RESPONSE_CHARACTERS * 4L + 1;
        HttpResponseMessage Oversized()
        {
            var content = new StreamContent(new UnannouncedStream(size));
            if (announced)
                content.Headers.ContentLength = size;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }

        var call = () => LookupAsync(Oversized);

        (await call.Should().ThrowAsync<ParamGatewayException>()).Which.Message.Should().Contain("larger than any TurkPos response");
    }

    /// <summary>A body of spaces of a given length that never says its length (as a chunked answer).</summary>
    private sealed class UnannouncedStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var take = (int)Math.Min(count, length - _position);
            for (var index = 0; index < take; index++)
                buffer[offset + index] = (byte)' ';
            _position += take;

            return take;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
