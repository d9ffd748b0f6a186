using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Data;

namespace UiPathClients.Emulator.Orchestrator.Webhooks;

/// <summary>
/// Delivers webhook events as Orchestrator does: a JSON POST per event and webhook, signed with
/// <c>X-UiPath-Signature</c> = Base64(HMAC-SHA256(UTF-8 secret, body)), in event order, from one background worker.
/// </summary>
/// <remarks>
/// A failed delivery (non-2xx, or no answer) opens the webhook's circuit for
/// <see cref="OrchestratorEmulatorOptions.WebhookCircuitBreakDuration"/> by the emulator's clock: events raised in that
/// time are dropped, as the service disables a failing webhook. Only loopback URLs are posted to; others (the seed's
/// example hosts, say) are skipped and recorded, so an emulator never sends tenant data off the machine.
/// </remarks>
internal sealed class WebhookDispatcher : IWebhookEventSink, IAsyncDisposable
{
    /// <summary>The emulator's one tenant and user, as its <c>Ping</c> answer reports them.</summary>
    public const int TenantId = 1;

    /// <inheritdoc cref="TenantId"/>
    public const long UserId = 1;

    /// <summary>The signature header Orchestrator sends with each event.</summary>
    public const string SignatureHeader = "X-UiPath-Signature";

    /// <summary>Events waiting for the worker; beyond it they are dropped and counted, never blocking a request.</summary>
    private const int QueueCapacity = 1024;

    /// <summary>How event bodies are written: enums by name, null members left out.</summary>
    internal static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly OrchestratorData _data;
    private readonly OrchestratorEmulatorOptions _options;
    private readonly Channel<PendingEvent> _queue = Channel.CreateBounded<PendingEvent>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<long, DateTimeOffset> _openUntil = [];
    private readonly List<WebhookDelivery> _deliveries = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private readonly Task _worker;

    public WebhookDispatcher(OrchestratorData data, OrchestratorEmulatorOptions options)
    {
        _data = data;
        _options = options;
        _worker = Task.Run(RunAsync);
    }

