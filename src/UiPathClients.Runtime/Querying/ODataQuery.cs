using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Client;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Paging;

namespace UiPathClients.Runtime.Querying;

/// <summary>
/// A query over an entity set, built with typed filter surfaces — no expression trees, no reflection:
/// <c>client.Jobs.Where(j => j.State == JobState.Faulted).OrderByDescending(j => j.CreationTime).Top(50)</c>.
/// Immutable: each call returns a new query. Enumerate it with <c>await foreach</c> (pages are followed
/// for you), or ask for one page with <see cref="ToPageAsync"/>.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <typeparam name="TSurface">The generated filter surface of the entity type.</typeparam>
public class ODataQuery<TEntity, TSurface> : IAsyncEnumerable<TEntity>
    where TSurface : FilterSurface
{
    private readonly TSurface _surface;
    private readonly QueryText _text;
    private readonly int? _pageSize;

    /// <summary>Creates the query over everything at <paramref name="path"/>.</summary>
    /// <param name="connection">The connection requests go through.</param>
    /// <param name="path">The collection's path relative to the service root, e.g. <c>Jobs</c>.</param>
    /// <param name="surface">The filter surface of the entity type, at the root.</param>
    protected ODataQuery(ODataConnection connection, string path, TSurface surface)
        : this(connection, path, surface, QueryText.Empty, null)
    {
    }

    private ODataQuery(ODataConnection connection, string path, TSurface surface, QueryText text, int? pageSize)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _surface = surface ?? throw new ArgumentNullException(nameof(surface));
        _text = text;
        _pageSize = pageSize;
    }

    /// <summary>The connection requests go through.</summary>
    protected ODataConnection Connection { get; }

    /// <summary>The collection's path relative to the service root.</summary>
    protected string Path { get; }

    /// <summary>Only the entities that match: <c>$filter</c>. Several calls combine with <c>and</c>.</summary>
    public ODataQuery<TEntity, TSurface> Where(Func<TSurface, Filter> predicate) => With(_text.WithFilter(_surface, predicate));

    /// <summary>Sorts ascending by a property or expression: <c>$orderby</c>. Replaces earlier orderings.</summary>
    public ODataQuery<TEntity, TSurface> OrderBy(Func<TSurface, Operand> key) => With(_text.WithOrder(_surface, key, descending: false));

    /// <summary>Sorts descending.</summary>
    public ODataQuery<TEntity, TSurface> OrderByDescending(Func<TSurface, Operand> key) => With(_text.WithOrder(_surface, key, descending: true));

    /// <summary>Then sorts ascending by another key.</summary>
    public ODataQuery<TEntity, TSurface> ThenBy(Func<TSurface, Operand> key) => With(_text.WithOrder(_surface, key, descending: false, then: true));

    /// <summary>Then sorts descending by another key.</summary>
    public ODataQuery<TEntity, TSurface> ThenByDescending(Func<TSurface, Operand> key) => With(_text.WithOrder(_surface, key, descending: true, then: true));

    /// <summary>At most <paramref name="count"/> entities: <c>$top</c> for one page, a limit when enumerating.</summary>
    public ODataQuery<TEntity, TSurface> Top(int count) => With(_text.WithTop(count));

    /// <summary>Skips the first <paramref name="count"/> entities: <c>$skip</c>.</summary>
    public ODataQuery<TEntity, TSurface> Skip(int count) => With(_text.WithSkip(count));

    /// <summary>Only these properties: <c>$select</c>. Unselected properties of the results keep their defaults.</summary>
    public ODataQuery<TEntity, TSurface> Select(params Func<TSurface, IPropertyPath>[] properties) => With(_text.WithSelect(_surface, properties));

    /// <summary>Includes a related entity: <c>$expand</c>.</summary>
    public ODataQuery<TEntity, TSurface> Expand<TNavigation>(Func<TSurface, TNavigation> navigation)
        where TNavigation : FilterSurface =>
        Expand(navigation, static options => options);

    /// <summary>Includes a related entity with nested options (<c>$select</c>, <c>$filter</c>, <c>$orderby</c>, <c>$top</c>, <c>$skip</c>, <c>$expand</c>).</summary>
    public ODataQuery<TEntity, TSurface> Expand<TNavigation>(Func<TSurface, TNavigation> navigation, Func<ExpandOptions<TNavigation>, ExpandOptions<TNavigation>> configure)
        where TNavigation : FilterSurface =>
        With(_text.WithExpand(QueryText.ExpandItem(_surface, navigation, configure)));

    /// <summary>Includes the related entities of a collection-valued navigation property.</summary>
    public ODataQuery<TEntity, TSurface> Expand<TNavigation>(Func<TSurface, CollectionOperand<TNavigation>> navigation)
        where TNavigation : FilterSurface =>
        Expand(navigation, static options => options);

    /// <summary>Includes the related entities of a collection-valued navigation property, with nested options.</summary>
    public ODataQuery<TEntity, TSurface> Expand<TNavigation>(Func<TSurface, CollectionOperand<TNavigation>> navigation, Func<ExpandOptions<TNavigation>, ExpandOptions<TNavigation>> configure)
        where TNavigation : FilterSurface =>
        With(_text.WithExpand(QueryText.ExpandItem(_surface, navigation, configure)));

    /// <summary>Asks for the total count (<c>$count=true</c>), returned in <see cref="ODataPage{T}.Count"/>.</summary>
    public ODataQuery<TEntity, TSurface> WithCount() => With(_text.WithCount());

    /// <summary>Free-text search: <c>$search</c>, where the service supports it.</summary>
    public ODataQuery<TEntity, TSurface> Search(string text) => With(_text.WithSearch(text));

    /// <summary>Items per request when enumerating (default: the client's page size, 1000).</summary>
    public ODataQuery<TEntity, TSurface> PageSize(int size) =>
        size < 1 ? throw new ArgumentOutOfRangeException(nameof(size), size, "A page holds at least one item.") : new(Connection, Path, _surface, _text, size);

    /// <summary>The request URI of one page, relative to the client's base address, e.g. <c>odata/Jobs?$filter=…&amp;$top=50</c>.</summary>
    public Uri ToUri() => Connection.ResolveUri(PathWithQuery(_text.Render("&", includePaging: true)));

    /// <summary>Gets one page: the entities of this query's <c>$top</c>/<c>$skip</c>, the count if asked for, and the next link.</summary>
    /// <exception cref="ODataRequestException">The service refused the query.</exception>
    public Task<ODataPage<TEntity>> ToPageAsync(CancellationToken cancellationToken = default) =>
        ODataCollectionReader.GetPageAsync(Connection.GetAsync, ToUri(), Connection.TypeInfo<TEntity>(), cancellationToken);

    /// <summary>Gets every matching entity (all pages) into a list.</summary>
    public async Task<List<TEntity>> ToListAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<TEntity>();
        await foreach (var item in ((IAsyncEnumerable<TEntity>)this).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>The first matching entity, or <see langword="null"/>.</summary>
    public async Task<TEntity?> FirstOrDefaultAsync(CancellationToken cancellationToken = default)
    {
        if (_text.Top == 0)
        {
            // Top(0) matches nothing; asking for $top=1 would return an item the query excludes.
            return default;
        }

        var page = await With(_text.WithTop(1)).ToPageAsync(cancellationToken).ConfigureAwait(false);
        return page.Items.Count == 0 ? default : page.Items[0];
    }

    /// <summary>How many entities match the filter (<c>{set}/$count</c>), ignoring <c>$top</c> and <c>$skip</c>.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var query = new StringBuilder();
        if (_text.Filter is not null)
        {
            query.Append("$filter=").Append(Uri.EscapeDataString(_text.Filter));
        }

        if (_text.Search is not null)
        {
            query.Append(query.Length == 0 ? string.Empty : "&").Append("$search=").Append(Uri.EscapeDataString(_text.Search));
        }

        var uri = Connection.ResolveUri(Path + "/$count" + (query.Length == 0 ? string.Empty : "?" + query));
        var response = await Connection.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(response.Body).Trim().TrimStart('\uFEFF');
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw ODataErrors.Unreadable(response.Status, response.ContentType, response.Body, response.RequestUri, "expected a plain number.");
    }

    /// <summary>Enumerates every matching entity, following <c>@odata.nextLink</c> (or <c>$skip</c> when a full page came without one).</summary>
    public IAsyncEnumerator<TEntity> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var collection = Connection.ResolveUri(PathWithQuery(_text.Render("&", includePaging: false)));
        return ODataCollectionReader.EnumerateAsync(
            Connection.GetAsync,
            collection,
            Connection.TypeInfo<TEntity>(),
            _pageSize ?? Connection.PageSize,
            _text.Top,
            _text.Skip ?? 0,
            cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => ToUri().OriginalString;

    private string PathWithQuery(string query) => query.Length == 0 ? Path : Path + "?" + query;

    private ODataQuery<TEntity, TSurface> With(QueryText text) => new(Connection, Path, _surface, text, _pageSize);
}
