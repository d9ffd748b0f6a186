using System;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UiPathClients.AspNetCore;
using UiPathClients.Emulator;
using UiPathClients.Runtime.Http;
using UiPathClients.Runtime.Webhooks;
using WebhookReceiver.Orchestrator;

// WebhookReceiver: a receiver on loopback (MapUiPathWebhooks verifies X-UiPath-Signature over the raw body and parses
// the typed event), the emulator, a webhook subscribed to the receiver's URL through the generated client, a ping and a
// job: the events arrive signed, in order, and are printed as they come.
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var cancellationToken = cancellation.Token;
const string Secret = "webhook-sample-secret";

var received = Channel.CreateUnbounded<UiPathWebhookEvent>();
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
await using var receiver = builder.Build();
receiver.MapUiPathWebhooks("/hooks", Secret, (webhookEvent, _) => received.Writer.WriteAsync(webhookEvent, cancellationToken).AsTask());
await receiver.StartAsync(cancellationToken);
var hookUrl = new Uri(new Uri(receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/hooks");
Console.WriteLine($"Receiver: {hookUrl}");

await using var emulator = await OrchestratorEmulator.StartAsync(cancellationToken: cancellationToken);
using var http = emulator.CreateHttpClient();
var orchestrator = new OrchestratorClient(http);
Console.WriteLine($"Orchestrator: embedded emulator at {emulator.BaseAddress}");

var webhook = await orchestrator.Webhooks.CreateAsync(
    new WebhookDto
    {
        Name = "Sample receiver",
        Url = hookUrl.ToString(),
        Enabled = true,
        Secret = Secret,
        SubscribeToAllEvents = false,
        Events = [new WebhookEventDto { EventType = "job.created" }, new WebhookEventDto { EventType = "job.started" }, new WebhookEventDto { EventType = "job.completed" }],
    },
    cancellationToken);
Console.WriteLine($"Webhook {webhook.Id} subscribed to {string.Join(", ", webhook.Events.Select(e => e.EventType))}");

await orchestrator.Webhooks[webhook.Id].PingAsync(cancellationToken: cancellationToken);
Print(await received.Reader.ReadAsync(cancellationToken));

var shared = orchestrator.WithFolder(FolderContext.ByPath(emulator.DefaultFolderPath));
var release = (await shared.Releases.OrderBy(r => r.Name).Top(1).ToListAsync(cancellationToken)).Single();
var job = (await shared.Jobs.StartJobsAsync(new StartProcessDto { ReleaseKey = release.Key, Strategy = StartProcessStrategy.ModernJobsCount, JobsCount = 1 }, cancellationToken)).Single();
Console.WriteLine($"Started job {job.Id} of '{release.Name}'");

// The emulator moves jobs on when Orchestrator is asked: read the job until it has ended, printing events as they come.
DateTimeOffset? succeededAt = null;
while (true)
{
    var current = await shared.Jobs[job.Id].GetAsync(cancellationToken);
    while (received.Reader.TryRead(out var webhookEvent))
    {
        if (Print(webhookEvent) == "job.completed")
        {
            return 0;
        }
    }

    if (current.State is JobState.Faulted or JobState.Stopped)
    {
        Console.Error.WriteLine($"Job {job.Id} ended {current.State}: no job.completed expected.");
        return 1;
    }

    // Delivery runs in the background: allow it a few seconds after the job succeeded, then say what is missing.
    succeededAt ??= current.State == JobState.Successful ? DateTimeOffset.UtcNow : null;
    if (succeededAt is { } since && DateTimeOffset.UtcNow - since > TimeSpan.FromSeconds(10))
    {
        Console.Error.WriteLine($"Job {job.Id} succeeded but no job.completed webhook arrived within 10 s.");
        return 1;
    }

    await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
}

static string Print(UiPathWebhookEvent webhookEvent)
{
    var detail = webhookEvent switch
    {
        UiPathJobWebhookEvent { Job: { } one } => $"job {one.Id} {one.State}",
        UiPathJobWebhookEvent { Jobs: { } many } => $"jobs {string.Join(", ", many.Select(j => $"{j.Id} {j.State}"))}",
        UiPathPingWebhookEvent => "ping",
        _ => webhookEvent.GetType().Name,
    };
    Console.WriteLine($"  received {webhookEvent.Type} (event {webhookEvent.EventId}, tenant {webhookEvent.TenantId}, folder {webhookEvent.OrganizationUnitId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): {detail}");
    return webhookEvent.Type;
}