    /// <summary>Every delivery, failure, drop and skip so far, in the order they happened.</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (_deliveries)
            {
                return _deliveries.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public void Publish(string eventType, long? organizationUnitId, string? entityProperty, object? entity) =>
        Publish(eventType, organizationUnitId, entityProperty is null ? [] : [new WebhookEntity(entityProperty, entity)]);

    /// <inheritdoc />
    public void Publish(string eventType, long? organizationUnitId, params WebhookEntity[] entities)
    {
        var targets = _data.Webhooks.InFolder(null)
            .Where(webhook => webhook.Enabled && (webhook.SubscribeToAllEvents || webhook.Events.Any(subscribed => subscribed.EventType == eventType)))
            .ToList();
        Enqueue(targets, eventType, organizationUnitId, entities);
    }

    /// <summary>Queues a <c>ping</c> event for <paramref name="webhook"/> alone, whatever it subscribes to; returns the event's body.</summary>
    public PingEventDto Ping(WebhookDto webhook)
    {
        var (eventId, timestamp) = Enqueue([webhook], WebhookEventTypes.Ping, organizationUnitId: null, entities: []);
        return new PingEventDto
        {
            Type = WebhookEventTypes.Ping,
            EventId = eventId,
            EntityKey = webhook.Key,
            Timestamp = timestamp,
            EventTime = timestamp,
            TenantId = TenantId,
            UserId = UserId,
        };
    }

    /// <summary>Completes when at least <paramref name="count"/> deliveries (of any outcome) have been recorded.</summary>
    public Task WaitForDeliveriesAsync(int count, CancellationToken cancellationToken)
    {
        lock (_deliveries)
        {
            if (_deliveries.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Signs <paramref name="body"/> as Orchestrator does: Base64(HMAC-SHA256(UTF-8 <paramref name="secret"/>, body)).</summary>
    public static string Sign(string secret, byte[] body) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Whether <paramref name="url"/> is an absolute http(s) URL on this machine's loopback interface.</summary>
    public static bool IsLoopback(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address)));

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The worker stops mid-delivery on purpose: the emulator is going away.
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    private (string EventId, DateTimeOffset Timestamp) Enqueue(List<WebhookDto> targets, string eventType, long? organizationUnitId, WebhookEntity[] entities)
    {
        var eventId = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        var timestamp = _options.TimeProvider.GetUtcNow();
        if (targets.Count == 0)
        {
            return (eventId, timestamp);
        }

        // The field order of the service's events: Type, EventId, Timestamp, the entities, then the tenant, folder and user.
        var payload = new Dictionary<string, object?>
        {
            ["Type"] = eventType,
            ["EventId"] = eventId,
            ["Timestamp"] = timestamp,
        };
        foreach (var entity in entities)
        {
            payload[entity.Property] = entity.Value;
        }

        payload["TenantId"] = TenantId;
        payload["OrganizationUnitId"] = organizationUnitId;
        payload["UserId"] = UserId;
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, Json);
        foreach (var webhook in targets)
        {
            var pending = new PendingEvent(webhook.Id, webhook.Url ?? string.Empty, webhook.Secret, eventType, eventId, timestamp, body);
            if (!_queue.Writer.TryWrite(pending))
            {
                Record(pending, WebhookDeliveryOutcome.DroppedQueueFull, statusCode: null, error: null);
            }
        }

        return (eventId, timestamp);
    }

    private async Task RunAsync()
    {
        await foreach (var pending in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            await DeliverAsync(pending).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(PendingEvent pending)
    {
        // Judged by when the event was raised, not when the worker reaches it, so a test's clock decides alone.
        if (_openUntil.TryGetValue(pending.WebhookId, out var openUntil) && pending.Timestamp < openUntil)
        {
            Record(pending, WebhookDeliveryOutcome.DroppedCircuitOpen, statusCode: null, error: null);
            return;
        }

        if (!IsLoopback(pending.Url))
        {
            Record(pending, WebhookDeliveryOutcome.SkippedNotLoopback, statusCode: null, error: null);
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, pending.Url) { Content = new ByteArrayContent(pending.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (!string.IsNullOrEmpty(pending.Secret))
        {
            request.Headers.TryAddWithoutValidation(SignatureHeader, Sign(pending.Secret, pending.Body));
        }

        try
        {
            using var response = await _http.SendAsync(request, _stopping.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                Record(pending, WebhookDeliveryOutcome.Delivered, (int)response.StatusCode, error: null);
                return;
            }

            Fail(pending, (int)response.StatusCode, error: null);
        }
        catch (HttpRequestException exception)
        {
            Fail(pending, statusCode: null, exception.Message);
        }
        catch (TaskCanceledException exception) when (!_stopping.IsCancellationRequested)
        {
            // HttpClient's timeout: the receiver never answered.
            Fail(pending, statusCode: null, exception.Message);
        }
    }

    private void Fail(PendingEvent pending, int? statusCode, string? error)
    {
        _openUntil[pending.WebhookId] = _options.TimeProvider.GetUtcNow() + _options.WebhookCircuitBreakDuration;
        Record(pending, WebhookDeliveryOutcome.Failed, statusCode, error);
    }

    private void Record(PendingEvent pending, WebhookDeliveryOutcome outcome, int? statusCode, string? error)
    {
        var delivery = new WebhookDelivery(pending.WebhookId, pending.Url, pending.EventType, pending.EventId, pending.Timestamp, outcome, statusCode, error);
        lock (_deliveries)
        {
            _deliveries.Add(delivery);
            for (var index = _waiters.Count - 1; index >= 0; index--)
            {
                if (_deliveries.Count >= _waiters[index].Count)
                {
                    _waiters[index].Reached.TrySetResult();
                    _waiters.RemoveAt(index);
                }
            }
        }
    }

    private sealed record PendingEvent(long WebhookId, string Url, string? Secret, string EventType, string EventId, DateTimeOffset Timestamp, byte[] Body);
}
