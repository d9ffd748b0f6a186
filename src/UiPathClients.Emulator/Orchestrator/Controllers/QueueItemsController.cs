using System;
using System.Linq;
using Microsoft.AspNetCore.Mvc;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>The <c>QueueItems</c> set (folder scoped) and <c>GetItemLastRetryByKey</c>.</summary>
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
}
