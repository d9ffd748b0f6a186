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
/// YAML records each node's place as <see cref="YamlToJson"/> builds it (the parser's marks are there anyway), in a side
/// table keyed by node. JSON records nothing while it is read: a lookup follows the pointer through the text with one
/// forward <see cref="Utf8JsonReader"/> pass (<see cref="JsonTextSpots"/>), so a document without diagnostics never pays
/// for it. Members point at their name, array items at their value; a pointer whose tail does not exist lands on the
/// deepest node that does, and on the start of the file when not even its first token does.
/// </remarks>
internal sealed class SpecTree
{
    private readonly string _text;

    /// <summary>Where each node was written (YAML); <see langword="null"/> for JSON, whose text is read again when asked.</summary>
    private readonly NodeSpots? _spots;
    private byte[]? _utf8;
    private List<(string Reference, TextSpot Spot)>? _references;

    private SpecTree(string filePath, string text, JsonNode? root, NodeSpots? spots)
    {
        _text = text;
        Root = root;
        _spots = spots;
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
        return new SpecTree(filePath, yaml, YamlToJson.ToNode(yaml, spots), spots);
    }

    /// <summary>A JSON document already parsed from <paramref name="json"/>; its text is read again only for a lookup.</summary>
    public static SpecTree FromJson(string filePath, string json, JsonNode? root) => new(filePath, json, root, spots: null);

    /// <summary>The position of the deepest node on <paramref name="pointer"/>'s path; the start of the file when not even its first token exists.</summary>
    public SpecPosition Locate(string? pointer)
    {
        if (_spots is null)
        {
            return JsonTextSpots.Locate(Utf8, pointer) is { } spot ? spot.ToPosition(Positions) : SpecPosition.StartOf(Positions.FilePath);
        }

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
        var references = _references ??= _spots is null ? JsonTextSpots.References(Utf8) : References(_spots);
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
                return JsonPointer.TryGetMember(obj, segment, out var name, out child) && _spots!.TryGet(obj, name, child, out spot);
            case JsonArray array:
                // RFC 6901: an index has no leading zero; "-" (past the end) names nothing yet.
                if ((segment == "0" || (segment.Length > 0 && segment[0] != '0'))
                    && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < array.Count)
                {
                    child = array[index];
                    return _spots!.TryGet(array, segment, child, out spot);
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Every <c>$ref</c> member with a string value that was written in the text, in document order.</summary>
    private List<(string Reference, TextSpot Spot)> References(NodeSpots spots)
    {
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

                    if (member.Key == "$ref" && member.Value is JsonValue value && value.TryGetValue<string>(out var text) && spots.TryGet(obj, member.Key, value, out var spot))
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

    private byte[] Utf8 => _utf8 ??= Encoding.UTF8.GetBytes(_text);
}
