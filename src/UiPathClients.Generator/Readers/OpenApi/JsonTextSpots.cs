using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// Where a JSON pointer lands in JSON text, found by one forward pass of <see cref="Utf8JsonReader"/> that follows the
/// pointer and skips every other value: nothing is built, and the pass stops at the node. Only asked when a diagnostic
/// is reported, on text that was already read into a tree, so it is valid JSON.
/// </summary>
internal static class JsonTextSpots
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = SpecLimits.MaxJsonDepth + 1 };

    /// <summary>The spot of the deepest node on <paramref name="pointer"/>'s path; <see langword="null"/> when not even its first token exists.</summary>
    public static TextSpot? Locate(byte[] utf8, string? pointer)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        if (!reader.Read())
        {
            return null;
        }

        (int Start, int Length)? found = null;
        foreach (var raw in JsonPointer.Segments(pointer))
        {
            if (Enter(ref reader, JsonPointer.Unescape(raw)) is not { } entered)
            {
                break;
            }

            found = entered;
        }

        return found is { } spot ? ToSpot(utf8, spot.Start, spot.Length) : null;
    }

    /// <summary>Every <c>$ref</c> member whose value is a string, with its spot, in document order.</summary>
    public static List<(string Reference, TextSpot Spot)> References(byte[] utf8)
    {
        var references = new List<(string, TextSpot)>();
        var reader = new Utf8JsonReader(utf8, Options);

        // Offsets only grow: each character offset is counted on from the one before.
        var (byteOffset, charOffset) = (0, 0);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("$ref"))
            {
                var (start, length) = NameOf(ref reader);
                if (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    charOffset += Encoding.UTF8.GetCharCount(utf8, byteOffset, start - byteOffset);
                    byteOffset = start;
                    references.Add((reader.GetString()!, TextSpot.AtOffset(charOffset, Encoding.UTF8.GetCharCount(utf8, start, length))));
                }
            }
        }

        return references;
    }

    /// <summary>
    /// Moves from the node the reader stands on to its child named <paramref name="segment"/> (a member, at its name, or an
    /// array item, at its value); <see langword="null"/> when there is none. A member named as written wins over one that
    /// only its percent-decoded form names, wherever each is, as a lookup by name would have it.
    /// </summary>
    private static (int Start, int Length)? Enter(ref Utf8JsonReader reader, string segment)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var decoded = segment.IndexOf('%') >= 0 ? JsonPointer.PercentDecode(segment) : null;
            var decodedMatch = default(Utf8JsonReader);
            (int, int)? decodedName = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(segment))
                {
                    var name = NameOf(ref reader);
                    reader.Read();
                    return name;
                }

                if (decoded is not null && decodedName is null && reader.ValueTextEquals(decoded))
                {
                    decodedMatch = reader;
                    decodedName = NameOf(ref reader);
                }

                reader.Skip();
            }

            if (decodedName is not null)
            {
                reader = decodedMatch;
                reader.Read();
                return decodedName;
            }

            return null;
        }

        // RFC 6901: an index has no leading zero; "-" (past the end) names nothing yet.
        if (reader.TokenType != JsonTokenType.StartArray
            || !(segment == "0" || (segment.Length > 0 && segment[0] != '0'))
            || !int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        for (var item = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; item++)
        {
            if (item == index)
            {
                return ((int)reader.TokenStartIndex, 0);
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>A member name as written, quotes included (the value span is the raw text between them).</summary>
    private static (int Start, int Length) NameOf(ref Utf8JsonReader reader) => ((int)reader.TokenStartIndex, reader.ValueSpan.Length + 2);

    private static TextSpot ToSpot(byte[] utf8, int start, int length) =>
        TextSpot.AtOffset(Encoding.UTF8.GetCharCount(utf8, 0, start), Encoding.UTF8.GetCharCount(utf8, start, length));
}
