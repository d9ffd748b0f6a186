using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using UiPathClients.Generator.Diagnostics;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// An OpenAPI document read once: the JSON tree Microsoft.OpenApi is given, and where in the text each of its nodes
/// was written, so that a JSON pointer (what Microsoft.OpenApi reports) becomes a line and column.
/// </summary>
/// <remarks>
/// YAML records each node's place as <see cref="YamlToJson"/> builds it (the parser's marks are there anyway). JSON
/// records nothing while it is read: the first lookup walks the text with one <see cref="Utf8JsonReader"/> pass in step
/// with the tree (same text, so the same shape), and a document without diagnostics never pays for it. Members point
/// at their name, array items at their value; a pointer whose tail does not exist lands on the deepest node that does,
/// and on the start of the file when not even its first token does.
/// </remarks>
internal sealed class SpecTree
{
    private readonly string _text;
    private bool _spotsRead;
    private readonly NodeSpots _spots;
    private List<(string Reference, TextSpot Spot)>? _references;

    private SpecTree(string filePath, string text, JsonNode? root, NodeSpots spots, bool spotsRead)
    {
        _text = text;
        Root = root;
        _spots = spots;
        _spotsRead = spotsRead;
        Positions = new SpecTextPositions(filePath, text);
    }

    /// <summary>The document; Microsoft.OpenApi reads this very tree (or, when the reader must rewrite it, a copy).</summary>
    public JsonNode? Root { get; }

    /// <summary>Line and column of character offsets in the text.</summary>
    public SpecTextPositions Positions { get; }

    /// <summary>A YAML document (an empty stream is an empty object).</summary>
    /// <exception cref="YamlDotNet.Core.YamlException">The text is not valid YAML, or not YAML that maps onto JSON.</exception>
    /// <exception cref="SpecLimitException">The document nests too deep or its aliases expand too far.</exception>
    public static SpecTree FromYaml(string filePath, string yaml)
    {
        var spots = new NodeSpots();
        return new SpecTree(filePath, yaml, YamlToJson.ToNode(yaml, spots), spots, spotsRead: true);
    }

    /// <summary>A JSON document already parsed from <paramref name="json"/>; its spots are found on the first lookup.</summary>
    public static SpecTree FromJson(string filePath, string json, JsonNode? root) => new(filePath, json, root, new NodeSpots(), spotsRead: false);

    /// <summary>The position of the deepest node on <paramref name="pointer"/>'s path; the start of the file when not even its first token exists.</summary>
    public SpecPosition Locate(string? pointer)
    {
        EnsureSpots();
        var node = Root;
        TextSpot? found = null;
        foreach (var raw in JsonPointer.Segments(pointer))
        {
            if (!TryChild(node, JsonPointer.Unescape(raw), out var child, out var spot))
            {
                break;
            }

            node = child;
            found = spot;
        }

        return found is { } at ? at.ToPosition(Positions) : SpecPosition.StartOf(Positions.FilePath);
    }

    /// <summary>
    /// The first <c>$ref</c> member whose value is <paramref name="reference"/>; failing that, the first whose last token
    /// is <paramref name="id"/> (OpenAPI 2.0's <c>#/definitions/X</c> is read as <c>#/components/schemas/X</c>).
    /// </summary>
    public SpecPosition LocateReference(string? reference, string? id)
    {
        var references = _references ??= References();
        foreach (var entry in references)
        {
            if (string.Equals(entry.Reference, reference, StringComparison.Ordinal))
            {
                return entry.Spot.ToPosition(Positions);
            }
        }

        if (!string.IsNullOrEmpty(id))
        {
            foreach (var entry in references)
            {
                var slash = entry.Reference.LastIndexOf('/');
                if (slash >= 0 && string.Equals(JsonPointer.Unescape(entry.Reference.Substring(slash + 1)), id, StringComparison.Ordinal))
                {
                    return entry.Spot.ToPosition(Positions);
                }
            }
        }

        return SpecPosition.StartOf(Positions.FilePath);
    }

