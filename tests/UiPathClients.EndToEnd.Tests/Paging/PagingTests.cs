using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.Emulator;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Client;
using UiPathClients.Runtime.Http;

namespace UiPathClients.EndToEnd.Tests.Paging;

/// <summary>
/// Paging against Orchestrator's behaviour: no <c>@odata.nextLink</c> and <c>$top</c> capped at 1000, so
/// the client pages itself with <c>$top</c>/<c>$skip</c> through the thousands of queue items of the
/// Shared folder.
/// </summary>
[Collection(SharedEmulatorCollection.Name)]
public sealed class PagingTests(SharedEmulator session)
{
    private const string QueueItemsPath = "/odata/QueueItems";

    private IReadOnlyList<long> ServerIds => session.Emulator.Data.QueueItems.InFolder(session.SharedFolderId).Select(item => item.Id).ToList();

    [Fact]
    public async Task The_shared_folder_holds_enough_queue_items_for_several_pages()
    {
        var all = session.Emulator.Data.QueueItems.InFolder(null).Count;
        var shared = ServerIds.Count;

        Assert.Equal(60 + SharedEmulator.GeneratedQueueItems, all);
        Assert.InRange(shared, 2001, all - 1);

        // Orchestrator's shape: a full page and no next link.
        var page = await session.Shared.QueueItems.Top(1000).ToPageAsync();
        Assert.Equal(1000, page.Items.Count);
        Assert.Null(page.NextLink);
    }

