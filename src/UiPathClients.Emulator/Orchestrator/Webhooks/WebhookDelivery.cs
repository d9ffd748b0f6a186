using System;

namespace UiPathClients.Emulator;

/// <summary>What became of one event for one webhook (see <see cref="OrchestratorEmulator.WebhookDeliveries"/>).</summary>
public enum WebhookDeliveryOutcome
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>The receiver answered non-2xx or could not be reached; the webhook's circuit opened.</summary>
    Failed,

    /// <summary>Dropped: the event was raised while the webhook's circuit was open after a failure.</summary>
    DroppedCircuitOpen,

    /// <summary>Not sent: the webhook's URL is not a loopback address (the emulator only posts to this machine).</summary>
    SkippedNotLoopback,

    /// <summary>Dropped: the delivery queue was full (the receiver is far slower than the events).</summary>
    DroppedQueueFull,
}

/// <summary>One attempt, or refusal, to deliver an event to a webhook.</summary>
/// <param name="WebhookId">The webhook's <c>Id</c>.</param>
/// <param name="Url">The webhook's URL when the event was raised.</param>
/// <param name="EventType">The event name, e.g. <c>job.completed</c> or <c>ping</c>.</param>
/// <param name="EventId">The event's <c>EventId</c>, as in the body.</param>
/// <param name="Timestamp">When the event was raised, by the emulator's clock.</param>
/// <param name="Outcome">Delivered, failed, dropped or skipped.</param>
/// <param name="StatusCode">The receiver's status code; null when no answer came (or nothing was sent).</param>
/// <param name="Error">Why a delivery failed without a status code; null otherwise.</param>
public sealed record WebhookDelivery(
    long WebhookId,
    string Url,
    string EventType,
    string EventId,
    DateTimeOffset Timestamp,
    WebhookDeliveryOutcome Outcome,
    int? StatusCode,
    string? Error);
