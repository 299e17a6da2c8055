using System.Net;
using System.Text;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>
/// An HttpMessageHandler that answers from a queue and records every request (method, URL, headers, body).
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _answers = new();

    public List<RecordedRequest> Requests { get; } = new();

    public RecordingHandler Answer(string body, HttpStatusCode status = HttpStatusCode.OK, string contentType = "text/xml; charset=utf-8")
    {
        _answers.Enqueue(_ =>
        {
            var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            return new HttpResponseMessage(status) { Content = content };
        });

        return this;
    }

    public RecordingHandler Answer(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _answers.Enqueue(answer);

        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri,
            request.Headers.TryGetValues("SOAPAction", out var actions) ? actions.Single() : null,
            request.Content?.Headers.ContentType?.ToString(), body));

        if (_answers.Count == 0)
            throw new InvalidOperationException("No answer queued for " + request.RequestUri);

        return _answers.Dequeue()(request);
    }
}

public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string SoapAction, string ContentType, string Body);
