using System;
using System.Linq;
using UiPathClients.Emulator.Orchestrator;

namespace UiPathClients.Emulator.Data;

/// <summary>
/// The emulator's in-memory tenant: one table per entity set it serves. Tests read and add rows here to
/// compare what the client sees with what the server holds.
/// </summary>
public sealed class OrchestratorData
{
    internal OrchestratorData()
    {
        Folders = LongKeyed<FolderDto>("Folders", folderScoped: false, entity => entity.Id, (entity, id) => entity.Id = id);
        Jobs = LongKeyed<JobDto>("Jobs", folderScoped: true, entity => entity.Id, (entity, id) => entity.Id = id);
        Releases = LongKeyed<ReleaseDto>("Releases", folderScoped: true, entity => entity.Id, (entity, id) => entity.Id = id);
        Processes = new EntityTable<ProcessDto, string>("Processes", folderScoped: false, entity => entity.Id ?? string.Empty, (entity, key) => entity.Id = key, assignKey: null);
        QueueDefinitions = LongKeyed<QueueDefinitionDto>("QueueDefinitions", folderScoped: true, entity => entity.Id, (entity, id) => entity.Id = id);
        QueueItems = LongKeyed<QueueItemDto>("QueueItems", folderScoped: true, entity => entity.Id, (entity, id) => entity.Id = id);
        Webhooks = LongKeyed<WebhookDto>("Webhooks", folderScoped: false, entity => entity.Id, (entity, id) => entity.Id = id);
        Robots = LongKeyed<RobotDto>("Robots", folderScoped: false, entity => entity.Id, (entity, id) => entity.Id = id);
        Machines = LongKeyed<ExtendedMachineDto>("Machines", folderScoped: false, entity => entity.Id, (entity, id) => entity.Id = id);
        Assets = LongKeyed<AssetDto>("Assets", folderScoped: true, entity => entity.Id, (entity, id) => entity.Id = id);
    }

    /// <summary>Folders (tenant level); requests name one with the folder headers.</summary>
    public EntityTable<FolderDto, long> Folders { get; }

    /// <summary>Jobs (folder scoped); <c>StartJobs</c> adds rows that the job clock moves on.</summary>
    public EntityTable<JobDto, long> Jobs { get; }

    /// <summary>Releases, the processes deployed to a folder (folder scoped).</summary>
    public EntityTable<ReleaseDto, long> Releases { get; }

    /// <summary>Packages in the tenant feed (string keys such as <c>InvoiceProcessing</c>).</summary>
    public EntityTable<ProcessDto, string> Processes { get; }

    /// <summary>Queues (folder scoped).</summary>
    public EntityTable<QueueDefinitionDto, long> QueueDefinitions { get; }

    /// <summary>Queue items (folder scoped).</summary>
    public EntityTable<QueueItemDto, long> QueueItems { get; }

    /// <summary>Webhooks (tenant level).</summary>
    public EntityTable<WebhookDto, long> Webhooks { get; }

    /// <summary>Robots (tenant level).</summary>
    public EntityTable<RobotDto, long> Robots { get; }

    /// <summary>Machines (tenant level).</summary>
    public EntityTable<ExtendedMachineDto, long> Machines { get; }

    /// <summary>Assets (folder scoped; the DTO itself carries no folder id).</summary>
    public EntityTable<AssetDto, long> Assets { get; }

    /// <summary>The folder with this fully qualified name (case-insensitive, as Orchestrator matches it).</summary>
    public FolderDto? FindFolderByPath(string path) =>
        Folders.InFolder(null).FirstOrDefault(folder => string.Equals(folder.FullyQualifiedName, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>The folder with this key.</summary>
    public FolderDto? FindFolderByKey(Guid key) => Folders.InFolder(null).FirstOrDefault(folder => folder.Key == key);

    private static EntityTable<TEntity, long> LongKeyed<TEntity>(string name, bool folderScoped, Func<TEntity, long> keyOf, Action<TEntity, long> setKey)
        where TEntity : class =>
        new(name, folderScoped, keyOf, setKey, (entity, next) =>
        {
            // A caller-chosen id wins (tests seed fixed ids); otherwise the next free one.
            var id = keyOf(entity);
            if (id == 0)
            {
                setKey(entity, next);
                id = next;
            }

            return id;
        });
}
