using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.Runtime.Errors;
using static UiPathClients.EndToEnd.Tests.CommunicationsMining.CommunicationsMiningHttp;

namespace UiPathClients.EndToEnd.Tests.CommunicationsMining;

/// <summary>Comments: sync upserts by id, read and delete by id, list with continuation paging.</summary>
public sealed class CommentTests(CommunicationsMiningSession session) : IClassFixture<CommunicationsMiningSession>
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _api = session.Api;

    [Fact]
    public async Task Syncing_the_same_ids_again_updates_them_instead_of_adding_duplicates()
    {
        await _api.CreateProjectSourceAndDatasetAsync("upserts");
        var syncedAt = session.Clock.GetUtcNow();
        var first = await _api.SyncAsync("upserts", "inbox",
        [
            Comment("a", "Where is my refund?", Monday),
            Comment("b", "Please close my account.", Monday.AddMinutes(1)),
            Comment("c", "Thanks for the help.", Monday.AddMinutes(2)),
        ]);
        session.Clock.Advance(TimeSpan.FromHours(1));

        var second = await _api.SyncAsync("upserts", "inbox",
        [
            Comment("a", "Where is my refund? It has been two weeks.", Monday),
            Comment("b", "Please close my account.", Monday.AddMinutes(1), country: "de"),
            Comment("c", "Thanks for the help.", Monday.AddMinutes(2)),
            Comment("d", "New address attached.", Monday.AddMinutes(3)),
        ]);

        AssertCounts(first, created: 3, updated: 0, textChanged: 0, propertiesOnly: 0, unchanged: 0);
        AssertCounts(second, created: 1, updated: 2, textChanged: 1, propertiesOnly: 1, unchanged: 1);
        var held = session.Data.GetComments("upserts", "inbox");
        Assert.Equal(["a", "b", "c", "d"], held.Select(comment => comment.Id));

        var a = (await _api.GetJsonAsync("v1/sources/upserts/inbox/comments/a")).GetProperty("comment");
        Assert.Equal("Where is my refund? It has been two weeks.", a.GetProperty("messages")[0].GetProperty("body").GetProperty("text").GetString());
        Assert.Equal($"{held[0].SourceId}.a", a.GetProperty("uid").GetString());
        Assert.Equal(syncedAt, DateTimeOffset.Parse(a.GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(session.Clock.GetUtcNow(), DateTimeOffset.Parse(a.GetProperty("last_modified").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Monday, DateTimeOffset.Parse(a.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var b = (await _api.GetJsonAsync("v1/sources/upserts/inbox/comments/b")).GetProperty("comment");
        Assert.Equal("de", b.GetProperty("user_properties").GetProperty("string:Country").GetString());
        Assert.Equal(syncedAt, held.Single(comment => comment.Id == "c").LastModified);
    }

    [Fact]
    public async Task A_sync_that_is_not_valid_changes_nothing()
    {
        await _api.CreateProjectSourceAndDatasetAsync("invalid-syncs");

        var noId = await Assert.ThrowsAsync<CommunicationsMiningException>(() =>
            _api.PostJsonAsync("v1/sources/invalid-syncs/inbox/sync", new { comments = new object[] { Comment("ok", "fine", Monday), new { timestamp = "2026-01-01T00:00:00Z" } } }));
        var duplicate = await Assert.ThrowsAsync<CommunicationsMiningException>(() =>
            _api.SyncAsync("invalid-syncs", "inbox", [Comment("x", "one", Monday), Comment("x", "two", Monday)]));
        var badTime = await Assert.ThrowsAsync<CommunicationsMiningException>(() =>
            _api.PostJsonAsync("v1/sources/invalid-syncs/inbox/sync", new { comments = new[] { new { id = "t", timestamp = "yesterday" } } }));
        var noSource = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.SyncAsync("invalid-syncs", "outbox", [Comment("y", "one", Monday)]));

        Assert.All([noId, duplicate, badTime], error => Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode));
        Assert.Equal("'comments[1].id' is required.", noId.ServiceMessage);
        Assert.Contains("comments[0].timestamp", badTime.ServiceMessage);
        Assert.Equal(HttpStatusCode.NotFound, noSource.StatusCode);
        Assert.Empty(session.Data.GetComments("invalid-syncs", "inbox"));
    }

    [Fact]
    public async Task Paging_with_continuation_returns_every_comment_once_in_timestamp_order()
    {
        const int Total = 300;
        await _api.CreateProjectSourceAndDatasetAsync("paging");
        // Synced newest first, in three requests, so the order the API returns is its own, not the upload's.
        var comments = Enumerable.Range(0, Total).Reverse().Select(i => Comment($"m{i:D3}", $"Message {i}", Monday.AddMinutes(i))).ToList();
        foreach (var chunk in comments.Chunk(100))
        {
            await _api.SyncAsync("paging", "inbox", chunk);
        }

        var seen = new List<string>();
        var continuations = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await _api.GetJsonAsync("v1/sources/paging/inbox/comments?limit=64" + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after)));
            pages++;
            seen.AddRange(page.GetProperty("comments").Ids());
            after = page.TryGetProperty("continuation", out var continuation) ? continuation.GetString() : null;
            if (after is not null)
            {
                continuations.Add(after);
            }
        }
        while (after is not null && pages < 20);

        Assert.Equal(5, pages);
        Assert.Equal(4, continuations.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, Total).Select(i => $"m{i:D3}"), seen);
    }

    [Fact]
    public async Task Paging_respects_direction_and_the_timestamp_window()
    {
        await _api.CreateProjectSourceAndDatasetAsync("windows");
        await _api.SyncAsync("windows", "inbox", Enumerable.Range(0, 10).Select(i => Comment($"w{i}", $"Message {i}", Monday.AddHours(i))));

        var from = Uri.EscapeDataString(Monday.AddHours(2).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(Monday.AddHours(7).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var first = await _api.GetJsonAsync($"_private/sources/windows/inbox/comments?direction=descending&limit=3&from_timestamp={from}&to_timestamp={to}");
        var second = await _api.GetJsonAsync($"_private/sources/windows/inbox/comments?direction=descending&limit=3&from_timestamp={from}&to_timestamp={to}&after={first.GetProperty("continuation").GetString()}");

        Assert.Equal(["w6", "w5", "w4"], first.GetProperty("comments").Ids());
        Assert.Equal(["w3", "w2"], second.GetProperty("comments").Ids());
        Assert.False(second.TryGetProperty("continuation", out _));
    }

    [Fact]
    public async Task A_continuation_the_api_did_not_issue_is_a_bad_request()
    {
        await _api.CreateProjectSourceAndDatasetAsync("tokens");

        var forged = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.GetJsonAsync("v1/sources/tokens/inbox/comments?after=not-a-token"));
        var limit = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.GetJsonAsync("v1/sources/tokens/inbox/comments?limit=0"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("'after'", forged.ServiceMessage);
        Assert.Equal(HttpStatusCode.BadRequest, limit.StatusCode);
    }

    [Fact]
    public async Task Comments_are_deleted_by_id_and_ids()
    {
        await _api.CreateProjectSourceAndDatasetAsync("removals");
        await _api.SyncAsync("removals", "inbox", Enumerable.Range(0, 5).Select(i => Comment($"r{i}", $"Message {i}", Monday.AddMinutes(i))));

        await _api.DeleteJsonAsync("v1/sources/removals/inbox/comments?id=r0&id=r1");
        await _api.DeleteJsonAsync("v1/sources/removals/inbox/comments?ids=r2,r3,unknown");

        var missing = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.GetJsonAsync("v1/sources/removals/inbox/comments/r0"));
        var none = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.DeleteJsonAsync("v1/sources/removals/inbox/comments"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(["r4"], session.Data.GetComments("removals", "inbox").Select(comment => comment.Id));
        Assert.Equal(["r4"], (await _api.GetJsonAsync("v1/sources/removals/inbox/comments")).GetProperty("comments").Ids());
    }

    private static void AssertCounts(JsonElement response, int created, int updated, int textChanged, int propertiesOnly, int unchanged)
    {
        Assert.Equal(
            (created, updated, textChanged, propertiesOnly, unchanged),
            (response.GetProperty("new").GetInt32(), response.GetProperty("updated").GetInt32(), response.GetProperty("updated_text_changed").GetInt32(),
             response.GetProperty("updated_properties_only").GetInt32(), response.GetProperty("unchanged").GetInt32()));
    }
}
