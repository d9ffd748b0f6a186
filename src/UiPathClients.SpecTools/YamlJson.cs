using System;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace UiPathClients.SpecTools;

/// <summary>
/// Loads YAML into a <see cref="JsonNode"/> tree. Scalars stay strings unless they are plain
/// (unquoted) YAML booleans or numbers; the converter only ever reads names, types and refs.
/// </summary>
internal static class YamlJson
{
    public static JsonNode Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static JsonNode Parse(TextReader reader, string sourceName)
    {
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents.Count > 0 && Convert(stream.Documents[0].RootNode) is { } root
            ? root
            : throw new InvalidDataException($"'{sourceName}' is empty.");
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    obj[((YamlScalarNode)key).Value!] = Convert(value);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item));
                }

                return array;
            case YamlScalarNode scalar:
                var text = scalar.Value ?? string.Empty;
                if (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain)
                {
                    if (text is "true" or "false")
                    {
                        return JsonValue.Create(text == "true");
                    }

                    if (text is "null" or "~" or "")
                    {
                        return null;
                    }

                    if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                    {
                        return JsonValue.Create(integer);
                    }
                }

                return JsonValue.Create(text);
            default:
                throw new InvalidDataException($"Unsupported YAML node {node.NodeType} at {node.Start}.");
        }
    }
}
