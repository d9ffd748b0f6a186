using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Runtime.Client;

/// <summary>
/// A successful answer, read to the end into a pooled buffer (see <see cref="ResponseBody"/>), with what an error message
/// needs to name it. Disposing it gives the buffer back; callers parse before they dispose.
/// </summary>
internal sealed class ODataResponse : IDisposable
{
    private readonly ResponseBody _body;
    private byte[]? _bodyCopy;

    private ODataResponse(HttpStatusCode status, string? contentType, ResponseBody body, Uri requestUri, Uri? entityId)
    {
        EntityId = entityId;
        Status = status;
        ContentType = contentType;
        _body = body;
        RequestUri = requestUri;
    }

    /// <summary>Parses a body in place.</summary>
    public delegate T BodyParser<in TState, out T>(ReadOnlySpan<byte> body, TState state);

    public HttpStatusCode Status { get; }

    public string? ContentType { get; }

    /// <summary>A copy of the body, for the few readers that keep it (plain-text answers, error messages); made once.</summary>
    public byte[] Body => _bodyCopy ??= _body.ToArray();

    /// <summary>The absolute URI that answered.</summary>
    public Uri RequestUri { get; }

    /// <summary>
    /// Where the entity a create or update answered about lives: <c>OData-EntityId</c>, else <c>Location</c> (absolute);
    /// <see langword="null"/> when the service sent neither.
    /// </summary>
    public Uri? EntityId { get; }

    public bool IsEmpty => _body.Length == 0 || Status == HttpStatusCode.NoContent;

    /// <summary>Sends the request and reads the whole answer; error statuses become <see cref="ODataRequestException"/>.</summary>
    public static async Task<ODataResponse> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient hands a request to its handlers even when the token is already cancelled (the pipeline
        // would fetch a token, log, retry …): a cancelled call, or enumeration cancelled between pages, sends nothing.
        cancellationToken.ThrowIfCancellationRequested();
        var sentAt = Stopwatch.GetTimestamp();

        // Headers only: the body is read into a pooled buffer below instead of being buffered (and copied) by HttpClient.
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var requestUri = response.RequestMessage?.RequestUri ?? request.RequestUri!;
        if (!requestUri.IsAbsoluteUri && http.BaseAddress is not null)
        {
            requestUri = new Uri(http.BaseAddress, requestUri);
        }

        if (!response.IsSuccessStatusCode)
        {
            using var error = await ResponseBody.ReadErrorAsync(http, response.Content, sentAt, cancellationToken).ConfigureAwait(false);
            throw ODataErrors.FromResponse(response.StatusCode, error, requestUri);
        }

        var body = await ResponseBody.ReadAsync(http, response.Content, sentAt, cancellationToken).ConfigureAwait(false);

        return new ODataResponse(response.StatusCode, response.Content?.Headers.ContentType?.MediaType, body, requestUri, EntityIdOf(response, requestUri));
    }

    private static Uri? EntityIdOf(HttpResponseMessage response, Uri requestUri)
    {
        var text = response.Headers.TryGetValues("OData-EntityId", out var values)
            ? System.Linq.Enumerable.FirstOrDefault(values)
            : response.Headers.Location?.OriginalString;
        return text is not null && Uri.TryCreate(requestUri, text, out var uri) ? uri : null;
    }

    /// <summary>Parses the JSON body in place; a wrong content type or malformed JSON becomes <see cref="ODataResponseException"/> naming the URI.</summary>
    public T Read<TState, T>(TState state, BodyParser<TState, T> parse)
    {
        if (ContentType is not null && ContentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
        {
            throw ODataErrors.Unreadable(Status, ContentType, Body, RequestUri, "expected JSON.");
        }

        try
        {
            return parse(_body.Span, state);
        }
        catch (JsonException exception)
        {
            throw ODataErrors.Unreadable(Status, ContentType, Body, RequestUri, exception.Message, exception);
        }
    }

    /// <summary>Gives the body's buffer back to the pool.</summary>
    public void Dispose() => _body.Dispose();
}
