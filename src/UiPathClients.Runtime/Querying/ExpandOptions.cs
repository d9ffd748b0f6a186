using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace UiPathClients.Runtime.Querying;

/// <summary>
/// The options of one <c>$expand</c> item, relative to the expanded entity:
/// <c>Robot($select=Name;$filter=…;$orderby=…;$top=…;$expand=…)</c>.
/// </summary>
/// <typeparam name="TSurface">The filter surface of the expanded entity type.</typeparam>
public sealed class ExpandOptions<TSurface>
    where TSurface : FilterSurface
{
    private readonly TSurface _surface;
    private readonly QueryText _text;

    internal ExpandOptions(TSurface surface, QueryText text)
    {
        _surface = surface;
        _text = text;
    }

    /// <summary>Only these properties of the expanded entity.</summary>
    public ExpandOptions<TSurface> Select(params Func<TSurface, IPropertyPath>[] properties) => new(_surface, _text.WithSelect(_surface, properties));

    /// <summary>Only the related entities that match (collection-valued navigation).</summary>
    public ExpandOptions<TSurface> Where(Func<TSurface, Filter> predicate) => new(_surface, _text.WithFilter(_surface, predicate));

    /// <summary>Orders the related entities ascending.</summary>
    public ExpandOptions<TSurface> OrderBy(Func<TSurface, Operand> key) => new(_surface, _text.WithOrder(_surface, key, descending: false));

    /// <summary>Orders the related entities descending.</summary>
    public ExpandOptions<TSurface> OrderByDescending(Func<TSurface, Operand> key) => new(_surface, _text.WithOrder(_surface, key, descending: true));

    /// <summary>At most <paramref name="count"/> related entities.</summary>
    public ExpandOptions<TSurface> Top(int count) => new(_surface, _text.WithTop(count));

    /// <summary>Skips the first <paramref name="count"/> related entities.</summary>
    public ExpandOptions<TSurface> Skip(int count) => new(_surface, _text.WithSkip(count));

    /// <summary>Includes a related entity: <c>$expand</c>.</summary>
    public ExpandOptions<TSurface> Expand<TNavigation>(Func<TSurface, TNavigation> navigation)
        where TNavigation : FilterSurface =>
        Expand(navigation, static options => options);

    /// <summary>Includes a related entity with nested options (<c>$select</c>, <c>$filter</c>, <c>$orderby</c>, <c>$top</c>, <c>$skip</c>, <c>$expand</c>).</summary>
    public ExpandOptions<TSurface> Expand<TNavigation>(Func<TSurface, TNavigation> navigation, Func<ExpandOptions<TNavigation>, ExpandOptions<TNavigation>> configure)
        where TNavigation : FilterSurface =>
        new(_surface, _text.WithExpand(QueryText.ExpandItem(_surface, navigation, configure)));

    /// <summary>Includes the related entities of a collection-valued navigation property.</summary>
    public ExpandOptions<TSurface> Expand<TNavigation>(Func<TSurface, CollectionOperand<TNavigation>> navigation)
        where TNavigation : FilterSurface =>
        Expand(navigation, static options => options);

    /// <summary>Includes the related entities of a collection-valued navigation property, with nested options.</summary>
    public ExpandOptions<TSurface> Expand<TNavigation>(Func<TSurface, CollectionOperand<TNavigation>> navigation, Func<ExpandOptions<TNavigation>, ExpandOptions<TNavigation>> configure)
        where TNavigation : FilterSurface =>
        new(_surface, _text.WithExpand(QueryText.ExpandItem(_surface, navigation, configure)));

    internal string Render() => _text.Render(";", includePaging: true);
}

/// <summary>The query options of a request, immutable: every builder call returns a changed copy.</summary>
internal sealed class QueryText
{
    public static readonly QueryText Empty = new();

    private QueryText()
    {
    }

    public string? Filter { get; private set; }

    public IReadOnlyList<string> OrderBy { get; private set; } = Array.Empty<string>();

    public IReadOnlyList<string> Select { get; private set; } = Array.Empty<string>();

    public IReadOnlyList<string> Expand { get; private set; } = Array.Empty<string>();

    public int? Top { get; private set; }

    public int? Skip { get; private set; }

    public bool Count { get; private set; }

    public string? Search { get; private set; }

    public QueryText WithFilter<TSurface>(TSurface surface, Func<TSurface, Filter> predicate)
    {
        var filter = (predicate ?? throw new ArgumentNullException(nameof(predicate)))(surface);
        // Several Where calls narrow the result, as in LINQ.
        return Copy(copy => copy.Filter = Filter is null ? filter.Text : "(" + Filter + ") and (" + filter.Text + ")");
    }

