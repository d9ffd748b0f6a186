using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Querying;

namespace UiPathClients.Runtime.Client;

/// <summary>
/// One entity addressed by key (<c>client.Processes["Invoices"]</c>) or a singleton, on a service that does not let you
/// read it there (no <c>GET</c> on <c>{set}({key})</c>). Generated subclasses add what the service description says the
/// entity accepts: <c>UpdateAsync</c> (PUT), <c>PatchAsync</c>, <c>DeleteAsync</c>, the operations bound to it and its
/// navigation properties. <see cref="EntityClient{TEntity, TSurface}"/> adds reading.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <typeparam name="TSurface">The entity type's filter surface (names the properties a patch sets).</typeparam>
public abstract class EntityClientBase<TEntity, TSurface>
    where TEntity : class
    where TSurface : FilterSurface
{
    /// <summary>Creates the entity client.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="path">The entity's path relative to the service root, e.g. <c>Webhooks(11)</c>.</param>
    /// <param name="surface">The filter surface at the root.</param>
    protected EntityClientBase(ODataConnection connection, string path, TSurface surface)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Surface = surface ?? throw new ArgumentNullException(nameof(surface));
    }

    /// <summary>The connection.</summary>
    protected ODataConnection Connection { get; }

    /// <summary>The entity's path relative to the service root.</summary>
    public string Path { get; }

    /// <summary>The filter surface at the root (names properties in patches, <c>$select</c> and <c>$expand</c>).</summary>
    private protected TSurface Surface { get; }

    /// <summary>
    /// Replaces the entity: <c>PUT</c> with <c>Prefer: return=representation</c>. The body carries every property read
    /// into <paramref name="entity"/> (except those the service computes) and every property set on it, so a property
    /// set to <see langword="null"/> is cleared. When <paramref name="entity"/> was read with an <c>@odata.etag</c>, it
    /// is sent as <c>If-Match</c>, so a concurrent change fails with <see cref="Errors.ODataConcurrencyException"/>
    /// instead of being overwritten.
    /// </summary>
    /// <param name="entity">The entity as it should be stored.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The entity as the service stored it, a new object (never <paramref name="entity"/>): the answer's body, or,
    /// when the service answers 204 No Content, the entity read again with GET.
    /// </returns>
    /// <exception cref="Errors.ODataConcurrencyException">The entity changed since it was read (HTTP 412).</exception>
    protected Task<TEntity> ReplaceEntityAsync(TEntity entity, CancellationToken cancellationToken) =>
        Connection.SendEntityAsync(HttpMethod.Put, Path, entity ?? throw new ArgumentNullException(nameof(entity)), ETagOf(entity), cancellationToken);

    /// <summary>Changes only the properties set on <paramref name="changes"/>: <c>PATCH</c> with just those.</summary>
    /// <param name="changes">Builds the changes, e.g. <c>d => d.Set(w => w.Url, "https://…").Set(w => w.Enabled, false)</c>.</param>
    /// <param name="ifMatch">An ETag to send as <c>If-Match</c>, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Errors.ODataConcurrencyException">The ETag is stale (HTTP 412).</exception>
    protected Task PatchEntityAsync(Func<ODataDelta<TSurface>, ODataDelta<TSurface>> changes, string? ifMatch, CancellationToken cancellationToken)
    {
        var delta = (changes ?? throw new ArgumentNullException(nameof(changes)))(new ODataDelta<TSurface>(Surface, Connection));
        return Connection.ExecuteAsync(new HttpMethod("PATCH"), Path, delta.ToJson(), ifMatch, cancellationToken);
    }

    /// <summary>Deletes the entity: <c>DELETE</c>.</summary>
    /// <param name="ifMatch">An ETag to send as <c>If-Match</c>, if any (see <see cref="Metadata.ODataObjectExtensions.GetETag"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Errors.ODataConcurrencyException">The ETag is stale (HTTP 412).</exception>
    protected Task DeleteEntityAsync(string? ifMatch, CancellationToken cancellationToken) =>
        Connection.ExecuteAsync(HttpMethod.Delete, Path, null, ifMatch, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Path;

    private static string? ETagOf(TEntity entity) => entity is Metadata.IODataObject data ? Metadata.ODataObjectExtensions.GetETag(data) : null;
}

/// <summary>
/// One entity addressed by key (<c>client.Webhooks[11]</c>) or a singleton that the service lets you read: <c>GetAsync</c>,
/// with <c>Select</c>/<c>Expand</c>. Generated subclasses add what else the service description says it accepts
/// (replace, patch, delete), the operations bound to it and its navigation properties.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <typeparam name="TSurface">The entity type's filter surface.</typeparam>
public abstract class EntityClient<TEntity, TSurface> : EntityClientBase<TEntity, TSurface>
    where TEntity : class
    where TSurface : FilterSurface
{
    /// <summary>Creates the entity client.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="path">The entity's path relative to the service root, e.g. <c>Webhooks(11)</c>.</param>
    /// <param name="surface">The filter surface at the root.</param>
    protected EntityClient(ODataConnection connection, string path, TSurface surface)
        : base(connection, path, surface)
    {
    }

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

    private ODataEntityQuery<TEntity, TSurface> Query() => new(Connection, Path, Surface, QueryText.Empty);
}
