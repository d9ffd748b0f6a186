using System;
using System.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using UiPathClients.Emulator.Data;
using UiPathClients.Emulator.Errors;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator;

namespace UiPathClients.Emulator.Controllers;

/// <summary>The <c>QueueItems</c> set (folder scoped), <c>AddQueueItem</c> and <c>GetItemLastRetryByKey</c>.</summary>
internal sealed class QueueItemsController : TableController<QueueItemDto, long>
{
    private const string Namespace = "UiPath.Server.Configuration.OData";

    public QueueItemsController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<QueueItemDto, long> Table => State.Data.QueueItems;

    protected override string EntityName => "Queue item";

    /// <summary><c>POST QueueItems/UiPath.Server.Configuration.OData.AddQueueItem</c> with <c>{"itemData": {...}}</c>.</summary>
    [HttpPost("odata/QueueItems/" + Namespace + ".AddQueueItem")]
    public IActionResult AddQueueItem(ODataActionParameters parameters)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (parameters?.TryGetValue("itemData", out var value) != true || value is not QueueItemDataDto itemData)
        {
            return OrchestratorError.BadRequest("The body must be {\"itemData\": {...}}.");
        }

        var queue = State.Data.QueueDefinitions.InFolder(folderId).FirstOrDefault(candidate => candidate.Name == itemData.Name);
        if (queue is null)
        {
            return OrchestratorError.NotFound($"Queue '{itemData.Name}' in this folder");
        }

        if (queue.EnforceUniqueReference == true && itemData.Reference is not null
            && Table.InFolder(folderId).Any(item => item.QueueDefinitionId == queue.Id && item.Reference == itemData.Reference))
        {
            return new OrchestratorError(Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict, OrchestratorError.InvalidRequest, $"Error creating Transaction. Duplicate Reference '{itemData.Reference}'.");
        }

        var item = Table.Add(
            new QueueItemDto
            {
                QueueDefinitionId = queue.Id,
                Key = Guid.NewGuid(),
                UniqueKey = Guid.NewGuid(),
                Reference = itemData.Reference,
                Status = QueueItemStatus.New,
                Priority = itemData.Priority switch
                {
                    QueueItemDataPriority.High => QueueItemPriority.High,
                    QueueItemDataPriority.Low => QueueItemPriority.Low,
                    _ => QueueItemPriority.Normal,
                },
                DueDate = itemData.DueDate,
                DeferDate = itemData.DeferDate,
                Progress = itemData.Progress,
                CreationTime = State.Options.TimeProvider.GetUtcNow(),
                RetryNumber = 0,
                OrganizationUnitId = folderId,
                OrganizationUnitFullyQualifiedName = queue.OrganizationUnitFullyQualifiedName,
            },
            folderId);
        return Ok(item);
    }

    /// <summary><c>GET QueueItems/UiPath.Server.Configuration.OData.GetItemLastRetryByKey(key=…)</c>: the newest retry of an item.</summary>
    [HttpGet("odata/QueueItems/" + Namespace + ".GetItemLastRetryByKey(key={key})")]
    public IActionResult GetItemLastRetryByKey(Guid key)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        var item = Table.InFolder(folderId)
            .Where(candidate => candidate.Key == key || candidate.AncestorUniqueKey == key)
            .OrderByDescending(candidate => candidate.RetryNumber ?? 0)
            .FirstOrDefault();
        return item is null ? OrchestratorError.NotFound($"Queue item {key}") : Ok(item);
    }

    private protected override void SetKey(QueueItemDto entity, long key) => entity.Id = key;
}
