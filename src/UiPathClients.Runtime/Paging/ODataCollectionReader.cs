using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Runtime.Paging;

/// <summary>
/// Reads OData collections: one page, or every item across pages. Pages are followed by
/// <c>@odata.nextLink</c>; when the service gives none but a page came back full (Orchestrator caps
/// <c>$top</c> at 1000 and does not always send next links), the next page is asked for with <c>$skip</c>.
/// </summary>
public static class ODataCollectionReader
{
    /// <summary>Gets one page.</summary>
    /// <param name="http">The client (its pipeline authenticates); relative URIs resolve against its base address.</param>
    /// <param name="requestUri">The collection URI with its query options.</param>
    /// <param name="itemType">Serialization metadata for the items (trim- and AOT-safe).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ODataRequestException">The service answered with an error.</exception>
    public static async Task<ODataPage<T>> GetPageAsync<T>(HttpClient http, Uri requestUri, JsonTypeInfo<T> itemType, CancellationToken cancellationToken = default)
    {
        if (http is null || requestUri is null || itemType is null)
        {
            throw new ArgumentNullException(http is null ? nameof(http) : requestUri is null ? nameof(requestUri) : nameof(itemType));
        }

        using var response = await http.GetAsync(requestUri, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await HttpContentReading.ReadBytesAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var answeredUri = response.RequestMessage?.RequestUri ?? (requestUri.IsAbsoluteUri ? requestUri : new Uri(http.BaseAddress!, requestUri));
        if (!response.IsSuccessStatusCode)
        {
            throw ODataErrors.FromResponse(response.StatusCode, body, answeredUri);
        }

        return Parse(body, answeredUri, itemType);
    }

    /// <summary>Enumerates every item of a collection, page by page.</summary>
    /// <param name="http">The client.</param>
    /// <param name="collectionUri">The collection URI with its query options, but without <c>$top</c> and <c>$skip</c>.</param>
    /// <param name="itemType">Serialization metadata for the items.</param>
    /// <param name="pageSize">Items per request (<c>$top</c>); Orchestrator accepts at most 1000.</param>
    /// <param name="limit">Stop after this many items; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels between and during requests.</param>
    public static async IAsyncEnumerable<T> EnumerateAsync<T>(
        HttpClient http,
        Uri collectionUri,
        JsonTypeInfo<T> itemType,
        int pageSize = 1000,
        long? limit = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (pageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds at least one item.");
        }

        if (limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit is not negative.");
        }

        long returned = 0;
        long skip = 0;
        Uri? next = WithPaging(collectionUri, PageSize(pageSize, limit, returned), skip);
        while (next is not null && (limit is null || returned < limit))
        {
            var requested = PageSize(pageSize, limit, returned);
            var page = await GetPageAsync(http, next, itemType, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                if (limit is { } max && returned >= max)
                {
                    yield break;
                }

                returned++;
                yield return item;
            }

            skip += page.Items.Count;
            next = page.NextLink
                ?? (page.Items.Count >= requested && page.Items.Count > 0 ? WithPaging(collectionUri, PageSize(pageSize, limit, returned), skip) : null);
        }
    }

    private static int PageSize(int pageSize, long? limit, long returned) =>
        limit is { } max ? (int)Math.Max(1, Math.Min(pageSize, max - returned)) : pageSize;

    private static Uri WithPaging(Uri collectionUri, int top, long skip)
    {
        var text = collectionUri.OriginalString;
        var separator = text.IndexOf('?') >= 0 ? "&" : "?";
        var paging = "$top=" + top.ToString(CultureInfo.InvariantCulture) + (skip > 0 ? "&$skip=" + skip.ToString(CultureInfo.InvariantCulture) : string.Empty);
        return new Uri(text + separator + paging, collectionUri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
    }

    private static ODataPage<T> Parse<T>(byte[] body, Uri answeredUri, JsonTypeInfo<T> itemType)
    {
        var items = new List<T>();
        long? count = null;
        Uri? nextLink = null;
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"The answer from {DiagnosticsHandler.Redact(answeredUri)} is not an OData collection (expected a JSON object with 'value').");
        }

        var sawValue = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "value":
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw new JsonException("'value' is not an array.");
                    }

                    sawValue = true;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(JsonSerializer.Deserialize(ref reader, itemType)!);
                    }

                    break;
                case "@odata.count":
                    count = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : long.Parse(reader.GetString()!, CultureInfo.InvariantCulture);
                    break;
                case "@odata.nextLink":
                    // Relative next links resolve against the request that returned them.
                    nextLink = new Uri(answeredUri, reader.GetString()!);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!sawValue)
        {
            throw new JsonException($"The answer from {DiagnosticsHandler.Redact(answeredUri)} has no 'value' array; it is not an OData collection.");
        }

        return new ODataPage<T>(items, count, nextLink);
    }
}

/// <summary>Turns OData error answers into <see cref="ODataRequestException"/>.</summary>
internal static class ODataErrors
{
    public static ODataRequestException FromResponse(System.Net.HttpStatusCode status, byte[] body, Uri requestUri)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        string? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                code = error.TryGetProperty("code", out var codeElement) ? codeElement.ToString() : null;
                message = error.TryGetProperty("message", out var messageElement) ? messageElement.ToString() : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): the status and raw body say what there is to say.
        }

        var uri = DiagnosticsHandler.Redact(requestUri);
        return new ODataRequestException(
            $"{uri} answered HTTP {(int)status}{(message is null ? string.Empty : ": " + message)}{(code is null ? string.Empty : " (code " + code + ")")}.",
            status,
            code,
            message,
            uri,
            text);
    }
}
