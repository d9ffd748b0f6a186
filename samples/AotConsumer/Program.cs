using System.Net.Http.Headers;
using AotConsumer.CommunicationsMining;
using AotConsumer.Orchestrator;
using UiPathClients.Runtime.Auth;
using UiPathClients.Runtime.Http;

// Run by run.sh as a native binary against the emulator: `AotConsumer <emulator base address> <folder path> <bearer token>`.
// Each step goes through the generated JSON metadata and the packaged runtime, with no reflection.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: AotConsumer <emulator base address, e.g. http://127.0.0.1:5181/> <folder path> <bearer token, e.g. rt_emulator_personal_access_token>");
    return 2;
}

var baseAddress = new Uri(args[0]);
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var cancellationToken = cancellation.Token;

var tokens = new StaticAccessTokenProvider(args[2]);
using var http = new HttpClient(new BearerTokenHandler(tokens) { InnerHandler = new HttpClientHandler() }) { BaseAddress = baseAddress };
var orchestrator = new OrchestratorClient(http).WithFolder(FolderContext.ByPath(args[1]));

// A typed filter, sent as $filter.
var releases = await orchestrator.Releases.Where(r => r.Name.StartsWith("")).OrderBy(r => r.Name).ToListAsync(cancellationToken);
Console.WriteLine($"filter: {releases.Count} release(s), first '{releases.FirstOrDefault()?.Name}'");
var release = releases.FirstOrDefault() ?? throw new InvalidOperationException("The emulator's folder has no release.");

// Paging: pages of 10, every item once.
const int PageSize = 10;
var queueItems = new HashSet<long>();
await foreach (var item in orchestrator.QueueItems.PageSize(PageSize).WithCancellation(cancellationToken))
{
    if (!queueItems.Add(item.Id))
    {
        throw new InvalidOperationException($"Queue item {item.Id} came twice.");
    }
}

Console.WriteLine($"paging: {queueItems.Count} queue item(s) in pages of {PageSize}");

// An action and a function.
var started = await orchestrator.Jobs.StartJobsAsync(new StartProcessDto { ReleaseKey = release.Key, Strategy = StartProcessStrategy.ModernJobsCount, JobsCount = 1 }, cancellationToken);
Console.WriteLine($"action: StartJobs created job {started.Single().Id} ({started.Single().State})");
var eventTypes = await orchestrator.Webhooks.GetEventTypesAsync(cancellationToken);
Console.WriteLine($"function: {eventTypes.Count} webhook event type(s)");

// The Communications Mining client over the same host.
using var cmHttp = new HttpClient { BaseAddress = new Uri(baseAddress, "reinfer_/api/") };
cmHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args[2]);
var datasets = await new CommunicationsMiningClient(cmHttp).Datasets.GetAllAsync(cancellationToken);
Console.WriteLine($"communications mining: {datasets.Count} dataset(s)");

return releases.Count > 0 && queueItems.Count > PageSize && eventTypes.Count > 0 ? 0 : 1;
