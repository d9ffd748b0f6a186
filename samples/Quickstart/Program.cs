using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Quickstart.Orchestrator;
using UiPathClients.Emulator;
using UiPathClients.Emulator.Identity;
using UiPathClients.Runtime.Auth;
using UiPathClients.Runtime.Http;

// Quickstart: list releases, start a job and wait for it, list the faulted jobs of the last hour with the
// typed filter, list the webhook event types. Against the embedded emulator by default; against a real
// tenant when UIPATH_URL (…/orchestrator_/) and credentials (UIPATH_CLIENT_ID + UIPATH_CLIENT_SECRET, or
// UIPATH_PAT) are set, with UIPATH_FOLDER naming the folder (full path).
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(5));
var cancellationToken = cancellation.Token;

await using var target = await Target.ConnectAsync(cancellationToken);
Console.WriteLine($"Orchestrator: {target.Description}");

var orchestrator = new OrchestratorClient(target.Http).WithFolder(target.Folder);
Console.WriteLine($"Folder: {target.Folder}");

Console.WriteLine();
Console.WriteLine("Releases (first 10 by name):");
var releases = orchestrator.Releases.OrderBy(r => r.Name).Top(10);
Console.WriteLine($"  GET {releases.ToUri()}");
ReleaseDto? release = null;
await foreach (var candidate in releases.WithCancellation(cancellationToken))
{
    Console.WriteLine($"  - {candidate.Name} (key {candidate.Key}, process {candidate.ProcessKey} {candidate.ProcessVersion})");
    release ??= candidate;
}

if (release is null)
{
    Console.WriteLine("No release in this folder: nothing to start.");
    return 1;
}

Console.WriteLine();
Console.WriteLine($"Starting one job of '{release.Name}' …");
var started = await orchestrator.Jobs.StartJobsAsync(
    new StartProcessDto { ReleaseKey = release.Key, Strategy = StartProcessStrategy.ModernJobsCount, JobsCount = 1 },
    cancellationToken);
var job = started.Single();
Console.WriteLine($"  job {job.Id} created: {job.State}");

var finished = await WaitForJobAsync(orchestrator, job.Id, cancellationToken);
Console.WriteLine($"  job {finished.Id} finished: {finished.State} at {finished.EndTime:u}");

Console.WriteLine();
var since = DateTimeOffset.UtcNow.AddHours(-1);
var faulted = orchestrator.Jobs
    .Where(j => j.State == JobState.Faulted & j.CreationTime >= since)
    .OrderByDescending(j => j.CreationTime)
    .Top(50);
Console.WriteLine("Faulted jobs of the last hour:");
Console.WriteLine($"  GET {faulted.ToUri()}");
var faultedCount = 0;
await foreach (var faultedJob in faulted.WithCancellation(cancellationToken))
{
    faultedCount++;
    Console.WriteLine($"  - job {faultedJob.Id} of '{faultedJob.ReleaseName}' created {faultedJob.CreationTime:u}: {faultedJob.Info}");
}

Console.WriteLine($"  {faultedCount} faulted job(s).");

Console.WriteLine();
var eventTypes = await orchestrator.Webhooks.GetEventTypesAsync(cancellationToken);
Console.WriteLine($"Webhook event types ({eventTypes.Count}): {string.Join(", ", eventTypes.Select(type => type.Name))}");
return 0;

