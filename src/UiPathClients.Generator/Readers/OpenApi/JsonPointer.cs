using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>JSON pointers (RFC 6901) as Microsoft.OpenApi and <c>$ref</c> write them: bare (<c>/a/b</c>) or as a URI fragment (<c>#/a/b</c>, <c>file.json#/a/b</c>).</summary>
internal static class JsonPointer
{
    /// <summary>The reference tokens, still escaped; none when the pointer is empty or not a pointer.</summary>
    public static IEnumerable<string> Segments(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            yield break;
        }

        var path = pointer!;
        var hash = path.IndexOf('#');
        if (hash >= 0)
        {
            path = path.Substring(hash + 1);
        }

        if (!path.StartsWith("/", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var segment in path.Substring(1).Split('/'))
        {
            yield return segment;
        }
    }

    /// <summary>RFC 6901: <c>~1</c> is <c>/</c> and <c>~0</c> is <c>~</c>, in that order so <c>~01</c> stays <c>~1</c>.</summary>
    public static string Unescape(string segment) =>
        segment.IndexOf('~') < 0 ? segment : segment.Replace("~1", "/").Replace("~0", "~");

    /// <summary>A member of <paramref name="obj"/> named by an unescaped token, which a URI fragment may percent-encode (<c>{id}</c> as <c>%7Bid%7D</c>).</summary>
    public static bool TryGetMember(JsonObject obj, string segment, out string name, out JsonNode? member)
    {
        name = segment;
        if (obj.TryGetPropertyValue(segment, out member))
        {
            return true;
        }

        if (segment.IndexOf('%') >= 0)
        {
            name = PercentDecode(segment);
            return obj.TryGetPropertyValue(name, out member);
        }

        return false;
    }

    /// <summary>The node <paramref name="pointer"/> names in <paramref name="root"/>, or <see langword="null"/> when there is none.</summary>
    public static JsonNode? Resolve(JsonNode root, string pointer)
    {
        JsonNode? node = root;
        foreach (var raw in Segments(pointer))
        {
            var segment = Unescape(raw);
            node = node switch
            {
                JsonObject obj when TryGetMember(obj, segment, out _, out var member) => member,
                JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>A token as a URI fragment percent-encodes it (<c>%7Bid%7D</c> is <c>{id}</c>); the token itself when it is no valid encoding.</summary>
    public static string PercentDecode(string segment)
    {
        try
        {
            return Uri.UnescapeDataString(segment);
        }
        catch (UriFormatException)
        {
            return segment;
        }
    }
}
