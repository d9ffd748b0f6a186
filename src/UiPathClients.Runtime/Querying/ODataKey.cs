using System;
using System.Collections.Generic;
using System.Text;

namespace UiPathClients.Runtime.Querying;

/// <summary>
/// Key segments for addressing one entity: <c>(5)</c>, <c>('Default')</c>, or for composite keys
/// <c>(OrderId=…,LineNumber=2)</c>. Values are literals from <see cref="ODataLiteral"/>; the segment is
/// percent-encoded here because it becomes part of the URL path.
/// </summary>
public static class ODataKey
{
    /// <summary>A single-property key: <c>(literal)</c>.</summary>
    /// <param name="literal">The key value as an OData literal, e.g. <c>ODataLiteral.Format(5L)</c>.</param>
    public static string Segment(string literal)
    {
        if (string.IsNullOrEmpty(literal))
        {
            throw new ArgumentException("The key literal is empty.", nameof(literal));
        }

        return "(" + EscapePathLiteral(literal) + ")";
    }

    /// <summary>A composite key: <c>(Name1=literal1,Name2=literal2)</c>, in the order the metadata declares them.</summary>
    /// <param name="parts">Key property names and their values as OData literals.</param>
    public static string Segment(IReadOnlyList<KeyValuePair<string, string>> parts)
    {
        if (parts is null || parts.Count == 0)
        {
            throw new ArgumentException("A composite key needs at least one part.", nameof(parts));
        }

        if (parts.Count == 1)
        {
            return Segment(parts[0].Value);
        }

        var builder = new StringBuilder("(");
        for (var i = 0; i < parts.Count; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",").Append(parts[i].Key).Append('=').Append(EscapePathLiteral(parts[i].Value));
        }

        return builder.Append(')').ToString();
    }

    /// <summary>A literal made safe for a URL path (function parameters): what cannot stand in a path segment is percent-encoded, quotes stay readable.</summary>
    /// <param name="literal">The OData literal, e.g. <c>ODataLiteral.Format("a/b")</c>.</param>
    public static string EscapeForPath(string literal) =>
        EscapePathLiteral(literal ?? throw new ArgumentNullException(nameof(literal)));

    /// <summary>
    /// Percent-encodes what cannot stand in a path segment ('/', '?', '#', '%', spaces, non-ASCII) while
    /// keeping the literal's quotes and punctuation readable.
    /// </summary>
    private static string EscapePathLiteral(string literal) => Uri.EscapeDataString(literal).Replace("%27", "'");
}