    [Fact]
    public async Task Await_foreach_pages_with_skip_and_top_and_yields_every_item_once()
    {
        var expected = ServerIds;
        var log = RequestLog.Mark(session.Emulator);

        var ids = new List<long>();
        await foreach (var item in session.Shared.QueueItems)
        {
            Assert.Equal(session.SharedFolderId, item.OrganizationUnitId);
            ids.Add(item.Id);
        }

        Assert.Equal(expected.Count, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(expected, ids);
        var requests = log.Requests;
        Assert.All(requests, request => Assert.Equal(("GET", QueueItemsPath), (request.Method, request.Path())));
        Assert.Equal(ExpectedPages(expected.Count, pageSize: 1000), requests.Select(Paging));
        Assert.True(requests.Count >= 3, $"{requests.Count} requests");
        Assert.True(requests.Count(request => request.Query().ContainsKey("$skip")) >= 2);
        Assert.All(requests, request => Assert.DoesNotContain("$skiptoken", request.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CountAsync_equals_the_servers_count()
    {
        var log = RequestLog.Mark(session.Emulator);

        var count = await session.Shared.QueueItems.CountAsync();

        Assert.Equal(ServerIds.Count, count);
        Assert.Equal(QueueItemsPath + "/$count", log.Single().PathAndQuery);
    }

    [Fact]
    public async Task WithCount_and_Top_give_one_page_with_the_total()
    {
        var log = RequestLog.Mark(session.Emulator);

        var page = await session.Shared.QueueItems.WithCount().Top(10).ToPageAsync();

        Assert.Equal(ServerIds.Count, page.Count);
        Assert.Equal(ServerIds.Take(10), page.Items.Select(item => item.Id));
        Assert.Null(page.NextLink);
        var query = log.Single().Query();
        Assert.Equal("true", query["$count"]);
        Assert.Equal("10", query["$top"]);
    }

    [Fact]
    public async Task A_client_page_size_of_700_is_the_top_of_every_request()
    {
        var client = session.CreateClient(new ODataClientOptions { PageSize = 700 }).WithFolder(FolderContext.ById(session.SharedFolderId));
        var expected = ServerIds;
        var log = RequestLog.Mark(session.Emulator);

        var items = await client.QueueItems.ToListAsync();

        Assert.Equal(expected, items.Select(item => item.Id));
        Assert.Equal(ExpectedPages(expected.Count, pageSize: 700), log.Requests.Select(Paging));
        Assert.All(log.Requests, request => Assert.Equal("700", request.Query()["$top"]));
    }

    [Fact]
    public async Task A_page_size_on_the_query_overrides_the_clients()
    {
        var log = RequestLog.Mark(session.Emulator);

        var items = await session.Shared.QueueItems.PageSize(250).Top(600).ToListAsync();

        Assert.Equal(ServerIds.Take(600), items.Select(item => item.Id));
        Assert.Equal(["250/0", "250/250", "100/500"], log.Requests.Select(Paging).ToArray());
    }

    [Fact]
    public async Task Top_beyond_one_page_is_a_limit_that_asks_for_no_more_than_it_needs()
    {
        var log = RequestLog.Mark(session.Emulator);

        var items = await session.Shared.QueueItems.Top(1500).ToListAsync();

        Assert.Equal(ServerIds.Take(1500), items.Select(item => item.Id));
        Assert.Equal(["1000/0", "500/1000"], log.Requests.Select(Paging).ToArray());
    }

    [Fact]
    public async Task Every_page_request_keeps_the_filter_and_order()
    {
        var expected = session.Emulator.Data.QueueItems.InFolder(session.SharedFolderId)
            .Where(item => item.Status == Emulator.Orchestrator.Contracts.QueueItemStatus.New)
            .OrderByDescending(item => item.Id)
            .Select(item => item.Id)
            .ToList();
        Assert.True(expected.Count > 300, $"{expected.Count} new items");
        var log = RequestLog.Mark(session.Emulator);

        var items = await session.Shared.QueueItems
            .Where(q => q.Status == QueueItemStatus.New)
            .OrderByDescending(q => q.Id)
            .PageSize(300)
            .ToListAsync();

        Assert.Equal(expected, items.Select(item => item.Id));
        Assert.Equal(ExpectedPages(expected.Count, pageSize: 300), log.Requests.Select(Paging));
        Assert.All(log.Requests, request =>
        {
            Assert.Contains("Status eq", request.Query()["$filter"], StringComparison.Ordinal);
            Assert.Equal("Id desc", request.Query()["$orderby"]);
        });
    }

    /// <summary>The client's requests for <paramref name="total"/> items without next links, as <c>top/skip</c>.</summary>
    internal static IEnumerable<string> ExpectedPages(int total, int pageSize)
    {
        // A full last page is followed by one more request, which comes back empty.
        for (var skip = 0; skip <= total; skip += pageSize)
        {
            if (skip == total && total % pageSize != 0)
            {
                break;
            }

            yield return Top(pageSize, skip);
            if (total - skip < pageSize)
            {
                break;
            }
        }
    }

    internal static string Paging(RecordedRequest request)
    {
        var query = request.Query();
        return query["$top"] + "/" + (query.TryGetValue("$skip", out var skip) ? skip : "0");
    }

    private static string Top(int top, int skip) => top.ToString(CultureInfo.InvariantCulture) + "/" + skip.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Paging against a server that pages itself (ASP.NET Core OData's <c>PageSize</c>, 500 per response
/// with an <c>@odata.nextLink</c> holding a <c>$skiptoken</c>): the client follows the service's links as
/// given. Those links count down the client's <c>$top</c>, so after each 1000 items the client asks for the
/// next 1000 itself.
/// </summary>
public sealed class NextLinkPagingTests(NextLinkEmulator session) : IClassFixture<NextLinkEmulator>
{
    private IReadOnlyList<long> ServerIds => session.Emulator.Data.QueueItems.InFolder(session.SharedFolderId).Select(item => item.Id).ToList();

    [Fact]
    public async Task The_server_answers_500_items_and_a_next_link()
    {
        var page = await session.Shared.QueueItems.ToPageAsync();

        Assert.Equal(NextLinkEmulator.ServerPageSize, page.Items.Count);
        Assert.NotNull(page.NextLink);
        Assert.True(page.NextLink.IsAbsoluteUri);
        Assert.Equal(ServerIds.Take(NextLinkEmulator.ServerPageSize), page.Items.Select(item => item.Id));
    }

    [Fact]
    public async Task Await_foreach_follows_the_next_links_and_yields_every_item_once()
    {
        var expected = ServerIds;
        var first = await session.Shared.QueueItems.Top(1000).ToPageAsync();
        Assert.NotNull(first.NextLink);
        var log = RequestLog.Mark(session.Emulator);

        var ids = new List<long>();
        await foreach (var item in session.Shared.QueueItems)
        {
            ids.Add(item.Id);
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(expected, ids);

        // The first request is the client's; the next one is the service's link, verbatim.
        var requests = log.Requests;
        var sent = string.Join(" ", requests.Select(request => request.PathAndQuery));
        Assert.All(requests, request => Assert.Equal(("GET", "/odata/QueueItems"), (request.Method, request.Path())));
        Assert.Equal("/odata/QueueItems?$top=1000", requests[0].PathAndQuery);
        Assert.Equal(first.NextLink.PathAndQuery, requests[1].PathAndQuery);
        Assert.Contains("$skiptoken=", requests[1].PathAndQuery, StringComparison.Ordinal);

        // Each answer is one server page, and none is asked for twice: total / 500 requests, rounded up.
        Assert.Equal((expected.Count + NextLinkEmulator.ServerPageSize - 1) / NextLinkEmulator.ServerPageSize, requests.Count);

        // Every request is either a link the service gave (a $skiptoken, never a $skip) or, where the service's
        // links end because they count down the client's $top=1000, the client's next page from where the items ended.
        var offset = 0;
        foreach (var request in requests)
        {
            var query = request.Query();
            if (query.ContainsKey("$skiptoken"))
            {
                Assert.False(query.ContainsKey("$skip"), sent);
            }
            else
            {
                Assert.True(query["$top"] == "1000", sent);
                Assert.True(offset == (query.TryGetValue("$skip", out var skip) ? int.Parse(skip, CultureInfo.InvariantCulture) : 0), sent);
            }

            offset += Math.Min(NextLinkEmulator.ServerPageSize, expected.Count - offset);
        }

        Assert.True(requests.Count(request => request.Query().ContainsKey("$skiptoken")) >= requests.Count / 2, sent);
    }

    [Fact]
    public async Task A_limit_within_the_services_links_follows_them_and_stops()
    {
        var log = RequestLog.Mark(session.Emulator);

        var items = await session.Shared.QueueItems.Top(700).ToListAsync();

        Assert.Equal(ServerIds.Take(700), items.Select(item => item.Id));
        var requests = log.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("/odata/QueueItems?$top=700", requests[0].PathAndQuery);
        Assert.Equal("200", requests[1].Query()["$top"]);
        Assert.True(requests[1].Query().ContainsKey("$skiptoken"));
    }

    [Fact]
    public async Task Cancelling_mid_enumeration_throws_and_sends_no_further_request()
    {
        using var cancellation = new CancellationTokenSource();
        var log = RequestLog.Mark(session.Emulator);
        var seen = 0;
        var requestsAtCancel = -1;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in session.Shared.QueueItems.WithCancellation(cancellation.Token))
            {
                seen++;
                if (seen == 700)
                {
                    cancellation.Cancel();
                    requestsAtCancel = log.Requests.Count;
                }
            }
        });

        // 700 is in the second server page: two requests were made, none after the cancellation.
        Assert.Equal(2, requestsAtCancel);
        Assert.Equal(requestsAtCancel, log.Requests.Count);
        Assert.InRange(seen, 700, 2 * NextLinkEmulator.ServerPageSize);
    }

    [Fact]
    public async Task An_enumeration_cancelled_before_it_starts_sends_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var log = RequestLog.Mark(session.Emulator);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Shared.QueueItems.ToListAsync(cancellation.Token));

        Assert.Empty(log.Requests);
    }
}
