using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Web;
using UiPathClients.Runtime.Client;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Metadata;
using UiPathClients.Runtime.Querying;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Client;

/// <summary>Enumerating, one page, count and first through an entity set client, against a recording handler.</summary>
public sealed class ODataQueryPagingTests
{
    internal static string Page(IEnumerable<long> ids, string? nextLink = null, string? count = null)
    {
        var json = new System.Text.StringBuilder("{\"@odata.context\":\"https://cloud.test/org/tenant/orchestrator_/odata/$metadata#WorkItems\"");
        if (count is not null)
        {
            json.Append(",\"@odata.count\":").Append(count);
        }

        json.Append(",\"value\":[")
            .Append(string.Join(",", ids.Select(id => "{\"@odata.etag\":\"W/\\\"" + id + "\\\"\",\"Id\":" + id + ",\"Title\":\"t" + id + "\"}")))
            .Append(']');
        if (nextLink is not null)
        {
            json.Append(",\"@odata.nextLink\":\"").Append(nextLink).Append('"');
        }

        return json.Append('}').ToString();
    }

    /// <summary>A server over items 1..<paramref name="total"/> that honours $top and $skip and never sends next links.</summary>
    private static RecordingHandler SkipTopServer(int total) => new(request =>
    {
        var query = HttpUtility.ParseQueryString(request.Uri.Query);
        var top = int.Parse(query["$top"] ?? "1000", CultureInfo.InvariantCulture);
        var skip = int.Parse(query["$skip"] ?? "0", CultureInfo.InvariantCulture);
        return RecordingHandler.Json(Page(Enumerable.Range(1, total).Skip(skip).Take(top).Select(id => (long)id)));
    });

    // Takes the query itself, not IAsyncEnumerable<T>: await foreach binds to the query's own GetAsyncEnumerator.
    private static async Task<List<long>> Ids(ODataQuery<WorkItem, WorkItemFilter> items)
    {
        var ids = new List<long>();
        await foreach (var item in items)
        {
            ids.Add(item.Id);
        }

        return ids;
    }

    [Fact]
    public async Task Endless_distinct_next_links_stop_at_MaxPages_with_an_ODataResponseException()
    {
        var handler = new RecordingHandler(request =>
        {
            var page = int.Parse(HttpUtility.ParseQueryString(request.Uri.Query)["page"] ?? "1", CultureInfo.InvariantCulture);
            Assert.True(page <= 50, "The enumeration went on past every guard.");
            return RecordingHandler.Json(Page(new long[] { page }, nextLink: "WorkItems?page=" + (page + 1)));
        });
        using var http = handler.CreateClient();

        var failure = await Assert.ThrowsAsync<ODataResponseException>(() => Ids(new TestServiceClient(http, new ODataClientOptions { MaxPages = 5 }).WorkItems));

        Assert.Equal(5, handler.Requests.Count);
        Assert.Contains("at most 5 pages are read (ODataClientOptions.MaxPages)", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("WorkItems?page=6", failure.RequestUri, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxPages_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TestServiceClient(new HttpClient { BaseAddress = RecordingHandler.BaseAddress }, new ODataClientOptions { MaxPages = 0 }));

    [Fact]
    public async Task Enumeration_follows_absolute_and_relative_next_links()
    {
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json(Page(new long[] { 1, 2 }, nextLink: "https://cloud.test/org/tenant/orchestrator_/odata/WorkItems?$skiptoken=2")),
            () => RecordingHandler.Json(Page(new long[] { 3, 4 }, nextLink: "WorkItems?$skiptoken=4")),
            () => RecordingHandler.Json(Page(new long[] { 5 })));
        using var http = handler.CreateClient();

        var ids = await Ids(new TestServiceClient(http).WorkItems.Where(w => w.IsDone));

        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, ids);
        Assert.Equal(
            new[] { "odata/WorkItems?$filter=done&$top=1000", "odata/WorkItems?$skiptoken=2", "odata/WorkItems?$skiptoken=4" },
            handler.Requests.Select(request => request.RelativeUri));
        Assert.All(handler.Requests, request => Assert.Equal(HttpMethod.Get, request.Method));
    }

