using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Paging;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Paging;

public sealed class ODataCollectionReaderTests
{
    private static IResult Page(IEnumerable<int> ids, string? nextLink = null, long? count = null)
    {
        var json = new System.Text.StringBuilder("{\"@odata.context\":\"$metadata#Jobs\"");
        if (count is not null)
        {
            json.Append(",\"@odata.count\":").Append(count);
        }

        json.Append(",\"value\":[").Append(string.Join(",", ids.Select(id => "{\"Id\":" + id + ",\"@odata.etag\":\"W/\\\"x\\\"\"}"))).Append(']');
        if (nextLink is not null)
        {
            json.Append(",\"@odata.nextLink\":\"").Append(nextLink).Append('"');
        }

        return Results.Content(json.Append('}').ToString(), "application/json");
    }

    private static HttpClient Client(LoopbackServer server) => new() { BaseAddress = server.BaseAddress };

    [Fact]
    public async Task A_page_carries_items_count_and_an_absolute_next_link()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", () => Page(new[] { 1, 2 }, nextLink: "Jobs?$skip=2", count: 40)));
        using var http = Client(server);

        var page = await ODataCollectionReader.GetPageAsync(http, new Uri("odata/Jobs?$count=true", UriKind.Relative), PagingJsonContext.Default.JobRow);

