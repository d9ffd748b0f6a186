using System;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Client;

namespace UiPathClients.Runtime.Querying;

/// <summary>
/// One entity read with query options: <c>client.Books[201].Expand(b => b.Author).Select(b => b.Title).GetAsync()</c>
/// sends <c>GET Books(201)?$select=title&amp;$expand=author</c>. Immutable: each call returns a new query.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <typeparam name="TSurface">The generated filter surface of the entity type.</typeparam>
public sealed class ODataEntityQuery<TEntity, TSurface>
    where TEntity : class
    where TSurface : FilterSurface
{
    private readonly ODataConnection _connection;
    private readonly string _path;
    private readonly TSurface _surface;
    private readonly QueryText _text;

    internal ODataEntityQuery(ODataConnection connection, string path, TSurface surface, QueryText text)
    {
        _connection = connection;
        _path = path;
        _surface = surface;
        _text = text;
    }

    /// <summary>Only these properties: <c>$select</c>. Unselected properties of the result keep their defaults.</summary>
    public ODataEntityQuery<TEntity, TSurface> Select(params Func<TSurface, IPropertyPath>[] properties) => With(_text.WithSelect(_surface, properties));

    /// <summary>Includes a related entity: <c>$expand</c>.</summary>
    public ODataEntityQuery<TEntity, TSurface> Expand<TNavigation>(Func<TSurface, TNavigation> navigation)
        where TNavigation : FilterSurface =>
        Expand(navigation, static options => options);

    /// <summary>Includes a related entity with nested options (<c>$select</c>, <c>$expand</c>).</summary>
    public ODataEntityQuery<TEntity, TSurface> Expand<TNavigation>(Func<TSurface, TNavigation> navigation, Func<ExpandOptions<TNavigation>, ExpandOptions<TNavigation>> configure)
        where TNavigation : FilterSurface =>
        With(_text.WithExpand(QueryText.ExpandItem(_surface, navigation, configure)));

    /// <summary>Includes the related entities of a collection-valued navigation property.</summary>
    public ODataEntityQuery<TEntity, TSurface> Expand<TNavigation>(Func<TSurface, CollectionOperand<TNavigation>> navigation)
        where TNavigation : FilterSurface =>
        Expand(navigation, static options => options);

    /// <summary>Includes the related entities of a collection-valued navigation property, with nested options (<c>$filter</c>, <c>$orderby</c>, <c>$top</c> …).</summary>
    public ODataEntityQuery<TEntity, TSurface> Expand<TNavigation>(Func<TSurface, CollectionOperand<TNavigation>> navigation, Func<ExpandOptions<TNavigation>, ExpandOptions<TNavigation>> configure)
        where TNavigation : FilterSurface =>
        With(_text.WithExpand(QueryText.ExpandItem(_surface, navigation, configure)));

    /// <summary>The request URI, relative to the client's base address, e.g. <c>odata/Books(201)?$expand=author</c>.</summary>
    public Uri ToUri() => _text.ToUri(_connection.ServicePath, _path, includePaging: false);

    /// <summary>Reads the entity with these options.</summary>
    /// <exception cref="Errors.ODataNotFoundException">No entity has this key.</exception>
    public Task<TEntity> GetAsync(CancellationToken cancellationToken = default) => _connection.GetAsync<TEntity>(PathWithQuery(), cancellationToken);

    /// <inheritdoc />
    public override string ToString() => ToUri().OriginalString;

    private string PathWithQuery()
    {
        var query = _text.Render("&", includePaging: false);
        return query.Length == 0 ? _path : _path + "?" + query;
    }

    private ODataEntityQuery<TEntity, TSurface> With(QueryText text) => new(_connection, _path, _surface, text);
}
