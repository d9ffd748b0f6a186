using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Client;
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
    /// <summary>The most pages one enumeration requests unless told otherwise (<see cref="ODataClientOptions.MaxPages"/>).</summary>
    internal const int DefaultMaxPages = 100_000;

    /// <summary>Gets one page.</summary>
    /// <param name="http">The client (its pipeline authenticates); relative URIs resolve against its base address.</param>
    /// <param name="requestUri">The collection URI with its query options.</param>
    /// <param name="itemType">Serialization metadata for the items (trim- and AOT-safe).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ODataRequestException">The service answered with an error.</exception>
    /// <exception cref="ODataResponseException">The answer is not an OData collection of these items.</exception>
    public static Task<ODataPage<T>> GetPageAsync<T>(HttpClient http, Uri requestUri, JsonTypeInfo<T> itemType, CancellationToken cancellationToken = default)
    {
        if (http is null || requestUri is null || itemType is null)
        {
            throw new ArgumentNullException(http is null ? nameof(http) : requestUri is null ? nameof(requestUri) : nameof(itemType));
        }

        return GetPageAsync(Fetcher(http), requestUri, itemType, cancellationToken);
    }

    /// <summary>Enumerates every item of a collection, page by page.</summary>
    /// <param name="http">The client.</param>
    /// <param name="collectionUri">The collection URI with its query options, but without <c>$top</c> and <c>$skip</c>.</param>
    /// <param name="itemType">Serialization metadata for the items.</param>
    /// <param name="pageSize">Items per request (<c>$top</c>); Orchestrator accepts at most 1000.</param>
    /// <param name="limit">Stop after this many items; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels between and during requests.</param>
    /// <remarks>
    /// At most 100,000 pages are requested (<see cref="ODataClientOptions.MaxPages"/>'s default); the next one ends the
    /// enumeration with <see cref="ODataResponseException"/>, as next links that lead back to a page already read do.
    /// </remarks>
    public static IAsyncEnumerable<T> EnumerateAsync<T>(
        HttpClient http,
        Uri collectionUri,
        JsonTypeInfo<T> itemType,
        int pageSize = 1000,
        long? limit = null,
        CancellationToken cancellationToken = default)
    {
        if (http is null)
        {
            throw new ArgumentNullException(nameof(http));
        }

        return EnumerateAsync(Fetcher(http), collectionUri, itemType, pageSize, limit, skip: 0, DefaultMaxPages, cancellationToken);
    }

    internal static async Task<ODataPage<T>> GetPageAsync<T>(Func<Uri, CancellationToken, Task<ODataResponse>> fetch, Uri requestUri, JsonTypeInfo<T> itemType, CancellationToken cancellationToken)
    {
        using var response = await fetch(requestUri, cancellationToken).ConfigureAwait(false);
        return response.Read((response.RequestUri, ItemType: itemType), static (body, state) => Parse(body, state.RequestUri, state.ItemType));
    }

    internal static async IAsyncEnumerable<T> EnumerateAsync<T>(
        Func<Uri, CancellationToken, Task<ODataResponse>> fetch,
        Uri collectionUri,
        JsonTypeInfo<T> itemType,
        int pageSize,
        long? limit,
        long skip,
        int maxPages,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (collectionUri is null || itemType is null)
        {
            throw new ArgumentNullException(collectionUri is null ? nameof(collectionUri) : nameof(itemType));
        }

        if (pageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds at least one item.");
        }

        if (limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit is not negative.");
        }

        long returned = 0;
        var requested = PageSize(pageSize, limit, returned);
        Uri? next = WithPaging(collectionUri, requested, skip);

        // Items that answered the last request this reader built, across the next links that continued it: a
        // service that pages itself (ASP.NET Core OData's PageSize) splits a $top=1000 into pages of its own and
        // lowers $top in each next link, so the last of them has no next link although more items may follow.
        long answered = 0;
        var followed = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        while (next is not null && (limit is null || returned < limit))
        {
            if (++pages > maxPages)
            {
                throw new ODataResponseException(
                    $"The enumeration of {DiagnosticsHandler.Redact(collectionUri)} stopped before requesting page {pages}: at most {maxPages} pages are read (ODataClientOptions.MaxPages). Raise the limit for a larger read, or narrow the query.",
                    HttpStatusCode.OK,
                    contentType: null,
                    DiagnosticsHandler.Redact(next),
                    responseBody: null);
            }

            var page = await GetFollowablePageAsync(fetch, next, itemType, followed, cancellationToken).ConfigureAwait(false);
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
            answered += page.Items.Count;
            if (page.NextLink is not null)
            {
                next = page.NextLink;
                continue;
            }

            // Exactly what was asked for: there may be more (Orchestrator sends no next link at its $top cap).
            // Fewer is the end; more means the service's own links ignored $top and already went to the end.
            if (answered == requested && answered > 0)
            {
                requested = PageSize(pageSize, limit, returned);
                answered = 0;
                next = WithPaging(collectionUri, requested, skip);
            }
            else
            {
                next = null;
            }
        }
    }

    /// <summary>
    /// A page whose next link the enumeration may follow: on the origin (scheme, host, port) that answered, since the
    /// request's credentials and folder headers go wherever the link points and a server or proxy answer must not send
    /// them elsewhere; and not one already followed, since a service whose links go round in a circle would be read forever.
    /// </summary>
    private static async Task<ODataPage<T>> GetFollowablePageAsync<T>(
        Func<Uri, CancellationToken, Task<ODataResponse>> fetch, Uri requestUri, JsonTypeInfo<T> itemType, HashSet<string> followed, CancellationToken cancellationToken)
    {
        using var response = await fetch(requestUri, cancellationToken).ConfigureAwait(false);
        var page = response.Read((response.RequestUri, ItemType: itemType), static (body, state) => Parse(body, state.RequestUri, state.ItemType));
        if (page.NextLink is not { } link)
        {
            return page;
        }

        if (!Origin.AreSame(link, response.RequestUri))
        {
            throw ODataErrors.Unreadable(
                response.Status, response.ContentType, response.Body, response.RequestUri,
                $"its @odata.nextLink leads to another origin ({Origin.Of(link)}); it is not followed, so the request's credentials are not sent there.");
        }

        if (!followed.Add(link.AbsoluteUri))
        {
            throw ODataErrors.Unreadable(
                response.Status, response.ContentType, response.Body, response.RequestUri,
                $"its @odata.nextLink '{link.AbsoluteUri}' was followed before in this enumeration; following it again would read the same pages forever.");
        }

        return page;
    }

    private static Func<Uri, CancellationToken, Task<ODataResponse>> Fetcher(HttpClient http) =>
        async (uri, cancellationToken) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            return await ODataResponse.SendAsync(http, request, cancellationToken).ConfigureAwait(false);
        };

    private static int PageSize(int pageSize, long? limit, long returned) =>
        limit is { } max ? (int)Math.Max(1, Math.Min(pageSize, max - returned)) : pageSize;

    private static Uri WithPaging(Uri collectionUri, int top, long skip)
    {
        var text = collectionUri.OriginalString;
        var separator = text.IndexOf('?') >= 0 ? "&" : "?";
        var paging = "$top=" + top.ToString(CultureInfo.InvariantCulture) + (skip > 0 ? "&$skip=" + skip.ToString(CultureInfo.InvariantCulture) : string.Empty);
        return new Uri(text + separator + paging, collectionUri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
    }

    internal static ODataPage<T> Parse<T>(ReadOnlySpan<byte> body, Uri answeredUri, JsonTypeInfo<T> itemType)
    {
        List<T>? items = null;
        long? count = null;
        Uri? nextLink = null;
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("It is not an OData collection (expected a JSON object with 'value').");
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

                    // The whole array in one call: the serializer's read state (a frame per nesting level) is set up
                    // once per page instead of once per item.
                    var read = JsonSerializer.Deserialize(ref reader, ItemList(itemType))!;
                    if (items is null)
                    {
                        items = read;
                    }
                    else
                    {
                        items.AddRange(read);
                    }

                    break;
                case "@odata.count":
                    count = ReadCount(ref reader);
                    break;
                case "@odata.nextLink":
                    nextLink = ReadNextLink(ref reader, answeredUri);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!sawValue || items is null)
        {
            throw new JsonException("It has no 'value' array; it is not an OData collection.");
        }

        return new ODataPage<T>(items, count, nextLink);
    }

    /// <summary>
    /// <c>@odata.count</c>: a whole, non-negative number that fits in 64 bits, as a JSON number or (IEEE754Compatible) a
    /// string; <c>null</c> counts as not given. Anything else is a malformed answer, reported as one.
    /// </summary>
    private static long? ReadCount(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var number) && number >= 0:
                return number;
            case JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                throw new JsonException("Its @odata.count is not a whole number of items from 0 to 2^63-1.");
        }
    }

    /// <summary>
    /// <c>@odata.nextLink</c>: a string naming an http(s) URI, resolved against the request that returned it when
    /// relative; <c>null</c> counts as no next page. Anything else is a malformed answer, reported as one.
    /// </summary>
    private static Uri? ReadNextLink(ref Utf8JsonReader reader, Uri answeredUri)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            throw new JsonException("Its @odata.nextLink is not a string.");
        }

        if (!Uri.TryCreate(answeredUri, reader.GetString(), out var link) || !Origin.IsHttp(link))
        {
            throw new JsonException("Its @odata.nextLink is not an http or https link.");
        }

        return link;
    }

    /// <summary>Metadata for a <see cref="List{T}"/> of <paramref name="itemType"/>'s items, made once per item metadata.</summary>
    private static JsonTypeInfo<List<T>> ItemList<T>(JsonTypeInfo<T> itemType) =>
        ItemLists<T>.Lists.GetValue(itemType, static item => JsonMetadataServices.CreateListInfo<List<T>, T>(item.Options, new JsonCollectionInfoValues<List<T>>
        {
            ObjectCreator = static () => new List<T>(),
            // The items are read with the metadata given, whichever resolver the options would pick for T.
            ElementInfo = item,
        }));

    /// <summary>
    /// The list metadata per item metadata. Weak keys: metadata lives as long as its options, and a client's options
    /// (and with them these lists) can be collected with the client.
    /// </summary>
    private static class ItemLists<T>
    {
        public static readonly ConditionalWeakTable<JsonTypeInfo<T>, JsonTypeInfo<List<T>>> Lists = new();
    }
}
