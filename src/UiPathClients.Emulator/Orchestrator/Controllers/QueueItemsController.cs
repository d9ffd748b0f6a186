using System;
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

/// <summary>The <c>QueueItems</c> set (folder scoped), <c>GetItemLastRetryByKey</c> and <c>SetTransactionProgress</c>.</summary>
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