    /// <summary>A child that exists and was written in the text (a copy made after the read was not).</summary>
    private bool TryChild(JsonNode? node, string segment, out JsonNode? child, out TextSpot spot)
    {
        child = null;
        spot = default;
        switch (node)
        {
            case JsonObject obj:
                return JsonPointer.TryGetMember(obj, segment, out var name, out child) && _spots.TryGet(obj, name, child, out spot);
            case JsonArray array:
                // RFC 6901: an index has no leading zero; "-" (past the end) names nothing yet.
                if ((segment == "0" || (segment.Length > 0 && segment[0] != '0'))
                    && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < array.Count)
                {
                    child = array[index];
                    return _spots.TryGet(array, segment, child, out spot);
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Every <c>$ref</c> member with a string value that was written in the text, in document order.</summary>
    private List<(string Reference, TextSpot Spot)> References()
    {
        EnsureSpots();
        var references = new List<(string, TextSpot)>();
        var pending = new Stack<JsonNode>();
        if (Root is not null)
        {
            pending.Push(Root);
        }

        var children = new List<JsonNode>();
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            children.Clear();
            if (node is JsonObject obj)
            {
                foreach (var member in obj)
                {
                    if (member.Value is null)
                    {
                        continue;
                    }

                    if (member.Key == "$ref" && member.Value is JsonValue value && value.TryGetValue<string>(out var text) && _spots.TryGet(obj, member.Key, value, out var spot))
                    {
                        references.Add((text, spot));
                    }

                    children.Add(member.Value);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        children.Add(item);
                    }
                }
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }

        return references;
    }

    private void EnsureSpots()
    {
        if (_spotsRead || Root is null)
        {
            return;
        }

        _spotsRead = true;
        try
        {
            JsonSpots.Read(_text, Root, _spots);
        }
        catch (ArgumentException)
        {
            // An object naming a member twice: System.Text.Json refuses to open it. The pre-checks report that (located by
            // JsonTextProblems); what comes before it in the text stays located, as when the pre-checks stop earlier.
        }
    }

    /// <summary>One pass of <see cref="Utf8JsonReader"/> over the text the tree was parsed from, recording each node's spot.</summary>
    private static class JsonSpots
    {
        /// <summary>An object or array being read: its node, and the member or item the next value is.</summary>
        private sealed class Frame(JsonNode container)
        {
            public JsonNode Container { get; } = container;

            public IEnumerator<KeyValuePair<string, JsonNode?>>? Members { get; } = (container as JsonObject)?.GetEnumerator();

            public int Index { get; set; }

            public TextSpot NameSpot { get; set; }
        }

        public static void Read(string text, JsonNode root, NodeSpots spots)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = SpecLimits.MaxJsonDepth + 1 });
            var stack = new Stack<Frame>();

            // Byte offsets only grow: each is turned into a character offset from the one before.
            var byteOffset = 0;
            var charOffset = 0;
            int CharOffset(int at)
            {
                charOffset += Encoding.UTF8.GetCharCount(bytes, byteOffset, at - byteOffset);
                byteOffset = at;
                return charOffset;
            }

            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = stack.Peek();
                        frame.Members!.MoveNext();

                        // The name as written, quotes included (the value span is the raw text between them).
                        var nameStart = CharOffset(start);
                        var nameLength = Encoding.UTF8.GetCharCount(bytes, start, reader.ValueSpan.Length + 2);
                        frame.NameSpot = TextSpot.AtOffset(nameStart, nameLength);
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.Pop();
                        continue;
                    case JsonTokenType.Comment or JsonTokenType.None:
                        continue;
                }

                // A value: the root, the member just named, or the next item.
                JsonNode? node;
                if (stack.Count == 0)
                {
                    node = root;
                }
                else if (stack.Peek() is { Members: { } members } owner)
                {
                    node = members.Current.Value;
                    spots.Add(owner.Container, members.Current.Key, node, owner.NameSpot);
                }
                else
                {
                    var array = stack.Peek();
                    node = ((JsonArray)array.Container)[array.Index];
                    var spot = TextSpot.AtOffset(CharOffset(start), 0);
                    if (node is null)
                    {
                        spots.Add(array.Container, array.Index.ToString(CultureInfo.InvariantCulture), null, spot);
                    }
                    else
                    {
                        spots.Add(node, spot);
                    }

                    array.Index++;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    stack.Push(new Frame(node!));
                }
            }
        }
    }
}
