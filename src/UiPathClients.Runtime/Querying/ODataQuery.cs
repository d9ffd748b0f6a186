using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
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
/// <remarks>
/// Everything this type offers runs on the service. It deliberately does not implement
/// <see cref="IAsyncEnumerable{T}"/>: if it did, a lambda the filter surface cannot express would bind to the
/// LINQ operators over async sequences (in the BCL from .NET 10, or from a package) and quietly download the
/// whole set to filter it in memory. <c>await foreach</c> still works, through <see cref="GetAsyncEnumerator"/>
/// and <see cref="WithCancellation"/>; LINQ on the client is an explicit choice with <see cref="AsAsyncEnumerable"/>.
/// </remarks>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <typeparam name="TSurface">The generated filter surface of the entity type.</typeparam>
public class ODataQuery<TEntity, TSurface>
    where TSurface : FilterSurface
{
    private const string FirstWithPredicate =
        "A predicate here is not translated to OData. Write Where(predicate).FirstOrDefaultAsync(): it sends $filter and $top=1.";

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
    public Uri ToUri() => _text.ToUri(Connection.ServicePath, Path, includePaging: true);

    /// <summary>Gets one page: the entities of this query's <c>$top</c>/<c>$skip</c>, the count if asked for, and the next link.</summary>
    /// <exception cref="ODataRequestException">The service refused the query.</exception>
    public Task<ODataPage<TEntity>> ToPageAsync(CancellationToken cancellationToken = default) =>
        ODataCollectionReader.GetPageAsync(Connection.GetAsync, ToUri(), Connection.TypeInfo<TEntity>(), cancellationToken);

    /// <summary>Gets every matching entity (all pages) into a list.</summary>
    public async Task<List<TEntity>> ToListAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<TEntity>();
        await foreach (var item in WithCancellation(cancellationToken).ConfigureAwait(false))
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
        var uri = _text.ToCountUri(Connection.ServicePath, Path);
        using var response = await Connection.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(response.Body).Trim().TrimStart('\uFEFF');
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw ODataErrors.Unreadable(response.Status, response.ContentType, response.Body, response.RequestUri, "expected a plain number.");
    }

    /// <summary>
    /// Enumerates every matching entity, following <c>@odata.nextLink</c> (or <c>$skip</c> when a full page came
    /// without one). This is what <c>await foreach (var job in query)</c> calls.
    /// </summary>
    public IAsyncEnumerator<TEntity> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var collection = _text.ToUri(Connection.ServicePath, Path, includePaging: false);
        return ODataCollectionReader.EnumerateAsync(
            Connection.GetAsync,
            collection,
            Connection.TypeInfo<TEntity>(),
            _pageSize ?? Connection.PageSize,
            _text.Top,
            _text.Skip ?? 0,
            Connection.MaxPages,
            cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    /// <summary>
    /// The query for <c>await foreach</c> with a cancellation token:
    /// <c>await foreach (var job in query.WithCancellation(cancellationToken))</c>. The token reaches every page request.
    /// </summary>
    public ConfiguredCancelableAsyncEnumerable<TEntity> WithCancellation(CancellationToken cancellationToken) =>
        AsAsyncEnumerable().WithCancellation(cancellationToken);

    /// <summary>The query for <c>await foreach</c>, continuing on a captured context or not (library code passes <see langword="false"/>).</summary>
    public ConfiguredCancelableAsyncEnumerable<TEntity> ConfigureAwait(bool continueOnCapturedContext) =>
        AsAsyncEnumerable().ConfigureAwait(continueOnCapturedContext);

    /// <summary>
    /// The matching entities as an <see cref="IAsyncEnumerable{T}"/>, for work the service cannot do: LINQ operators
    /// applied to the result (<c>query.AsAsyncEnumerable().Where(job =&gt; …)</c>) run <b>on the client</b>, over every
    /// entity this query downloads. Narrow the query on the service first (<see cref="Where"/>, <see cref="Top"/>,
    /// <see cref="Select"/>).
    /// </summary>
    public IAsyncEnumerable<TEntity> AsAsyncEnumerable() => new ClientSideSequence(this);

    /// <summary>
    /// Not translated: LINQ's <c>Take</c> would run on the client. Use <see cref="Top"/>, which sends <c>$top</c>.
    /// </summary>
    [Obsolete("Take is not translated to OData. Use Top(count), which sends $top to the service.", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ODataQuery<TEntity, TSurface> Take(int count) => throw Untranslated(nameof(Take));

    /// <summary>Not translated: use <see cref="CountAsync"/>, which asks the service (<c>{set}/$count</c>).</summary>
    [Obsolete("Count is not translated to OData. Use await CountAsync(), which asks the service ({set}/$count).", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public long Count() => throw Untranslated(nameof(Count));

    /// <summary>Not translated: use <see cref="CountAsync"/>, which asks the service (<c>{set}/$count</c>).</summary>
    [Obsolete("LongCount is not translated to OData. Use await CountAsync(), which asks the service ({set}/$count).", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public long LongCount() => throw Untranslated(nameof(LongCount));

    /// <summary>Not translated: use <see cref="FirstOrDefaultAsync(CancellationToken)"/>, which sends <c>$top=1</c>.</summary>
    [Obsolete("FirstAsync is not translated to OData. Use await FirstOrDefaultAsync() (it sends $top=1) and check for null; filter with Where(...) first.", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<TEntity> FirstAsync(CancellationToken cancellationToken = default) => throw Untranslated(nameof(FirstAsync));

    /// <summary>Not translated: filter with <see cref="Where"/>, then call <see cref="FirstOrDefaultAsync(CancellationToken)"/>.</summary>
    [Obsolete(FirstWithPredicate, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<TEntity> FirstAsync(Func<TSurface, Filter> predicate) => throw Untranslated(nameof(FirstAsync));

    /// <summary>Not translated: filter with <see cref="Where"/>, then call <see cref="FirstOrDefaultAsync(CancellationToken)"/>.</summary>
    [Obsolete(FirstWithPredicate, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<TEntity> FirstAsync(Func<TSurface, Filter> predicate, CancellationToken cancellationToken) => throw Untranslated(nameof(FirstAsync));

    /// <summary>Not translated: filter with <see cref="Where"/>, then call <see cref="FirstOrDefaultAsync(CancellationToken)"/>.</summary>
    [Obsolete(FirstWithPredicate, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<TEntity?> FirstOrDefaultAsync(Func<TSurface, Filter> predicate) => throw Untranslated(nameof(FirstOrDefaultAsync));

    /// <summary>Not translated: filter with <see cref="Where"/>, then call <see cref="FirstOrDefaultAsync(CancellationToken)"/>.</summary>
    [Obsolete(FirstWithPredicate, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<TEntity?> FirstOrDefaultAsync(Func<TSurface, Filter> predicate, CancellationToken cancellationToken) => throw Untranslated(nameof(FirstOrDefaultAsync));

    /// <summary>Not translated: use <see cref="FirstOrDefaultAsync(CancellationToken)"/> or <see cref="CountAsync"/>.</summary>
    [Obsolete("AnyAsync is not translated to OData. Use (await FirstOrDefaultAsync()) is not null, which sends $top=1, or await CountAsync() > 0.", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => throw Untranslated(nameof(AnyAsync));

    /// <summary>Not translated: use <see cref="ToListAsync"/>.</summary>
    [Obsolete("ToArrayAsync is not offered. Use await ToListAsync(), which follows the service's pages.", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<TEntity[]> ToArrayAsync(CancellationToken cancellationToken = default) => throw Untranslated(nameof(ToArrayAsync));

    /// <inheritdoc />
    public override string ToString() => ToUri().OriginalString;

    private ODataQuery<TEntity, TSurface> With(QueryText text) => new(Connection, Path, _surface, text, _pageSize);

    private static NotSupportedException Untranslated(string name) =>
        new($"{name} is not translated to OData; the compiler refuses calls to it (see its [Obsolete] message).");

    /// <summary>The explicit client-side view of a query (<see cref="AsAsyncEnumerable"/>); each enumeration sends the query again.</summary>
    private sealed class ClientSideSequence(ODataQuery<TEntity, TSurface> query) : IAsyncEnumerable<TEntity>
    {
        public IAsyncEnumerator<TEntity> GetAsyncEnumerator(CancellationToken cancellationToken = default) => query.GetAsyncEnumerator(cancellationToken);
    }
}
