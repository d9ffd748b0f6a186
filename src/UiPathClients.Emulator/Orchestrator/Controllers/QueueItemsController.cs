using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Errors;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>The <c>QueueItems</c> set (folder scoped), <c>GetItemLastRetryByKey</c>, <c>GetItemLastRetry</c>, <c>DeleteBulk</c> and <c>SetTransactionProgress</c>.</summary>
internal sealed class QueueItemsController : TableController<QueueItemDto, long>
{
    /// <summary>The EDMX declares the queue-item operations in this schema, not in <c>UiPath.Server.Configuration.OData</c>.</summary>
    private const string Namespace = "UiPathODataSvc";

    public QueueItemsController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<QueueItemDto, long> Table => State.Data.QueueItems;

    protected override string EntityName => "Queue item";

    /// <summary><c>GET QueueItems/UiPathODataSvc.GetItemLastRetryByKey(key=…)</c>: the newest retry of an item.</summary>
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

    /// <summary><c>GET QueueItems({key})/UiPath.Server.Configuration.OData.GetItemLastRetry()</c>: the newest retry of the item.</summary>
    [HttpGet("odata/QueueItems({key})/UiPath.Server.Configuration.OData.GetItemLastRetry()")]
    public IActionResult GetItemLastRetry(long key)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (Table.Find(key, folderId) is not { } item)
        {
            return OrchestratorError.NotFound($"Queue item {key}");
        }

        var original = item.AncestorUniqueKey ?? item.Key;
        return Ok(Table.InFolder(folderId)
            .Where(candidate => candidate.Key == original || (original is not null && candidate.AncestorUniqueKey == original))
            .OrderByDescending(candidate => candidate.RetryNumber ?? 0)
            .First());
    }

    /// <summary>
    /// <c>POST QueueItems/UiPathODataSvc.DeleteBulk</c> with <c>{"queueItems": [{"Id": …}, ...]}</c>: deletes the New items
    /// (their status becomes Deleted, as the service keeps them); the others are listed as failed.
    /// </summary>
    [HttpPost("odata/QueueItems/" + Namespace + ".DeleteBulk")]
    public async Task<IActionResult> DeleteBulk()
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        var items = ActionBody.Parameter<List<LongVersionedEntity>>(await ActionBody.ReadAsync(Request).ConfigureAwait(false), "queueItems");
        if (items is null || items.Any(item => item.Id is null))
        {
            return OrchestratorError.BadRequest("The body must list the items: {\"queueItems\": [{\"Id\": 1}, ...]}.");
        }

        var failed = new List<long>();
        foreach (var id in items.Select(item => item.Id!.Value))
        {
            var deleted = false;
            Table.Update(id, folderId, candidate =>
            {
                if (candidate.Status == QueueItemStatus.New)
                {
                    candidate.Status = QueueItemStatus.Deleted;
                    deleted = true;
                }
            });
            if (!deleted)
            {
                failed.Add(id);
            }
        }

        return Ok(new BulkOperationResponseDtoOfInt64
        {
            Success = failed.Count == 0,
            Message = failed.Count == 0 ? null : $"{failed.Count} of {items.Count} queue items were not deleted: only New items can be.",
            FailedItems = failed,
        });
    }

    /// <summary>
    /// <c>POST QueueItems({key})/UiPathODataSvc.SetTransactionProgress</c> with <c>{"progress": "…"}</c>: sets the
    /// Progress of an item whose transaction is in progress (200 with no body); 400 for an item in any other status.
    /// </summary>
    [HttpPost("odata/QueueItems({key})/" + Namespace + ".SetTransactionProgress")]
    public async Task<IActionResult> SetTransactionProgress(long key)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        var body = await ActionBody.ReadAsync(Request).ConfigureAwait(false);
        if (body is not { } root || (root.TryGetProperty("progress", out var progress) && progress.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
        {
            return OrchestratorError.BadRequest("The body must be {\"progress\": \"…\"}.");
        }

        var text = root.TryGetProperty("progress", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        QueueItemStatus? status = null;
        var item = Table.Update(key, folderId, candidate =>
        {
            status = candidate.Status;
            if (candidate.Status == QueueItemStatus.InProgress)
            {
                candidate.Progress = text;
            }
        });
        if (item is null)
        {
            return OrchestratorError.NotFound($"Queue item {key}");
        }

        return status == QueueItemStatus.InProgress
            ? Ok()
            : OrchestratorError.BadRequest($"The progress of queue item {key} can only be set while its transaction is in progress: the item is {status}.");
    }
}
