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
    /// <param name="entityProperty">The payload property holding the entity (<c>Job</c>, <c>Jobs</c>, <c>Releases</c> …); null for none.</param>
    /// <param name="entity">The entity (or list of entities), serialized now, so later changes do not leak into the event.</param>
    void Publish(string eventType, long? organizationUnitId, string? entityProperty, object? entity);

    /// <summary>
    /// Queues <paramref name="eventType"/> with several entity properties, in the order given (the <c>queueItem.*</c>
    /// events carry the item and its queue).
    /// </summary>
    /// <param name="eventType">The event name (see <see cref="WebhookEventTypes"/>).</param>
    /// <param name="organizationUnitId">The folder the event happened in; null for tenant-wide events.</param>
    /// <param name="entities">Each payload property and its entity, serialized now.</param>
    void Publish(string eventType, long? organizationUnitId, params WebhookEntity[] entities);
}

/// <summary>One entity property of an event's payload, e.g. <c>Queues</c> and the list of queues.</summary>
/// <param name="Property">The payload property, as Orchestrator names it.</param>
/// <param name="Value">The entity or list of entities.</param>
internal readonly record struct WebhookEntity(string Property, object? Value);

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
    public const string QueueItemTransactionStarted = "queueItem.transactionStarted";
    public const string QueueItemTransactionCompleted = "queueItem.transactionCompleted";
    public const string QueueItemTransactionFailed = "queueItem.transactionFailed";
    public const string ProcessCreated = "process.created";
    public const string ProcessUpdated = "process.updated";
    public const string ProcessDeleted = "process.deleted";
    public const string QueueCreated = "queue.created";
    public const string QueueUpdated = "queue.updated";
    public const string QueueDeleted = "queue.deleted";
    public const string RobotCreated = "robot.created";
    public const string RobotUpdated = "robot.updated";
    public const string RobotDeleted = "robot.deleted";
}
