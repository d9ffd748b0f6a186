using System;
using System.IO;
using UiPathClients.SpecTools.Orchestrator;
using YamlDotNet.Core;

namespace UiPathClients.SpecTools;

/// <summary>Command-line entry: <c>orchestrator-edmx &lt;input.yaml&gt; &lt;output.edmx&gt;</c>.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is not ["orchestrator-edmx", var input, var output])
        {
            Console.Error.WriteLine("usage: UiPathClients.SpecTools orchestrator-edmx <orchestrator-openapi.yaml> <output.edmx>");
            return 2;
        }

        try
        {
            var result = OrchestratorEdmxConverter.Convert(YamlJson.Load(input));
            var directory = Path.GetDirectoryName(Path.GetFullPath(output));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            // WriteAllText writes UTF-8 without a byte order mark; the text already uses \n only.
            File.WriteAllText(output, result.Edmx);
            Console.WriteLine($"wrote {output}");
            Console.WriteLine(result.Summary);
            return 0;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException or FormatException or YamlException or InvalidOperationException)
        {
            Console.Error.WriteLine($"orchestrator-edmx: {exception.Message}");
            return 1;
        }
    }
}