    [Fact]
    public async Task Server_pages_that_split_a_requested_page_continue_with_skip_once_the_page_is_complete()
    {
        // ASP.NET Core OData with a server page size of 2 answers $top=3 with 2 items and a next link for the
        // last one, and that link carries no further next link: the client must resume with $skip itself.
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json(Page(new long[] { 1, 2 }, nextLink: "WorkItems?$top=1&$skiptoken=2")),
            () => RecordingHandler.Json(Page(new long[] { 3 })),
            () => RecordingHandler.Json(Page(new long[] { 4, 5 }, nextLink: "WorkItems?$top=1&$skiptoken=5")),
            () => RecordingHandler.Json(Page(System.Array.Empty<long>())));
        using var http = handler.CreateClient();

        var ids = await Ids(new TestServiceClient(http).WorkItems.PageSize(3));

        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, ids);
        Assert.Equal(
            new[] { "odata/WorkItems?$top=3", "odata/WorkItems?$top=1&$skiptoken=2", "odata/WorkItems?$top=3&$skip=3", "odata/WorkItems?$top=1&$skiptoken=5" },
            handler.Requests.Select(request => request.RelativeUri));
    }

    [Fact]
    public async Task Without_next_links_a_full_page_continues_with_skip_and_a_short_page_ends()
    {
        var handler = SkipTopServer(total: 5);
        using var http = handler.CreateClient();

        var ids = await Ids(new TestServiceClient(http).WorkItems.OrderBy(w => w.Id).PageSize(2));

        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, ids);
        Assert.Equal(
            new[] { "odata/WorkItems?$orderby=Id&$top=2", "odata/WorkItems?$orderby=Id&$top=2&$skip=2", "odata/WorkItems?$orderby=Id&$top=2&$skip=4" },
            handler.Requests.Select(request => request.RelativeUri));
    }

    [Fact]
    public async Task When_the_last_full_page_ends_the_set_one_empty_page_ends_enumeration()
    {
        var handler = SkipTopServer(total: 4);
        using var http = handler.CreateClient();

        var ids = await Ids(new TestServiceClient(http).WorkItems.PageSize(2));

        Assert.Equal(new long[] { 1, 2, 3, 4 }, ids);
        Assert.Equal(
            new[] { "odata/WorkItems?$top=2", "odata/WorkItems?$top=2&$skip=2", "odata/WorkItems?$top=2&$skip=4" },
            handler.Requests.Select(request => request.RelativeUri));
    }

    [Fact]
    public async Task A_short_page_without_next_link_is_the_last()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json(Page(new long[] { 1, 2 })));
        using var http = handler.CreateClient();

        var ids = await Ids(new TestServiceClient(http).WorkItems.PageSize(3));

        Assert.Equal(new long[] { 1, 2 }, ids);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task The_page_size_comes_from_the_options_unless_the_query_sets_one()
    {
        var handler = SkipTopServer(total: 0);
        using var http = handler.CreateClient();
        var client = new TestServiceClient(http, new ODataClientOptions { PageSize = 250 });

        await Ids(client.WorkItems);
        await Ids(client.WorkItems.PageSize(7));
        await Ids(client.WorkItems.PageSize(7).Where(w => w.IsDone));

        Assert.Equal(
            new[] { "odata/WorkItems?$top=250", "odata/WorkItems?$top=7", "odata/WorkItems?$filter=done&$top=7" },
            handler.Requests.Select(request => request.RelativeUri));
    }

    [Fact]
    public async Task Top_limits_enumeration_across_pages_and_Skip_is_the_start()
    {
        var handler = SkipTopServer(total: 100);
        using var http = handler.CreateClient();
        var items = new TestServiceClient(http).WorkItems;

        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, await Ids(items.Top(5).PageSize(2)));
        Assert.Equal(new long[] { 11, 12, 13, 14 }, await Ids(items.Skip(10).Top(4).PageSize(3)));

        Assert.Equal(
            new[]
            {
                "odata/WorkItems?$top=2", "odata/WorkItems?$top=2&$skip=2", "odata/WorkItems?$top=1&$skip=4",
                "odata/WorkItems?$top=3&$skip=10", "odata/WorkItems?$top=1&$skip=13",
            },
            handler.Requests.Select(request => request.RelativeUri));
    }

    [Fact]
    public async Task Top_stops_following_next_links_once_reached()
    {
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json(Page(new long[] { 1, 2, 3 }, nextLink: "WorkItems?$skiptoken=3")),
            () => RecordingHandler.Json(Page(new long[] { 4, 5, 6 }, nextLink: "WorkItems?$skiptoken=6")));
        using var http = handler.CreateClient();

        var ids = await Ids(new TestServiceClient(http).WorkItems.Top(4));

        Assert.Equal(new long[] { 1, 2, 3, 4 }, ids);
        Assert.Equal(new[] { "odata/WorkItems?$top=4", "odata/WorkItems?$skiptoken=3" }, handler.Requests.Select(request => request.RelativeUri));
    }

    [Fact]
    public async Task Top_zero_enumerates_nothing_and_sends_nothing()
    {
        var handler = RecordingHandler.Sequence();
        using var http = handler.CreateClient();

        Assert.Empty(await Ids(new TestServiceClient(http).WorkItems.Top(0)));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task ToListAsync_reads_every_page()
    {
        var handler = SkipTopServer(total: 7);
        using var http = handler.CreateClient();

        var items = await new TestServiceClient(http).WorkItems.PageSize(3).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 7).Select(id => (long)id), items.Select(item => item.Id));
        Assert.Equal("t7", items[6].Title);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_mid_enumeration_throws_and_sends_no_further_request()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(Page(new long[] { 1, 2, 3 }, nextLink: "WorkItems?$skiptoken=3")));
        using var http = handler.CreateClient();
        using var cancellation = new CancellationTokenSource();
        var seen = new List<long>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in new TestServiceClient(http).WorkItems.WithCancellation(cancellation.Token))
            {
                seen.Add(item.Id);
                if (item.Id == 2)
                {
                    cancellation.Cancel();
                }
            }
        });

        // Items of the page already read may still be handed out; no request follows the cancellation.
        Assert.Single(handler.Requests);
        Assert.Equal(new long[] { 1, 2 }, seen.Take(2));
        Assert.True(seen.Count <= 3, "only items of the first page were seen");
    }

    [Fact]
    public async Task Cancelling_at_a_page_boundary_sends_no_further_request()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(Page(new long[] { 1, 2 }, nextLink: "WorkItems?$skiptoken=2")));
        using var http = handler.CreateClient();
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            // As LINQ-style consumers do: the token goes to GetAsyncEnumerator.
            await using var enumerator = new TestServiceClient(http).WorkItems.GetAsyncEnumerator(cancellation.Token);
            while (await enumerator.MoveNextAsync())
            {
                if (enumerator.Current.Id == 2)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancelling_during_a_request_aborts_it()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new RecordingHandler(async (_, cancellationToken) =>
        {
            arrived.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        using var http = handler.CreateClient();
        using var cancellation = new CancellationTokenSource();

        var reading = new TestServiceClient(http).WorkItems.ToListAsync(cancellation.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_cancelled_token_sends_nothing()
    {
        var handler = RecordingHandler.Sequence();
        using var http = handler.CreateClient();
        var items = new TestServiceClient(http).WorkItems;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => items.ToListAsync(new CancellationToken(canceled: true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => items.ToPageAsync(new CancellationToken(canceled: true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => items.CountAsync(new CancellationToken(canceled: true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => items[1].GetAsync(new CancellationToken(canceled: true)));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task ToPageAsync_exposes_the_count_the_next_link_and_the_items()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json(Page(new long[] { 1, 2 }, nextLink: "WorkItems?$count=true&$top=2&$skip=2", count: "42")));
        using var http = handler.CreateClient();

        var page = await new TestServiceClient(http).WorkItems.WithCount().Top(2).ToPageAsync();

        Assert.Equal("odata/WorkItems?$top=2&$count=true", Assert.Single(handler.Requests).RelativeUri);
        Assert.Equal(42, page.Count);
        Assert.Equal(new Uri("https://cloud.test/org/tenant/orchestrator_/odata/WorkItems?$count=true&$top=2&$skip=2"), page.NextLink);
        Assert.Equal(new long[] { 1, 2 }, page.Items.Select(item => item.Id));
        Assert.Equal("W/\"2\"", page.Items[1].GetETag());
    }

    [Fact]
    public async Task A_page_without_count_or_next_link_has_neither()
    {
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json(Page(new long[] { 1 })),
            () => RecordingHandler.Json(Page(Array.Empty<long>(), count: "\"7\"")));
        using var http = handler.CreateClient();
        var items = new TestServiceClient(http).WorkItems;

        var page = await items.ToPageAsync();
        var countedAsString = await items.WithCount().ToPageAsync();

        Assert.Null(page.Count);
        Assert.Null(page.NextLink);
        Assert.Equal(7, countedAsString.Count);
        Assert.Empty(countedAsString.Items);
    }

    [Fact]
    public async Task CountAsync_asks_the_count_segment_with_the_filter_only()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Text("\uFEFF42\r\n", "text/plain"));
        using var http = handler.CreateClient();
        var items = new TestServiceClient(http).WorkItems;

        Assert.Equal(42, await items.CountAsync());
        Assert.Equal(42, await items.Where(w => w.Title == "a b").OrderBy(w => w.Id).Select(w => w.Id).Expand(w => w.Owner).Top(5).Skip(3).WithCount().CountAsync());
        Assert.Equal(42, await items.Where(w => w.IsDone).Search("blue").CountAsync());

        Assert.Equal(
            new[] { "odata/WorkItems/$count", "odata/WorkItems/$count?$filter=Title%20eq%20%27a%20b%27", "odata/WorkItems/$count?$filter=done&$search=blue" },
            handler.Requests.Select(request => request.RelativeUri));
    }

    [Fact]
    public async Task CountAsync_refuses_an_answer_that_is_not_a_number()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Text("{\"value\":3}", "application/json"));
        using var http = handler.CreateClient();

        var failure = await Assert.ThrowsAsync<ODataResponseException>(() => new TestServiceClient(http).WorkItems.CountAsync());

        Assert.Equal("https://cloud.test/org/tenant/orchestrator_/odata/WorkItems/$count", failure.RequestUri);
        Assert.Contains("odata/WorkItems/$count", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstOrDefaultAsync_asks_for_one_item_and_returns_it_or_null()
    {
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json(Page(new long[] { 9 })),
            () => RecordingHandler.Json(Page(Array.Empty<long>())));
        using var http = handler.CreateClient();
        var query = new TestServiceClient(http).WorkItems.Where(w => w.IsDone).OrderByDescending(w => w.Id).Skip(4);

        var first = await query.FirstOrDefaultAsync();
        var none = await query.Top(10).FirstOrDefaultAsync();

        Assert.Equal(9, first!.Id);
        Assert.Null(none);
        Assert.Equal(
            new[] { "odata/WorkItems?$filter=done&$orderby=Id%20desc&$top=1&$skip=4", "odata/WorkItems?$filter=done&$orderby=Id%20desc&$top=1&$skip=4" },
            handler.Requests.Select(request => request.RelativeUri));
    }

    [Fact]
    public async Task FirstOrDefaultAsync_of_an_empty_Top_is_null()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(Page(new long[] { 1 })));
        using var http = handler.CreateClient();

        Assert.Null(await new TestServiceClient(http).WorkItems.Top(0).FirstOrDefaultAsync());
        Assert.Empty(handler.Requests);
    }
}
