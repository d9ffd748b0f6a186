using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// YAML to JSON text for Microsoft.OpenApi, whose own YAML reader cannot run here (DESIGN.md). Plain
/// (unquoted) scalars become booleans, null or numbers the way YAML 1.2's core schema reads them;
/// everything else stays a string.
/// </summary>
internal static class YamlToJson
{
    /// <exception cref="YamlDotNet.Core.YamlException">The text is not valid YAML (carries line and column).</exception>
    public static string Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(BlankWhitespaceOnlyLines(yaml)));
        return stream.Documents.Count == 0 ? "{}" : (ToNode(stream.Documents[0].RootNode)?.ToJsonString() ?? "null");
    }

    /// <summary>
    /// Empties lines that hold only spaces or tabs. YamlDotNet rejects such a line when it is indented deeper
    /// than the block scalar it opens (OpenAI's spec has one in an example); other YAML readers accept it,
    /// and the only thing it can change is whitespace inside example text, which the generator never reads.
    /// </summary>
    internal static string BlankWhitespaceOnlyLines(string yaml) =>
        System.Text.RegularExpressions.Regex.Replace(yaml, "^[ \\t]+$", string.Empty, System.Text.RegularExpressions.RegexOptions.Multiline);

    private static JsonNode? ToNode(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var entry in mapping.Children)
                {
                    // Duplicate keys: the last wins, as JSON readers do.
                    obj[((YamlScalarNode)entry.Key).Value ?? string.Empty] = ToNode(entry.Value);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(ToNode(item));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new YamlDotNet.Core.YamlException(node.Start, node.End, $"Unsupported YAML node {node.NodeType}.");
        }
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
            case "null" or "Null" or "NULL" or "~" or "":
                return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsInfinity(number) && !double.IsNaN(number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }
}
