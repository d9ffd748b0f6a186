using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Data;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>The <c>QueueDefinitions</c> set (folder scoped) and <c>GetQueuesAcrossFolders</c>.</summary>
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

    private protected override void BeforeCreate(QueueDefinitionDto entity, long? folderId)
    {
        entity.OrganizationUnitId = folderId;
        entity.CreationTime ??= State.Options.TimeProvider.GetUtcNow();
        entity.Key ??= System.Guid.NewGuid();
    }
}