static async Task<JobDto> WaitForJobAsync(OrchestratorClient orchestrator, long jobId, CancellationToken cancellationToken)
{
    var lastState = (JobState?)null;
    while (true)
    {
        var current = await orchestrator.Jobs[jobId].GetAsync(cancellationToken);
        if (current.State != lastState)
        {
            Console.WriteLine($"  job {jobId}: {current.State}");
            lastState = current.State;
        }

        if (current.State is JobState.Successful or JobState.Faulted or JobState.Stopped)
        {
            return current;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
    }
}

/// <summary>Where the Quickstart runs: the embedded emulator, or a real tenant from the environment.</summary>
internal sealed class Target : IAsyncDisposable
{
    private readonly OrchestratorEmulator? _emulator;

    private Target(HttpClient http, FolderContext folder, string description, OrchestratorEmulator? emulator)
    {
        Http = http;
        Folder = folder;
        Description = description;
        _emulator = emulator;
    }

    public HttpClient Http { get; }

    public FolderContext Folder { get; }

    public string Description { get; }

    public static async Task<Target> ConnectAsync(CancellationToken cancellationToken)
    {
        var url = Environment.GetEnvironmentVariable("UIPATH_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            // The emulator takes the same path as a real tenant: its Automation Cloud address and an External
            // Application's client credentials, exchanged for a token at its identity_/connect/token.
            var emulator = await StartEmulatorAsync(cancellationToken);
            var application = EmulatorIdentityOptions.DefaultClientApplication;
            var tokens = ClientCredentials(emulator.CloudBaseAddress, application.ClientId, application.ClientSecret);
            return Connect(emulator.CloudBaseAddress, tokens, FolderContext.ByPath(emulator.DefaultFolderPath), emulator);
        }

        var baseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
        var folder = Environment.GetEnvironmentVariable("UIPATH_FOLDER") is { Length: > 0 } path ? FolderContext.ByPath(path) : FolderContext.ByPath("Shared");
        return Connect(baseAddress, TokensFromEnvironment(baseAddress), folder, emulator: null);
    }

    private static Target Connect(Uri baseAddress, IAccessTokenProvider tokens, FolderContext folder, OrchestratorEmulator? emulator)
    {
        var tenant = new HttpClient(new BearerTokenHandler(tokens) { InnerHandler = new HttpClientHandler() }) { BaseAddress = baseAddress };
        return new Target(tenant, folder, emulator is null ? baseAddress.ToString() : $"embedded emulator at {baseAddress}", emulator);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>The emulator on its usual port, so its address is the same every run; any free port when that one is taken.</summary>
    private static async Task<OrchestratorEmulator> StartEmulatorAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions { Port = OrchestratorEmulatorOptions.DefaultPort }, cancellationToken);
        }
        catch (IOException exception)
        {
            Console.WriteLine($"Port {OrchestratorEmulatorOptions.DefaultPort} is taken ({exception.Message}); using a free one.");
            return await OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions(), cancellationToken);
        }
    }

    private static IAccessTokenProvider TokensFromEnvironment(Uri baseAddress)
    {
        if (Environment.GetEnvironmentVariable("UIPATH_PAT") is { Length: > 0 } personalAccessToken)
        {
            return new StaticAccessTokenProvider(personalAccessToken);
        }

        var clientId = Environment.GetEnvironmentVariable("UIPATH_CLIENT_ID");
        var clientSecret = Environment.GetEnvironmentVariable("UIPATH_CLIENT_SECRET");
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
        {
            throw new InvalidOperationException("UIPATH_URL is set: also set UIPATH_PAT, or UIPATH_CLIENT_ID and UIPATH_CLIENT_SECRET (an External Application with OR.Jobs, OR.Execution and OR.Webhooks.Read scopes).");
        }

        return ClientCredentials(baseAddress, clientId, clientSecret);
    }

    /// <summary>Tokens for an External Application from the identity service on the tenant's host.</summary>
    private static ClientCredentialsTokenProvider ClientCredentials(Uri baseAddress, string clientId, string clientSecret)
    {
        var options = new ClientCredentialsOptions
        {
            IdentityBaseUri = new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + "/"),
            ClientId = clientId,
            ClientSecret = clientSecret,
        };
        foreach (var scope in (Environment.GetEnvironmentVariable("UIPATH_SCOPES") ?? "OR.Jobs OR.Execution OR.Folders.Read OR.Webhooks.Read").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            options.Scopes.Add(scope);
        }

        return new ClientCredentialsTokenProvider(new HttpClient(), options);
    }
}
