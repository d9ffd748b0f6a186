using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace Benchmarks.Support;

/// <summary>
/// The suite's configuration: memory on every benchmark, GitHub-markdown tables (pasted into RESULTS.md by run.sh),
/// ratios against each class's baseline. Jobs are set per class (<see cref="Jobs"/>) so the whole suite fits
/// 15 minutes on 2 cores.
/// </summary>
public static class SuiteConfig
{
    public static IConfig Create() =>
        ManualConfig.CreateEmpty()
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
            .WithOptions(ConfigOptions.DisableLogFile);
}
