using System;
using System.IO;

namespace UiPathClients.SpecTools.Tests;

/// <summary>The repository's files and the public facts beside it in ../shared (developer machines and CI alike).</summary>
internal static class RepositoryPaths
{
    private static readonly string Root = FindRoot();

    public static string BundledOrchestratorSpec => Path.Combine(Root, "specs", "orchestrator", "orchestrator.edmx");

    /// <summary>The real OpenAPI document, beside the repository in ../shared (developer machines and CI alike).</summary>
    public static string OrchestratorOpenApiSource => UiPathSource("orchestrator-cloud-v20.0.uipathcli.openapi3.yaml");

    public static string BundledCommunicationsMiningSpec => Path.Combine(Root, "specs", "communications-mining", "communications-mining.openapi.yaml");

    public static string CommunicationsMiningEndpoints => UiPathSource("communications-mining-endpoints.DERIVED.json");

    public static string CommunicationsMiningModels => UiPathSource("communications-mining-models.DERIVED.json");

    public static string CommunicationsMiningConnector => UiPathSource("communications-mining-reinfer-powerautomate.swagger2.json");

    private static string UiPathSource(string name) => Path.GetFullPath(Path.Combine(Root, "..", "shared", "specs-real", "uipath", name));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")) || File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generator.sln / Directory.Packages.props not found above " + AppContext.BaseDirectory);
    }
}
