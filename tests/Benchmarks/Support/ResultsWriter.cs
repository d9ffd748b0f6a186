using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Benchmarks.Support;

/// <summary>
/// Writes RESULTS.md from one run's exports: the machine, the command, the summary of ratios against the targets
/// (<see cref="SummaryRows"/>), every BenchmarkDotNet table, and the build-loop script's table. A row whose benchmark did
/// not run says so instead of disappearing.
/// </summary>
public static class ResultsWriter
{
    private enum Metric
    {
        Time,
        Bytes,
    }

    /// <summary>One benchmark case: class, method, and its parameters as BenchmarkDotNet prints them (or null).</summary>
    private sealed record Case(string Type, string Method, string? Parameters = null);

    /// <summary>One summary line: numerator/denominator of a metric, against a target ratio (null: reported, no target).</summary>
    private sealed record Row(string Measure, Case Numerator, Case Denominator, Metric Metric, double? Target, string Note = "");

    /// <summary>One summary line with an absolute target: a measured time (ns) or allocation (bytes) against its limit.</summary>
    private sealed record AbsoluteRow(string Measure, Case Case, Metric Metric, double Limit);

    /// <summary>Issue 14's generator/NSwag targets: at least 5× faster on the Orchestrator v20 document, 2× on GitHub's.</summary>
    private static readonly Dictionary<string, double> NSwagRatioTargets = new(StringComparer.Ordinal) { ["OrchestratorV20Yaml"] = 0.2, ["GitHubJson"] = 0.5 };

    /// <summary>Issue 14's target for generated lines: half of the Orchestrator client's 85,559 when the issue was written.</summary>
    private const int OrchestratorLinesTarget = 85_559 / 2;

    private sealed record Measurement(double MeanNanoseconds, double? BytesAllocated);

    private static readonly string[] OpenApiSpecs = { "CommunicationsMiningYaml", "OrchestratorV20Yaml", "OpenAi31Yaml", "GitHubJson" };

    private static readonly string[] IncrementalSpecs = { "OrchestratorEdmx", "CommunicationsMiningYaml", "MsGraphBetaEdmx" };

    private static IEnumerable<Row> SummaryRows()
    {
        foreach (var job in new[] { "Warm", "Cold" })
        {
            foreach (var spec in OpenApiSpecs)
            {
                yield return new Row(
                    $"Generator vs NSwag, {job.ToLowerInvariant()}, {spec}: ours / NSwag",
                    new Case($"OpenApiGeneration{job}", "Ours", $"Spec={spec}"),
                    new Case($"OpenApiGeneration{job}", "NSwag", $"Spec={spec}"),
                    Metric.Time,
                    NSwagRatioTargets.TryGetValue(spec, out var target) ? target : null);
            }
        }

        foreach (var spec in IncrementalSpecs)
        {
            foreach (var scenario in new[] { "UnrelatedCsEdit", "UnrelatedPropertyChange", "SpecEdit" })
            {
                yield return new Row(
                    $"Incremental, {spec}: {scenario} / run with no cached state",
                    new Case("IncrementalGeneration", scenario, $"Spec={spec}"),
                    new Case("IncrementalGeneration", "NoCachedState", $"Spec={spec}"),
                    Metric.Time,
                    null);
            }
        }

        foreach (var row in RuntimeRows())
        {
            yield return row;
        }
    }

    /// <summary>Issue 14's absolute generator targets: cold whole runs, the keystroke re-run, Graph beta's allocations.</summary>
    private static IEnumerable<AbsoluteRow> AbsoluteRows()
    {
        yield return new AbsoluteRow("Orchestrator EDMX → full client, cold (new process)", new Case("EdmxGenerationCold", "Ours", "Spec=OrchestratorEdmx"), Metric.Time, 0.5e9);
        yield return new AbsoluteRow("Graph beta EDMX → full client, cold (new process)", new Case("EdmxGenerationCold", "Ours", "Spec=MsGraphBetaEdmx"), Metric.Time, 1.5e9);
        yield return new AbsoluteRow("Graph beta EDMX → full client, cold, allocated", new Case("EdmxGenerationCold", "Ours", "Spec=MsGraphBetaEdmx"), Metric.Bytes, 1024.0 * 1024 * 1024);
        foreach (var spec in IncrementalSpecs)
        {
            yield return new AbsoluteRow($"Re-run after an unrelated .cs edit, {spec}", new Case("IncrementalGeneration", "UnrelatedCsEdit", $"Spec={spec}"), Metric.Time, 5e6);
        }
    }

