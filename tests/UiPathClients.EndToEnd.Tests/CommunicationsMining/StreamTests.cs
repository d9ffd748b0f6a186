using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.Runtime.Errors;
using static UiPathClients.EndToEnd.Tests.CommunicationsMining.CommunicationsMiningHttp;

namespace UiPathClients.EndToEnd.Tests.CommunicationsMining;

/// <summary>Streams: fetch hands out the same comments until advanced; advance takes only current ids; reset moves by creation time.</summary>
public sealed class StreamTests(CommunicationsMiningSession session) : IClassFixture<CommunicationsMiningSession>
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _api = session.Api;

    [Fact]
    public async Task Fetch_repeats_its_results_until_advance_moves_past_them()
    {
        await CreateStreamAsync("consume");
        await _api.SyncAsync("consume", "inbox", Enumerable.Range(1, 5).Select(i => Comment($"c{i}", $"Message {i}", Monday.AddMinutes(i))));

        var first = await FetchAsync("consume", size: 2);
        var again = await FetchAsync("consume", size: 2);
        Assert.Equal(["c1", "c2"], ResultIds(first));
        Assert.Equal(ResultIds(first), ResultIds(again));
        Assert.Equal(first.GetProperty("sequence_id").GetString(), again.GetProperty("sequence_id").GetString());
        Assert.False(first.GetProperty("is_end_sequence").GetBoolean());
        Assert.Equal(0, first.GetProperty("filtered").GetInt32());

        var advanced = await AdvanceAsync("consume", first.GetProperty("sequence_id").GetString()!);
        Assert.Equal(first.GetProperty("sequence_id").GetString(), advanced.GetProperty("sequence_id").GetString());
        var second = await FetchAsync("consume", size: 2);
        Assert.Equal(["c3", "c4"], ResultIds(second));
        await AdvanceAsync("consume", second.GetProperty("sequence_id").GetString()!);

        var stale = await Assert.ThrowsAsync<CommunicationsMiningException>(() => AdvanceAsync("consume", first.GetProperty("sequence_id").GetString()!));
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("already advanced past it", stale.ServiceMessage);

        var last = await FetchAsync("consume", size: 2);
        Assert.Equal(["c5"], ResultIds(last));
        Assert.True(last.GetProperty("is_end_sequence").GetBoolean());
        Assert.Equal("Message 5", last.GetProperty("results")[0].GetProperty("comment").GetProperty("messages")[0].GetProperty("body").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Advancing_to_one_result_leaves_the_rest_of_the_batch_for_the_next_fetch()
    {
        await CreateStreamAsync("partial");
        await _api.SyncAsync("partial", "inbox", Enumerable.Range(1, 4).Select(i => Comment($"p{i}", $"Message {i}", Monday.AddMinutes(i))));

        var batch = await FetchAsync("partial", size: 3);
        await AdvanceAsync("partial", batch.GetProperty("results")[0].GetProperty("sequence_id").GetString()!);

        Assert.Equal(["p2", "p3", "p4"], ResultIds(await FetchAsync("partial", size: 10)));
    }

    [Fact]
    public async Task A_sequence_id_the_stream_did_not_issue_is_refused()
    {
        await CreateStreamAsync("unknown-ids");
        await _api.SyncAsync("unknown-ids", "inbox", [Comment("u1", "Hello", Monday)]);
        await FetchAsync("unknown-ids", size: 1);

        var forged = await Assert.ThrowsAsync<CommunicationsMiningException>(() => AdvanceAsync("unknown-ids", "qs8QcHIBAADJ1p3W2FtmBB3QiOJsCJlR"));
        var missing = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.PostJsonAsync("v1/datasets/unknown-ids/triage/streams/orders/advance", new { }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.StartsWith("Unknown sequence_id", forged.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal("'sequence_id' is required.", missing.ServiceMessage);
    }

    [Fact]
    public async Task A_new_stream_starts_after_the_comments_that_exist_and_reset_reaches_back()
    {
        await _api.CreateProjectSourceAndDatasetAsync("late");
        await _api.SyncAsync("late", "inbox", [Comment("old", "Before the stream", Monday)]);
        await _api.PutJsonAsync("v1/datasets/late/triage/streams", new { stream = new { name = "orders" } });

        var empty = await FetchAsync("late", size: 10);
        Assert.Empty(empty.GetProperty("results").EnumerateArray());
        Assert.True(empty.GetProperty("is_end_sequence").GetBoolean());

        await ResetAsync("late", DateTimeOffset.UnixEpoch);
        Assert.Equal(["old"], ResultIds(await FetchAsync("late", size: 10)));
    }

    [Fact]
    public async Task Reset_moves_the_stream_to_the_comments_created_from_a_time_on()
    {
        await CreateStreamAsync("rewind");
        var morning = session.Clock.GetUtcNow();
        await _api.SyncAsync("rewind", "inbox", [Comment("m1", "Morning 1", Monday), Comment("m2", "Morning 2", Monday.AddMinutes(1))]);
        session.Clock.Advance(TimeSpan.FromHours(4));
        var afternoon = session.Clock.GetUtcNow();
        await _api.SyncAsync("rewind", "inbox", [Comment("a1", "Afternoon 1", Monday.AddMinutes(2))]);
        var all = await FetchAsync("rewind", size: 10);
        await AdvanceAsync("rewind", all.GetProperty("sequence_id").GetString()!);
        Assert.Empty(ResultIds(await FetchAsync("rewind", size: 10)));

        var reset = await ResetAsync("rewind", afternoon);
        Assert.Equal("orders", reset.GetProperty("stream").GetProperty("name").GetString());
        Assert.Equal(["a1"], ResultIds(await FetchAsync("rewind", size: 10)));

        await ResetAsync("rewind", morning);
        Assert.Equal(["m1", "m2", "a1"], ResultIds(await FetchAsync("rewind", size: 10)));

        // Ids issued before a reset no longer move the stream: they could skip comments the reset brought back.
        var beforeReset = await Assert.ThrowsAsync<CommunicationsMiningException>(() => AdvanceAsync("rewind", all.GetProperty("sequence_id").GetString()!));
        Assert.Equal(HttpStatusCode.BadRequest, beforeReset.StatusCode);

        var future = await ResetAsync("rewind", afternoon.AddDays(1));
        Assert.Empty(ResultIds(await FetchAsync("rewind", size: 10)));
        await AdvanceAsync("rewind", future.GetProperty("sequence_id").GetString()!);
    }

    [Fact]
    public async Task Results_hand_out_continuations_that_advance_the_stream()
    {
        await CreateStreamAsync("results");
        await _api.SyncAsync("results", "inbox", Enumerable.Range(1, 3).Select(i => Comment($"r{i}", $"Message {i}", Monday.AddMinutes(i))));

        var page = await _api.GetJsonAsync("v1/datasets/results/triage/streams/orders/results?max_results=2");
        Assert.Equal(["r1", "r2"], page.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("comment").GetProperty("id").GetString()));
        Assert.True(page.GetProperty("more_results").GetBoolean());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("results")[0].GetProperty("prediction").ValueKind);

        await AdvanceAsync("results", page.GetProperty("continuation").GetString()!);
        var rest = await _api.GetJsonAsync("v1/datasets/results/triage/streams/orders/results?max_results=2");
        Assert.Equal(["r3"], rest.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("comment").GetProperty("id").GetString()));
        Assert.False(rest.GetProperty("more_results").GetBoolean());
    }

    [Fact]
    public async Task Streams_are_listed_updated_and_deleted_and_names_are_unique()
    {
        await CreateStreamAsync("manage");

        var duplicate = await Assert.ThrowsAsync<CommunicationsMiningException>(() =>
            _api.PutJsonAsync("v1/datasets/manage/triage/streams", new { stream = new { name = "orders" } }));
        var updated = (await _api.PostJsonAsync("v1/datasets/manage/triage/streams/orders", new { stream = new { title = "Orders", model = new { version = 3 } } })).GetProperty("stream");
        var listed = (await _api.GetJsonAsync("v1/datasets/manage/triage/streams")).GetProperty("streams");

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("Orders", updated.GetProperty("title").GetString());
        Assert.Equal(3, updated.GetProperty("model").GetProperty("version").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, updated.GetProperty("updated_at").ValueKind);
        Assert.Equal(["orders"], listed.EnumerateArray().Select(stream => stream.GetProperty("name").GetString()));
        Assert.Equal(session.Data.FindDataset("manage", "triage")!.Id, listed[0].GetProperty("dataset_id").GetString());

        await _api.DeleteJsonAsync("v1/datasets/manage/triage/streams/orders");
        var gone = await Assert.ThrowsAsync<CommunicationsMiningException>(() => FetchAsync("manage", size: 1));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty(session.Data.GetStreams("manage", "triage"));
    }

    private async Task CreateStreamAsync(string project)
    {
        await _api.CreateProjectSourceAndDatasetAsync(project);
        var created = (await _api.PutJsonAsync($"v1/datasets/{project}/triage/streams", new { stream = new { name = "orders", title = "Orders to process" } })).GetProperty("stream");
        Assert.Equal(JsonValueKind.Null, created.GetProperty("updated_at").ValueKind);
    }

    private Task<JsonElement> FetchAsync(string project, int size) =>
        _api.PostJsonAsync($"v1/datasets/{project}/triage/streams/orders/fetch", new { size });

    private Task<JsonElement> AdvanceAsync(string project, string sequenceId) =>
        _api.PostJsonAsync($"v1/datasets/{project}/triage/streams/orders/advance", new { sequence_id = sequenceId });

    private Task<JsonElement> ResetAsync(string project, DateTimeOffset to) =>
        _api.PostJsonAsync($"v1/datasets/{project}/triage/streams/orders/reset", new { to_comment_created_at = to.ToString("O", CultureInfo.InvariantCulture) });

    private static string[] ResultIds(JsonElement fetched) =>
        [.. fetched.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("comment").GetProperty("id").GetString()!)];
}
