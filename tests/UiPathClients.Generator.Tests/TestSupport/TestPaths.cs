using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using UiPathClients.Tests.Common;

namespace UiPathClients.Generator.Tests.TestSupport;

/// <summary>Locates the repository and the shared real-world specs the tests read.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot => SharedCorpus.RepositoryRoot;

    /// <summary>The bundled Orchestrator EDMX, as checked in under specs/.</summary>
    public static string BundledOrchestratorSpec => Path.Combine(RepositoryRoot, "specs", "orchestrator", "orchestrator.edmx");

    /// <summary>The bundled on-premises Orchestrator EDMX files (specs/orchestrator-2020.10, specs/orchestrator-2019.10).</summary>
    public static IReadOnlyList<string> BundledOrchestratorVersionSpecs { get; } = new[] { "2020.10", "2019.10" }
        .Select(version => Path.Combine(RepositoryRoot, "specs", "orchestrator-" + version, "orchestrator-" + version + ".edmx"))
        .ToArray();

    /// <summary>The bundled Communications Mining OpenAPI 3.1 document, as checked in under specs/.</summary>
    public static string BundledCommunicationsMiningSpec => Path.Combine(RepositoryRoot, "specs", "communications-mining", "communications-mining.openapi.yaml");

    /// <summary>Focused feature specs of this test project (one OData feature each).</summary>
    public static string FeatureSpecsDirectory => Path.Combine(RepositoryRoot, "tests", "UiPathClients.Generator.Tests", "Specs", "Features");

    /// <summary>Focused OpenAPI specs of this test project (one construct each).</summary>
    public static string OpenApiFeatureSpecsDirectory => Path.Combine(RepositoryRoot, "tests", "UiPathClients.Generator.Tests", "Specs", "OpenApi");

    /// <summary>Every EDMX document of the shared corpus (<see cref="SharedCorpus"/>; callers are corpus tests).</summary>
    public static IReadOnlyList<string> CorpusEdmxFiles() =>
        SharedCorpus.Expect(Directory.EnumerateFiles(SharedCorpus.PathOf("corpus"), "*.edmx.xml"), 5, "EDMX documents in the shared corpus");

    /// <summary>Every OpenAPI document (2.0, 3.0, 3.1; JSON or YAML) of the shared corpus and the UiPath folder.</summary>
    public static IReadOnlyList<string> OpenApiFiles() =>
        SharedCorpus.Expect(
            new[] { "corpus", "uipath" }
                .SelectMany(folder => Directory.EnumerateFiles(SharedCorpus.PathOf(folder)))
                .Where(path => (path.EndsWith(".json", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal))
                    && !path.Contains(".DERIVED.", StringComparison.Ordinal)),
            17,
            "OpenAPI documents in the shared corpus");

    /// <summary>The focused EDMX feature specs of this project.</summary>
    public static IReadOnlyList<string> FeatureSpecs() =>
        SharedCorpus.Expect(Directory.EnumerateFiles(FeatureSpecsDirectory, "*.edmx"), 11, "EDMX feature specs");

    /// <summary>The focused OpenAPI feature specs of this project.</summary>
    public static IReadOnlyList<string> OpenApiFeatureSpecs() =>
        SharedCorpus.Expect(Directory.EnumerateFiles(OpenApiFeatureSpecsDirectory, "*.openapi.yaml"), 17, "OpenAPI feature specs");
}
