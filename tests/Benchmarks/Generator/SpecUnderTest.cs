using System;
using System.Collections.Generic;
using System.IO;
using Benchmarks.Support;

namespace Benchmarks.Generator;

/// <summary>The documents the generator is measured on (issue 13): two bundled, four real ones from <c>../shared</c>.</summary>
public enum SpecId
{
    /// <summary>specs/orchestrator/orchestrator.edmx, as <c>&lt;UiPathClient Include="Orchestrator" /&gt;</c> feeds it.</summary>
    OrchestratorEdmx,

    /// <summary>specs/communications-mining/communications-mining.openapi.yaml, as <c>&lt;UiPathClient Include="CommunicationsMining" /&gt;</c> feeds it.</summary>
    CommunicationsMiningYaml,

    /// <summary>Microsoft Graph beta (2021), a 1.9 MB EDMX.</summary>
    MsGraphBetaEdmx,

    /// <summary>Orchestrator cloud v20 OpenAPI 3.0 (YAML), the document UiPath publishes.</summary>
    OrchestratorV20Yaml,

    /// <summary>OpenAI, OpenAPI 3.1 (YAML).</summary>
    OpenAi31Yaml,

    /// <summary>GitHub REST API, OpenAPI 3.0 (JSON, 4 MB).</summary>
    GitHubJson,
}

/// <summary>One document with the item metadata MSBuild would hand the generator for it.</summary>
public sealed class SpecUnderTest
{
    private SpecUnderTest(SpecId id, string path, IReadOnlyDictionary<string, string> metadata)
    {
        Id = id;
        Path = path;
        Metadata = metadata;
    }

    public SpecId Id { get; }

    public string Path { get; }

    /// <summary><c>build_metadata.AdditionalFiles.*</c> options, as UiPathClients.targets sets them for the bundled specs.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public bool IsOpenApi => !Path.EndsWith(".edmx", StringComparison.OrdinalIgnoreCase) && !Path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    public string ReadText() => File.ReadAllText(Path);

    public static SpecUnderTest Get(SpecId id) => id switch
    {
        SpecId.OrchestratorEdmx => new(id, BenchmarkInputs.Bundled("orchestrator", "orchestrator.edmx"), Options(("ServicePath", "odata/"), ("EnumLiterals", "Plain"))),
        SpecId.CommunicationsMiningYaml => new(id, BenchmarkInputs.Bundled("communications-mining", "communications-mining.openapi.yaml"), Options(("ClientName", "CommunicationsMining"), ("Conventions", "CommunicationsMining"))),
        SpecId.MsGraphBetaEdmx => new(id, BenchmarkInputs.Shared("corpus", "msgraph-beta-2021.edmx.xml"), Options()),
        SpecId.OrchestratorV20Yaml => new(id, BenchmarkInputs.Shared("uipath", "orchestrator-cloud-v20.0.uipathcli.openapi3.yaml"), Options()),
        SpecId.OpenAi31Yaml => new(id, BenchmarkInputs.Shared("corpus", "openai.openapi.yaml"), Options()),
        SpecId.GitHubJson => new(id, BenchmarkInputs.Shared("corpus", "github-rest-api-2020.openapi30.json"), Options()),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
    };

    private static Dictionary<string, string> Options(params (string Name, string Value)[] metadata)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in metadata)
        {
            options["build_metadata.AdditionalFiles." + name] = value;
        }

        return options;
    }
}
