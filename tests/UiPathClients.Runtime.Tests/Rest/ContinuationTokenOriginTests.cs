using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.Runtime.Rest;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Rest;

/// <summary>
/// Communications Mining's continuation is an opaque token, not a link: whatever the service hands back goes into
/// the next request as one encoded query value or one JSON string property of a request built on the connection's
/// base address, so no token (a URL, a path, CR/LF) can move the request, its credentials or its headers elsewhere.
/// The requests are built as the generated pagers build them.
/// </summary>
public sealed class ContinuationTokenOriginTests
{
    private static readonly string[] HostileTokens =
    {
        "https://evil.example/x",
        "//evil.example/x",
        "../../x",
        "a\r\nHost: evil.example\r\n\r\nGET /x",
        "x&after=injected#fragment",
    };

    /// <summary>Answers the n-th request with a page whose continuation is the n-th hostile token; the last page has none.</summary>
    private static RecordingHandler HostilePages() =>
        RecordingHandler.Sequence(HostileTokens.Select(token => (Func<HttpResponseMessage>)(() => RecordingHandler.Json(Page(token))))
            .Append(() => RecordingHandler.Json(Page(null)))
            .ToArray());

    private static string Page(string? next) =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["items"] = new[] { "item" }, ["next"] = next });

    private static async Task<int> CountAsync(IAsyncEnumerable<string> items)
    {
        var count = 0;
        await foreach (var _ in items)
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task A_hostile_token_in_the_query_is_one_encoded_value_sent_to_the_same_origin_and_path()
    {
        var handler = HostilePages();
        var connection = RestTest.Connection(handler);

        var items = await CountAsync(ContinuationPaging.EnumerateAsync<RestResponse<Page>, string>(
            null,
            (continuation, token) => connection.CreateRequest("GET", "/api/v1/datasets/{owner}/comments").WithPath("owner", "me").WithQuery("after", continuation).SendAsync<Page>(token),
            page => page.Value.Items,
            page => page.Value.Next));

        Assert.Equal(HostileTokens.Length + 1, items);
        var requests = handler.Requests;
        Assert.All(requests, request =>
        {
            Assert.Equal("https://api.test", request.Uri.GetLeftPart(UriPartial.Authority));
            Assert.Equal("/reinfer_/api/v1/datasets/me/comments", request.Uri.AbsolutePath);
            Assert.Empty(request.Uri.Fragment);
            Assert.DoesNotContain(request.Headers.Keys, name => name.Equals("Host", StringComparison.OrdinalIgnoreCase));
        });
        Assert.Equal(string.Empty, requests[0].Uri.Query);
        for (var index = 0; index < HostileTokens.Length; index++)
        {
            var query = requests[index + 1].Uri.Query;
            var pair = Assert.Single(query.TrimStart('?').Split('&'));
            Assert.StartsWith("after=", pair, StringComparison.Ordinal);
            Assert.Equal(HostileTokens[index], Uri.UnescapeDataString(pair.Substring("after=".Length)));
        }
    }

    [Fact]
    public async Task A_hostile_token_in_the_body_is_one_JSON_string_sent_to_the_same_origin_and_path()
    {
        var handler = HostilePages();
        var connection = RestTest.Connection(handler);

        var items = await CountAsync(ContinuationPaging.EnumerateAsync<RestResponse<Page>, string>(
            null,
            (continuation, token) => connection.CreateRequest("POST", "/api/v1/datasets/{owner}/query").WithPath("owner", "me").WithJsonBody(new SearchQuery { Limit = 1 }).WithJsonBodyProperty("continuation", continuation).SendAsync<Page>(token),
            page => page.Value.Items,
            page => page.Value.Next));

        Assert.Equal(HostileTokens.Length + 1, items);
        var requests = handler.Requests;
        Assert.All(requests, request =>
        {
            Assert.Equal("https://api.test", request.Uri.GetLeftPart(UriPartial.Authority));
            Assert.Equal("/reinfer_/api/v1/datasets/me/query", request.Uri.PathAndQuery);
        });
        for (var index = 0; index < HostileTokens.Length; index++)
        {
            using var body = JsonDocument.Parse(requests[index + 1].Body!);
            Assert.Equal(HostileTokens[index], body.RootElement.GetProperty("continuation").GetString());
        }
    }
}
