using System;
using System.IO;
using System.Linq;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests;

/// <summary>
/// Generated code as checked-in snapshots, so every change to it shows up as a diff in review.
/// Each run goes through <see cref="GeneratorHarness.RunTwiceAndAssertCached"/>.
/// </summary>
public sealed class ClientGeneratorSnapshotTests
{
    public static TheoryData<string> FeatureSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestPaths.FeatureSpecs())
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FeatureSpecs))]
    public void Feature_spec_generates_the_verified_code(string feature)
    {
        var run = GeneratorHarness.RunTwiceAndAssertCached(new[] { Spec.FromFile(Path.Combine(TestPaths.FeatureSpecsDirectory, feature + ".edmx")) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Sources);
        foreach (var (hintName, source) in run.Sources.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Snapshot.Verify(Snapshot.NameFor($"{nameof(ClientGeneratorSnapshotTests)}.{feature}", hintName), source);
        }
    }

    public static TheoryData<string> OpenApiFeatureSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestPaths.OpenApiFeatureSpecs())
        {
            data.Add(Path.GetFileName(file)[..^".openapi.yaml".Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OpenApiFeatureSpecs))]
    public void OpenApi_feature_spec_generates_the_verified_code(string feature)
    {
        var run = GeneratorHarness.RunTwiceAndAssertCached(new[] { Spec.FromFile(Path.Combine(TestPaths.OpenApiFeatureSpecsDirectory, feature + ".openapi.yaml")) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Sources);
        GeneratorHarness.AssertCompilesCleanly(run);
        foreach (var (hintName, source) in run.Sources.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Snapshot.Verify(Snapshot.NameFor($"{nameof(ClientGeneratorSnapshotTests)}.OpenApi.{feature}", hintName), source);
        }
    }

    [Fact]
    public void Bundled_orchestrator_spec_generates_the_verified_code_for_key_types()
    {
        var run = GeneratorHarness.RunTwiceAndAssertCached(new[] { Spec.FromFile(TestPaths.BundledOrchestratorSpec) });

        Assert.Empty(run.GeneratorDiagnostics);
        // 59 entity types, 275 complex types and 269 enums, one file each; a filter surface per entity and
        // complex type (334); an entity client per entity type a set addresses by key (43: no set is navigable,
        // so the 16 other entity types are only read, never addressed); 52 entity set clients; the service client
        // and the JSON metadata.
        Assert.Equal(603 + 334 + 43 + 52 + 2, run.Sources.Count);
        Assert.Equal(334, run.Sources.Keys.Count(hint => hint.StartsWith("Orchestrator/Filters/", StringComparison.Ordinal)));
        Assert.Equal(52, run.Sources.Keys.Count(hint => hint.StartsWith("Orchestrator/EntitySets/", StringComparison.Ordinal)));
        foreach (var hintName in new[]
        {
            "Orchestrator/Entities/JobDto.g.cs",
            "Orchestrator/Entities/ReleaseDto.g.cs",
            "Orchestrator/Entities/WebhookDto.g.cs",
            "Orchestrator/ComplexTypes/StartProcessDto.g.cs",
            "Orchestrator/ComplexTypes/WebhookEventTypeDto.g.cs",
            "Orchestrator/Enums/JobState.g.cs",
            "Orchestrator/OrchestratorClient.g.cs",
            "Orchestrator/EntitySets/JobsCollection.g.cs",
            "Orchestrator/EntitySets/WebhooksCollection.g.cs",
            "Orchestrator/EntitySets/QueueItemsCollection.g.cs",
            "Orchestrator/EntityClients/WebhookDtoClient.g.cs",
            "Orchestrator/Filters/JobDtoFilter.g.cs",
        })
        {
            Assert.True(run.Sources.ContainsKey(hintName), $"{hintName} was not generated");
            Snapshot.Verify(Snapshot.NameFor($"{nameof(ClientGeneratorSnapshotTests)}.Orchestrator", hintName), run.Sources[hintName]);
        }
    }
}
