using System;
using System.Globalization;
using System.Net.Http;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Benchmarks.Clients.Orchestrator;

namespace Benchmarks.Runtime;

/// <summary>
/// The typed <c>$filter</c> of the generated Orchestrator client against the string a careful hand-written call
/// interpolates (literals escaped, option percent-encoded), from the expression to the request URI the client sends.
/// Both sides produce the same URI, checked in <see cref="Setup"/>, so the ratios price the typed surface alone.
/// </summary>
[ShortRunJob]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class FilterBenchmarks
{
    private const string OneClause = "1 clause";
    private const string ThreeClauses = "3 clauses";

    // A quote and a space, so both sides really escape the OData literal and percent-encode the option.
    private readonly string _releasePrefix = "Invoice O'Brien";

    // Seven significant fractional digits: the round-trip ("O") format a hand-written filter reaches for then writes
    // exactly what the OData literal writes (which drops trailing zeros of the fraction).
    private readonly DateTimeOffset _since = new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.Zero).AddTicks(5_897_931);

    private HttpClient _http = null!;
    private OrchestratorClient _orchestrator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient { BaseAddress = new Uri("https://cloud.uipath.com/org/tenant/orchestrator_/") };
        _orchestrator = new OrchestratorClient(_http);
        RequireSame(OneClause, Typed_OneClause(), Interpolated_OneClause());
        RequireSame(ThreeClauses, Typed_ThreeClauses(), Interpolated_ThreeClauses());
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(OneClause)]
    public Uri Interpolated_OneClause() =>
        new("odata/Jobs?$filter=" + Uri.EscapeDataString(string.Create(CultureInfo.InvariantCulture, $"CreationTime ge {_since.UtcDateTime:O}")), UriKind.Relative);

    [Benchmark]
    [BenchmarkCategory(OneClause)]
    public Uri Typed_OneClause() => _orchestrator.Jobs.Where(j => j.CreationTime >= _since).ToUri();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(ThreeClauses)]
    public Uri Interpolated_ThreeClauses() =>
        new(
            "odata/Jobs?$filter=" + Uri.EscapeDataString(string.Create(
                CultureInfo.InvariantCulture,
                $"((State eq 'Faulted') and (startswith(ReleaseName,'{_releasePrefix.Replace("'", "''", StringComparison.Ordinal)}'))) and (CreationTime ge {_since.UtcDateTime:O})")),
            UriKind.Relative);

    [Benchmark]
    [BenchmarkCategory(ThreeClauses)]
    public Uri Typed_ThreeClauses() =>
        _orchestrator.Jobs.Where(j => j.State == JobState.Faulted & j.ReleaseName.StartsWith(_releasePrefix) & j.CreationTime >= _since).ToUri();

    private static void RequireSame(string category, Uri typed, Uri interpolated)
    {
        if (!string.Equals(typed.OriginalString, interpolated.OriginalString, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{category}: the typed filter and the interpolated one differ, so their timings would not compare the same work.{Environment.NewLine}" +
                $"  typed:        {typed.OriginalString}{Environment.NewLine}  interpolated: {interpolated.OriginalString}");
        }
    }
}
