using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Orchestrator.Webhooks;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>
/// The <c>QueueDefinitions</c> set (folder scoped), <c>GetQueuesAcrossFolders</c>, <c>GetByKey</c> and <c>GetFoldersForQueue</c>.
/// Creating, changing and deleting a queue raise <c>queue.created</c>, <c>queue.updated</c> and <c>queue.deleted</c>, the
/// queue in the payload's <c>Queues</c> list.
/// </summary>
internal sealed class QueueDefinitionsController : TableController<QueueDefinitionDto, long>
{
    private const string Namespace = "UiPath.Server.Configuration.OData";

    public QueueDefinitionsController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<QueueDefinitionDto, long> Table => State.Data.QueueDefinitions;

    protected override string EntityName => "Queue";

    /// <summary>
    /// <c>GET QueueDefinitions/UiPath.Server.Configuration.OData.GetQueuesAcrossFolders()?excludeFolderId=…</c>: the queues
    /// of every folder except the excluded one, with the query options applied.
    /// </summary>
    [HttpGet("odata/QueueDefinitions/" + Namespace + ".GetQueuesAcrossFolders()")]
    public IActionResult GetQueuesAcrossFolders([FromQuery] long? excludeFolderId, ODataQueryOptions<QueueDefinitionDto> queryOptions)
    {
        if (!TryGetFolder(out _, out var error))
        {
            return error;
        }

        return Query(AcrossFolders(excludeFolderId), queryOptions);
    }

    /// <summary><c>GET QueueDefinitions/…GetByKey(identifier=…)</c>: the folder's queue whose <c>Key</c> is the given GUID.</summary>
    [HttpGet("odata/QueueDefinitions/" + Namespace + ".GetByKey(identifier={identifier})")]
    public IActionResult GetByKey(System.Guid identifier)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        return System.Linq.Enumerable.FirstOrDefault(Table.InFolder(folderId), queue => queue.Key == identifier) is { } found
            ? Ok(found)
            : Errors.OrchestratorError.NotFound($"Queue {identifier}");
    }

    /// <summary><c>GET QueueDefinitions/…GetFoldersForQueue(id=…)</c>: the folders the queue is in.</summary>
    [HttpGet("odata/QueueDefinitions/" + Namespace + ".GetFoldersForQueue(id={id})")]
    public IActionResult GetFoldersForQueue(long id) => FoldersOf(id);

    private protected override void AfterCreate(QueueDefinitionDto created, long? folderId) => Publish(WebhookEventTypes.QueueCreated, created, folderId);

    private protected override void AfterUpdate(QueueDefinitionDto updated, long? folderId) => Publish(WebhookEventTypes.QueueUpdated, updated, folderId);

    private protected override void AfterDelete(QueueDefinitionDto deleted, long? folderId) => Publish(WebhookEventTypes.QueueDeleted, deleted, folderId);

    private void Publish(string eventType, QueueDefinitionDto queue, long? folderId) => State.Webhooks.Publish(eventType, folderId, "Queues", new[] { queue });

    private protected override void BeforeCreate(QueueDefinitionDto entity, long? folderId)
    {
        entity.OrganizationUnitId = folderId;
        entity.CreationTime ??= State.Options.TimeProvider.GetUtcNow();
        entity.Key ??= System.Guid.NewGuid();
    }
}
