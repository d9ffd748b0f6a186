using System.IO;
using System.Text.Json.Nodes;
using UiPathClients.Generator.Readers.OpenApi;

namespace UiPathClients.SpecTools;

/// <summary>
/// Loads YAML into a <see cref="JsonNode"/> tree with the generator's own reader (<see cref="YamlToJson"/>), so a
/// spec the tools convert is read exactly as the generator reads the YAML they write: plain scalars are booleans,
/// null or numbers by YAML 1.2's core schema, everything else a string.
/// </summary>
internal static class YamlJson
{
    public static JsonNode Load(string path) => Parse(File.ReadAllText(path), path);

    public static JsonNode Parse(TextReader reader, string sourceName) => Parse(reader.ReadToEnd(), sourceName);

    private static JsonNode Parse(string text, string sourceName) =>
        (string.IsNullOrWhiteSpace(text) ? null : YamlToJson.ToNode(text)) ?? throw new InvalidDataException($"'{sourceName}' is empty.");
}
