using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.Emulator.Identity;
using UiPathClients.Runtime.Errors;
using static UiPathClients.EndToEnd.Tests.CommunicationsMining.CommunicationsMiningHttp;

namespace UiPathClients.EndToEnd.Tests.CommunicationsMining;

/// <summary>
/// <c>exportDataset</c>: the comments of a dataset's sources in the order they were first synced, a page at a
/// time, resumed with the <c>continuation</c> the previous page returned.
/// </summary>
public sealed class ExportTests(CommunicationsMiningSession session) : IClassFixture<CommunicationsMiningSession>
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _api = session.Api;

    [Fact]
    public async Task Paging_returns_every_comment_of_the_dataset_once_in_sync_order_while_comments_are_synced_between_pages()
    {
        var (a, b) = await CreateDatasetOverTwoSourcesAsync("exports");
        await _api.PutJsonAsync("v1/sources/exports/elsewhere", new { source = new { title = "Not in the dataset" } });
        await _api.SyncAsync("exports", "elsewhere", [Comment("x0", "Not exported", Monday)]);
        // Four syncs across both sources; timestamps run backwards so the order is the sync's, not the comments' own.
        await _api.SyncAsync("exports", "a", Enumerable.Range(0, 20).Select(i => Comment($"a{i:D2}", $"A {i}", Monday.AddMinutes(-i))));
        await _api.SyncAsync("exports", "b", Enumerable.Range(0, 20).Select(i => Comment($"b{i:D2}", $"B {i}", Monday.AddMinutes(-100 - i))));
        await _api.SyncAsync("exports", "a", Enumerable.Range(20, 15).Select(i => Comment($"a{i:D2}", $"A {i}", Monday.AddMinutes(-i))));
        await _api.SyncAsync("exports", "b", Enumerable.Range(20, 15).Select(i => Comment($"b{i:D2}", $"B {i}", Monday.AddMinutes(-100 - i))));
        var expected = Enumerable.Range(0, 20).Select(i => $"{a}.a{i:D2}")
            .Concat(Enumerable.Range(0, 20).Select(i => $"{b}.b{i:D2}"))
            .Concat(Enumerable.Range(20, 15).Select(i => $"{a}.a{i:D2}"))
            .Concat(Enumerable.Range(20, 15).Select(i => $"{b}.b{i:D2}"))
            .ToList();

        var seen = new List<string>();
        var continuations = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            // Alternate the two base paths: the token is the dataset's, not the route's.
            var http = pages % 2 == 0 ? _api : session.BareApi;
            var page = await http.PostJsonAsync("v1/datasets/exports/triage/export", new { limit = 25, continuation });
            pages++;
            seen.AddRange(page.GetProperty("comments").EnumerateArray().Select(exported => exported.GetProperty("comment").GetProperty("uid").GetString()!));
            continuation = page.TryGetProperty("continuation", out var next) ? next.GetString() : null;
            if (continuation is not null)
            {
                continuations.Add(continuation);
            }

            if (pages == 1)
            {
                // Between pages: one already exported and one not yet exported change, one already exported is
                // deleted (an offset would now skip a comment), ten new comments arrive.
                await _api.SyncAsync("exports", "a", [Comment("a03", "A 3, edited", Monday.AddDays(1)), Comment("a30", "A 30, edited", Monday.AddDays(-1))]);
                await _api.DeleteJsonAsync("v1/sources/exports/a/comments?id=a01");
                await _api.SyncAsync("exports", "b", Enumerable.Range(35, 10).Select(i => Comment($"b{i:D2}", $"B {i}", Monday.AddYears(-1))));
                expected.AddRange(Enumerable.Range(35, 10).Select(i => $"{b}.b{i:D2}"));
            }
        }
        while (continuation is not null && pages < 20);

        Assert.Equal(4, pages);
        Assert.Equal(3, continuations.Distinct().Count());
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Exported_comments_have_the_spec_shape()
    {
        var sourceId = await _api.CreateProjectSourceAndDatasetAsync("export-shape");
        await _api.SyncAsync("export-shape", "inbox", [Comment("s1", "Where is my refund?", Monday)]);

        var page = await _api.PostJsonAsync("v1/datasets/export-shape/triage/export", new { });

        Assert.Equal(["status", "comments"], page.EnumerateObject().Select(member => member.Name));
        var exported = Assert.Single(page.GetProperty("comments").EnumerateArray());
        Assert.Equal(["comment", "annotations", "predictions"], exported.EnumerateObject().Select(member => member.Name));
        var comment = exported.GetProperty("comment");
        Assert.Equal($"{sourceId}.s1", comment.GetProperty("uid").GetString());
        Assert.Equal("s1", comment.GetProperty("id").GetString());
        Assert.Equal(sourceId, comment.GetProperty("source_id").GetString());
        Assert.Equal("Where is my refund?", comment.GetProperty("messages")[0].GetProperty("body").GetProperty("text").GetString());
        Assert.Equal("uk", comment.GetProperty("user_properties").GetProperty("string:Country").GetString());
        Assert.Equal(Monday, DateTimeOffset.Parse(comment.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var required in new[] { "attachments", "last_modified", "created_at" })
        {
            Assert.True(comment.TryGetProperty(required, out _), required);
        }

        Assert.Equal(JsonValueKind.Array, exported.GetProperty("annotations").GetProperty("labels").GetProperty("assigned").ValueKind);
        Assert.Equal(0, exported.GetProperty("annotations").GetProperty("labels").GetProperty("assigned").GetArrayLength());
        Assert.Equal(0, exported.GetProperty("predictions").GetProperty("labels").GetArrayLength());
    }

    [Fact]
    public async Task Without_a_limit_a_page_holds_the_default_number_and_the_largest_limit_is_accepted()
    {
        await _api.CreateProjectSourceAndDatasetAsync("export-limits");
        await _api.SyncAsync("export-limits", "inbox", Enumerable.Range(0, 40).Select(i => Comment($"l{i:D2}", $"Message {i}", Monday.AddMinutes(i))));

        var byDefault = await _api.PostJsonAsync("v1/datasets/export-limits/triage/export", new { });
        var largest = await _api.PostJsonAsync("v1/datasets/export-limits/triage/export", new { limit = 1024 });
        var exact = await _api.PostJsonAsync("v1/datasets/export-limits/triage/export", new { limit = 40 });

        Assert.Equal(32, byDefault.GetProperty("comments").GetArrayLength());
        Assert.True(byDefault.TryGetProperty("continuation", out _));
        Assert.Equal(40, largest.GetProperty("comments").GetArrayLength());
        Assert.False(largest.TryGetProperty("continuation", out _));
        Assert.Equal(40, exact.GetProperty("comments").GetArrayLength());
        Assert.False(exact.TryGetProperty("continuation", out _));
    }

    [Theory]
    [InlineData("""{"limit": 0}""", "'limit' must be an integer from 1 to 1024; got 0.")]
    [InlineData("""{"limit": -5}""", "'limit' must be an integer from 1 to 1024; got -5.")]
    [InlineData("""{"limit": 1025}""", "'limit' must be an integer from 1 to 1024; got 1025.")]
    [InlineData("""{"limit": "ten"}""", "'$.limit'")]
    [InlineData("""{"limit": 2.5}""", "'$.limit'")]
    [InlineData("""{"order_by": "timestamp"}""", "'order_by' must be 'created_at'")]
    [InlineData("""{"from": "yesterday"}""", "'from' must be an ISO 8601 timestamp")]
    [InlineData("""{"continuation": "not-a-token"}""", "'continuation' is not a token that an export of dataset 'export-errors/triage' returned: 'not-a-token'.")]
    [InlineData("""{"continuation": "%%%"}""", "'continuation' is not a token")]
    [InlineData("""{"source_ids": ["nope"]}""", "'source_ids' names sources that are not in dataset 'export-errors/triage': nope.")]
    public async Task A_request_that_is_not_valid_is_a_bad_request_with_the_error_body(string body, string message)
    {
        await EnsureErrorsProjectAsync();

        var (status, error) = await PostRawAsync("api/v1/datasets/export-errors/triage/export", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["message", "status"], error.EnumerateObject().Select(member => member.Name));
        Assert.Equal("error", error.GetProperty("status").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_continuation_from_another_dataset_is_a_bad_request()
    {
        await EnsureErrorsProjectAsync();
        await _api.PutJsonAsync("v1/datasets/export-errors/other", new { dataset = new { title = "Other", source_ids = session.Data.GetComments("export-errors", "inbox").Select(comment => comment.SourceId).Distinct().ToArray() } });
        var first = await _api.PostJsonAsync("v1/datasets/export-errors/triage/export", new { limit = 1 });
        var token = first.GetProperty("continuation").GetString();

        var error = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.PostJsonAsync("v1/datasets/export-errors/other/export", new { continuation = token }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("'continuation'", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reinfer_/api/v1/datasets/export-errors/missing/export", "Dataset 'export-errors/missing' does not exist.")]
    [InlineData("api/v1/datasets/no-such-project/triage/export", "Dataset 'no-such-project/triage' does not exist.")]
    public async Task An_unknown_dataset_is_not_found(string path, string message)
    {
        await EnsureErrorsProjectAsync();

        var (status, error) = await PostRawAsync(path, """{"limit": 10}""");
        var thrown = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.PostJsonAsync(path.Substring(path.IndexOf("v1/", StringComparison.Ordinal)), new { limit = 10 }));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal("error", error.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, thrown.StatusCode);
        Assert.Equal(message, thrown.ServiceMessage);
    }

    [Fact]
    public async Task Sources_comments_and_a_timestamp_window_narrow_the_export()
    {
        var (a, b) = await CreateDatasetOverTwoSourcesAsync("export-filters");
        await _api.SyncAsync("export-filters", "a", Enumerable.Range(0, 6).Select(i => Comment($"a{i}", $"A {i}", Monday.AddHours(i))));
        await _api.SyncAsync("export-filters", "b", Enumerable.Range(0, 6).Select(i => Comment($"b{i}", $"B {i}", Monday.AddHours(i))));

        var onlyB = await _api.PostJsonAsync("v1/datasets/export-filters/triage/export", new { source_ids = new[] { b } });
        var named = await _api.PostJsonAsync("v1/datasets/export-filters/triage/export", new { comment_uids = new[] { $"{b}.b1", $"{a}.a4", $"{a}.unknown" } });
        var window = await _api.PostJsonAsync("v1/datasets/export-filters/triage/export", new
        {
            from = Monday.AddHours(2).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            to = Monday.AddHours(4).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            limit = 3,
        });
        var windowRest = await _api.PostJsonAsync("v1/datasets/export-filters/triage/export", new
        {
            from = Monday.AddHours(2).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            to = Monday.AddHours(4).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            limit = 3,
            continuation = window.GetProperty("continuation").GetString(),
        });

        Assert.Equal(["b0", "b1", "b2", "b3", "b4", "b5"], Ids(onlyB));
        Assert.Equal(["a4", "b1"], Ids(named));
        Assert.Equal(["a2", "a3", "b2"], Ids(window));
        Assert.Equal(["b3"], Ids(windowRest));
        Assert.False(windowRest.TryGetProperty("continuation", out _));
    }

    private static IReadOnlyList<string> Ids(JsonElement page) =>
        [.. page.GetProperty("comments").EnumerateArray().Select(exported => exported.GetProperty("comment").GetProperty("id").GetString()!)];

    /// <summary>A project with sources <c>a</c> and <c>b</c> and the dataset <c>triage</c> over both; returns their ids.</summary>
    private async Task<(string A, string B)> CreateDatasetOverTwoSourcesAsync(string project)
    {
        await _api.PutJsonAsync($"v1/projects/{project}", new { project = new { title = project } });
        var a = (await _api.PutJsonAsync($"v1/sources/{project}/a", new { source = new { title = "A" } })).GetProperty("source").GetProperty("id").GetString()!;
        var b = (await _api.PutJsonAsync($"v1/sources/{project}/b", new { source = new { title = "B" } })).GetProperty("source").GetProperty("id").GetString()!;
        await _api.PutJsonAsync($"v1/datasets/{project}/triage", new { dataset = new { title = "Triage", source_ids = new[] { a, b } } });
        return (a, b);
    }

    /// <summary>The error tests share one project; xUnit may run them in any order, so whichever comes first creates it.</summary>
    private async Task EnsureErrorsProjectAsync()
    {
        if (session.Data.Projects.Any(project => project.Name == "export-errors"))
        {
            return;
        }

        await _api.CreateProjectSourceAndDatasetAsync("export-errors");
        await _api.SyncAsync("export-errors", "inbox", Enumerable.Range(0, 3).Select(i => Comment($"e{i}", $"Message {i}", Monday.AddMinutes(i))));
    }

    /// <summary>Posts with the token but without the runtime's handler, to read the answer as the emulator wrote it.</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body)> PostRawAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);
        using var response = await session.Raw.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
