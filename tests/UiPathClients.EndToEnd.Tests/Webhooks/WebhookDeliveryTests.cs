using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using UiPathClients.Emulator;

namespace UiPathClients.EndToEnd.Tests.Webhooks;

/// <summary>
/// The emulator posts the events a webhook subscribes to, signed with <c>X-UiPath-Signature</c>
/// (Base64 HMAC-SHA256 of the body keyed by the secret), in order; a failing receiver opens the webhook's circuit.
/// </summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string Secret = "s3cret-for-tests";
    private const string OdataNamespace = "UiPath.Server.Configuration.OData";
    private static readonly TimeSpan PendingTime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RunTime = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private OrchestratorEmulator _emulator = null!;
    private WebhookReceiver _receiver = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions { TimeProvider = _clock, JobPendingTime = PendingTime, JobRunTime = RunTime });
        _receiver = await WebhookReceiver.StartAsync();
        _http = _emulator.CreateHttpClient();
        _http.DefaultRequestHeaders.Add("X-UIPATH-FolderPath", _emulator.DefaultFolderPath);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_started_job_delivers_created_started_and_completed_in_order_and_signed()
    {
        var webhookId = await CreateWebhookAsync(_receiver.Url, "job.created", "job.started", "job.completed");
        var folderId = _emulator.Data.FindFolderByPath(_emulator.DefaultFolderPath)!.Id;
        var jobId = await StartJobAsync();

        _clock.Advance(PendingTime);
        await TouchAsync(); // the emulator moves jobs on before each request
        _clock.Advance(RunTime);
        await TouchAsync();

        var created = await NextEventAsync();
        var started = await NextEventAsync();
        var completed = await NextEventAsync();
        Assert.Equal(["job.created", "job.started", "job.completed"], new[] { created, started, completed }.Select(e => e.GetProperty("Type").GetString()));
        Assert.Equal(jobId, created.GetProperty("Jobs")[0].GetProperty("Id").GetInt64());
        Assert.Equal("Running", started.GetProperty("Job").GetProperty("State").GetString());
        Assert.Equal("Successful", completed.GetProperty("Job").GetProperty("State").GetString());
        foreach (var payload in new[] { created, started, completed })
        {
            Assert.Equal(1, payload.GetProperty("TenantId").GetInt32());
            Assert.Equal(folderId, payload.GetProperty("OrganizationUnitId").GetInt64());
            Assert.False(string.IsNullOrEmpty(payload.GetProperty("EventId").GetString()));
        }

        Assert.Equal(_clock.GetUtcNow(), completed.GetProperty("Timestamp").GetDateTimeOffset());
        Assert.All(_emulator.WebhookDeliveries.Where(d => d.WebhookId == webhookId), d => Assert.Equal(WebhookDeliveryOutcome.Delivered, d.Outcome));
    }

    [Fact]
    public async Task Events_the_webhook_does_not_subscribe_to_are_not_sent()
    {
        await CreateWebhookAsync(_receiver.Url, "job.completed");
        await StartJobAsync();
        _clock.Advance(PendingTime + RunTime);
        await TouchAsync();

        var only = await NextEventAsync();
        Assert.Equal("job.completed", only.GetProperty("Type").GetString());
        await PingAndWaitAsync(await CreateWebhookAsync(_receiver.Url)); // a later POST proves nothing else was queued before it
        Assert.Equal("ping", (await NextEventAsync()).GetProperty("Type").GetString());
        Assert.Equal(2, _receiver.ReceivedCount);
    }

    [Fact]
    public async Task AddQueueItem_delivers_queueItem_added_with_the_item()
    {
        await CreateWebhookAsync(_receiver.Url, "queueItem.added");
        var folderId = _emulator.Data.FindFolderByPath(_emulator.DefaultFolderPath)!.Id;
        var queue = _emulator.Data.QueueDefinitions.InFolder(folderId).First();
        var body = "{\"itemData\":{\"Name\":\"" + queue.Name + "\",\"Reference\":\"webhook-" + Guid.NewGuid().ToString("N") + "\"}}";

        using var response = await _http.PostAsync("odata/Queues/UiPathODataSvc.AddQueueItem", new StringContent(body, Encoding.UTF8, "application/json"));
        using var added = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var delivered = await NextEventAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("queueItem.added", delivered.GetProperty("Type").GetString());
        Assert.Equal(added.RootElement.GetProperty("Id").GetInt64(), delivered.GetProperty("QueueItems")[0].GetProperty("Id").GetInt64());
        Assert.Equal(queue.Id, delivered.GetProperty("Queue").GetProperty("Id").GetInt64());
        Assert.Equal(folderId, delivered.GetProperty("OrganizationUnitId").GetInt64());
    }

    [Fact]
    public async Task Ping_delivers_a_signed_ping_event_and_answers_202_with_it()
    {
        var webhookId = await CreateWebhookAsync(_receiver.Url);

        using var response = await _http.PostAsync($"odata/Webhooks({webhookId})/{OdataNamespace}.Ping", null);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var delivered = await NextEventAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("ping", delivered.GetProperty("Type").GetString());
        Assert.Equal(answer.RootElement.GetProperty("EventId").GetString(), delivered.GetProperty("EventId").GetString());
        Assert.Equal(JsonValueKind.Null, delivered.GetProperty("OrganizationUnitId").ValueKind);
        Assert.Equal(1, delivered.GetProperty("UserId").GetInt64());
    }

    [Fact]
    public async Task A_failing_receiver_opens_the_circuit_and_events_are_dropped_until_the_period_passes()
    {
        var webhookId = await CreateWebhookAsync(_receiver.Url);
        _receiver.StatusCode = 500;

        await PingAndWaitAsync(webhookId, expectedOutcomes: 1);
        await NextEventAsync();
        _receiver.StatusCode = 200;
        _clock.Advance(TimeSpan.FromMinutes(59));
        await PingAndWaitAsync(webhookId, expectedOutcomes: 2);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await PingAndWaitAsync(webhookId, expectedOutcomes: 3);
        var afterThePeriod = await NextEventAsync();

        var outcomes = _emulator.WebhookDeliveries.Select(d => d.Outcome).ToArray();
        Assert.Equal([WebhookDeliveryOutcome.Failed, WebhookDeliveryOutcome.DroppedCircuitOpen, WebhookDeliveryOutcome.Delivered], outcomes);
        Assert.Equal(500, _emulator.WebhookDeliveries[0].StatusCode);
        Assert.Equal("ping", afterThePeriod.GetProperty("Type").GetString());
        Assert.Equal(2, _receiver.ReceivedCount);
    }

    [Fact]
    public async Task A_webhook_off_the_loopback_interface_is_skipped_and_counted()
    {
        var webhookId = await CreateWebhookAsync("https://hooks.example.com/uipath");

        await PingAndWaitAsync(webhookId, expectedOutcomes: 1);

        var delivery = Assert.Single(_emulator.WebhookDeliveries);
        Assert.Equal(WebhookDeliveryOutcome.SkippedNotLoopback, delivery.Outcome);
        Assert.Equal(0, _receiver.ReceivedCount);
    }

    private async Task<long> CreateWebhookAsync(string url, params string[] events)
    {
        var body = JsonSerializer.Serialize(new
        {
            Name = "Test hook " + Guid.NewGuid().ToString("N"),
            Url = url,
            Enabled = true,
            Secret,
            SubscribeToAllEvents = false,
            AllowInsecureSsl = false,
            Events = events.Select(name => new { EventType = name }).ToArray(),
        });
        using var response = await _http.PostAsync("odata/Webhooks", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var created = JsonDocument.Parse(text);
        return created.RootElement.GetProperty("Id").GetInt64();
    }

    private async Task<long> StartJobAsync()
    {
        var release = _emulator.Data.Releases.InFolder(_emulator.Data.FindFolderByPath(_emulator.DefaultFolderPath)!.Id).First();
        var body = "{\"startInfo\":{\"ReleaseKey\":\"" + release.Key + "\",\"Strategy\":\"ModernJobsCount\",\"JobsCount\":1}}";
        using var response = await _http.PostAsync($"odata/Jobs/{OdataNamespace}.StartJobs", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var jobs = JsonDocument.Parse(text);
        return jobs.RootElement.GetProperty("value")[0].GetProperty("Id").GetInt64();
    }

    private async Task TouchAsync()
    {
        using var response = await _http.GetAsync("odata/Jobs?$top=1");
        response.EnsureSuccessStatusCode();
    }

    private async Task PingAndWaitAsync(long webhookId, int? expectedOutcomes = null)
    {
        using var response = await _http.PostAsync($"odata/Webhooks({webhookId})/{OdataNamespace}.Ping", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        if (expectedOutcomes is { } count)
        {
            using var timeout = new CancellationTokenSource(Patience);
            await _emulator.WaitForWebhookDeliveriesAsync(count, timeout.Token);
        }
    }

    /// <summary>The next POST's payload, after checking its signature the way a receiver must.</summary>
    private async Task<JsonElement> NextEventAsync()
    {
        var received = await _receiver.NextAsync();
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), received.Body));
        Assert.Equal(expected, received.Signature);
        Assert.StartsWith("application/json", received.ContentType, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(received.Body);
        return document.RootElement.Clone();
    }
}
