using System;
using System.IO;
using System.Linq;
using UiPathClients.Tests.Common;

namespace UiPathClients.Generator.Fuzz.Tests;

/// <summary>The harness itself: a child that dies or stops answering costs exactly the case it was running.</summary>
public sealed class ChildRunnerTests
{
    [Fact]
    public void A_child_that_overflows_its_stack_hangs_or_exits_is_recorded_against_its_case_and_the_run_goes_on()
    {
        var settings = FuzzSettings.FromEnvironment() with { Seed = FuzzSettings.DefaultSeed, CaseTimeout = TimeSpan.FromSeconds(6) };
        var failures = Path.Combine(Path.GetTempPath(), "uipathclients-fuzz-harness-" + Guid.NewGuid().ToString("N"));
        var runner = new ChildRunner(settings, "local", SharedCorpus.RepositoryRoot, null, failures, injectedFaults: "stack-overflow@1,hang@3,exit@4");

        var records = runner.Run(0, 6);

        Assert.Equal(Enumerable.Range(0, 6), records.Select(record => record.Index));
        Assert.Equal("crash: stack overflow", records[1].Outcome);
        Assert.Contains("InjectedFault.Recurse", records[1].Detail, StringComparison.Ordinal);
        Assert.StartsWith("hang: killed after 6 s processor time", records[3].Outcome, StringComparison.Ordinal);
        Assert.Equal("over 6 s processor time", records[3].Detail);
        Assert.Equal("crash: exit code 3", records[4].Outcome);
        Assert.All(new[] { 1, 3, 4 }, index => Assert.True(File.Exists(Path.Combine(failures, $"local-case-{index:D5}.txt")), $"case {index}'s document was not written"));
        Assert.All(new[] { 0, 2, 5 }, index => Assert.False(records[index].Outcome.StartsWith("crash", StringComparison.Ordinal) || records[index].Outcome.StartsWith("hang", StringComparison.Ordinal), records[index].Outcome));
        Directory.Delete(failures, recursive: true);
    }
}