        Assert.Equal(new long[] { 1, 2 }, page.Items.Select(item => item.Id));
        Assert.Equal(40, page.Count);
        Assert.Equal(new Uri(server.BaseAddress, "odata/Jobs?$skip=2"), page.NextLink);
    }

    [Fact]
    public async Task Enumeration_follows_next_links()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", (HttpRequest request) => request.Query["page"].ToString() switch
        {
            "" => Page(new[] { 1, 2, 3 }, nextLink: "Jobs?page=2"),
            "2" => Page(new[] { 4, 5, 6 }, nextLink: "Jobs?page=3"),
            _ => Page(new[] { 7 }),
        }));
        using var http = Client(server);

        var ids = await Collect(ODataCollectionReader.EnumerateAsync(http, new Uri("odata/Jobs", UriKind.Relative), PagingJsonContext.Default.JobRow, pageSize: 3));

        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6, 7 }, ids);
        Assert.Equal(3, server.CountOf("/odata/Jobs"));
    }

    [Fact]
    public async Task Without_next_links_full_pages_continue_with_skip()
    {
        // Like Orchestrator at its $top cap: full pages and no nextLink.
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", (HttpRequest request) =>
        {
            var top = int.Parse(request.Query["$top"]!, System.Globalization.CultureInfo.InvariantCulture);
            var skip = request.Query.ContainsKey("$skip") ? int.Parse(request.Query["$skip"]!, System.Globalization.CultureInfo.InvariantCulture) : 0;
            return Page(Enumerable.Range(1, 7).Skip(skip).Take(top));
        }));
        using var http = Client(server);

        var ids = await Collect(ODataCollectionReader.EnumerateAsync(http, new Uri("odata/Jobs?$filter=State%20eq%20'Faulted'", UriKind.Relative), PagingJsonContext.Default.JobRow, pageSize: 3));

        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6, 7 }, ids);
        Assert.Equal(
            new[] { "/odata/Jobs?$filter=State%20eq%20'Faulted'&$top=3", "/odata/Jobs?$filter=State%20eq%20'Faulted'&$top=3&$skip=3", "/odata/Jobs?$filter=State%20eq%20'Faulted'&$top=3&$skip=6" },
            server.Requests.Select(request => request.PathAndQuery));
    }

    [Fact]
    public async Task A_limit_asks_for_no_more_than_it_needs()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", (HttpRequest request) =>
        {
            var top = int.Parse(request.Query["$top"]!, System.Globalization.CultureInfo.InvariantCulture);
            var skip = request.Query.ContainsKey("$skip") ? int.Parse(request.Query["$skip"]!, System.Globalization.CultureInfo.InvariantCulture) : 0;
            return Page(Enumerable.Range(1, 100).Skip(skip).Take(top));
        }));
        using var http = Client(server);

        var ids = await Collect(ODataCollectionReader.EnumerateAsync(http, new Uri("odata/Jobs", UriKind.Relative), PagingJsonContext.Default.JobRow, pageSize: 3, limit: 5));

        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, ids);
        Assert.Equal(new[] { "/odata/Jobs?$top=3", "/odata/Jobs?$top=2&$skip=3" }, server.Requests.Select(request => request.PathAndQuery));
    }

    [Fact]
    public async Task Errors_become_ODataRequestException_with_code_and_message()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", () =>
            Results.Content("{\"error\":{\"code\":\"1002\",\"message\":\"The filter is invalid.\"}}", "application/json", statusCode: 400)));
        using var http = Client(server);

        var failure = await Assert.ThrowsAsync<ODataRequestException>(() => ODataCollectionReader.GetPageAsync(http, new Uri("odata/Jobs?access_token=hidden", UriKind.Relative), PagingJsonContext.Default.JobRow));

        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.Equal("1002", failure.ErrorCode);
        Assert.Equal("The filter is invalid.", failure.ServiceMessage);
        Assert.Contains("access_token=***", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_between_pages_stops_without_another_request()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", () => Page(new[] { 1, 2 }, nextLink: "Jobs?page=2")));
        using var http = Client(server);
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in ODataCollectionReader.EnumerateAsync(http, new Uri("odata/Jobs", UriKind.Relative), PagingJsonContext.Default.JobRow, pageSize: 2, cancellationToken: cancel.Token))
            {
                cancel.Cancel();
            }
        });

        Assert.Equal(1, server.CountOf("/odata/Jobs"));
    }

    [Fact]
    public async Task Annotations_after_the_value_array_are_read_and_an_empty_array_is_an_empty_page()
    {
        using var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json("{\"value\":[{\"Id\":1,\"Extra\":{\"Nested\":[1,2]}},{\"Id\":2}],\"@odata.count\":40,\"@odata.nextLink\":\"Jobs?$skip=2\"}"),
            () => RecordingHandler.Json("{\"@odata.count\":0,\"value\":[]}"));
        using var http = handler.CreateClient();

        var page = await ODataCollectionReader.GetPageAsync(http, new Uri("odata/Jobs", UriKind.Relative), PagingJsonContext.Default.JobRow);
        var empty = await ODataCollectionReader.GetPageAsync(http, new Uri("odata/Jobs?$skip=40", UriKind.Relative), PagingJsonContext.Default.JobRow);

        Assert.Equal(new long[] { 1, 2 }, page.Items.Select(item => item.Id));
        Assert.Equal(40, page.Count);
        Assert.Equal(new Uri(RecordingHandler.BaseAddress, "odata/Jobs?$skip=2"), page.NextLink);
        Assert.Empty(empty.Items);
        Assert.Equal(0, empty.Count);
        Assert.Null(empty.NextLink);
    }

    [Fact]
    public async Task An_answer_without_value_is_not_a_collection()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs(1)", () => Results.Content("{\"Id\":1}", "application/json")));
        using var http = Client(server);

        var failure = await Assert.ThrowsAsync<ODataResponseException>(() => ODataCollectionReader.GetPageAsync(http, new Uri("odata/Jobs(1)", UriKind.Relative), PagingJsonContext.Default.JobRow));

        Assert.Contains("has no 'value' array", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/odata/Jobs(1)", failure.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(failure.InnerException);
        Assert.Equal("{\"Id\":1}", failure.ResponseBody);
    }

    [Fact]
    public async Task A_next_link_to_another_origin_is_not_followed_and_nothing_is_sent_there()
    {
        await using var elsewhere = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", () => Page(new[] { 9 })));
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", () => Page(new[] { 1, 2, 3 }, nextLink: new Uri(elsewhere.BaseAddress, "odata/Jobs?page=2").AbsoluteUri)));
        using var http = Client(server);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "secret-token");
        var ids = new List<long>();

        var failure = await Assert.ThrowsAsync<ODataResponseException>(async () =>
        {
            await foreach (var row in ODataCollectionReader.EnumerateAsync(http, new Uri("odata/Jobs", UriKind.Relative), PagingJsonContext.Default.JobRow, pageSize: 3))
            {
                ids.Add(row.Id);
            }
        });

        Assert.Contains("another origin", failure.Message, StringComparison.Ordinal);
        Assert.Contains(elsewhere.BaseAddress.GetLeftPart(UriPartial.Authority), failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", failure.Message, StringComparison.Ordinal);
        Assert.Empty(ids);
        Assert.Equal(0, elsewhere.CountOf("/odata/Jobs"));
    }

    [Fact]
    public async Task Next_links_that_go_round_in_a_circle_stop_with_an_error_instead_of_reading_forever()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", (HttpRequest request) => request.Query["page"].ToString() switch
        {
            "" or "a" => Page(new[] { 1, 2, 3 }, nextLink: "Jobs?page=b"),
            _ => Page(new[] { 4, 5, 6 }, nextLink: "Jobs?page=a"),
        }));
        using var http = Client(server);

        var failure = await Assert.ThrowsAsync<ODataResponseException>(() => Collect(ODataCollectionReader.EnumerateAsync(http, new Uri("odata/Jobs", UriKind.Relative), PagingJsonContext.Default.JobRow, pageSize: 3)));

        Assert.Contains("followed before", failure.Message, StringComparison.Ordinal);
        Assert.InRange(server.CountOf("/odata/Jobs"), 3, 4);
    }

    private static async Task<List<long>> Collect(IAsyncEnumerable<JobRow> rows)
    {
        var ids = new List<long>();
        await foreach (var row in rows)
        {
            ids.Add(row.Id);
        }

        return ids;
    }
}

public sealed class JobRow
{
    public long Id { get; set; }
}

[JsonSerializable(typeof(JobRow))]
internal sealed partial class PagingJsonContext : JsonSerializerContext;
