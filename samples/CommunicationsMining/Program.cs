using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CommunicationsMiningSample.CommunicationsMining;
using UiPathClients.Emulator;
using UiPathClients.Emulator.Identity;
using UiPathClients.Runtime.Errors;

// Communications Mining: create a source and a dataset over it, sync comments (upserts by id), page through
// the dataset's comments, create a stream and consume it with the fetch → process → advance loop, and show
// what an error looks like. Against the embedded emulator by default; against a real tenant when CM_URL
// (https://cloud.uipath.com/{org}/{tenant}/reinfer_/api/), CM_TOKEN and CM_PROJECT (an existing project) are set.
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(5));
var cancellationToken = cancellation.Token;

await using var target = await Target.ConnectAsync(cancellationToken);
Console.WriteLine($"Communications Mining: {target.Description}");
var client = new CommunicationsMiningClient(target.Http);
var project = target.Project;
var suffix = DateTimeOffset.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
var sourceName = "sample-inbox-" + suffix;
var datasetName = "sample-triage-" + suffix;

Console.WriteLine();
var source = await client.Sources.CreateAsync(project, sourceName, new CreateSourceRequest { Source = new SourceUpdate { Title = "Sample inbox" } }, cancellationToken);
Console.WriteLine($"Source {source.Owner}/{source.Name} created (id {source.Id}).");
var dataset = await client.Datasets.CreateAsync(project, datasetName, new CreateDatasetRequest { Dataset = new DatasetNew { Title = "Sample triage", SourceIds = [source.Id] } }, cancellationToken);
Console.WriteLine($"Dataset {dataset.Dataset.Owner}/{dataset.Dataset.Name} created over it.");

// A stream hands out the comments that arrive after it was created, so it comes before the sync.
await client.Streams.CreateAsync(project, datasetName, new CreateStreamRequest { Stream = new TriggerNew { Name = "sample-stream", Title = "Sample stream" } }, cancellationToken);
Console.WriteLine("Stream sample-stream created on the dataset.");

var start = new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.Zero);
var subjects = new[] { "Invoice overdue", "Password reset", "Change of address", "Cancel my order" };
var comments = Enumerable.Range(1, 12).Select(i => new CommentNew
{
    Id = $"mail-{i:D2}",
    Timestamp = start.AddMinutes(i).ToString("O", CultureInfo.InvariantCulture),
    Messages = [new Message { From = "customer@example.com", Body = new MessageRichText { Text = $"{subjects[i % subjects.Length]} (#{i})" } }],
}).ToList();
var synced = await client.Comments.SyncWithResponseAsync(project, sourceName, new SyncCommentsRequest { Comments = comments }, cancellationToken: cancellationToken);
Console.WriteLine($"Synced {comments.Count} comments: {synced.Value.New} new, {synced.Value.Updated} updated (Server-Timing: {synced.ServerTiming}).");
var resynced = await client.Comments.SyncAsync(project, sourceName, new SyncCommentsRequest { Comments = comments.Take(3).ToList() }, cancellationToken: cancellationToken);
Console.WriteLine($"Synced the first 3 again: {resynced.New} new, {resynced.Unchanged} unchanged — sync upserts by id.");

Console.WriteLine();
Console.WriteLine("Comments, requested 5 per page as the enumeration goes:");
var pageCount = 0;
await foreach (var exported in client.Datasets.ExportAllAsync(project, datasetName, new ExportDatasetRequest { Limit = 5 }, cancellationToken))
{
    pageCount++;
    Console.WriteLine($"  {exported.Comment.Id}: {exported.Comment.Messages[0].Body.Text}");
}

Console.WriteLine($"  {pageCount} comments.");

Console.WriteLine();
var processed = await client.Streams.ProcessAsync(
    project,
    datasetName,
    "sample-stream",
    new FetchFromStreamRequest { Size = 4 },
    (result, _) =>
    {
        Console.WriteLine($"  processed {result.Comment.Id}");
        return Task.CompletedTask;
    },
    cancellationToken: cancellationToken);
Console.WriteLine($"Stream consumed: {processed} comments, each processed before the stream advanced past it.");

Console.WriteLine();
try
{
    await client.Datasets.GetAsync(project, "no-such-dataset-" + suffix, cancellationToken);
}
catch (CommunicationsMiningException exception)
{
    Console.WriteLine($"Errors are typed: {(int)exception.StatusCode} {exception.StatusCode}, \"{exception.ServiceMessage}\" (Server-Timing: {exception.ServerTiming}).");
}

if (target.IsEmulator)
{
    await client.Datasets.DeleteV1Async(project, datasetName, cancellationToken);
}

return 0;

/// <summary>Where the sample runs: the embedded emulator, or a real tenant from the environment.</summary>
internal sealed class Target : IAsyncDisposable
{
    private readonly OrchestratorEmulator? _emulator;

    private Target(HttpClient http, string project, string description, OrchestratorEmulator? emulator)
    {
        Http = http;
        Project = project;
        Description = description;
        _emulator = emulator;
    }

    public HttpClient Http { get; }

    public string Project { get; }

    public string Description { get; }

    public bool IsEmulator => _emulator is not null;

    public static async Task<Target> ConnectAsync(CancellationToken cancellationToken)
    {
        var url = Environment.GetEnvironmentVariable("CM_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            // Any free port: the Quickstart may hold the emulator's usual one.
            var emulator = await OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions(), cancellationToken);
            // The Automation Cloud address form and an API token, exactly as CM_URL and CM_TOKEN give a real tenant's.
            var http = new HttpClient { BaseAddress = emulator.CloudCommunicationsMiningAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);

            // The v1 API (and so the bundled spec) has no project creation; a tenant has its projects already.
            using var create = new StringContent("{\"project\":{\"title\":\"Sample\"}}", Encoding.UTF8, "application/json");
            using var created = await http.PutAsync("v1/projects/sample", create, cancellationToken);
            created.EnsureSuccessStatusCode();
            return new Target(http, "sample", $"embedded emulator at {http.BaseAddress}", emulator);
        }

        var token = Environment.GetEnvironmentVariable("CM_TOKEN");
        var project = Environment.GetEnvironmentVariable("CM_PROJECT");
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(project))
        {
            throw new InvalidOperationException("CM_URL is set: also set CM_TOKEN (an API token) and CM_PROJECT (an existing project the token may write to).");
        }

        var tenant = new HttpClient { BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/") };
        tenant.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Target(tenant, project, tenant.BaseAddress.ToString(), null);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
