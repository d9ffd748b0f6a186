using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace UiPathClients.Generator.Naming;

/// <summary>
/// Turns names from specs into valid, idiomatic C# identifiers. Spec names are only ever
/// transformed here, so the rules live in one place and the JSON name is kept by the caller.
/// </summary>
internal static class CSharpIdentifier
{
    private static readonly char[] NamespaceSeparator = { '.' };

    /// <summary>
    /// PascalCase: splits on characters that are not letters or digits, upper-cases the first letter
    /// of each part and keeps the rest (so <c>ODataType</c> stays as is and <c>display_name</c> becomes
    /// <c>DisplayName</c>). A leading digit gets an underscore; an empty result becomes <c>_</c>.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var character in name)
        {
            // Underscores separate words like any other punctuation: display_name → DisplayName.
            if (character != '_' && IsIdentifierPart(character))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(character) : character);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        return MakeValid(builder.ToString());
    }

    /// <summary>
    /// camelCase for parameters and locals: <see cref="ToPascalCase"/>, then its leading capitals lower-cased as one word,
    /// except a last capital that starts the next word (<c>ID</c> → <c>id</c>, <c>URL</c> → <c>url</c>,
    /// <c>IPAddress</c> → <c>ipAddress</c>, <c>ODataType</c> → <c>oDataType</c>; never <c>iD</c>).
    /// </summary>
    public static string ToCamelCase(string name)
    {
        var characters = ToPascalCase(name).ToCharArray();
        for (var index = 0; index < characters.Length && char.IsUpper(characters[index]); index++)
        {
            if (index > 0 && index + 1 < characters.Length && char.IsLower(characters[index + 1]))
            {
                break;
            }

            characters[index] = char.ToLowerInvariant(characters[index]);
        }

        return new string(characters);
    }

    /// <summary>
    /// Keeps the name as written but replaces characters C# does not allow. Used for enum members,
    /// where changing the case of a spec name would surprise more than it helps.
    /// </summary>
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            builder.Append(IsIdentifierPart(character) ? character : '_');
        }

        return MakeValid(builder.ToString());
    }

    /// <summary>
    /// Converts a dotted name into a valid C# namespace: each segment sanitized and escaped, its case
    /// kept, because the name may be the user's own <c>RootNamespace</c> or <c>Namespace</c> option.
    /// </summary>
    public static string ToNamespace(string dottedName)
    {
        var segments = dottedName
            .Split(NamespaceSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => EscapeKeyword(MakeValid(Sanitize(segment))));
        var result = string.Join(".", segments);
        return result.Length == 0 ? "_" : result;
    }

    /// <summary>
    /// Converts a schema's dotted namespace into C# namespace segments, each PascalCase like every other name taken from a
    /// spec (<c>microsoft.graph.partners</c> → <c>Microsoft.Graph.Partners</c>). Not for the user's own namespace options,
    /// whose case <see cref="ToNamespace"/> keeps.
    /// </summary>
    public static string[] ToPascalNamespaceSegments(string dottedName)
    {
        var segments = dottedName
            .Split(NamespaceSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => EscapeKeyword(ToPascalCase(segment)))
            .ToArray();
        return segments.Length == 0 ? new[] { "_" } : segments;
    }

    /// <summary>Prefixes <c>@</c> when the identifier is a C# keyword, e.g. parameter <c>@class</c>.</summary>
    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>
    /// Prefixes <c>_</c> when the first character may not start an identifier although it may continue one: a digit of
    /// any script, a combining mark, or a connector such as U+203F.
    /// </summary>
    private static string MakeValid(string identifier)
    {
        if (identifier.Length == 0)
        {
            return "_";
        }

        return SyntaxFacts.IsIdentifierStartCharacter(identifier[0]) ? identifier : "_" + identifier;
    }

    /// <summary>
    /// C#'s identifier-part characters — letters, digits, connectors and combining marks — except the formatting
    /// characters (Cf) C# also allows: they are invisible and include the bidi controls of "Trojan Source" attacks.
    /// Surrogate halves are not parts on their own, so characters outside the BMP become <c>_</c>.
    /// </summary>
    public static bool IsIdentifierPart(char character) =>
        SyntaxFacts.IsIdentifierPartCharacter(character) && CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.Format;
}

/// <summary>
/// Hands out unique names within one C# scope (a namespace or a type's members). Collisions —
/// including names that differ only in case, which PascalCasing creates from <c>id</c> and <c>Id</c> —
/// get a numeric suffix in first-come order, so the output is deterministic for a given spec.
/// Type names use a case-insensitive scope because they become hint names, which Roslyn (like
/// the file systems they end up on) compares ignoring case.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;
    private readonly NameScope? _inherited;

    public NameScope(IEnumerable<string>? reserved = null, StringComparer? comparer = null) =>
        _taken = new HashSet<string>(reserved ?? Enumerable.Empty<string>(), comparer ?? StringComparer.Ordinal);

    /// <summary>
    /// A scope inside <paramref name="inherited"/> (a derived class's members beside its base's): its names are taken
    /// here too, without copying them, so a base with thousands of members costs each derived class nothing. The
    /// inherited scope must not change afterwards.
    /// </summary>
    public NameScope(NameScope inherited)
    {
        _taken = new HashSet<string>(inherited._taken.Comparer);
        _inherited = inherited;
    }

    public string Claim(string preferred)
    {
        var candidate = preferred;
        for (var suffix = 2; !TryAdd(candidate); suffix++)
        {
            candidate = preferred + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>Whether <paramref name="name"/> is already claimed or reserved, here or in the inherited scope.</summary>
    public bool IsTaken(string name) => _taken.Contains(name) || (_inherited?.IsTaken(name) ?? false);

    private bool TryAdd(string name) => !(_inherited?.IsTaken(name) ?? false) && _taken.Add(name);
}
