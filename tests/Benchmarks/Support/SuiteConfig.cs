using System;
using System.IO;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace Benchmarks.Support;

/// <summary>
/// The suite's configuration: memory on every benchmark, ratios against each class's baseline, and two exports per
/// class into <c>artifacts/benchmarks/results</c>: the GitHub-markdown table RESULTS.md quotes and the JSON its
/// summary of ratios is computed from (<see cref="ResultsWriter"/>). Jobs are set per class (<see cref="Jobs"/>) so the
/// whole suite fits 15 minutes on 2 cores.
/// </summary>
public static class SuiteConfig
{
    public static string ArtifactsDirectory { get; } = Path.Combine(BenchmarkInputs.RepositoryRoot, "artifacts", "benchmarks");

    public static IConfig Create() =>
        ManualConfig.CreateEmpty()
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub, JsonExporter.Brief)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value).WithMaxParameterColumnWidth(40))
            .WithOptions(ConfigOptions.DisableLogFile)
            // The child program builds the generator, the runtime, the emulator and a generated client: on 2 shared cores that
            // can take longer than BenchmarkDotNet's default 2 minutes.
            .WithBuildTimeout(TimeSpan.FromMinutes(15))
            .WithArtifactsPath(ArtifactsDirectory);
}
