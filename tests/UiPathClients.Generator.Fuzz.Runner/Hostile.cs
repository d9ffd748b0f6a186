using System;
using System.Collections.Generic;

namespace UiPathClients.Generator.Fuzz;

/// <summary>The hostile vocabulary every mutation and grammar rule draws from (issue 17's list, one place).</summary>
internal static class Hostile
{
    /// <summary>Name of the member an injection payload declares; a compiled case that has it was injected into.</summary>
    public const string InjectedMemberName = "FuzzInjected";

    /// <summary>Every character sequence C# treats as a line end: CR, LF, CRLF, NEL, LS, PS.</summary>
    public static readonly (string Name, string Text)[] LineTerminators =
    {
        ("CR", "\r"), ("LF", "\n"), ("CRLF", "\r\n"), ("U+0085", "\u0085"), ("U+2028", "\u2028"), ("U+2029", "\u2029"),
    };

    /// <summary>Bidirectional controls that reorder how source reads (Trojan Source).</summary>
    public static readonly (string Name, string Text)[] BidiControls =
    {
        ("U+202E", "\u202E"), ("U+2066", "\u2066"), ("U+2067", "\u2067"), ("U+2068", "\u2068"), ("U+2069", "\u2069"),
    };

    /// <summary>Other text that has a meaning in one of the output contexts (comment, XML doc, string, verbatim string, file name).</summary>
    public static readonly (string Name, string Text)[] ContextBreakers =
    {
        ("comment-end", "*/"), ("comment-start", "/*"), ("quote", "\""), ("backslash", "\\"), ("braces", "{{}}"),
        ("xml-close", "</summary>"), ("xml-cdata", "<![CDATA["), ("xml-entity", "&amp;&lt;&#x2028;"), ("directive", "#line 1 \"x\""),
        ("NUL", "\0"), ("tab", "\t"), ("BOM", "\uFEFF"), ("lone-surrogate", "\uD800"), ("path", "../../x\\y:z*?"),
        ("interpolation", "{0}{{x}}$\"{y}\""), ("raw-string", "\"\"\"\""),
    };

    /// <summary>Names that are not C# identifiers as they stand, or that collide with something.</summary>
    public static readonly (string Name, string Text)[] Names =
    {
        ("keyword class", "class"), ("keyword namespace", "namespace"), ("keyword int", "int"), ("keyword event", "event"),
        ("keyword object", "object"), ("keyword default", "default"), ("keyword this", "this"), ("keyword base", "base"),
        ("keyword __arglist", "__arglist"), ("contextual value", "value"), ("contextual record", "record"), ("contextual var", "var"),
        ("digit first", "1abc"), ("digits only", "123"), ("dash", "a-b"), ("leading dash", "-a"), ("dot", "a.b"), ("dollar", "$ref"),
        ("dollar only", "$"), ("combining mark first", "\u0301abc"), ("emoji", "\U0001F600"), ("emoji inside", "a\U0001F600b"),
        ("empty", ""), ("space", " "), ("inner space", "a b"), ("at-keyword", "@class"), ("underscore", "_"), ("double underscore", "__"),
        ("fullwidth", "\uFF21\uFF22"), ("greek", "\u03A3\u03C3"), ("dotless i", "\u0131d"), ("long", new string('n', 600)),
        ("System", "System"), ("global", "global"), ("ToString", "ToString"), ("Equals", "Equals"), ("GetHashCode", "GetHashCode"),
        ("null", "null"), ("true", "true"), ("slash", "a/b"), ("colon", "a:b"), ("hash", "#"), ("zero-width joiner", "a\u200Db"),
        ("line separator", "a\u2028b"), ("RLO", "a\u202Eb"),
    };

    /// <summary>Numbers that overflow, lose precision or are not numbers (raw JSON/YAML/XML text).</summary>
    public static readonly string[] Numbers =
    {
        "1e400", "-1e400", "1e-400", "-0", "NaN", "Infinity", "-Infinity", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "340282366920938463463374607431768211456", "2147483648", "-2147483649", "256", "-129", "65536",
        "0.5", "1.0", "0x10", "007", "-1", "1_000", "+1", "",
    };

    /// <summary>Values of the wrong JSON kind for almost any OpenAPI field.</summary>
    public static readonly string[] WrongKindJson =
    {
        "42", "\"x\"", "true", "null", "[]", "{}", "[1,\"a\",null]", "{\"a\":1}", "-0", "1e400", "\"\"",
    };

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>
    /// Hostile text for a text field: a line terminator, a bidi control or a context breaker, or an injection payload
    /// (a line terminator followed by a member declaration), placed before, inside or after the original text.
    /// </summary>
    public static (string Label, string Text) Text(Random random, string original)
    {
        string label, insert;
        switch (random.Next(4))
        {
            case 0:
                var terminator = random.Pick(LineTerminators);
                label = "injection after " + terminator.Name;
                insert = $"{terminator.Text}public static int {InjectedMemberName} => 1;{terminator.Text}/// ";
                break;
            case 1:
                (label, insert) = random.Pick(LineTerminators);
                break;
            case 2:
                (label, insert) = random.Pick(BidiControls);
                break;
            default:
                (label, insert) = random.Pick(ContextBreakers);
                break;
        }

        return random.Next(3) switch
        {
            0 => (label + " (prefix)", insert + original),
            1 => (label + " (suffix)", original + insert),
            _ => (label + " (middle)", original.Insert(original.Length / 2, insert)),
        };
    }
}
