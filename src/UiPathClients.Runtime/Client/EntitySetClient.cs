using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Querying;

namespace UiPathClients.Runtime.Client;

/// <summary>
/// An entity set: a query over all its entities (so <c>client.Jobs.Where(…)</c> and <c>await foreach (var job in client.Jobs)</c>
/// work directly), plus create. Generated subclasses add the key indexer and the operations bound to the collection.
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
    /// <returns>
    /// The entity as the service stored it (with its key and computed properties), never <paramref name="entity"/>
    /// itself: if the service answers 204, the new entity is read from its <c>OData-EntityId</c>/<c>Location</c>.
    /// </returns>
    public Task<TEntity> CreateAsync(TEntity entity, CancellationToken cancellationToken = default) =>
        Connection.SendEntityAsync(HttpMethod.Post, Path, entity ?? throw new ArgumentNullException(nameof(entity)), null, cancellationToken);
}

/// <summary>
/// One entity addressed by key (<c>client.Webhooks[11]</c>) or a singleton: read, replace, patch, delete.
/// Generated subclasses add the operations bound to the entity.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <typeparam name="TSurface">The entity type's filter surface (names the properties a patch sets).</typeparam>
public abstract class EntityClient<TEntity, TSurface>
    where TEntity : class
    where TSurface : FilterSurface
{
    private readonly TSurface _surface;

    /// <summary>Creates the entity client.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="path">The entity's path relative to the service root, e.g. <c>Webhooks(11)</c>.</param>
    /// <param name="surface">The filter surface at the root.</param>
    protected EntityClient(ODataConnection connection, string path, TSurface surface)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _surface = surface ?? throw new ArgumentNullException(nameof(surface));
    }

    /// <summary>The connection.</summary>
    protected ODataConnection Connection { get; }

    /// <summary>The entity's path relative to the service root.</summary>
    public string Path { get; }

    /// <summary>Reads the entity: <c>GET {set}({key})</c>.</summary>
    /// <exception cref="Errors.ODataNotFoundException">No entity has this key.</exception>
    public Task<TEntity> GetAsync(CancellationToken cancellationToken = default) => Connection.GetAsync<TEntity>(Path, cancellationToken);

    /// <summary>Reads only these properties of the entity: <c>GET {set}({key})?$select=…</c> (finish with <c>GetAsync</c>).</summary>
    public ODataEntityQuery<TEntity, TSurface> Select(params Func<TSurface, IPropertyPath>[] properties) => Query().Select(properties);

    /// <summary>Reads the entity with a related entity: <c>GET {set}({key})?$expand=…</c> (finish with <c>GetAsync</c>).</summary>
    public ODataEntityQuery<TEntity, TSurface> Expand<TNavigation>(Func<TSurface, TNavigation> navigation)
        where TNavigation : FilterSurface =>
        Query().Expand(navigation);

    /// <summary>Reads the entity with a related entity and nested options (<c>$select</c>, <c>$expand</c>).</summary>
    public ODataEntityQuery<TEntity, TSurface> Expand<TNavigation>(Func<TSurface, TNavigation> navigation, Func<ExpandOptions<TNavigation>, ExpandOptions<TNavigation>> configure)
        where TNavigation : FilterSurface =>
        Query().Expand(navigation, configure);

    /// <summary>Reads the entity with the related entities of a collection-valued navigation property.</summary>
    public ODataEntityQuery<TEntity, TSurface> Expand<TNavigation>(Func<TSurface, CollectionOperand<TNavigation>> navigation)
        where TNavigation : FilterSurface =>
        Query().Expand(navigation);

    /// <summary>Reads the entity with the related entities of a collection-valued navigation property, with nested options.</summary>
    public ODataEntityQuery<TEntity, TSurface> Expand<TNavigation>(Func<TSurface, CollectionOperand<TNavigation>> navigation, Func<ExpandOptions<TNavigation>, ExpandOptions<TNavigation>> configure)
        where TNavigation : FilterSurface =>
        Query().Expand(navigation, configure);

    /// <summary>
    /// Replaces the entity: <c>PUT</c> with <c>Prefer: return=representation</c>. The body carries every property read
    /// into <paramref name="entity"/> (except those the service computes) and every property set on it, so a property
    /// set to <see langword="null"/> is cleared. When <paramref name="entity"/> was read with an <c>@odata.etag</c>, it
    /// is sent as <c>If-Match</c>, so a concurrent change fails with <see cref="Errors.ODataConcurrencyException"/>
    /// instead of being overwritten.
    /// </summary>
    /// <returns>
    /// The entity as the service stored it, a new object (never <paramref name="entity"/>): the answer's body, or,
    /// when the service answers 204 No Content, the entity read again with GET.
    /// </returns>
    /// <exception cref="Errors.ODataConcurrencyException">The entity changed since it was read (HTTP 412).</exception>
    public Task<TEntity> UpdateAsync(TEntity entity, CancellationToken cancellationToken = default) =>
        Connection.SendEntityAsync(HttpMethod.Put, Path, entity ?? throw new ArgumentNullException(nameof(entity)), ETagOf(entity), cancellationToken);

    /// <summary>Changes only the properties set on <paramref name="changes"/>: <c>PATCH</c> with just those.</summary>
    /// <param name="changes">Builds the changes, e.g. <c>d => d.Set(w => w.Url, "https://…").Set(w => w.Enabled, false)</c>.</param>
    /// <param name="ifMatch">An ETag to send as <c>If-Match</c>, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task PatchAsync(Func<ODataDelta<TSurface>, ODataDelta<TSurface>> changes, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        var delta = (changes ?? throw new ArgumentNullException(nameof(changes)))(new ODataDelta<TSurface>(_surface, Connection));
        return Connection.ExecuteAsync(new HttpMethod("PATCH"), Path, delta.ToJson(), ifMatch, cancellationToken);
    }

    /// <summary>Deletes the entity: <c>DELETE</c>.</summary>
    /// <param name="ifMatch">An ETag to send as <c>If-Match</c>, if any (see <see cref="Metadata.ODataObjectExtensions.GetETag"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Errors.ODataConcurrencyException">The ETag is stale (HTTP 412).</exception>
    public Task DeleteAsync(string? ifMatch = null, CancellationToken cancellationToken = default) =>
        Connection.ExecuteAsync(HttpMethod.Delete, Path, null, ifMatch, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Path;

    private ODataEntityQuery<TEntity, TSurface> Query() => new(Connection, Path, _surface, QueryText.Empty);

    private static string? ETagOf(TEntity entity) => entity is Metadata.IODataObject data ? Metadata.ODataObjectExtensions.GetETag(data) : null;
}

/// <summary>
/// The entities a collection-valued navigation property of one entity leads to (<c>client.Authors[101].Books</c> →
/// <c>Authors(101)/books</c>): query them like an entity set (<c>Where</c>, <c>OrderBy</c>, <c>Top</c>, <c>Select</c>,
/// <c>Expand</c>, <c>await foreach</c>), or create one related to the entity.
/// </summary>
/// <typeparam name="TEntity">The related entity type.</typeparam>
/// <typeparam name="TSurface">The related entity type's filter surface.</typeparam>
public sealed class NavigationCollectionClient<TEntity, TSurface> : EntitySetClient<TEntity, TSurface>
    where TEntity : class
    where TSurface : FilterSurface
{
    /// <summary>Creates the client of the related entities at <paramref name="path"/>, e.g. <c>Authors(101)/books</c>.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="path">The navigation's path relative to the service root.</param>
    /// <param name="surface">The related type's filter surface at the root.</param>
    public NavigationCollectionClient(ODataConnection connection, string path, TSurface surface)
        : base(connection, path, surface)
    {
    }
}
