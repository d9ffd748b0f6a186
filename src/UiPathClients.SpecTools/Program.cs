using System;
using System.IO;
using System.Text.Json.Nodes;
using UiPathClients.SpecTools.CommunicationsMining;
using UiPathClients.SpecTools.Orchestrator;
using YamlDotNet.Core;

namespace UiPathClients.SpecTools;

/// <summary>
/// Command-line entry. Each command derives one bundled spec from public facts (see specs/README.md):
/// <c>orchestrator-edmx &lt;input.yaml&gt; &lt;output.edmx&gt;</c>,
/// <c>communications-mining-openapi &lt;endpoints.json&gt; &lt;models.json&gt; &lt;connector.swagger2.json&gt; &lt;output.yaml&gt;</c>.
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: UiPathClients.SpecTools orchestrator-edmx <orchestrator-openapi.yaml or .swagger2.json> <output.edmx>\n" +
        "       UiPathClients.SpecTools communications-mining-openapi <endpoints.json> <models.json> <connector.swagger2.json> <output.yaml>";

    public static int Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "";
        try
        {
            switch (args)
            {
                case ["orchestrator-edmx", var input, var output]:
                {
                    var result = OrchestratorEdmxConverter.Convert(YamlJson.Load(input));
                    Write(output, result.Edmx, result.Summary);
                    return 0;
                }

                case ["communications-mining-openapi", var endpoints, var models, var connector, var output]:
                {
                    var result = CommunicationsMiningOpenApiConverter.Convert(LoadJson(endpoints), LoadJson(models), LoadJson(connector));
                    Write(output, result.Yaml, result.Summary);
                    return 0;
                }

                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException or FormatException or YamlException or InvalidOperationException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"{command}: {exception.Message}");
            return 1;
        }
    }

    private static JsonNode LoadJson(string path) =>
        JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"'{path}' is empty.");

    private static void Write(string output, string text, string summary)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // WriteAllText writes UTF-8 without a byte order mark; the text already uses \n only.
        File.WriteAllText(output, text);
        Console.WriteLine($"wrote {output}");
        Console.WriteLine(summary);
    }
}
