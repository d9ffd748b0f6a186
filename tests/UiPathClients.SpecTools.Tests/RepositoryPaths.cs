using System.IO;
using UiPathClients.Tests.Common;

namespace UiPathClients.SpecTools.Tests;

/// <summary>The repository's files and the public facts beside it in ../shared (see <see cref="SharedCorpus"/>).</summary>
internal static class RepositoryPaths
{
    private static string Root => SharedCorpus.RepositoryRoot;

    public static string BundledOrchestratorSpec => Path.Combine(Root, "specs", "orchestrator", "orchestrator.edmx");

    /// <summary>The bundled on-premises Orchestrator EDMX of <paramref name="version"/> (<c>2020.10</c>, <c>2019.10</c>).</summary>
    public static string BundledOrchestratorVersionSpec(string version) =>
        Path.Combine(Root, "specs", "orchestrator-" + version, "orchestrator-" + version + ".edmx");

    /// <summary>The real Swagger 2.0 document an on-premises version's EDMX is converted from (shared corpus: callers are corpus tests).</summary>
    public static string OrchestratorOnPremisesSource(string version) => UiPathSource("orchestrator-onprem-" + version + ".swagger2.json");

    /// <summary>The real OpenAPI document the bundled EDMX is converted from (shared corpus: callers are corpus tests).</summary>
    public static string OrchestratorOpenApiSource => UiPathSource("orchestrator-cloud-v20.0.uipathcli.openapi3.yaml");

    public static string BundledCommunicationsMiningSpec => Path.Combine(Root, "specs", "communications-mining", "communications-mining.openapi.yaml");

    public static string CommunicationsMiningEndpoints => UiPathSource("communications-mining-endpoints.DERIVED.json");

    public static string CommunicationsMiningModels => UiPathSource("communications-mining-models.DERIVED.json");

    public static string CommunicationsMiningConnector => UiPathSource("communications-mining-reinfer-powerautomate.swagger2.json");

    private static string UiPathSource(string name) => SharedCorpus.PathOf("uipath", name);
}
