using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// Finds what System.Text.Json's tree refuses only when a node is first read, so the reader can report where it is: a name
/// that appears twice in one object (RFC 8259 leaves its meaning open; <c>JsonObject</c> throws <see cref="ArgumentException"/>)
/// and a string whose escapes spell a lone UTF-16 surrogate (no Unicode text; <see cref="InvalidOperationException"/>).
/// Run only after such an exception, so valid documents pay nothing.
/// </summary>
internal static class JsonTextProblems
{
    /// <summary>The first problem, as a message and the character offset of the token at fault, or <see langword="null"/>.</summary>
    public static (string Problem, int Offset)? First(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = SpecLimits.MaxJsonDepth + 1 });
        var names = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                    case JsonTokenType.String:
                        if (!TryGetString(ref reader, out var text))
                        {
                            return ("a string escapes a lone UTF-16 surrogate, which is no Unicode text", OffsetOf(bytes, reader));
                        }

                        if (reader.TokenType == JsonTokenType.PropertyName && names.Peek() is { } declared && !declared.Add(text))
                        {
                            return ($"the name '{text}' appears twice in one object, so which value it has is not defined", OffsetOf(bytes, reader));
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Text that is not JSON was refused before this is asked; nothing more to find.
        }

        return null;
    }

    private static bool TryGetString(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static int OffsetOf(byte[] bytes, Utf8JsonReader reader) => Encoding.UTF8.GetCharCount(bytes, 0, (int)reader.TokenStartIndex);
}
