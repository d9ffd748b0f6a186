using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Mvc;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>The <c>Webhooks</c> set, <c>GetEventTypes</c> and <c>Ping</c>.</summary>
internal sealed class WebhooksController : TableController<WebhookDto, long>
{
    private const string Namespace = "UiPath.Server.Configuration.OData";

    /// <summary>The event types Orchestrator's Webhooks reference page lists, in its order.</summary>
    private static readonly string[] EventTypes =
    [
        "process.created", "process.updated", "process.deleted",
        "schedule.failed",
        "robot.status",
        "job.started", "job.completed", "job.faulted", "job.stopped", "job.created",
        "queue.created", "queue.updated", "queue.deleted",
        "queueItem.added", "queueItem.transactionStarted", "queueItem.transactionFailed", "queueItem.transactionCompleted", "queueItem.transactionAbandoned",
        "robot.created", "robot.updated", "robot.deleted",
    ];

    public WebhooksController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<WebhookDto, long> Table => State.Data.Webhooks;

    protected override string EntityName => "Webhook";

    /// <summary><c>GET Webhooks/UiPath.Server.Configuration.OData.GetEventTypes()</c>.</summary>
    [HttpGet("odata/Webhooks/" + Namespace + ".GetEventTypes()")]
    public IActionResult GetEventTypes()
    {
        var types = new List<WebhookEventTypeDto>(EventTypes.Length);
        foreach (var name in EventTypes)
        {
            types.Add(new WebhookEventTypeDto { Name = name, Group = name[..name.IndexOf('.', StringComparison.Ordinal)] });
        }

        return Ok(types);
    }

    /// <summary><c>POST Webhooks({key})/UiPath.Server.Configuration.OData.Ping</c>: delivers a ping event to the webhook and answers with it.</summary>
    [HttpPost("odata/Webhooks({key})/" + Namespace + ".Ping")]
    public IActionResult Ping(long key)
    {
        var webhook = Table.Find(key, folderId: null);
        if (webhook is null)
        {
            return OrchestratorError.NotFound($"Webhook {key}");
        }

        // 202 Accepted, as the description documents: the ping event is queued and posted to the webhook's URL.
        return new ObjectResult(State.Webhooks.Ping(webhook)) { StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status202Accepted };
    }

    private protected override void BeforeCreate(WebhookDto entity, long? folderId) => entity.Key ??= Guid.NewGuid();
}
