using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace UiPathClients.Runtime.Tests.TestSupport;

/// <summary>A request as the handler saw it, copied before the client disposes it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body, string? ContentType)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The URI relative to <see cref="RecordingHandler.BaseAddress"/>, as sent (escaped).</summary>
    public string RelativeUri =>
        Uri.AbsoluteUri.StartsWith(RecordingHandler.BaseAddress.AbsoluteUri, StringComparison.Ordinal)
            ? Uri.AbsoluteUri.Substring(RecordingHandler.BaseAddress.AbsoluteUri.Length)
            : Uri.AbsoluteUri;
}

/// <summary>
/// An in-memory <see cref="HttpMessageHandler"/>: records every request it receives (method, absolute URI,
/// request and content headers, body) and answers with whatever the test's responder returns.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    /// <summary>The base address of <see cref="CreateClient"/>: a tenant-scoped Orchestrator-like root.</summary>
    public static readonly Uri BaseAddress = new("https://cloud.test/org/tenant/orchestrator_/");

    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public RecordingHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public RecordingHandler(Func<RecordedRequest, HttpResponseMessage> respond)
        : this((request, _) => Task.FromResult(respond(request)))
    {
    }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    /// <summary>Answers the n-th request with the n-th response; a request beyond them fails the test.</summary>
    public static RecordingHandler Sequence(params Func<HttpResponseMessage>[] responses)
    {
        var next = -1;
        return new RecordingHandler(_ =>
        {
            var index = Interlocked.Increment(ref next);
            return index < responses.Length
                ? responses[index]()
                : throw new InvalidOperationException($"Unexpected request #{index + 1}; the test expected {responses.Length}.");
        });
    }

    public HttpClient CreateClient() => new(this, disposeHandler: false) { BaseAddress = BaseAddress };

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        Text(json, "application/json; odata.metadata=minimal; odata.streaming=true", status);

    public static HttpResponseMessage Text(string text, string mediaType, HttpStatusCode status = HttpStatusCode.OK)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return new HttpResponseMessage(status) { Content = content };
    }

    public static HttpResponseMessage NoContent() => new(HttpStatusCode.NoContent);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        string? body = null;
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }

            body = await request.Content.ReadAsStringAsync(cancellationToken);
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body, request.Content?.Headers.ContentType?.ToString());
        _requests.Enqueue(recorded);
        cancellationToken.ThrowIfCancellationRequested();
        var response = await _respond(recorded, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}
