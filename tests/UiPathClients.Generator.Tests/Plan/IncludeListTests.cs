using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Plan;

/// <summary>
/// Include-lists through the whole generator, as a project file sets them:
/// <c>&lt;UiPathClient Include="Orchestrator" EntitySets="Jobs" Operations="StartJobs" /&gt;</c>.
/// </summary>
public sealed class IncludeListTests
{
    private static Spec Orchestrator(string? entitySets = null, string? operations = null) =>
        Spec.FromFile(TestPaths.BundledOrchestratorSpec) with { EntitySets = entitySets, Operations = operations };

    private static Spec Catalog => Spec.FromFile(Path.Combine(TestPaths.FeatureSpecsDirectory, "Keys.edmx"), clientName: "Catalog");

    [Fact]
    public void Jobs_with_StartJobs_generates_exactly_their_closure_and_compiles_cleanly()
    {
        var run = GeneratorHarness.RunTwiceAndAssertCached([Orchestrator("Jobs", "StartJobs")]);

        Assert.Empty(run.GeneratorDiagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        var files = run.Sources.Keys.Order(StringComparer.Ordinal).ToList();
        Snapshot.Verify(nameof(IncludeListTests) + ".JobsWithStartJobs.files", string.Join("\n", files) + "\n", "txt");
        foreach (var hintName in new[] { "Orchestrator/OrchestratorClient.g.cs", "Orchestrator/EntitySets/JobsCollection.g.cs" })
        {
            Assert.Contains(hintName, files);
            Snapshot.Verify(Snapshot.NameFor(nameof(IncludeListTests) + ".JobsWithStartJobs", hintName), run.Sources[hintName]);
        }
    }

    [Fact]
    public void A_name_that_matches_nothing_fails_the_build_at_the_spec_and_the_rest_is_generated()
    {
        var run = GeneratorHarness.Run([Orchestrator("Jobz;Releases")]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("UIPC0017", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(TestPaths.BundledOrchestratorSpec, diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("did you mean 'Jobs'?", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("Orchestrator/EntitySets/ReleasesCollection.g.cs", run.Sources.Keys);
        Assert.DoesNotContain("Orchestrator/EntitySets/JobsCollection.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Changing_a_list_plans_and_emits_that_spec_again_and_reads_nothing_again()
    {
        var first = GeneratorHarness.Run([Orchestrator("Jobs"), Catalog]);

        var second = GeneratorHarness.RunWithMetadata(first, [Orchestrator("Jobs;Releases"), Catalog]);

        Assert.All(GeneratorHarness.Reasons(second, TrackingNames.ReadResults), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Equal([IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged], GeneratorHarness.Reasons(second, TrackingNames.Plans));
        Assert.Equal([IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached], GeneratorHarness.Reasons(second, TrackingNames.GeneratedFiles));
        Assert.Contains("Orchestrator/EntitySets/ReleasesCollection.g.cs", second.Sources.Keys);
        Assert.True(second.Sources.Count > first.Sources.Count);
    }

    [Fact]
    public void Removing_the_lists_gives_the_whole_client_back()
    {
        var trimmed = GeneratorHarness.Run([Orchestrator("Jobs", "StartJobs")]);
        var whole = GeneratorHarness.Run([Orchestrator()]);

        var again = GeneratorHarness.RunWithMetadata(trimmed, [Orchestrator()]);

        Assert.Equal(whole.Sources.Keys.Order(StringComparer.Ordinal), again.Sources.Keys.Order(StringComparer.Ordinal));
        Assert.True(trimmed.Sources.Count < whole.Sources.Count / 2, $"{trimmed.Sources.Count} of {whole.Sources.Count} files");
    }
}
