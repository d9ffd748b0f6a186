using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// Finds a name that appears twice in one JSON object. RFC 8259 leaves such objects' meaning open and System.Text.Json's
/// <c>JsonObject</c> throws on them when first read, so the reader asks here where the first one is, to report it.
/// </summary>
internal static class JsonDuplicateKeys
{
    /// <summary>The first repeated name and the character offset of its second occurrence, or <see langword="null"/>.</summary>
    public static (string Name, int Offset)? First(string json)
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
                        names.Push(new HashSet<string>(System.StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName when names.Peek() is { } declared:
                        var name = reader.GetString()!;
                        if (!declared.Add(name))
                        {
                            return (name, Encoding.UTF8.GetCharCount(bytes, 0, (int)reader.TokenStartIndex));
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
}
