using System;

namespace UiPathClients.Runtime.Querying;

/// <summary>
/// A boolean <c>$filter</c> expression built from typed operands, e.g.
/// <c>j.State == JobState.Faulted &amp; j.ReleaseName.StartsWith("Invoice")</c>. No expression trees and no
/// reflection: each operator records its parts, written as text once the request URI is built, and every
/// composite part is parenthesised, so the meaning never depends on OData's operator precedence.
/// </summary>
public readonly struct Filter : IEquatable<Filter>
{
    /// <summary>
    /// How deep a filter's tree may grow before a combination renders its deeper side to text: rendering recurses,
    /// and a filter folded from thousands of clauses must not exhaust the stack.
    /// </summary>
    internal const int MaxDepth = 64;

    // The text (a string), or the parts it is made of (a FilterNode), rendered only when the request URI is
    // written: combining filters then copies no text, and the whole filter is written once, straight into the URI.
    private readonly object? _content;

    internal Filter(string text) => _content = text;

    internal Filter(FilterNode node) => _content = node;

    /// <summary>The filter text, as it goes into <c>$filter</c> (before URL encoding).</summary>
    public string Text => _content switch
    {
        string text => text,
        FilterNode node => node.Render(),
        _ => "true",
    };

    /// <summary>The levels of combination in this filter (0 for text).</summary>
    internal int Depth => _content is FilterNode node ? node.Depth : 0;

    /// <summary>A filter written by hand, for what the typed surface does not cover. It is sent as is.</summary>
    public static Filter Raw(string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArgumentException("The filter text is empty.", nameof(text)) : new Filter(text);

    /// <summary><c>(left) and (right)</c>.</summary>
    public static Filter operator &(Filter left, Filter right) => new(new CombinedFilterNode(Bounded(left), " and ", Bounded(right)));

    /// <summary><c>(left) or (right)</c>.</summary>
    public static Filter operator |(Filter left, Filter right) => new(new CombinedFilterNode(Bounded(left), " or ", Bounded(right)));

    /// <summary><c>not (operand)</c>.</summary>
    public static Filter operator !(Filter operand) => new(new NotFilterNode(Bounded(operand)));

    /// <summary>Writes the filter text (before URL encoding).</summary>
    internal void WriteTo(ref TextBuffer buffer)
    {
        switch (_content)
        {
            case string text:
                buffer.Append(text);
                break;
            case FilterNode node:
                node.WriteTo(ref buffer);
                break;
            default:
                buffer.Append("true");
                break;
        }
    }

    private static Filter Bounded(Filter filter) => filter.Depth >= MaxDepth ? new Filter(filter.Text) : filter;

    /// <summary>Never short-circuits, so <c>&amp;&amp;</c> and <c>||</c> build both sides like <c>&amp;</c> and <c>|</c>.</summary>
    public static bool operator true(Filter filter) => false;

    /// <summary>Never short-circuits, so <c>&amp;&amp;</c> and <c>||</c> build both sides like <c>&amp;</c> and <c>|</c>.</summary>
    public static bool operator false(Filter filter) => false;

    /// <summary>Same as <c>&amp;</c>.</summary>
    public static Filter BitwiseAnd(Filter left, Filter right) => left & right;

    /// <summary>Same as <c>|</c>.</summary>
    public static Filter BitwiseOr(Filter left, Filter right) => left | right;

    /// <summary>Same as <c>!</c>.</summary>
    public static Filter LogicalNot(Filter operand) => !operand;

    /// <inheritdoc />
    public bool Equals(Filter other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Filter other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Compares two filters by text.</summary>
    public static bool operator ==(Filter left, Filter right) => left.Equals(right);

    /// <summary>Compares two filters by text.</summary>
    public static bool operator !=(Filter left, Filter right) => !left.Equals(right);
}
