using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Rest;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Rest;

public sealed class ContinuationPagingTests
{
    /// <summary>A service whose pages are keyed by the token that asks for them (null: the first page).</summary>
    private sealed class Pages
    {
        private readonly Dictionary<string, Page> _pages = new(StringComparer.Ordinal);

        public Pages(params (string? Token, string[] Items, string? Next)[] pages)
        {
            foreach (var (token, items, next) in pages)
            {
                _pages[token ?? string.Empty] = new Page { Items = items, Next = next };
            }
        }

        public List<string?> Requested { get; } = new();

        public Task<Page> FetchAsync(string? token, CancellationToken cancellationToken)
        {
            Requested.Add(token);
            return Task.FromResult(_pages.TryGetValue(token ?? string.Empty, out var page)
                ? page
                : throw new InvalidOperationException($"The test has no page for token '{token}'."));
        }

        public IAsyncEnumerable<string> Enumerate(string? firstToken = null, CancellationToken cancellationToken = default) =>
            ContinuationPaging.EnumerateAsync<Page, string>(firstToken, FetchAsync, page => page.Items, page => page.Next, cancellationToken);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task Every_item_of_every_page_comes_in_order()
    {
        var pages = new Pages((null, new[] { "a", "b" }, "p2"), ("p2", new[] { "c" }, "p3"), ("p3", new[] { "d", "e" }, null));

        var items = await ToListAsync(pages.Enumerate());

        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, items);
        Assert.Equal(new[] { null, "p2", "p3" }, pages.Requested);
    }

    [Fact]
    public async Task The_next_page_is_requested_only_when_the_previous_one_is_consumed()
    {
        var pages = new Pages((null, new[] { "a", "b" }, "p2"), ("p2", new[] { "c" }, null));
        await using var enumerator = pages.Enumerate().GetAsyncEnumerator();

        Assert.Empty(pages.Requested);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("b", enumerator.Current);
        Assert.Equal(new string?[] { null }, pages.Requested);

        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("c", enumerator.Current);
        Assert.Equal(new[] { null, "p2" }, pages.Requested);
        Assert.False(await enumerator.MoveNextAsync());
    }

