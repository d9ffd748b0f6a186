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

    private QueryText(QueryText original)
    {
        Filter = original.Filter;
        OrderBy = original.OrderBy;
        Select = original.Select;
        Expand = original.Expand;
        Top = original.Top;
        Skip = original.Skip;
        Count = original.Count;
        Search = original.Search;
    }

    public Filter? Filter { get; private set; }

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
        var copy = Copy();
        // Several Where calls narrow the result, as in LINQ.
        copy.Filter = Filter is { } earlier ? earlier & filter : filter;
        return copy;
    }

    public QueryText WithOrder<TSurface>(TSurface surface, Func<TSurface, Operand> key, bool descending, bool then = false)
    {
        var expression = (key ?? throw new ArgumentNullException(nameof(key)))(surface).Expression + (descending ? " desc" : string.Empty);
        if (then && OrderBy.Count == 0)
        {
            throw new InvalidOperationException("ThenBy needs an OrderBy first.");
        }

        var copy = Copy();
        copy.OrderBy = then ? OrderBy.Concat(new[] { expression }).ToArray() : new[] { expression };
        return copy;
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

        var copy = Copy();
        copy.Select = Select.Concat(paths).Distinct(StringComparer.Ordinal).ToArray();
        return copy;
    }

    public QueryText WithExpand(string item)
    {
        var copy = Copy();
        copy.Expand = Expand.Concat(new[] { item }).ToArray();
        return copy;
    }

    public QueryText WithTop(int count)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "$top is not negative.");
        }

        var copy = Copy();
        copy.Top = count;
        return copy;
    }

    public QueryText WithSkip(int count)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "$skip is not negative.");
        }

        var copy = Copy();
        copy.Skip = count;
        return copy;
    }

    public QueryText WithCount()
    {
        var copy = Copy();
        copy.Count = true;
        return copy;
    }

    public QueryText WithSearch(string search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            throw new ArgumentException("The search text is empty.", nameof(search));
        }

        var copy = Copy();
        copy.Search = search;
        return copy;
    }

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

    /// <summary>
    /// The request URI of <paramref name="path"/> with these options, relative to the client's base address:
    /// <c>{servicePath}{path}?{options}</c> (what <c>ODataConnection.ResolveUri</c> makes of the path and the rendered
    /// options), written in one buffer so the filter's text goes straight into the URI's string.
    /// </summary>
    public Uri ToUri(string servicePath, string path, bool includePaging) => BuildUri(servicePath, path, string.Empty, countOnly: false, includePaging);

    /// <summary>The URI of <c>{path}/$count</c>, which takes <c>$filter</c> and <c>$search</c> and no other option.</summary>
    public Uri ToCountUri(string servicePath, string path) => BuildUri(servicePath, path, "/$count", countOnly: true, includePaging: false);

    /// <summary>The options as <c>name=value</c> pairs joined by <paramref name="separator"/>; values URL-encoded only at the top level.</summary>
    public string Render(string separator, bool includePaging)
    {
        var buffer = new TextBuffer(stackalloc char[256]);
        try
        {
            WriteOptions(ref buffer, nested: separator == ";", includePaging);
            return buffer.ToString();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private Uri BuildUri(string servicePath, string path, string suffix, bool countOnly, bool includePaging)
    {
        var buffer = new TextBuffer(stackalloc char[512]);
        try
        {
            buffer.Append(servicePath);
            buffer.Append(path);
            buffer.Append(suffix);
            var options = buffer.Length + 1;
            buffer.Append('?');
            WriteOptions(ref buffer, nested: false, includePaging, countOnly);
            if (buffer.Length == options)
            {
                // No options: no '?'.
                buffer.Truncate(options - 1);
            }

            return new Uri(buffer.ToString(), UriKind.Relative);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>The options (in a fixed order) as <c>name=value</c> pairs: '&amp;' between them and values percent-encoded, or ';' between them and values as they are inside <c>$expand</c>.</summary>
    private void WriteOptions(ref TextBuffer buffer, bool nested, bool includePaging, bool countOnly = false)
    {
        var start = buffer.Length;
        if (Filter is { } filter)
        {
            WriteFilter(ref buffer, filter, nested);
        }

        if (Search is not null)
        {
            WriteName(ref buffer, start, "$search", nested);
            WriteValue(ref buffer, Search, nested);
        }

        if (countOnly)
        {
            return;
        }

        if (OrderBy.Count > 0)
        {
            WriteName(ref buffer, start, "$orderby", nested);
            WriteList(ref buffer, OrderBy, nested);
        }

        if (Select.Count > 0)
        {
            WriteName(ref buffer, start, "$select", nested);
            WriteList(ref buffer, Select, nested);
        }

        if (Expand.Count > 0)
        {
            WriteName(ref buffer, start, "$expand", nested);
            WriteList(ref buffer, Expand, nested);
        }

        if (includePaging && Top is { } top)
        {
            WriteName(ref buffer, start, "$top", nested);
            buffer.Append(top.ToString(CultureInfo.InvariantCulture));
        }

        if (includePaging && Skip is { } skip)
        {
            WriteName(ref buffer, start, "$skip", nested);
            buffer.Append(skip.ToString(CultureInfo.InvariantCulture));
        }

        if (Count)
        {
            WriteName(ref buffer, start, "$count", nested);
            buffer.Append("true");
        }
    }

    /// <summary><c>$filter=</c> and the filter, percent-encoded at the top level.</summary>
    private static void WriteFilter(ref TextBuffer buffer, Filter filter, bool nested)
    {
        buffer.Append("$filter=");
        if (nested)
        {
            filter.WriteTo(ref buffer);
            return;
        }

        // Rendered into scratch memory (the stack, for most filters), then encoded into the URI: the only string made is the URI's.
        var text = new TextBuffer(stackalloc char[256]);
        try
        {
            filter.WriteTo(ref text);
            QueryEncoding.AppendEscaped(ref buffer, text.Slice(0));
        }
        finally
        {
            text.Dispose();
        }
    }

    /// <summary>The separator (unless this is the first option written since <paramref name="start"/>), the name and '='.</summary>
    private static void WriteName(ref TextBuffer buffer, int start, string name, bool nested)
    {
        if (buffer.Length > start)
        {
            buffer.Append(nested ? ';' : '&');
        }

        buffer.Append(name);
        buffer.Append('=');
    }

    private static void WriteValue(ref TextBuffer buffer, string value, bool nested)
    {
        if (nested)
        {
            buffer.Append(value);
        }
        else
        {
            QueryEncoding.AppendEscaped(ref buffer, value.AsSpan());
        }
    }

    /// <summary>The items joined by ',' (which the top level encodes as <c>%2C</c>, like the items).</summary>
    private static void WriteList(ref TextBuffer buffer, IReadOnlyList<string> items, bool nested)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                WriteValue(ref buffer, ",", nested);
            }

            WriteValue(ref buffer, items[i], nested);
        }
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

    // A plain copy the caller then changes: no closure and delegate per builder call.
    private QueryText Copy() => new(this);
}
