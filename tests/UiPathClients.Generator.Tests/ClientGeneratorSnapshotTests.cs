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
    /// <summary>The files of the bundled Orchestrator client kept as snapshots (all of them would be 800 files).</summary>
    private static readonly string[] OrchestratorKeyFiles =
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
    };

    /// <summary>
    /// The files of the bundled Communications Mining client that show its service convention at work: envelopes
    /// unwrapped (every method), continuation paging with the token in the body (datasets' export), the stream loop
    /// (streams, triggers) and the error-envelope check (the client).
    /// </summary>
    private static readonly string[] CommunicationsMiningKeyFiles =
    {
        "CommunicationsMining/CommunicationsMiningClient.g.cs",
        "CommunicationsMining/Operations/DatasetsClient.g.cs",
        "CommunicationsMining/Operations/StreamsClient.g.cs",
        "CommunicationsMining/Operations/TriggersClient.g.cs",
    };

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
        // 59 entity types, 275 complex types and 269 enums, one file each; a filter surface per entity type and per
        // complex type an entity's properties reach (59 + 46 = 105; the other 229 complex types are only request
        // and response bodies, which no $filter can name); an entity client per entity type a set addresses by key
        // (43: no set is navigable, so the 16 other entity types are only read, never addressed); 52 entity set
        // clients; the service client and the JSON metadata.
        Assert.Equal(603 + 105 + 43 + 52 + 2, run.Sources.Count);
        Assert.Equal(105, run.Sources.Keys.Count(hint => hint.StartsWith("Orchestrator/Filters/", StringComparison.Ordinal)));
        Assert.Equal(52, run.Sources.Keys.Count(hint => hint.StartsWith("Orchestrator/EntitySets/", StringComparison.Ordinal)));
        foreach (var hintName in OrchestratorKeyFiles)
        {
            Assert.True(run.Sources.ContainsKey(hintName), $"{hintName} was not generated");
            Snapshot.Verify(Snapshot.NameFor($"{nameof(ClientGeneratorSnapshotTests)}.Orchestrator", hintName), run.Sources[hintName]);
        }
    }

    [Fact]
    public void Bundled_communications_mining_spec_generates_the_verified_code_for_key_files()
    {
        var run = GeneratorHarness.RunTwiceAndAssertCached(new[] { Spec.FromFile(TestPaths.BundledCommunicationsMiningSpec) });

        Assert.Empty(run.GeneratorDiagnostics);
        foreach (var hintName in CommunicationsMiningKeyFiles)
        {
            Assert.True(run.Sources.ContainsKey(hintName), $"{hintName} was not generated");
            Snapshot.Verify(Snapshot.NameFor($"{nameof(ClientGeneratorSnapshotTests)}.CommunicationsMining", hintName), run.Sources[hintName]);
        }
    }

    /// <summary>
    /// The snapshot folder holds exactly the files these tests verify: a file the generator stopped writing (a type
    /// that lost its filter surface, an entity client no route needs) is deleted rather than left to mislead a reader.
    /// </summary>
    [Fact]
    public void Every_verified_snapshot_is_still_generated()
    {
        var expected = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        foreach (var file in TestPaths.FeatureSpecs())
        {
            AddNames(expected, Path.GetFileNameWithoutExtension(file), GeneratorHarness.Run(new[] { Spec.FromFile(file) }).Sources.Keys);
        }

        foreach (var file in TestPaths.OpenApiFeatureSpecs())
        {
            AddNames(expected, "OpenApi." + Path.GetFileName(file)[..^".openapi.yaml".Length], GeneratorHarness.Run(new[] { Spec.FromFile(file) }).Sources.Keys);
        }

        AddNames(expected, "Orchestrator", OrchestratorKeyFiles);
        AddNames(expected, "CommunicationsMining", CommunicationsMiningKeyFiles);

        var directory = Path.Combine(Path.GetDirectoryName(Snapshot.SourcePath(ThisFile()))!, "Snapshots");
        var present = Directory.EnumerateFiles(directory, nameof(ClientGeneratorSnapshotTests) + ".*.verified.cs")
            .Select(path => Path.GetFileName(path)[..^".verified.cs".Length]);
        Assert.Empty(present.Where(name => !expected.Contains(name)).OrderBy(name => name, StringComparer.Ordinal));

        static void AddNames(System.Collections.Generic.HashSet<string> names, string feature, System.Collections.Generic.IEnumerable<string> hintNames)
        {
            foreach (var hintName in hintNames)
            {
                names.Add(Snapshot.NameFor($"{nameof(ClientGeneratorSnapshotTests)}.{feature}", hintName));
            }
        }
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