    /// <summary>The runtime targets of issue 13, and the comparisons around them.</summary>
    private static IEnumerable<Row> RuntimeRows()
    {
        yield return new Row(
            "1,000-JobDto page through the client (ToPageAsync) / bare parse",
            new Case("JobPageThroughClient", "PageViaClient"),
            new Case("JobPageThroughClient", "BareParse"),
            Metric.Time,
            1.3);
        yield return new Row(
            "1,000-JobDto page through the client (await foreach) / bare parse",
            new Case("JobPageThroughClient", "AwaitForeachViaClient"),
            new Case("JobPageThroughClient", "BareParse"),
            Metric.Time,
            null);
        yield return new Row(
            "Bare parse (generated metadata) / System.Text.Json source generation",
            new Case("JobPageDeserialization", "GeneratedMetadata"),
            new Case("JobPageDeserialization", "SystemTextJsonSourceGenerated"),
            Metric.Time,
            1.2);
        foreach (var other in new[] { "SystemTextJsonReflection", "NewtonsoftJson" })
        {
            yield return new Row(
                $"Page parse: {other} / System.Text.Json source generation",
                new Case("JobPageDeserialization", other),
                new Case("JobPageDeserialization", "SystemTextJsonSourceGenerated"),
                Metric.Time,
                null);
        }

        yield return new Row(
            "StartJobs body: generated client / System.Text.Json source generation",
            new Case("StartJobsSerialization", "GeneratedClient"),
            new Case("StartJobsSerialization", "SystemTextJsonSourceGenerated"),
            Metric.Time,
            null);
        foreach (var (clauses, target) in new[] { ("OneClause", (double?)null), ("ThreeClauses", 1.5) })
        {
            foreach (var metric in new[] { Metric.Time, Metric.Bytes })
            {
                yield return new Row(
                    $"Typed filter, {(clauses == "OneClause" ? "1 clause" : "3 clauses")} / string interpolation ({(metric == Metric.Time ? "time" : "bytes")})",
                    new Case("FilterBenchmarks", $"Typed_{clauses}"),
                    new Case("FilterBenchmarks", $"Interpolated_{clauses}"),
                    metric,
                    target);
            }
        }

        yield return new Row(
            "10,000 jobs from the emulator: client / raw HttpClient + JsonDocument",
            new Case("EmulatorRead", "GeneratedClient"),
            new Case("EmulatorRead", "RawHttpClient"),
            Metric.Time,
            1.2);
    }

