using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Emulator.Identity;
using UiPathClients.EndToEnd.Generated.CommunicationsMining;
using UiPathClients.Runtime.Errors;
using static UiPathClients.EndToEnd.Tests.CommunicationsMining.CommunicationsMiningHttp;

namespace UiPathClients.EndToEnd.Tests.CommunicationsMining;

/// <summary>
/// The client generated from the bundled Communications Mining spec (one <c>UiPathClient</c> line in this
/// project) against the emulator: envelopes unwrapped, service errors as <see cref="CommunicationsMiningException"/>,
/// <c>Server-Timing</c> on every answer, continuation paging and the stream loop.
/// </summary>
public sealed class GeneratedClientTests : IClassFixture<CommunicationsMiningSession>, IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly CommunicationsMiningSession _session;
    private readonly HttpClient _http;
    private readonly CommunicationsMiningClient _client;

    public GeneratedClientTests(CommunicationsMiningSession session)
    {
        _session = session;

        // The generated client needs no Communications Mining handler of its own: it applies the service's error convention itself.
        // The base address the runtime's endpoints and DI registration give: the API root, …/reinfer_/api/.
        _http = new HttpClient { BaseAddress = session.Emulator.CommunicationsMiningAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);
        _client = new CommunicationsMiningClient(_http);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Creates_a_source_and_a_dataset_and_reads_them_back_unwrapped()
    {
        // The bundled spec has no v1 project creation (the endpoint index lists none), so the project comes from plain HTTP.
        await _session.Api.PutJsonAsync("v1/projects/gen-crud", new { project = new { title = "Generated" } });

        var source = await _client.Sources.CreateAsync("gen-crud", "inbox", new CreateSourceRequest { Source = new SourceUpdate { Title = "Inbox", Description = "Support mail" } });
        Assert.Equal("inbox", source.Name);
        Assert.Equal("gen-crud", source.Owner);
        Assert.Equal("Inbox", source.Title);

        var created = await _client.Datasets.CreateAsync("gen-crud", "triage", new CreateDatasetRequest { Dataset = new DatasetNew { Title = "Triage", SourceIds = [source.Id] } });
        Assert.Equal("triage", created.Dataset.Name);

        var dataset = await _client.Datasets.GetAsync("gen-crud", "triage");
        Assert.Equal(created.Dataset.Id, dataset.Id);
        Assert.Equal([source.Id], dataset.SourceIds);
        Assert.Contains(await _client.Datasets.GetAllInProjectAsync("gen-crud"), listed => listed.Id == dataset.Id);
        Assert.Equal(source.Id, (await _client.Sources.GetByIdAsync(source.Id)).Id);

        // The whole envelope stays reachable, with the answer's status and Server-Timing.
        var response = await _client.Datasets.GetWithResponseAsync("gen-crud", "triage");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", response.Value.Status); // a one-value enum is a constant string (README, "An enum of one value is a constant")
        Assert.Equal(dataset.Id, response.Value.Dataset.Id);
        Assert.NotNull(response.ServerTiming.Total);

        await _client.Datasets.DeleteV1Async("gen-crud", "triage");
        var gone = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _client.Datasets.GetAsync("gen-crud", "triage"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Sync_upserts_by_id_and_the_comments_read_back_typed()
    {
        await _session.Api.CreateProjectSourceAndDatasetAsync("gen-sync");
        var first = await _client.Comments.SyncAsync("gen-sync", "inbox", Comments(Enumerable.Range(1, 3), "First"));
        Assert.Equal(3, first.New);

        var second = await _client.Comments.SyncAsync("gen-sync", "inbox", Comments(Enumerable.Range(2, 3), "Second"));
        Assert.Equal(1, second.New);
        Assert.Equal(2, second.Updated);

        var comment = await _client.Comments.GetAsync("gen-sync", "inbox", "g3");
        Assert.Equal("g3", comment.Id);
        Assert.Equal("Second 3", comment.Messages.Single().Body.Text);
    }

    [Fact]
    public async Task Export_pages_through_every_comment_exactly_once_in_order()
    {
        await _session.Api.CreateProjectSourceAndDatasetAsync("gen-page");
        var ids = Enumerable.Range(1, 23).ToList();
        await _client.Comments.SyncAsync("gen-page", "inbox", Comments(ids, "Message"));
        var request = new ExportDatasetRequest { Limit = 5 };

        var seen = new List<string>();
        await foreach (var exported in _client.Datasets.ExportAllAsync("gen-page", "triage", request))
        {
            seen.Add(exported.Comment.Id);
        }

        Assert.Equal(ids.Select(i => $"g{i}"), seen);

        // Paging set the token on the wire only: the caller's request object is untouched.
        Assert.Null(request.Continuation);
        var firstPage = await _client.Datasets.ExportAsync("gen-page", "triage", request);
        Assert.Equal(5, firstPage.Comments.Count);
        Assert.False(string.IsNullOrEmpty(firstPage.Continuation));
    }

    [Fact]
    public async Task Export_stops_when_the_consumer_stops_and_honours_cancellation()
    {
        await _session.Api.CreateProjectSourceAndDatasetAsync("gen-lazy");
        await _client.Comments.SyncAsync("gen-lazy", "inbox", Comments(Enumerable.Range(1, 12), "Message"));

        var firstThree = new List<string>();
        await foreach (var exported in _client.Datasets.ExportAllAsync("gen-lazy", "triage", new ExportDatasetRequest { Limit = 5 }))
        {
            firstThree.Add(exported.Comment.Id);
            if (firstThree.Count == 3)
            {
                break;
            }
        }

        Assert.Equal(["g1", "g2", "g3"], firstThree);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _client.Datasets.ExportAllAsync("gen-lazy", "triage", new ExportDatasetRequest { Limit = 5 }, cancelled.Token))
            {
            }
        });
    }

    [Fact]
    public async Task The_stream_loop_processes_every_comment_once_and_advances_only_past_processed_batches()
    {
        await _session.Api.CreateProjectSourceAndDatasetAsync("gen-stream");
        await _client.Streams.CreateAsync("gen-stream", "triage", new CreateStreamRequest { Stream = new TriggerNew { Name = "work", Title = "Work" } });
        await _client.Comments.SyncAsync("gen-stream", "inbox", Comments(Enumerable.Range(1, 7), "Message"));

        // The fourth comment fails once: its whole batch (3 and 4) must come back, and nothing after it is lost.
        var processed = new List<string>();
        var failedOnce = false;
        Task Process(StreamCommentResult result, CancellationToken cancellationToken)
        {
            if (result.Comment.Id == "g4" && !failedOnce)
            {
                failedOnce = true;
                throw new InvalidOperationException("downstream system unavailable");
            }

            processed.Add(result.Comment.Id);
            return Task.CompletedTask;
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _client.Streams.ProcessAsync("gen-stream", "triage", "work", new FetchFromStreamRequest { Size = 2 }, Process));
        Assert.Equal("downstream system unavailable", failure.Message);
        Assert.Equal(["g1", "g2", "g3"], processed);

        var count = await _client.Streams.ProcessAsync("gen-stream", "triage", "work", new FetchFromStreamRequest { Size = 2 }, Process);
        Assert.Equal(5, count);
        Assert.Equal(["g1", "g2", "g3", "g3", "g4", "g5", "g6", "g7"], processed);

        // Everything was advanced past: the stream is empty now.
        var empty = await _client.Streams.FetchFromStreamAsync("gen-stream", "triage", "work", new FetchFromStreamRequest { Size = 2 });
        Assert.Empty(empty.Results);
        Assert.True(empty.IsEndSequence);
    }

    [Fact]
    public async Task Service_errors_are_typed_with_message_status_and_server_timing()
    {
        var missing = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _client.Datasets.GetAsync("no-such-project", "nothing"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("does not exist", missing.ServiceMessage);
        Assert.NotNull(missing.ServerTiming.Total);
        Assert.EndsWith("/reinfer_/api/v1/datasets/no-such-project/nothing", missing.RequestUri!.AbsolutePath);

        await _session.Api.CreateProjectSourceAndDatasetAsync("gen-errors");
        var invalid = await Assert.ThrowsAsync<CommunicationsMiningException>(() =>
            _client.Streams.FetchFromStreamAsync("gen-errors", "triage", "missing-stream", new FetchFromStreamRequest { Size = 1 }));
        Assert.Equal(HttpStatusCode.NotFound, invalid.StatusCode);

        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        var unauthorized = await Assert.ThrowsAsync<CommunicationsMiningException>(() => new CommunicationsMiningClient(anonymous).Datasets.GetAllAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Fact]
    public async Task Path_parameters_are_escaped_and_the_bare_api_root_without_a_trailing_slash_works_too()
    {
        using var bare = new HttpClient { BaseAddress = new Uri(_session.Emulator.BaseAddress, "api") };
        bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);
        var client = new CommunicationsMiningClient(bare);

        await _session.Api.CreateProjectSourceAndDatasetAsync("gen-bare");
        Assert.Equal("triage", (await client.Datasets.GetAsync("gen-bare", "triage")).Name);

        // A name with '/' and '?' stays one path segment: the service says the dataset does not exist, not that the route is unknown.
        var escaped = await Assert.ThrowsAsync<CommunicationsMiningException>(() => client.Datasets.GetAsync("gen-bare", "a/b?c"));
        Assert.Equal(HttpStatusCode.NotFound, escaped.StatusCode);
        Assert.NotEqual("404 Not Found", escaped.ServiceMessage);
    }

    private static SyncCommentsRequest Comments(IEnumerable<int> ids, string text) => new()
    {
        Comments = [.. ids.Select(i => new CommentNew
        {
            Id = $"g{i}",
            Timestamp = Monday.AddMinutes(i).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            Messages = [new Message { Body = new MessageRichText { Text = $"{text} {i}" }, From = "alice@example.com" }],
        })],
    };
}
