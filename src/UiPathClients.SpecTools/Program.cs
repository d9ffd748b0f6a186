using System;
using System.IO;
using UiPathClients.SpecTools.Orchestrator;

namespace UiPathClients.SpecTools;

/// <summary>Command-line entry: <c>orchestrator-edmx &lt;input.yaml&gt; &lt;output.edmx&gt;</c>.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "orchestrator-edmx")
        {
            var result = OrchestratorEdmxConverter.Convert(YamlJson.Load(args[1]));
            File.WriteAllText(args[2], result.Edmx);
            Console.WriteLine(result.Summary);
            return 0;
        }

        Console.Error.WriteLine("usage: UiPathClients.SpecTools orchestrator-edmx <orchestrator-openapi.yaml> <output.edmx>");
        return 2;
    }
}
