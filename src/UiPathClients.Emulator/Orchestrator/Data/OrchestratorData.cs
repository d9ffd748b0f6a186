using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.OData.Edm;
using UiPathClients.Emulator.Orchestrator.Model;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Data;

/// <summary>
/// The emulator's in-memory tenant: one table per entity set it serves. Tests read and add rows here to
/// compare what the client sees with what the server holds. Every other entity set of the description has
/// a table too, empty until a request or a test adds rows (<see cref="Table{TEntity, TKey}"/>).
/// </summary>
public sealed class OrchestratorData
{
    private readonly ConcurrentDictionary<string, object> _tables = new(StringComparer.Ordinal);

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
        Buckets = LongKeyed<BucketDto>("Buckets", folderScoped: true, entity => entity.Id, (entity, id) => entity.Id = id);
        Register(Folders);
        Register(Jobs);
        Register(Releases);
        Register(Processes);
        Register(QueueDefinitions);
        Register(QueueItems);
        Register(Webhooks);
        Register(Robots);
        Register(Machines);
        Register(Assets);
        Register(Buckets);
    }

    /// <summary>API triggers (<c>/t/{slug}</c>) on the releases, and the jobs they started.</summary>
    public UiPathClients.Emulator.Orchestrator.Triggers.ApiTriggerTable ApiTriggers { get; } = new();

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

    /// <summary>Storage buckets (folder scoped); <c>GetByKey(identifier=…)</c> finds one by its <c>Identifier</c>.</summary>
    public EntityTable<BucketDto, long> Buckets { get; }

    /// <summary>
    /// The table of the entity set <paramref name="entitySet"/>: one of the properties above, or for the other sets of
    /// the description a tenant-level table made on first use (numeric keys are assigned as for the sets above).
    /// </summary>
    /// <typeparam name="TEntity">The set's generated entity class.</typeparam>
    /// <typeparam name="TKey">The CLR type of its key (<see cref="long"/>, <see cref="int"/>, <see cref="string"/> or <see cref="Guid"/>).</typeparam>
    /// <param name="entitySet">The entity set's name in the description, e.g. <c>Calendars</c>.</param>
    /// <exception cref="ArgumentException">The description has no such set, or its entity type or key type is not the one given.</exception>
    public EntityTable<TEntity, TKey> Table<TEntity, TKey>(string entitySet)
        where TEntity : class
        where TKey : notnull
    {
        var table = _tables.GetOrAdd(entitySet, name => CreateTable<TEntity, TKey>(name));
        return table as EntityTable<TEntity, TKey>
            ?? throw new ArgumentException($"The {entitySet} table holds {table.GetType().GenericTypeArguments[0].Name} keyed by {table.GetType().GenericTypeArguments[1].Name}, not {typeof(TEntity).Name} keyed by {typeof(TKey).Name}.", nameof(entitySet));
    }

    /// <summary>The folder with this fully qualified name (case-insensitive, as Orchestrator matches it).</summary>
    public FolderDto? FindFolderByPath(string path) =>
        Folders.InFolder(null).FirstOrDefault(folder => string.Equals(folder.FullyQualifiedName, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>The folder with this key.</summary>
    public FolderDto? FindFolderByKey(Guid key) => Folders.InFolder(null).FirstOrDefault(folder => folder.Key == key);

    private void Register<TEntity, TKey>(EntityTable<TEntity, TKey> table)
        where TEntity : class
        where TKey : notnull => _tables[table.Name] = table;

    private static EntityTable<TEntity, TKey> CreateTable<TEntity, TKey>(string entitySet)
        where TEntity : class
        where TKey : notnull
    {
        var set = OrchestratorEdmModel.Instance.EntityContainer.FindEntitySet(entitySet)
            ?? throw new ArgumentException($"The description has no entity set {entitySet}.", nameof(entitySet));
        var keyName = set.EntityType.Key().Single().Name;
        var key = typeof(TEntity).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(property => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == keyName)
            ?? throw new ArgumentException($"{typeof(TEntity).Name} has no property for the key {keyName} of {entitySet}.", nameof(entitySet));
        if ((Nullable.GetUnderlyingType(key.PropertyType) ?? key.PropertyType) != typeof(TKey))
        {
            throw new ArgumentException($"The key {keyName} of {entitySet} is a {key.PropertyType.Name}, not a {typeof(TKey).Name}.", nameof(entitySet));
        }

        // A missing key reads as the type's zero ("" for strings), which the numeric sets replace with the next id.
        var empty = typeof(TKey) == typeof(string) ? (TKey)(object)string.Empty : default!;
        TKey KeyOf(TEntity entity) => key.GetValue(entity) is TKey value ? value : empty;
        void SetKey(TEntity entity, TKey value) => key.SetValue(entity, value);
        Func<TEntity, long, TKey>? assignKey = typeof(TKey) == typeof(long) || typeof(TKey) == typeof(int)
            ? (entity, next) =>
            {
                var current = KeyOf(entity);
                if (!current.Equals(default(TKey)))
                {
                    return current;
                }

                var assigned = (TKey)Convert.ChangeType(next, typeof(TKey), System.Globalization.CultureInfo.InvariantCulture);
                SetKey(entity, assigned);
                return assigned;
            }
            : null;
        return new EntityTable<TEntity, TKey>(entitySet, folderScoped: false, KeyOf, SetKey, assignKey);
    }

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
