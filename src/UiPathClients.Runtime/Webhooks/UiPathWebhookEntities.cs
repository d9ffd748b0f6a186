using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UiPathClients.Runtime.Webhooks;

/// <summary>Members every entity in a webhook payload has: the properties this runtime does not name are kept.</summary>
public abstract class UiPathWebhookEntity
{
    /// <summary>The entity's properties that have no typed member here, as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A job as a <c>job.*</c> webhook carries it.</summary>
public sealed class UiPathWebhookJob : UiPathWebhookEntity
{
    /// <summary>The job's id.</summary>
    public long Id { get; set; }
    /// <summary>The job's key.</summary>
    public Guid? Key { get; set; }
    /// <summary>The job's state (<c>Pending</c>, <c>Running</c>, <c>Successful</c>, <c>Faulted</c>, <c>Stopped</c> …).</summary>
    public string? State { get; set; }
    /// <summary>The job's info message (the error for a faulted job).</summary>
    public string? Info { get; set; }
    /// <summary>When the job was created.</summary>
    public DateTimeOffset? CreationTime { get; set; }
    /// <summary>When the job started.</summary>
    public DateTimeOffset? StartTime { get; set; }
    /// <summary>When the job ended.</summary>
    public DateTimeOffset? EndTime { get; set; }
    /// <summary>What started the job (<c>Manual</c>, <c>Schedule</c>, <c>Queue</c> …).</summary>
    public string? Source { get; set; }
    /// <summary>
    /// The job's input arguments as sent: a JSON object in Orchestrator's event examples, a string holding the object
    /// in the OData API's job (which is what the emulator sends), or null.
    /// </summary>
    public JsonElement? InputArguments { get; set; }
    /// <summary>The job's output arguments as sent: a JSON object, a string holding one, or null (see <see cref="InputArguments"/>).</summary>
    public JsonElement? OutputArguments { get; set; }
    /// <summary>The robot that runs the job.</summary>
    public UiPathWebhookRobot? Robot { get; set; }
    /// <summary>The process the job runs.</summary>
    public UiPathWebhookProcess? Release { get; set; }
}

/// <summary>A robot as webhooks carry it.</summary>
public sealed class UiPathWebhookRobot : UiPathWebhookEntity
{
    /// <summary>The robot's id.</summary>
    public long Id { get; set; }
    /// <summary>The robot's name.</summary>
    public string? Name { get; set; }
    /// <summary>The machine the robot is on.</summary>
    public string? MachineName { get; set; }
    /// <summary>The robot's type (<c>Unattended</c>, <c>Attended</c> …).</summary>
    public string? Type { get; set; }
    /// <summary>The robot's user name.</summary>
    public string? Username { get; set; }
    /// <summary>The robot's description.</summary>
    public string? Description { get; set; }
}

/// <summary>A process (release) as webhooks carry it.</summary>
public sealed class UiPathWebhookProcess : UiPathWebhookEntity
{
    /// <summary>The process's id.</summary>
    public long Id { get; set; }
    /// <summary>The process's key.</summary>
    public Guid? Key { get; set; }
    /// <summary>The process's name.</summary>
    public string? Name { get; set; }
    /// <summary>The package the process runs.</summary>
    public string? ProcessKey { get; set; }
    /// <summary>The package version the process runs.</summary>
    public string? ProcessVersion { get; set; }
    /// <summary>The process's description.</summary>
    public string? Description { get; set; }
}

/// <summary>A queue as <c>queue.*</c> webhooks carry it.</summary>
public sealed class UiPathWebhookQueueDefinition : UiPathWebhookEntity
{
    /// <summary>The queue's id.</summary>
    public long Id { get; set; }
    /// <summary>The queue's name.</summary>
    public string? Name { get; set; }
    /// <summary>The queue's description.</summary>
    public string? Description { get; set; }
    /// <summary>How many times a failed item is retried.</summary>
    public int? MaxNumberOfRetries { get; set; }
}

/// <summary>A queue item as <c>queueItem.*</c> webhooks carry it.</summary>
public sealed class UiPathWebhookQueueItem : UiPathWebhookEntity
{
    /// <summary>The item's id.</summary>
    public long Id { get; set; }
    /// <summary>The item's key.</summary>
    public Guid? Key { get; set; }
    /// <summary>The id of the queue the item is in.</summary>
    public long? QueueDefinitionId { get; set; }
    /// <summary>The item's status (<c>New</c>, <c>InProgress</c>, <c>Failed</c>, <c>Successful</c>, <c>Abandoned</c> …).</summary>
    public string? Status { get; set; }
    /// <summary>The item's priority.</summary>
    public string? Priority { get; set; }
    /// <summary>The item's reference.</summary>
    public string? Reference { get; set; }
    /// <summary>The exception type of a failed transaction (<c>BusinessException</c>, <c>ApplicationException</c>).</summary>
    public string? ProcessingExceptionType { get; set; }
    /// <summary>Why the item's transaction failed (<c>queueItem.transactionFailed</c>, and abandoned items that had failed before).</summary>
    public UiPathWebhookProcessingFailure? ProcessingException { get; set; }
    /// <summary>The item's data, as sent.</summary>
    public JsonElement? SpecificContent { get; set; }
    /// <summary>The transaction's output, as sent.</summary>
    public JsonElement? Output { get; set; }
}

/// <summary>The failure of a queue item's transaction, as <c>queueItem.*</c> webhooks carry it.</summary>
public sealed class UiPathWebhookProcessingFailure : UiPathWebhookEntity
{
    /// <summary>The failure's reason.</summary>
    public string? Reason { get; set; }
    /// <summary>The failure's details.</summary>
    public string? Details { get; set; }
    /// <summary>The exception type (<c>BusinessException</c>, <c>ApplicationException</c>).</summary>
    public string? Type { get; set; }
}
