using System;

namespace UiPathClients.Runtime.Querying;

/// <summary>
/// A boolean <c>$filter</c> expression built from typed operands, e.g.
/// <c>j.State == JobState.Faulted &amp; j.ReleaseName.StartsWith("Invoice")</c>. No expression trees and no
/// reflection: each operator builds the text directly, and every composite part is parenthesised, so the
/// meaning never depends on OData's operator precedence.
/// </summary>
public readonly struct Filter : IEquatable<Filter>
{
    private readonly string? _text;

    internal Filter(string text) => _text = text;

    /// <summary>The filter text, as it goes into <c>$filter</c> (before URL encoding).</summary>
    public string Text => _text ?? "true";

    /// <summary>A filter written by hand, for what the typed surface does not cover. It is sent as is.</summary>
    public static Filter Raw(string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArgumentException("The filter text is empty.", nameof(text)) : new Filter(text);

    /// <summary><c>(left) and (right)</c>.</summary>
    public static Filter operator &(Filter left, Filter right) => new("(" + left.Text + ") and (" + right.Text + ")");

    /// <summary><c>(left) or (right)</c>.</summary>
    public static Filter operator |(Filter left, Filter right) => new("(" + left.Text + ") or (" + right.Text + ")");

    /// <summary><c>not (operand)</c>.</summary>
    public static Filter operator !(Filter operand) => new("not (" + operand.Text + ")");

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
