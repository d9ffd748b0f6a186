using System;
using System.Collections.Generic;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Emit;

/// <summary>Builds XML documentation comment lines from spec documentation.</summary>
internal static class DocComment
{
    /// <summary>
    /// A <c>summary</c> from Core.Description (or <paramref name="fallbackSummary"/>, so public generated
    /// members never trip CS1591 in projects that build documentation), plus <c>remarks</c> from
    /// Core.LongDescription and any <paramref name="extraRemarks"/>.
    /// </summary>
    public static IReadOnlyList<string> Lines(Documentation documentation, string fallbackSummary, IEnumerable<string>? extraRemarks = null)
    {
        var lines = new List<string>();
        AddElement(lines, "summary", documentation.Description is { Length: > 0 } description ? EscapeLines(description) : fallbackSummary);

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

    /// <summary>
    /// Escapes text from a spec for use inside one line of XML documentation: every C# line terminator becomes a space,
    /// so the text cannot end the <c>///</c> comment and continue as code.
    /// </summary>
    public static string Escape(string text) => CSharpText.DocLine(text);

    /// <summary>Escapes text from a spec for XML documentation of several lines, each line ended by <c>\n</c> only.</summary>
    private static string EscapeLines(string text) => CSharpText.DocParagraphs(text);

    private static void AddElement(List<string> lines, string element, string content)
    {
        lines.Add("/// <" + element + ">");
        foreach (var line in CSharpText.NormalizeLineTerminators(content).Split('\n'))
        {
            var trimmed = line.TrimEnd();
            lines.Add(trimmed.Length == 0 ? "///" : "/// " + trimmed);
        }

        lines.Add("/// </" + element + ">");
    }
}
