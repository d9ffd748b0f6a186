namespace UiPathClients.Emulator.Orchestrator.Webhooks;

/// <summary>
/// Where the emulator's routes and job runner report the events Orchestrator raises for webhooks. Publishing never
/// blocks and never fails the request that caused the event: delivery happens later, in the background.
/// </summary>
internal interface IWebhookEventSink
{
    /// <summary>Queues <paramref name="eventType"/> for every enabled webhook subscribed to it.</summary>
    /// <param name="eventType">The event name, e.g. <c>job.started</c> (see <see cref="WebhookEventTypes"/>).</param>
    /// <param name="organizationUnitId">The folder the event happened in; null for tenant-wide events.</param>
    /// <param name="entityProperty">The payload property holding the entity (<c>Job</c>, <c>Jobs</c>, <c>QueueItem</c>); null for none.</param>
    /// <param name="entity">The entity (or list of entities), serialized now, so later changes do not leak into the event.</param>
    void Publish(string eventType, long? organizationUnitId, string? entityProperty, object? entity);
}

/// <summary>The event names the emulator raises (a subset of what <c>GetEventTypes</c> lists) and <c>ping</c>.</summary>
internal static class WebhookEventTypes
{
    public const string Ping = "ping";
    public const string JobCreated = "job.created";
    public const string JobStarted = "job.started";
    public const string JobCompleted = "job.completed";
    public const string JobFaulted = "job.faulted";
    public const string JobStopped = "job.stopped";
    public const string QueueItemAdded = "queueItem.added";
}
