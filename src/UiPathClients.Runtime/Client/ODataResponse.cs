using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Runtime.Client;

/// <summary>A successful answer, read to the end, with what an error message needs to name it.</summary>
internal sealed class ODataResponse
{
    private ODataResponse(HttpStatusCode status, string? contentType, byte[] body, Uri requestUri, Uri? entityId)
    {
        EntityId = entityId;
        Status = status;
        ContentType = contentType;
        Body = body;
        RequestUri = requestUri;
    }

    public HttpStatusCode Status { get; }

    public string? ContentType { get; }

    public byte[] Body { get; }

    /// <summary>The absolute URI that answered.</summary>
    public Uri RequestUri { get; }

    /// <summary>
    /// Where the entity a create or update answered about lives: <c>OData-EntityId</c>, else <c>Location</c> (absolute);
    /// <see langword="null"/> when the service sent neither.
    /// </summary>
    public Uri? EntityId { get; }

    public bool IsEmpty => Body.Length == 0 || Status == HttpStatusCode.NoContent;

    /// <summary>Sends the request and reads the whole answer; error statuses become <see cref="ODataRequestException"/>.</summary>
    public static async Task<ODataResponse> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient hands a request to its handlers even when the token is already cancelled (the pipeline
        // would fetch a token, log, retry …): a cancelled call, or enumeration cancelled between pages, sends nothing.
        cancellationToken.ThrowIfCancellationRequested();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await HttpContentReading.ReadBytesAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var requestUri = response.RequestMessage?.RequestUri ?? request.RequestUri!;
        if (!requestUri.IsAbsoluteUri && http.BaseAddress is not null)
        {
            requestUri = new Uri(http.BaseAddress, requestUri);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw ODataErrors.FromResponse(response.StatusCode, body, requestUri);
        }

        return new ODataResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, requestUri, EntityIdOf(response, requestUri));
    }

    private static Uri? EntityIdOf(HttpResponseMessage response, Uri requestUri)
    {
        var text = response.Headers.TryGetValues("OData-EntityId", out var values)
            ? System.Linq.Enumerable.FirstOrDefault(values)
            : response.Headers.Location?.OriginalString;
        return text is not null && Uri.TryCreate(requestUri, text, out var uri) ? uri : null;
    }

    /// <summary>Parses the JSON body; a wrong content type or malformed JSON becomes <see cref="ODataResponseException"/> naming the URI.</summary>
    public T Read<T>(Func<byte[], T> parse)
    {
        if (ContentType is not null && ContentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
        {
            throw ODataErrors.Unreadable(Status, ContentType, Body, RequestUri, "expected JSON.");
        }

        try
        {
            return parse(Body);
        }
        catch (JsonException exception)
        {
            throw ODataErrors.Unreadable(Status, ContentType, Body, RequestUri, exception.Message, exception);
        }
    }
}
