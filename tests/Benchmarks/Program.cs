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
/// spec, which the build-loop script compiles in a consumer of its own.
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
