using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace UiPathClients.Runtime.Webhooks;

/// <summary>
/// One webhook request from Orchestrator: the properties every event has, and (in the derived class chosen by
/// <see cref="Type"/>) the entity it is about. <see cref="UiPathWebhookParser"/> builds it from the raw body.
/// </summary>
public abstract class UiPathWebhookEvent
{
    /// <summary>The event type, e.g. <c>job.completed</c>.</summary>
    public string Type { get; set; } = "";
    /// <summary>The event's unique id (a receiver can drop a delivery it has seen).</summary>
    public string? EventId { get; set; }
    /// <summary>When the event happened.</summary>
    public DateTimeOffset? Timestamp { get; set; }
    /// <summary>The tenant the event happened in.</summary>
    public long? TenantId { get; set; }
    /// <summary>The folder the event happened in.</summary>
    public long? OrganizationUnitId { get; set; }
    /// <summary>The user whose action raised the event, when one did.</summary>
    public long? UserId { get; set; }

    /// <summary>The whole body as received (UTF-8 text).</summary>
    [JsonIgnore]
    public string RawJson { get; internal set; } = "";

    /// <inheritdoc />
    public override string ToString() => $"{Type} {EventId}";
}

/// <summary><c>job.created</c>, <c>job.started</c>, <c>job.completed</c>, <c>job.faulted</c>, <c>job.stopped</c>.</summary>
public sealed class UiPathJobWebhookEvent : UiPathWebhookEvent
{
    /// <summary>The job (every job event but <c>job.created</c>).</summary>
    public UiPathWebhookJob? Job { get; set; }
    /// <summary>The jobs started together (<c>job.created</c>).</summary>
    public IList<UiPathWebhookJob>? Jobs { get; set; }
}

/// <summary>
/// <c>queueItem.added</c>, <c>queueItem.transactionStarted</c>, <c>queueItem.transactionCompleted</c>,
/// <c>queueItem.transactionFailed</c>, <c>queueItem.transactionAbandoned</c>. Orchestrator sends the items added or
/// abandoned together in <see cref="QueueItems"/>, and the item of a transaction in <see cref="QueueItem"/>.
/// </summary>
public sealed class UiPathQueueItemWebhookEvent : UiPathWebhookEvent
{
    /// <summary>The item whose transaction started, completed or failed.</summary>
    public UiPathWebhookQueueItem? QueueItem { get; set; }
    /// <summary>The items added (<c>queueItem.added</c>) or abandoned (<c>queueItem.transactionAbandoned</c>).</summary>
    public IList<UiPathWebhookQueueItem>? QueueItems { get; set; }
    /// <summary>The queue the items are in.</summary>
    public UiPathWebhookQueueDefinition? Queue { get; set; }
}

/// <summary><c>queue.created</c>, <c>queue.updated</c>, <c>queue.deleted</c>.</summary>
public sealed class UiPathQueueWebhookEvent : UiPathWebhookEvent
{
    /// <summary>The queues created, changed or deleted (Orchestrator sends a list, usually of one).</summary>
    public IList<UiPathWebhookQueueDefinition>? Queues { get; set; }
}

/// <summary><c>process.created</c>, <c>process.updated</c>, <c>process.deleted</c>.</summary>
public sealed class UiPathProcessWebhookEvent : UiPathWebhookEvent
{
    /// <summary>
    /// The processes created, changed or deleted: Orchestrator's processes are releases, and it sends them in a list
    /// named <c>Releases</c> (usually of one).
    /// </summary>
    public IList<UiPathWebhookProcess>? Releases { get; set; }
}

/// <summary><c>robot.created</c>, <c>robot.updated</c>, <c>robot.deleted</c>, <c>robot.status</c>.</summary>
public sealed class UiPathRobotWebhookEvent : UiPathWebhookEvent
{
    /// <summary>The robot, when an event names one alone.</summary>
    public UiPathWebhookRobot? Robot { get; set; }
    /// <summary>The robots created, changed or deleted (Orchestrator sends a list for <c>robot.created</c>, <c>robot.updated</c>, <c>robot.deleted</c>).</summary>
    public IList<UiPathWebhookRobot>? Robots { get; set; }
}

/// <summary><c>ping</c>: the request Orchestrator sends to test a webhook's URL.</summary>
public sealed class UiPathPingWebhookEvent : UiPathWebhookEvent
{
}

/// <summary>An event type this runtime has no class for: its common properties, and the rest in <see cref="UiPathWebhookEvent.RawJson"/>.</summary>
public sealed class UiPathUnknownWebhookEvent : UiPathWebhookEvent
{
}
