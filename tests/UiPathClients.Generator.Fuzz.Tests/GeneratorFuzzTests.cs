using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using UiPathClients.Tests.Common;
using Xunit.Abstractions;

namespace UiPathClients.Generator.Fuzz.Tests;

/// <summary>
/// Seeded mutation and hostile-grammar fuzzing of the generator (issue 17). Every case must end in a located error
/// diagnostic that is not UIPC0099, or in generated code that compiles with no errors; nothing may escape the driver,
/// crash the process, exceed the case's time budget or the child's heap limit. See README.md.
/// </summary>
public sealed class GeneratorFuzzTests(ITestOutputHelper output)
{
    private static string ArtifactsDirectory => Path.Combine(SharedCorpus.RepositoryRoot, "artifacts", "fuzz");

    [Fact]
    public void Bundled_specs_test_specs_and_hostile_grammar_end_in_a_located_diagnostic_or_compiling_code() => Fuzz("local", corpusDirectory: null);

    [SharedCorpusFact]
    public void Mutated_corpus_specs_end_in_a_located_diagnostic_or_compiling_code() => Fuzz("corpus", SharedCorpus.SpecsDirectory);

    private void Fuzz(string stream, string? corpusDirectory)
    {
        var settings = FuzzSettings.FromEnvironment();
        if (settings.OnlyStream is not null && settings.OnlyStream != stream)
        {
            output.WriteLine($"FUZZ_STREAM={settings.OnlyStream}: stream {stream} not run.");
            return;
        }

        var (first, count) = settings.OnlyCase is { } only ? (only, 1) : (0, settings.CasesFor(stream));
        output.WriteLine($"Fuzz stream {stream}: FUZZ_SEED={settings.Seed}, cases {first}..{first + count - 1}");
        var failures = Path.Combine(ArtifactsDirectory, "failures");
        if (settings.OnlyCase is null && Directory.Exists(failures))
        {
            // Documents of an earlier run's failures would read as this run's.
            foreach (var stale in Directory.EnumerateFiles(failures, stream + "-*"))
            {
                File.Delete(stale);
            }
        }

        var runner = new ChildRunner(settings, stream, SharedCorpus.RepositoryRoot, corpusDirectory, failures);
        // Equal batches, a multiple of the workers, none above FUZZ_BATCH: few child starts (each costs a JIT warm-up),
        // and no worker left alone with the last batch.
        var rounds = (count + (settings.Parallel * settings.BatchSize) - 1) / (settings.Parallel * settings.BatchSize);
        var batchCount = Math.Min(count, rounds * settings.Parallel);
        var batches = Enumerable.Range(0, batchCount)
            .Select(batch => (First: first + (int)((long)count * batch / batchCount), Count: (int)((long)count * (batch + 1) / batchCount) - (int)((long)count * batch / batchCount)))
            .ToList();

        var stopwatch = Stopwatch.StartNew();
        var results = new ConcurrentBag<CaseRecord>();
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallel }, batch =>
        {
            foreach (var record in runner.Run(batch.First, batch.Count))
            {
                results.Add(record);
            }
        });
        stopwatch.Stop();

        var records = results.OrderBy(record => record.Index).ToList();
        Assert.Equal(count, records.Count);
        var table = FuzzSummary.Table(stream, settings, records, stopwatch.Elapsed);
        output.WriteLine(table);
        FuzzSummary.Write(ArtifactsDirectory, stream, table);
        File.WriteAllText(Path.Combine(ArtifactsDirectory, $"cases.{stream}.tsv"), FuzzSummary.Cases(records));

        if (records.Any(record => record.IsFailure))
        {
            Assert.Fail(FuzzSummary.FailureReport(stream, settings, records));
        }
    }
}
