using System;
using System.Globalization;

namespace UiPathClients.Generator.Fuzz.Tests;

/// <summary>
/// The run's knobs, from environment variables so that CI runs the default and a longer or a reproducing run needs no
/// code change: <c>FUZZ_SEED</c>, <c>FUZZ_CASES</c> (total over both streams), <c>FUZZ_STREAM</c> + <c>FUZZ_CASE</c>
/// (one case only), <c>FUZZ_PARALLEL</c>, <c>FUZZ_BATCH</c>, <c>FUZZ_CASE_TIMEOUT</c> (seconds of the child's processor time; ten times as much wall time), <c>FUZZ_HEAP_LIMIT_MB</c>.
/// </summary>
internal sealed record FuzzSettings(int Seed, int TotalCases, int Parallel, int BatchSize, TimeSpan CaseTimeout, int HeapLimitMegabytes, string? OnlyStream, int? OnlyCase)
{
    /// <summary>The CI default: fixed, so CI is deterministic; other seeds are for longer runs.</summary>
    public const int DefaultSeed = 17;

    /// <summary>The CI default number of cases over both streams (measured: README.md).</summary>
    public const int DefaultCases = 1000;

    /// <summary>Share of the cases that goes to the local stream (the corpus stream gets the rest).</summary>
    public const double LocalShare = 0.6;

    public static FuzzSettings FromEnvironment() => new(
        Int("FUZZ_SEED") ?? DefaultSeed,
        Int("FUZZ_CASES") ?? DefaultCases,
        Int("FUZZ_PARALLEL") ?? 2,
        Int("FUZZ_BATCH") ?? 250,
        TimeSpan.FromSeconds(Int("FUZZ_CASE_TIMEOUT") ?? 15),
        Int("FUZZ_HEAP_LIMIT_MB") ?? 1024,
        Environment.GetEnvironmentVariable("FUZZ_STREAM") is { Length: > 0 } stream ? stream : null,
        Int("FUZZ_CASE"));

    public int CasesFor(string stream) => stream == "local" ? (int)Math.Ceiling(TotalCases * LocalShare) : TotalCases - (int)Math.Ceiling(TotalCases * LocalShare);

    private static int? Int(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
