using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Querying;

namespace UiPathClients.Runtime.Client;

/// <summary>
/// An entity set the service lets you query: a query over all its entities (so <c>client.Jobs.Where(…)</c> and
/// <c>await foreach (var job in client.Jobs)</c> work directly). Generated subclasses add what the service description
/// says the set accepts: <c>CreateAsync</c> (when it is insertable), the key indexer (when entities are addressed by
/// key) and the operations bound to the collection.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <typeparam name="TSurface">The entity type's filter surface.</typeparam>
public abstract class EntitySetClient<TEntity, TSurface> : ODataQuery<TEntity, TSurface>
    where TEntity : class
    where TSurface : FilterSurface
{
    /// <summary>Creates the set client.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="path">The set's path relative to the service root (its name).</param>
    /// <param name="surface">The filter surface at the root.</param>
    protected EntitySetClient(ODataConnection connection, string path, TSurface surface)
        : base(connection, path, surface)
    {
    }

    /// <summary>
    /// Creates an entity: <c>POST {set}</c> with <c>Prefer: return=representation</c>. The body carries exactly the
    /// properties set on <paramref name="entity"/> (<see langword="null"/> included), so the service computes the key
    /// and applies its defaults for the rest.
    /// </summary>
    /// <param name="entity">The entity to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The entity as the service stored it (with its key and computed properties), never <paramref name="entity"/>
    /// itself: if the service answers 204, the new entity is read from its <c>OData-EntityId</c>/<c>Location</c>.
    /// </returns>
    protected Task<TEntity> CreateEntityAsync(TEntity entity, CancellationToken cancellationToken) =>
        Connection.SendEntityAsync(HttpMethod.Post, Path, entity ?? throw new ArgumentNullException(nameof(entity)), null, cancellationToken);
}

/// <summary>
/// An entity set the service does not let you query as a whole (no <c>GET</c> on the collection, e.g. Orchestrator's
/// <c>Queues</c>, reached only through its operations). Generated subclasses add what it does accept: the operations
/// bound to the collection, the key indexer, <c>CreateAsync</c>.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <typeparam name="TSurface">The entity type's filter surface.</typeparam>
public abstract class UnqueryableEntitySetClient<TEntity, TSurface>
    where TEntity : class
    where TSurface : FilterSurface
{
    /// <summary>Creates the set client.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="path">The set's path relative to the service root (its name).</param>
    protected UnqueryableEntitySetClient(ODataConnection connection, string path)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    /// <summary>The connection.</summary>
    protected ODataConnection Connection { get; }

    /// <summary>The set's path relative to the service root.</summary>
    protected string Path { get; }

    /// <summary>
    /// Creates an entity: <c>POST {set}</c> with <c>Prefer: return=representation</c>. The body carries exactly the
    /// properties set on <paramref name="entity"/> (<see langword="null"/> included), so the service computes the key
    /// and applies its defaults for the rest.
    /// </summary>
    /// <param name="entity">The entity to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The entity as the service stored it (with its key and computed properties), never <paramref name="entity"/>
    /// itself: if the service answers 204, the new entity is read from its <c>OData-EntityId</c>/<c>Location</c>.
    /// </returns>
    protected Task<TEntity> CreateEntityAsync(TEntity entity, CancellationToken cancellationToken) =>
        Connection.SendEntityAsync(HttpMethod.Post, Path, entity ?? throw new ArgumentNullException(nameof(entity)), null, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Path;
}
