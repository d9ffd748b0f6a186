using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace UiPathClients.Generator.Tests.TestSupport;

/// <summary>Locates the repository and the shared real-world specs the tests read.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The bundled Orchestrator EDMX, as checked in under specs/.</summary>
    public static string BundledOrchestratorSpec => Path.Combine(RepositoryRoot, "specs", "orchestrator", "orchestrator.edmx");

    /// <summary>The bundled Communications Mining OpenAPI 3.1 document, as checked in under specs/.</summary>
    public static string BundledCommunicationsMiningSpec => Path.Combine(RepositoryRoot, "specs", "communications-mining", "communications-mining.openapi.yaml");

    /// <summary>Focused feature specs of this test project (one OData feature each).</summary>
    public static string FeatureSpecsDirectory => Path.Combine(RepositoryRoot, "tests", "UiPathClients.Generator.Tests", "Specs", "Features");

    /// <summary>Focused OpenAPI specs of this test project (one construct each).</summary>
    public static string OpenApiFeatureSpecsDirectory => Path.Combine(RepositoryRoot, "tests", "UiPathClients.Generator.Tests", "Specs", "OpenApi");

    /// <summary>
    /// The real-world corpus lives beside the repository (<c>../shared/specs-real</c>), on developer
    /// machines and in CI alike. A missing corpus fails the tests rather than skipping them: a green
    /// run must mean the corpus was checked.
    /// </summary>
    public static string RealSpecsDirectory
    {
        get
        {
            var directory = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "specs-real"));
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"The shared real-spec corpus was not found at '{directory}'. It must sit beside the repository as ../shared/specs-real.");
            }

            return directory;
        }
    }

    /// <summary>Every EDMX document of the shared corpus.</summary>
    public static IEnumerable<string> CorpusEdmxFiles() =>
        Directory.EnumerateFiles(Path.Combine(RealSpecsDirectory, "corpus"), "*.edmx.xml").OrderBy(path => path, StringComparer.Ordinal);

    /// <summary>Every OpenAPI document (2.0, 3.0, 3.1; JSON or YAML) of the shared corpus and the UiPath folder.</summary>
    public static IEnumerable<string> OpenApiFiles() =>
        new[] { "corpus", "uipath" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RealSpecsDirectory, folder)))
            .Where(path => (path.EndsWith(".json", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal))
                && !path.Contains(".DERIVED.", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}