    public static int Write(string artifactsDirectory, string? buildLoopFragment, string outputPath, string command)
    {
        var resultsDirectory = Path.Combine(artifactsDirectory, "results");
        var reports = Directory.Exists(resultsDirectory)
            ? Directory.GetFiles(resultsDirectory, "*-report-brief.json").OrderBy(path => path, StringComparer.Ordinal).ToList()
            : new List<string>();
        if (reports.Count == 0)
        {
            Console.Error.WriteLine($"No BenchmarkDotNet JSON reports in '{resultsDirectory}'.");
            return 1;
        }

        var measurements = new Dictionary<Case, Measurement>();
        JsonElement? host = null;
        foreach (var report in reports)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(report));
            host ??= document.RootElement.GetProperty("HostEnvironmentInfo").Clone();
            foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var parameters = benchmark.GetProperty("Parameters").GetString();
                var key = new Case(benchmark.GetProperty("Type").GetString()!, benchmark.GetProperty("Method").GetString()!, string.IsNullOrEmpty(parameters) ? null : parameters);
                double? bytes = benchmark.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
                    ? memory.GetProperty("BytesAllocatedPerOperation").GetDouble()
                    : null;
                measurements[key] = new Measurement(statistics.GetProperty("Mean").GetDouble(), bytes);
            }
        }

        var output = new StringBuilder();
        output.AppendLine("# Benchmark results").AppendLine();
        output.AppendLine("Written by `tests/Benchmarks/run.sh` (see [README.md](README.md) for what each benchmark measures and how the jobs are sized).").AppendLine();
        AppendMachine(output, host!.Value, command);
        output.AppendLine("## Summary: ratios against the targets").AppendLine();
        output.AppendLine("Only ratios within this one run mean anything on a shared 2-core machine. Targets are issue 13's (the runtime) and issue 14's (the generator); rows without a target are reported for reference.").AppendLine();
        output.AppendLine("| Measure | Numerator | Denominator | Ratio | Target | Met |");
        output.AppendLine("|---|---:|---:|---:|---:|:---:|");
        foreach (var row in SummaryRows())
        {
            output.AppendLine(FormatRow(row, measurements));
        }

        foreach (var row in AbsoluteRows())
        {
            output.AppendLine(FormatAbsoluteRow(row, measurements));
        }

        var buildLoop = buildLoopFragment is not null && File.Exists(buildLoopFragment) ? File.ReadAllText(buildLoopFragment) : null;
        foreach (var line in BuildLoopRows(buildLoop))
        {
            output.AppendLine(line);
        }

        if (buildLoop is not null)
        {
            // The fragment brings its own heading; it becomes this file's second-level one.
            output.AppendLine().AppendLine(buildLoop.Trim().TrimStart('#').Insert(0, "##"));
        }

        output.AppendLine().AppendLine("## BenchmarkDotNet tables").AppendLine();
        foreach (var table in Directory.GetFiles(resultsDirectory, "*-report-github.md").OrderBy(path => path, StringComparer.Ordinal))
        {
            var title = Path.GetFileName(table).Replace("-report-github.md", string.Empty, StringComparison.Ordinal);
            output.AppendLine($"### {title}").AppendLine();
            output.AppendLine(File.ReadAllText(table).Trim()).AppendLine();
        }

        File.WriteAllText(outputPath, output.ToString().TrimEnd() + "\n");
        Console.WriteLine($"Wrote {outputPath}");
        return 0;
    }

    /// <summary>
    /// The build loop's medians (BuildLoop/build-loop.sh's table: <c>| (ii) … | 38.4 s [36.3–42.6] | 31.5 s [23.7–34.9] |</c>)
    /// as ratios: each consumer against the empty app, and our clients in the app against NSwag's.
    /// </summary>
    private static IEnumerable<string> BuildLoopRows(string? fragment)
    {
        var medians = new Dictionary<string, (double Cold, double Rebuild)>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(
            fragment ?? string.Empty, @"^\| \((?<consumer>i|ii|iii|iv)\)[^|]*\| (?<cold>[0-9.]+) s[^|]*\| (?<rebuild>[0-9.]+) s", System.Text.RegularExpressions.RegexOptions.Multiline))
        {
            medians[match.Groups["consumer"].Value] = (
                double.Parse(match.Groups["cold"].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups["rebuild"].Value, CultureInfo.InvariantCulture));
        }

        var comparisons = new (string Measure, string Numerator, string Denominator)[]
        {
            ("Build loop (ii) clients in the app / (i) empty app", "ii", "i"),
            ("Build loop (iii) clients in a library / (i) empty app", "iii", "i"),
            ("Build loop (iv) NSwag client in the app / (i) empty app", "iv", "i"),
            ("Build loop (ii) our clients in the app / (iv) NSwag's", "ii", "iv"),
        };
        foreach (var (measure, numerator, denominator) in comparisons)
        {
            foreach (var rebuild in new[] { false, true })
            {
                var label = $"{measure}, {(rebuild ? "rebuild after editing Program.cs" : "cold build")}";
                if (!medians.TryGetValue(numerator, out var top) || !medians.TryGetValue(denominator, out var bottom))
                {
                    yield return $"| {label} | not run | not run | — | — | |";
                    continue;
                }

                var (a, b) = rebuild ? (top.Rebuild, bottom.Rebuild) : (top.Cold, bottom.Cold);
                // Issue 14: an app with the Orchestrator and CM clients rebuilds in at most twice an empty app's time.
                var (target, met) = rebuild && numerator == "ii" && denominator == "i" ? ("≤ 2.0", a / b <= 2.0 ? "✔" : "✘") : ("—", "");
                yield return string.Create(CultureInfo.InvariantCulture, $"| {label} | {a:0.0} s | {b:0.0} s | {a / b:0.00} | {target} | {met} |");
            }
        }

        // The fragment's generated-code table: | Orchestrator (UiPathClients generator, bundled spec) | 805 | 51954 |
        var lines = System.Text.RegularExpressions.Regex.Match(fragment ?? string.Empty, @"^\| Orchestrator \(UiPathClients generator[^|]*\| (?<files>[0-9]+) \| (?<lines>[0-9]+) \|", System.Text.RegularExpressions.RegexOptions.Multiline);
        var orchestratorLines = "Generated lines, Orchestrator client (issue 14: half of 85,559)";
        yield return lines.Success
            ? string.Create(CultureInfo.InvariantCulture, $"| {orchestratorLines} | {int.Parse(lines.Groups["lines"].Value, CultureInfo.InvariantCulture):N0} | — | — | ≤ {OrchestratorLinesTarget:N0} | {(int.Parse(lines.Groups["lines"].Value, CultureInfo.InvariantCulture) <= OrchestratorLinesTarget ? "✔" : "✘")} |")
            : $"| {orchestratorLines} | not run | — | — | ≤ {OrchestratorLinesTarget:N0} | ✘ |";
    }

    private static void AppendMachine(StringBuilder output, JsonElement host, string command)
    {
        string Read(string name) => host.TryGetProperty(name, out var value) ? value.ToString() : "?";
        output.AppendLine("| | |").AppendLine("|---|---|");
        output.AppendLine(CultureInfo.InvariantCulture, $"| Date | {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC |");
        output.AppendLine(CultureInfo.InvariantCulture, $"| Command | `{command}` |");
        output.AppendLine(CultureInfo.InvariantCulture, $"| CPU | {Read("ProcessorName")}, {Read("PhysicalCoreCount")} physical / {Read("LogicalCoreCount")} logical cores |");
        output.AppendLine(CultureInfo.InvariantCulture, $"| OS | {Read("OsVersion")} |");
        output.AppendLine(CultureInfo.InvariantCulture, $"| .NET | SDK {Read("DotNetCliVersion")}, runtime {Read("RuntimeVersion")}, {Read("Architecture")} |");
        output.AppendLine(CultureInfo.InvariantCulture, $"| Tool | {Read("BenchmarkDotNetCaption")} {Read("BenchmarkDotNetVersion")} |").AppendLine();
    }

    private static string FormatRow(Row row, IReadOnlyDictionary<Case, Measurement> measurements)
    {
        var target = row.Target is { } limit ? $"≤ {limit.ToString("0.0#", CultureInfo.InvariantCulture)}" : "—";
        if (!measurements.TryGetValue(row.Numerator, out var numerator) || !measurements.TryGetValue(row.Denominator, out var denominator))
        {
            return $"| {row.Measure} | not run | not run | — | {target} | {(row.Target is null ? "" : "✘")} |";
        }

        var (top, bottom) = row.Metric == Metric.Time
            ? (numerator.MeanNanoseconds, denominator.MeanNanoseconds)
            : (numerator.BytesAllocated ?? double.NaN, denominator.BytesAllocated ?? double.NaN);
        var ratio = top / bottom;
        var met = row.Target is { } bound ? (ratio <= bound ? "✔" : "✘") : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {row.Measure} | {Format(top, row.Metric)} | {Format(bottom, row.Metric)} | {ratio:0.00} | {target} | {met} |");
    }

    private static string FormatAbsoluteRow(AbsoluteRow row, IReadOnlyDictionary<Case, Measurement> measurements)
    {
        var limit = Format(row.Limit, row.Metric);
        if (!measurements.TryGetValue(row.Case, out var measurement))
        {
            return $"| {row.Measure} | not run | — | — | ≤ {limit} | ✘ |";
        }

        var value = row.Metric == Metric.Time ? measurement.MeanNanoseconds : measurement.BytesAllocated ?? double.NaN;
        return $"| {row.Measure} | {Format(value, row.Metric)} | — | — | ≤ {limit} | {(value <= row.Limit ? "✔" : "✘")} |";
    }

    private static string Format(double value, Metric metric) => metric switch
    {
        Metric.Bytes => value >= 1 << 30 ? $"{value / (1 << 30):0.00} GB" : value >= 1 << 20 ? $"{value / (1 << 20):0.0} MB" : value >= 1024 ? $"{value / 1024:0.0} KB" : $"{value:0} B",
        _ => value >= 1e9 ? $"{value / 1e9:0.00} s" : value >= 1e6 ? $"{value / 1e6:0.0} ms" : value >= 1e3 ? $"{value / 1e3:0.0} µs" : $"{value:0} ns",
    };
}
