using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace UiPathClients.Generator.Emit;

/// <summary>
/// The one place that turns text from a spec into part of C# source, for each context it can land in: a string literal
/// (JSON names, paths, media types, discriminators, patterns — also as attribute arguments), a line of XML documentation,
/// and a hint name. Identifiers have their own rules in <see cref="Naming.CSharpIdentifier"/>. The output never uses
/// verbatim or raw strings, <c>#line</c> or <c>#pragma</c> with spec text, so those contexts do not exist.
/// </summary>
/// <remarks>
/// Spec text is untrusted: a downloaded <c>$metadata</c> or a vendor's OpenAPI must not be able to end a literal or a
/// comment and continue as code. C# ends a line — and so a <c>///</c> comment — at CR, LF, NEL (U+0085), LINE SEPARATOR
/// (U+2028) and PARAGRAPH SEPARATOR (U+2029); bidirectional controls can make code read differently from how it compiles
/// ("Trojan Source"), so they never reach the output unescaped either.
/// </remarks>
internal static class CSharpText
{
    /// <summary>A C# regular string literal, quotes included, with every control, line-terminator and bidi character escaped.</summary>
    public static string StringLiteral(string text)
    {
        // Roslyn escapes quotes, backslashes, control characters and the Unicode line terminators as \uXXXX.
        var literal = SymbolDisplay.FormatLiteral(text, quote: true);
        return HasBidiControl(literal) ? EscapeBidiControls(literal) : literal;
    }

    /// <summary>Text for one line of XML documentation: XML-escaped, line terminators as spaces, bidi controls removed.</summary>
    public static string DocLine(string text) => EscapeXml(RemoveBidiControls(NormalizeLineTerminators(text).Replace('\n', ' ')));

    /// <summary>Text for XML documentation of several lines: XML-escaped, each line ended by <c>\n</c> only, bidi controls removed.</summary>
    public static string DocParagraphs(string text) => EscapeXml(RemoveBidiControls(NormalizeLineTerminators(text)));

    /// <summary>Every character C# takes for the end of a line as <c>\n</c>: CR LF, CR, LF, NEL, LS and PS.</summary>
    public static string NormalizeLineTerminators(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u0085', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n');

    /// <summary>
    /// A hint-name segment from a C# identifier or namespace: identifiers hold only letters, digits, marks and connectors,
    /// which every file system and Roslyn's hint-name check accept; anything else (never expected) becomes <c>_</c>.
    /// </summary>
    public static string HintNameSegment(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            builder.Append(character is '.' or '@' || Naming.CSharpIdentifier.IsIdentifierPart(character) ? character : '_');
        }

        return builder.ToString();
    }

    /// <summary>The explicit-direction formatting characters of Unicode's bidirectional algorithm (LRM/RLM, ALM, embeddings, overrides, isolates).</summary>
    public static bool IsBidiControl(char character) =>
        character is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool HasBidiControl(string text)
    {
        foreach (var character in text)
        {
            if (IsBidiControl(character))
            {
                return true;
            }
        }

        return false;
    }

    private static string EscapeBidiControls(string literal)
    {
        var builder = new StringBuilder(literal.Length + 16);
        foreach (var character in literal)
        {
            if (IsBidiControl(character))
            {
                builder.Append("\\u").Append(((int)character).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    private static string RemoveBidiControls(string text)
    {
        if (!HasBidiControl(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (!IsBidiControl(character))
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    private static string EscapeXml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