    [Fact]
    public async Task Stopping_early_requests_no_further_page()
    {
        var pages = new Pages((null, new[] { "a", "b" }, "p2"));

        await foreach (var item in pages.Enumerate())
        {
            Assert.Equal("a", item);
            break;
        }

        Assert.Equal(new string?[] { null }, pages.Requested);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_null_or_empty_token_ends_the_enumeration(string? last)
    {
        var pages = new Pages((null, new[] { "a" }, "p2"), ("p2", new[] { "b" }, last));

        Assert.Equal(new[] { "a", "b" }, await ToListAsync(pages.Enumerate()));
        Assert.Equal(2, pages.Requested.Count);
    }

    [Fact]
    public async Task A_page_without_items_is_skipped_but_followed()
    {
        var pages = new Pages((null, Array.Empty<string>(), "p2"), ("p2", new[] { "b" }, null));

        Assert.Equal(new[] { "b" }, await ToListAsync(pages.Enumerate()));
    }

    [Fact]
    public async Task A_page_whose_items_are_null_is_skipped_but_followed()
    {
        var requested = 0;
        var items = ContinuationPaging.EnumerateAsync<Page, string>(
            null,
            (token, _) => Task.FromResult(requested++ == 0 ? new Page { Items = null, Next = "p2" } : new Page { Items = new[] { "b" } }),
            page => page.Items,
            page => page.Next);

        Assert.Equal(new[] { "b" }, await ToListAsync(items));
    }

    [Fact]
    public async Task The_enumeration_starts_at_the_first_token_given()
    {
        var pages = new Pages(("p2", new[] { "c" }, null));

        Assert.Equal(new[] { "c" }, await ToListAsync(pages.Enumerate("p2")));
        Assert.Equal(new[] { "p2" }, pages.Requested);
    }

    [Fact]
    public async Task A_token_answered_with_itself_is_an_InvalidOperationException_after_the_pages_items()
    {
        var pages = new Pages((null, new[] { "a" }, "p2"), ("p2", new[] { "b" }, "p2"));
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in pages.Enumerate())
            {
                seen.Add(item);
            }
        });

        Assert.Contains("'p2'", error.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "a", "b" }, seen);
        Assert.Equal(new[] { null, "p2" }, pages.Requested);
    }

    [Fact]
    public async Task Cancelling_between_pages_stops_before_the_next_request()
    {
        using var cancellation = new CancellationTokenSource();
        var pages = new Pages((null, new[] { "a", "b" }, "p2"), ("p2", new[] { "c" }, null));
        var seen = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in pages.Enumerate(cancellationToken: cancellation.Token))
            {
                seen.Add(item);
                if (item == "b")
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(new[] { "a", "b" }, seen);
        Assert.Equal(new string?[] { null }, pages.Requested);
    }

    [Fact]
    public async Task WithCancellation_reaches_the_page_requests()
    {
        using var cancellation = new CancellationTokenSource();
        var tokens = new List<CancellationToken>();
        var items = ContinuationPaging.EnumerateAsync<Page, string>(
            null,
            (_, token) =>
            {
                tokens.Add(token);
                return Task.FromResult(new Page { Items = new[] { "a" } });
            },
            page => page.Items,
            page => page.Next);

        await foreach (var _ in items.WithCancellation(cancellation.Token))
        {
        }

        cancellation.Cancel();
        Assert.True(Assert.Single(tokens).IsCancellationRequested);
    }

    [Fact]
    public async Task A_cancelled_token_requests_nothing()
    {
        var pages = new Pages((null, new[] { "a" }, null));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ToListAsync(pages.Enumerate(cancellationToken: new CancellationToken(canceled: true))));

        Assert.Empty(pages.Requested);
    }

    [Fact]
    public async Task Null_delegates_are_refused_when_enumerated()
    {
        var pages = new Pages();

        await Assert.ThrowsAsync<ArgumentNullException>(() => ToListAsync(ContinuationPaging.EnumerateAsync<Page, string>(null, null!, page => page.Items, page => page.Next)));
        await Assert.ThrowsAsync<ArgumentNullException>(() => ToListAsync(ContinuationPaging.EnumerateAsync<Page, string>(null, pages.FetchAsync, null!, page => page.Next)));
        await Assert.ThrowsAsync<ArgumentNullException>(() => ToListAsync(ContinuationPaging.EnumerateAsync<Page, string>(null, pages.FetchAsync, page => page.Items, null!)));
    }

    [Fact]
    public async Task Paging_a_JSON_body_sends_each_token_in_the_body_and_leaves_the_query_object_alone()
    {
        // The generated shape: one request per page, built from the caller's query with the token set on the body.
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json("{\"items\":[\"a\"],\"next\":\"t2\"}"),
            () => RecordingHandler.Json("{\"items\":[\"b\"],\"next\":null}"));
        var connection = RestTest.Connection(handler);
        var query = new SearchQuery { Filter = "x", ContinuationToken = "ignored" };

        var items = await ToListAsync(ContinuationPaging.EnumerateAsync<RestResponse<Page>, string>(
            null,
            (continuation, token) => connection.CreateRequest("POST", "/api/v1/query").WithJsonBody(query).WithJsonBodyProperty("continuation", continuation).SendAsync<Page>(token),
            page => page.Value.Items,
            page => page.Value.Next));

        Assert.Equal(new[] { "a", "b" }, items);
        Assert.Equal(new[] { "{\"filter\":\"x\"}", "{\"filter\":\"x\",\"continuation\":\"t2\"}" }, handler.Requests.Select(request => request.Body));
        Assert.Equal("ignored", query.ContinuationToken);
        Assert.All(handler.Requests, request => Assert.Equal("POST", request.Method.Method));
    }

    [Fact]
    public async Task An_error_on_a_later_page_surfaces_after_the_earlier_items()
    {
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json("{\"items\":[\"a\"],\"next\":\"t2\"}"),
            () => RecordingHandler.Text("down", "text/plain", HttpStatusCode.ServiceUnavailable));
        var connection = RestTest.Connection(handler);
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<RestApiException>(async () =>
        {
            await foreach (var item in ContinuationPaging.EnumerateAsync<RestResponse<Page>, string>(
                null,
                (continuation, token) => connection.CreateRequest("GET", "/api/v1/items").WithQuery("after", continuation).SendAsync<Page>(token),
                page => page.Value.Items,
                page => page.Value.Next))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(new[] { "a" }, seen);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(new[] { "api/v1/items", "api/v1/items?after=t2" }, handler.Requests.Select(RestTest.Sent));
    }

    [Fact]
    public async Task A_token_given_before_stops_the_enumeration_instead_of_going_round_forever()
    {
        var pages = new Pages((null, new[] { "a" }, "p2"), ("p2", new[] { "b" }, "p3"), ("p3", new[] { "c" }, "p2"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ToListAsync(pages.Enumerate()));

        Assert.Contains("'p2', which it gave before", failure.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { null, "p2", "p3" }, pages.Requested);
    }

    [Fact]
    public async Task Endless_new_tokens_stop_after_MaxPages()
    {
        var requested = 0;
        Task<int> Fetch(string? token, CancellationToken cancellationToken)
        {
            // A guard of the test's own, far above the runtime's, so that a missing limit fails instead of hanging.
            Assert.True(++requested <= ContinuationPaging.MaxPages + 10, "The enumeration went on past every guard.");
            return Task.FromResult(requested);
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ToListAsync(
            ContinuationPaging.EnumerateAsync<int, int>(null, Fetch, page => new[] { page }, page => "token-" + page)));

        Assert.Equal(ContinuationPaging.MaxPages, requested);
        Assert.Contains("at most 100000 pages are read", failure.Message, StringComparison.Ordinal);
    }
}
