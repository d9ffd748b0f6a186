using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace UiPathClients.Generator.Fuzz.Tests;

/// <summary>The summary table (test output and artifacts/fuzz/summary.md) and the failure report of one stream.</summary>
internal static class FuzzSummary
{
    public static string Table(string stream, FuzzSettings settings, IReadOnlyList<CaseRecord> records, TimeSpan wallTime)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## Generator fuzz: stream `{stream}`, seed {settings.Seed} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{records.Count} cases in {wallTime.TotalSeconds:0} s wall time ({settings.Parallel} child processes, batches of at most {settings.BatchSize}, hang after {settings.CaseTimeout.TotalSeconds:0} s processor time per case, heap limit {settings.HeapLimitMegabytes} MB). ");
        text.Append(CultureInfo.InvariantCulture, $"Failures: {records.Count(r => r.IsFailure)}.\n\n");

        text.Append("| Format | Cases | Compiled | Error diagnostic | No output | Not compile-checked | Failures |\n|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var group in records.GroupBy(r => r.Format).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {group.Key} | {group.Count()} | {group.Count(r => r.Outcome == "compiled")} | {group.Count(r => r.Outcome.StartsWith("diagnostic", StringComparison.Ordinal))} | {group.Count(r => r.Outcome.StartsWith("no output", StringComparison.Ordinal))} | {group.Count(r => r.Outcome.StartsWith("generated, not", StringComparison.Ordinal))} | {group.Count(r => r.IsFailure)} |\n");
        }

        text.Append("\n| Outcome | Cases | Max wall time per case (ms) | Max processor time per case (ms) | Max allocated per case (MB) |\n|---|---:|---:|---:|---:|\n");
        foreach (var group in records.GroupBy(r => (r.IsFailure ? "FAIL " : string.Empty) + r.Outcome).OrderBy(g => g.Key.StartsWith("FAIL", StringComparison.Ordinal)).ThenByDescending(g => g.Count()))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {group.Max(r => r.ElapsedMilliseconds)} | {group.Max(r => r.CpuMilliseconds)} | {group.Max(r => r.AllocatedBytes) / 1048576.0:0.0} |\n");
        }

        var slowest = records.OrderByDescending(r => r.CpuMilliseconds).First();
        var hungriest = records.OrderByDescending(r => r.AllocatedBytes).First();
        text.Append(CultureInfo.InvariantCulture, $"\nProcessor time of all cases: {records.Sum(r => r.CpuMilliseconds) / 1000.0:0} s (crashed and killed cases not counted). Max processor time per case: {slowest.CpuMilliseconds} ms (case {slowest.Index}: {slowest.Origin}, {Shorten(slowest.Mutation)}). ");
        text.Append(CultureInfo.InvariantCulture, $"Max allocated per case: {hungriest.AllocatedBytes / 1048576.0:0.0} MB (case {hungriest.Index}: {hungriest.Origin}, {Shorten(hungriest.Mutation)}). ");
        text.Append(CultureInfo.InvariantCulture, $"Max child working set: {records.Max(r => r.WorkingSetBytes) / 1048576.0:0} MB.\n");

        var failures = records.Where(r => r.IsFailure).GroupBy(r => r.FailureClass).OrderByDescending(g => g.Count()).ToList();
        if (failures.Count > 0)
        {
            text.Append("\n| Failure class | Cases | First case |\n|---|---:|---:|\n");
            foreach (var group in failures)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {group.Key.Replace("|", "\\|", StringComparison.Ordinal)} | {group.Count()} | {group.First().Index} |\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"\nReproduce one case: `FUZZ_SEED={settings.Seed} FUZZ_STREAM={stream} FUZZ_CASE=<n> dotnet test tests/UiPathClients.Generator.Fuzz.Tests -c Release`; failing documents are in artifacts/fuzz/failures/.\n");
        return text.ToString();
    }

    /// <summary>The assertion message: every failing case, grouped by class, with seed, index, construct and outcome.</summary>
    public static string FailureReport(string stream, FuzzSettings settings, IReadOnlyList<CaseRecord> records)
    {
        var failures = records.Where(r => r.IsFailure).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{failures.Count} of {records.Count} fuzz cases failed (stream {stream}, FUZZ_SEED={settings.Seed}); by class:\n");
        foreach (var group in failures.GroupBy(r => r.FailureClass).OrderByDescending(g => g.Count()))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n[{group.Count()}] {group.Key}\n");
            foreach (var record in group)
            {
                text.Append(CultureInfo.InvariantCulture, $"  case {record.Index} ({record.Format}, {record.Origin}): {Shorten(record.Mutation)} => {record.Outcome}: {Shorten(record.Detail)}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Every case, one tab-separated line each, for looking into a run.</summary>
    public static string Cases(IReadOnlyList<CaseRecord> records) =>
        "index\tformat\torigin\toutcome\tfailure\twall_ms\tcpu_ms\tallocated\tmutation\tdetail\n"
        + string.Concat(records.Select(r => $"{r.Index}\t{r.Format}\t{r.Origin}\t{r.Outcome}\t{(r.IsFailure ? 1 : 0)}\t{r.ElapsedMilliseconds}\t{r.CpuMilliseconds}\t{r.AllocatedBytes}\t{r.Mutation}\t{r.Detail}\n"));

    /// <summary>Writes this stream's section and rebuilds artifacts/fuzz/summary.md from every stream's section.</summary>
    public static void Write(string artifactsDirectory, string stream, string table)
    {
        Directory.CreateDirectory(artifactsDirectory);
        File.WriteAllText(Path.Combine(artifactsDirectory, $"summary.{stream}.md"), table);
        var sections = Directory.EnumerateFiles(artifactsDirectory, "summary.*.md").OrderByDescending(path => path.Contains(".local.", StringComparison.Ordinal)).ThenBy(path => path, StringComparer.Ordinal).Select(File.ReadAllText);
        File.WriteAllText(Path.Combine(artifactsDirectory, "summary.md"), "# Generator fuzz summary\n\n" + string.Join("\n", sections));
    }

    private static string Shorten(string text) => text.Length > 220 ? text.Substring(0, 217) + "..." : text;
}
