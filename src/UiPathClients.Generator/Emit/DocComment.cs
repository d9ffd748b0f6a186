using System.Collections.Generic;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Emit;

/// <summary>
/// Builds XML documentation comment lines. Spec text is documented; a member the spec does not describe gets no
/// invented summary (<c>The Key property.</c> says nothing IntelliSense does not already show, and thousands of them
/// were a quarter of a large client's lines). Every generated file disables CS1591 and CS1573 for that reason.
/// </summary>
internal static class DocComment
{
    /// <summary>
    /// A <c>summary</c> from Core.Description and <c>remarks</c> from Core.LongDescription plus
    /// <paramref name="extraRemarks"/>; no lines at all when there is neither.
    /// </summary>
    public static IReadOnlyList<string> Lines(Documentation documentation, IEnumerable<string>? extraRemarks = null) =>
        Lines(documentation.Description is { Length: > 0 } description ? EscapeLines(description) : null, documentation, extraRemarks);

    /// <summary>
    /// As <see cref="Lines(Documentation, IEnumerable{string}?)"/>, with <paramref name="fallbackSummary"/> when the spec
    /// has no description: for generated members whose summary says something the signature does not (a route, a
    /// query's capabilities).
    /// </summary>
    public static IReadOnlyList<string> Lines(Documentation documentation, string fallbackSummary, IEnumerable<string>? extraRemarks = null) =>
        Lines(documentation.Description is { Length: > 0 } description ? EscapeLines(description) : fallbackSummary, documentation, extraRemarks);

    /// <summary>
    /// Escapes text from a spec for use inside one line of XML documentation: every C# line terminator becomes a space,
    /// so the text cannot end the <c>///</c> comment and continue as code.
    /// </summary>
    public static string Escape(string text) => CSharpText.DocLine(text);

    private static List<string> Lines(string? summary, Documentation documentation, IEnumerable<string>? extraRemarks)
    {
        var lines = new List<string>();
        if (summary is not null)
        {
            AddElement(lines, "summary", summary);
        }

        var remarks = new List<string>();
        if (documentation.LongDescription is { Length: > 0 } longDescription)
        {
            remarks.Add(EscapeLines(longDescription));
        }

        if (extraRemarks is not null)
        {
            remarks.AddRange(extraRemarks);
        }

        if (remarks.Count > 0)
        {
            AddElement(lines, "remarks", string.Join("\n", remarks));
        }

        return lines;
    }

    /// <summary>Escapes text from a spec for XML documentation of several lines, each line ended by <c>\n</c> only.</summary>
    private static string EscapeLines(string text) => CSharpText.DocParagraphs(text);

    /// <summary>An element on one line when its text is one line, else opening and closing tags on lines of their own.</summary>
    private static void AddElement(List<string> lines, string element, string content)
    {
        var contentLines = CSharpText.NormalizeLineTerminators(content).Split('\n');
        if (contentLines.Length == 1)
        {
            lines.Add("/// <" + element + ">" + contentLines[0].Trim() + "</" + element + ">");
            return;
        }

        lines.Add("/// <" + element + ">");
        foreach (var line in contentLines)
        {
            var trimmed = line.TrimEnd();
            lines.Add(trimmed.Length == 0 ? "///" : "/// " + trimmed);
        }

        lines.Add("/// </" + element + ">");
    }
}
