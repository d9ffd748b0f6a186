using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>
/// The <c>QueueItems</c> set (folder scoped), <c>GetItemLastRetryByKey</c>, <c>GetItemLastRetry</c>, <c>SetTransactionProgress</c>
/// and the bulk actions <c>DeleteBulk</c>, <c>SetItemReviewStatus</c>, <c>SetItemReviewer</c> and <c>UnsetItemReviewer</c>.
/// </summary>
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

    /// <summary>The description's text for a queue item that does not exist (<c>QueueItems({key})</c>, 404: "Queue Item does not exist.").</summary>
    private protected override OrchestratorError EntityNotFound(long key) => OrchestratorError.NotFound("Queue Item");

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
        return item is null ? OrchestratorError.NotFound("Queue Item") : Ok(item);
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
            return EntityNotFound(key);
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
    public async Task<IActionResult> DeleteBulk() =>
        await ChangeEachAsync(
            _ => null,
            item => item.Status == QueueItemStatus.New,
            item => item.Status = QueueItemStatus.Deleted,
            "only New items can be deleted").ConfigureAwait(false);

    /// <summary>
    /// <c>POST QueueItems/UiPathODataSvc.SetItemReviewStatus</c> with <c>{"status": "InReview"|"Verified"|…, "queueItems": [...]}</c>:
    /// sets the review status of the failed items; the others are listed as failed.
    /// </summary>
    [HttpPost("odata/QueueItems/" + Namespace + ".SetItemReviewStatus")]
    public async Task<IActionResult> SetItemReviewStatus()
    {
        QueueItemReviewStatus status = default;
        return await ChangeEachAsync(
            body => body.TryGetProperty("status", out var value) && value.ValueKind == JsonValueKind.String && Enum.TryParse(value.GetString(), ignoreCase: true, out status) && Enum.IsDefined(status)
                ? null
                : "The body must name a review status: {\"status\": \"InReview\"|\"Verified\"|…, \"queueItems\": [...]}.",
            item => item.Status == QueueItemStatus.Failed,
            item => item.ReviewStatus = status,
            "only failed items are reviewed").ConfigureAwait(false);
    }

    /// <summary><c>POST QueueItems/UiPathODataSvc.SetItemReviewer</c> with <c>{"userId": …, "queueItems": [...]}</c>: assigns the reviewer.</summary>
    [HttpPost("odata/QueueItems/" + Namespace + ".SetItemReviewer")]
    public async Task<IActionResult> SetItemReviewer()
    {
        long userId = 0;
        return await ChangeEachAsync(
            body => body.TryGetProperty("userId", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out userId)
                ? null
                : "The body must name the reviewer: {\"userId\": 1, \"queueItems\": [...]}.",
            _ => true,
            item => item.ReviewerUserId = userId,
            string.Empty).ConfigureAwait(false);
    }

    /// <summary><c>POST QueueItems/UiPathODataSvc.UnsetItemReviewer</c> with <c>{"queueItems": [...]}</c>: removes the reviewer.</summary>
    [HttpPost("odata/QueueItems/" + Namespace + ".UnsetItemReviewer")]
    public async Task<IActionResult> UnsetItemReviewer() =>
        await ChangeEachAsync(_ => null, _ => true, item => item.ReviewerUserId = null, string.Empty).ConfigureAwait(false);

    /// <summary>
    /// The bulk queue-item actions: reads <c>queueItems</c> (and what <paramref name="readArguments"/> checks, which answers
    /// an error message or null), applies <paramref name="change"/> to each item of the folder that <paramref name="applies"/>
    /// to, and answers which items failed (missing, or not in the state <paramref name="refusal"/> names).
    /// </summary>
    private async Task<IActionResult> ChangeEachAsync(Func<JsonElement, string?> readArguments, Func<QueueItemDto, bool> applies, Action<QueueItemDto> change, string refusal)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        var body = await ActionBody.ReadAsync(Request).ConfigureAwait(false);
        var items = ActionBody.Parameter<List<LongVersionedEntity>>(body, "queueItems");
        if (body is not { } root || items is null || items.Any(item => item.Id is null))
        {
            return OrchestratorError.BadRequest("The body must list the items: {\"queueItems\": [{\"Id\": 1}, ...]}.");
        }

        if (readArguments(root) is { } invalid)
        {
            return OrchestratorError.BadRequest(invalid);
        }

        var failed = new List<long>();
        foreach (var id in items.Select(item => item.Id!.Value))
        {
            var changed = false;
            Table.Update(id, folderId, candidate =>
            {
                if (applies(candidate))
                {
                    change(candidate);
                    changed = true;
                }
            });
            if (!changed)
            {
                failed.Add(id);
            }
        }

        return Ok(new BulkOperationResponseDtoOfInt64
        {
            Success = failed.Count == 0,
            Message = failed.Count == 0 ? null : $"{failed.Count} of {items.Count} queue items were not changed: they do not exist{(refusal.Length == 0 ? string.Empty : " or " + refusal)}.",
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
            return EntityNotFound(key);
        }

        return status == QueueItemStatus.InProgress
            ? Ok()
            : OrchestratorError.BadRequest($"The progress of queue item {key} can only be set while its transaction is in progress: the item is {status}.");
    }
}
