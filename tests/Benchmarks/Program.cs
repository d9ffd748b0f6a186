using System;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using Benchmarks.Generator;
using Benchmarks.Support;

namespace Benchmarks;

/// <summary>
/// Entry point. <c>dotnet run -c Release -- --filter '*'</c> runs the suite (see README.md for the one command that
/// runs all of it and writes RESULTS.md); <c>nswag-generate &lt;spec&gt; &lt;out.cs&gt;</c> writes NSwag's C# client for a
/// spec, which the build-loop script compiles in a consumer of its own; <c>results &lt;out.md&gt; &lt;command&gt; [&lt;build-loop.md&gt;]</c>
/// writes RESULTS.md from the last run's exports.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "nswag-generate")
        {
            if (args.Length != 3)
            {
                Console.Error.WriteLine("usage: Benchmarks nswag-generate <openapi.yaml|json> <out.cs>");
                return 2;
            }

            var code = await NSwagClientGeneration.GenerateAsync(args[1]).ConfigureAwait(false);
            await File.WriteAllTextAsync(args[2], code).ConfigureAwait(false);
            return 0;
        }

        if (args.Length > 0 && args[0] == "results")
        {
            // results <RESULTS.md> <command shown in the file> [<build-loop fragment.md>]
            if (args.Length is < 3 or > 4)
            {
                Console.Error.WriteLine("usage: Benchmarks results <out.md> <command> [<build-loop.md>]");
                return 2;
            }

            return ResultsWriter.Write(SuiteConfig.ArtifactsDirectory, args.Length == 4 ? args[3] : null, args[1], args[2]);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, SuiteConfig.Create());
        foreach (var summary in summaries)
        {
            if (summary.HasCriticalValidationErrors || summary.Reports.Length == 0)
            {
                return 1;
            }
        }

        return 0;
    }
}
