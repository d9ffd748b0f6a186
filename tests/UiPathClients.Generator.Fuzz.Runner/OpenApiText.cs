using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace UiPathClients.Generator.Fuzz;

/// <summary>A token written as it stands (e.g. <c>NaN</c>, <c>1e400</c>, <c>0x10</c>), which JSON values cannot hold.</summary>
internal sealed record RawToken(string Text);

/// <summary>
/// OpenAPI documents as <see cref="JsonNode"/> trees: read from JSON or YAML, written back as JSON or block YAML by
/// writers of our own, so that every character (lone surrogates, NUL, U+2028 raw or escaped) reaches the generator
/// exactly as the mutation chose, which System.Text.Json's writer would refuse or normalize.
/// </summary>
internal static class OpenApiText
{
    public static JsonNode Parse(string text, bool yaml)
    {
        if (!yaml)
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 4096, AllowTrailingCommas = true })!;
        }

        // YamlDotNet rejects a whitespace-only line indented deeper than the block scalar it opens (OpenAI's spec has
        // one); such lines carry nothing, so they are emptied first, as the generator's own YAML reading does.
        var stream = new YamlStream();
        stream.Load(new System.IO.StringReader(System.Text.RegularExpressions.Regex.Replace(text, "^[ \\t]+$", string.Empty, System.Text.RegularExpressions.RegexOptions.Multiline)));
        return FromYaml(stream.Documents[0].RootNode) ?? new JsonObject();
    }

    private static JsonNode? FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(
            mapping.Children
                .GroupBy(pair => ((YamlScalarNode)pair.Key).Value ?? string.Empty, StringComparer.Ordinal)
                .Select(group => KeyValuePair.Create(group.Key, FromYaml(group.First().Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(FromYaml).ToArray()),
        YamlScalarNode scalar => FromScalar(scalar),
        _ => null,
    };

    private static JsonNode? FromScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        if (value is "null" or "~" or "")
        {
            return null;
        }

        if (value is "true" or "false")
        {
            return JsonValue.Create(value == "true");
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && IsJsonNumber(value)
            ? JsonNode.Parse(value)
            : JsonValue.Create(value);
    }

    private static bool IsJsonNumber(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Number;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>JSON text; <paramref name="escapeNonAscii"/> writes every non-ASCII character as <c>\uXXXX</c>, otherwise they are written raw.</summary>
    public static string ToJson(JsonNode? node, bool escapeNonAscii)
    {
        var builder = new StringBuilder();
        // Iterative, so that a deliberately deep tree cannot overflow the fuzzer's own stack.
        void WriteScalar(JsonNode? value)
        {
            switch (value)
            {
                case null:
                    builder.Append("null");
                    break;
                case JsonValue scalar when scalar.TryGetValue<RawToken>(out var raw):
                    builder.Append(raw.Text);
                    break;
                case JsonValue scalar when scalar.TryGetValue<string>(out var text):
                    WriteJsonString(builder, text, escapeNonAscii);
                    break;
                default:
                    builder.Append(value.ToJsonString());
                    break;
            }
        }

        Walk(node, WriteScalar, builder, key => WriteJsonString(builder, key, escapeNonAscii));
        return builder.ToString();
    }

    private static void Walk(JsonNode? root, Action<JsonNode?> writeScalar, StringBuilder builder, Action<string> writeKey)
    {
        // Frames: a container and how far it is written.
        var stack = new Stack<(JsonNode Node, int Position, List<KeyValuePair<string, JsonNode?>>? Members)>();
        void Open(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    builder.Append('{');
                    stack.Push((obj, 0, obj.ToList()));
                    break;
                case JsonArray array:
                    builder.Append('[');
                    stack.Push((array, 0, null));
                    break;
                default:
                    writeScalar(node);
                    break;
            }
        }

        Open(root);
        while (stack.Count > 0)
        {
            var (node, position, members) = stack.Pop();
            var count = members?.Count ?? ((JsonArray)node).Count;
            if (position == count)
            {
                builder.Append(members is null ? ']' : '}');
                continue;
            }

            stack.Push((node, position + 1, members));
            if (position > 0)
            {
                builder.Append(',');
            }

            if (members is not null)
            {
                writeKey(members[position].Key);
                builder.Append(':');
                Open(members[position].Value);
            }
            else
            {
                Open(((JsonArray)node)[position]);
            }
        }
    }

    private static void WriteJsonString(StringBuilder builder, string text, bool escapeNonAscii)
    {
        builder.Append('"');
        foreach (var character in text)
        {
            switch (character)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (character < 0x20 || (escapeNonAscii && character > 0x7E) || char.IsSurrogate(character))
                    {
                        builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(character);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>
    /// Block YAML with every scalar double-quoted (numbers, booleans and raw tokens plain). Non-ASCII line breaks are
    /// written raw or as YAML's own escapes (<c>\N</c>, <c>\L</c>, <c>\P</c>) as <paramref name="escapeNonAscii"/> says.
    /// Nesting deeper than the block form reads well is written in flow form (JSON is YAML).
    /// </summary>
    public static string ToYaml(JsonNode? node, bool escapeNonAscii)
    {
        var builder = new StringBuilder();
        WriteYaml(builder, node, 0, escapeNonAscii, depth: 0);
        builder.Append('\n');
        return builder.ToString();
    }

    private static void WriteYaml(StringBuilder builder, JsonNode? node, int indent, bool escapeNonAscii, int depth)
    {
        if (depth > 40 && node is JsonObject or JsonArray)
        {
            // Past this depth (only reached by deliberately deep mutations) the flow form keeps the writer shallow.
            builder.Append(ToJson(node, escapeNonAscii: true));
            return;
        }

        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!first || depth > 0)
                    {
                        builder.Append('\n').Append(' ', indent);
                    }

                    first = false;
                    WriteYamlString(builder, key, escapeNonAscii);
                    builder.Append(':');
                    WriteYamlChild(builder, value, indent, escapeNonAscii, depth);
                }

                break;
            case JsonArray array when array.Count > 0:
                var firstItem = true;
                foreach (var item in array)
                {
                    if (!firstItem || depth > 0)
                    {
                        builder.Append('\n').Append(' ', indent);
                    }

                    firstItem = false;
                    builder.Append('-');
                    WriteYamlChild(builder, item, indent, escapeNonAscii, depth);
                }

                break;
            case JsonObject:
                builder.Append("{}");
                break;
            case JsonArray:
                builder.Append("[]");
                break;
            case null:
                builder.Append("null");
                break;
            case JsonValue scalar when scalar.TryGetValue<RawToken>(out var raw):
                builder.Append(raw.Text);
                break;
            case JsonValue scalar when scalar.TryGetValue<string>(out var text):
                WriteYamlString(builder, text, escapeNonAscii);
                break;
            default:
                builder.Append(node.ToJsonString());
                break;
        }
    }

    private static void WriteYamlChild(StringBuilder builder, JsonNode? value, int indent, bool escapeNonAscii, int depth)
    {
        if (value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
        {
            WriteYaml(builder, value, indent + 2, escapeNonAscii, depth + 1);
        }
        else
        {
            builder.Append(' ');
            WriteYaml(builder, value, indent, escapeNonAscii, depth + 1);
        }
    }

    private static void WriteYamlString(StringBuilder builder, string text, bool escapeNonAscii)
    {
        builder.Append('"');
        foreach (var character in text)
        {
            switch (character)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                case '\u0085' when escapeNonAscii: builder.Append("\\N"); break;
                case '\u2028' when escapeNonAscii: builder.Append("\\L"); break;
                case '\u2029' when escapeNonAscii: builder.Append("\\P"); break;
                default:
                    if (character < 0x20 || char.IsSurrogate(character) || (escapeNonAscii && character > 0x7E))
                    {
                        builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(character);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>Every node of the tree with its JSON pointer segments, breadth first (iterative).</summary>
    public static List<(JsonNode? Node, JsonNode? Parent, string? Key, int Index)> Nodes(JsonNode root)
    {
        var result = new List<(JsonNode?, JsonNode?, string?, int)> { (root, null, null, -1) };
        for (var i = 0; i < result.Count; i++)
        {
            switch (result[i].Item1)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        result.Add((value, obj, key, -1));
                    }

                    break;
                case JsonArray array:
                    for (var index = 0; index < array.Count; index++)
                    {
                        result.Add((array[index], array, null, index));
                    }

                    break;
            }
        }

        return result;
    }

    /// <summary>Replaces a node in its parent.</summary>
    public static void Replace(JsonNode parent, string? key, int index, JsonNode? replacement)
    {
        if (parent is JsonObject obj)
        {
            obj[key!] = replacement;
        }
        else
        {
            ((JsonArray)parent)[index] = replacement;
        }
    }

    /// <summary>Renames a member keeping its position (order matters to readers that take the first of duplicates).</summary>
    public static void RenameKey(JsonObject obj, string oldKey, string newKey)
    {
        var members = obj.ToList();
        obj.Clear();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in members)
        {
            var name = key == oldKey ? newKey : key;
            if (seen.Add(name))
            {
                obj[name] = value;
            }
        }
    }

    /// <summary>
    /// A small document cut from a big one: the top-level facts (version, info, servers, security) plus a few random
    /// paths (or schemas, when there are none) and everything they reference through local <c>$ref</c>s, so a mutation of
    /// a 4 MB corpus document costs what a small spec costs to generate and compile.
    /// </summary>
    public static JsonObject Slice(JsonObject source, Random random, out string label)
    {
        var slice = new JsonObject();
        foreach (var key in new[] { "openapi", "swagger", "info", "servers", "host", "basePath", "schemes", "consumes", "produces", "security", "securityDefinitions" })
        {
            if (source.TryGetPropertyValue(key, out var value))
            {
                slice[key] = value?.DeepClone();
            }
        }

        if (source["components"] is JsonObject { } components && components["securitySchemes"] is { } schemes)
        {
            slice["components"] = new JsonObject { ["securitySchemes"] = schemes.DeepClone() };
        }

        var pending = new List<string>();
        if (source["paths"] is JsonObject { Count: > 0 } paths)
        {
            var chosen = paths.Select(pair => pair.Key).OrderBy(_ => random.Next()).Take(1 + random.Next(4)).ToList();
            var slicePaths = new JsonObject();
            foreach (var path in chosen)
            {
                slicePaths[path] = paths[path]?.DeepClone();
            }

            slice["paths"] = slicePaths;
            label = $"slice of {chosen.Count} paths";
        }
        else
        {
            slice["paths"] = new JsonObject();
            var schemas = (source["components"]?["schemas"] ?? source["definitions"]) as JsonObject;
            var prefix = source["definitions"] is JsonObject ? "#/definitions/" : "#/components/schemas/";
            var chosen = schemas?.Select(pair => pair.Key).OrderBy(_ => random.Next()).Take(1 + random.Next(4)).ToList() ?? new List<string>();
            pending.AddRange(chosen.Select(name => prefix + EscapePointer(name)));
            label = $"slice of {chosen.Count} schemas";
        }

        pending.AddRange(References(slice));
        var copied = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var reference = pending[^1];
            pending.RemoveAt(pending.Count - 1);
            if (!reference.StartsWith("#/", StringComparison.Ordinal) || !copied.Add(reference))
            {
                continue;
            }

            var segments = reference.Substring(2).Split('/').Select(UnescapePointer).ToList();
            JsonNode? target = source;
            foreach (var segment in segments)
            {
                target = target is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
            }

            if (target is null)
            {
                continue;
            }

            JsonObject parent = slice;
            foreach (var segment in segments.Take(segments.Count - 1))
            {
                if (parent[segment] is not JsonObject next)
                {
                    next = new JsonObject();
                    parent[segment] = next;
                }

                parent = next;
            }

            if (!parent.ContainsKey(segments[^1]))
            {
                var clone = target.DeepClone();
                parent[segments[^1]] = clone;
                pending.AddRange(References(clone));
            }
        }

        return slice;
    }

    private static IEnumerable<string> References(JsonNode node) =>
        Nodes(node).Where(entry => entry.Key == "$ref" && entry.Node is JsonValue value && value.TryGetValue<string>(out _))
            .Select(entry => entry.Node!.GetValue<string>());

    public static string EscapePointer(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string UnescapePointer(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