    public QueryText WithOrder<TSurface>(TSurface surface, Func<TSurface, Operand> key, bool descending, bool then = false)
    {
        var expression = (key ?? throw new ArgumentNullException(nameof(key)))(surface).Expression + (descending ? " desc" : string.Empty);
        if (then && OrderBy.Count == 0)
        {
            throw new InvalidOperationException("ThenBy needs an OrderBy first.");
        }

        return Copy(copy => copy.OrderBy = then ? OrderBy.Concat(new[] { expression }).ToArray() : new[] { expression });
    }

    public QueryText WithSelect<TSurface>(TSurface surface, Func<TSurface, IPropertyPath>[] properties)
    {
        if (properties is null || properties.Length == 0)
        {
            throw new ArgumentException("Select at least one property.", nameof(properties));
        }

        var paths = properties.Select(property => property(surface).Path).ToArray();
        if (paths.Any(path => path.Length == 0))
        {
            throw new ArgumentException("Select properties, not the entity itself.", nameof(properties));
        }

        return Copy(copy => copy.Select = Select.Concat(paths).Distinct(StringComparer.Ordinal).ToArray());
    }

    public QueryText WithExpand(string item) => Copy(copy => copy.Expand = Expand.Concat(new[] { item }).ToArray());

    public QueryText WithTop(int count) =>
        count < 0 ? throw new ArgumentOutOfRangeException(nameof(count), count, "$top is not negative.") : Copy(copy => copy.Top = count);

    public QueryText WithSkip(int count) =>
        count < 0 ? throw new ArgumentOutOfRangeException(nameof(count), count, "$skip is not negative.") : Copy(copy => copy.Skip = count);

    public QueryText WithCount() => Copy(copy => copy.Count = true);

    public QueryText WithSearch(string search) =>
        string.IsNullOrWhiteSpace(search) ? throw new ArgumentException("The search text is empty.", nameof(search)) : Copy(copy => copy.Search = search);

    public static string ExpandItem<TSurface, TNavigation>(TSurface surface, Func<TSurface, TNavigation> navigation, Func<ExpandOptions<TNavigation>, ExpandOptions<TNavigation>>? configure)
        where TNavigation : FilterSurface
    {
        var target = (navigation ?? throw new ArgumentNullException(nameof(navigation)))(surface);
        return Item(((IPropertyPath)target).Path, () => (TNavigation)target.Rebase(string.Empty), configure);
    }

    public static string ExpandItem<TSurface, TNavigation>(TSurface surface, Func<TSurface, CollectionOperand<TNavigation>> navigation, Func<ExpandOptions<TNavigation>, ExpandOptions<TNavigation>>? configure)
        where TNavigation : FilterSurface
    {
        var target = (navigation ?? throw new ArgumentNullException(nameof(navigation)))(surface);
        return Item(target.Expression, () => (TNavigation)target.ItemAt("x").Rebase(string.Empty), configure);
    }

    /// <summary>The options as <c>name=value</c> pairs joined by <paramref name="separator"/>; values URL-encoded only at the top level.</summary>
    public string Render(string separator, bool includePaging)
    {
        var nested = separator == ";";
        var parts = new List<string>();
        void Add(string name, string value) => parts.Add(name + "=" + (nested ? value : Uri.EscapeDataString(value)));
        if (Filter is not null)
        {
            Add("$filter", Filter);
        }

        if (Search is not null)
        {
            Add("$search", Search);
        }

        if (OrderBy.Count > 0)
        {
            Add("$orderby", string.Join(",", OrderBy));
        }

        if (Select.Count > 0)
        {
            Add("$select", string.Join(",", Select));
        }

        if (Expand.Count > 0)
        {
            Add("$expand", string.Join(",", Expand));
        }

        if (includePaging && Top is { } top)
        {
            Add("$top", top.ToString(CultureInfo.InvariantCulture));
        }

        if (includePaging && Skip is { } skip)
        {
            Add("$skip", skip.ToString(CultureInfo.InvariantCulture));
        }

        if (Count)
        {
            Add("$count", "true");
        }

        return string.Join(separator, parts);
    }

    private static string Item<TNavigation>(string path, Func<TNavigation> root, Func<ExpandOptions<TNavigation>, ExpandOptions<TNavigation>>? configure)
        where TNavigation : FilterSurface
    {
        if (configure is null)
        {
            return path;
        }

        var options = configure(new ExpandOptions<TNavigation>(root(), Empty)).Render();
        return options.Length == 0 ? path : path + "(" + options + ")";
    }

    private QueryText Copy(Action<QueryText> change)
    {
        var copy = (QueryText)MemberwiseClone();
        change(copy);
        return copy;
    }
}
