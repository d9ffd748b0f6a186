using System;
using System.Threading.Tasks;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace Benchmarks.Generator;

/// <summary>NSwag's C# client for an OpenAPI document: read (JSON or YAML) and generate, the work our generator is compared with.</summary>
public static class NSwagClientGeneration
{
    public static async Task<string> GenerateAsync(string specPath)
    {
        var document = specPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? await OpenApiDocument.FromFileAsync(specPath).ConfigureAwait(false)
            : await OpenApiYamlDocument.FromFileAsync(specPath).ConfigureAwait(false);
        var settings = new CSharpClientGeneratorSettings { ClassName = "{controller}Client", GenerateClientInterfaces = false };
        settings.CSharpGeneratorSettings.Namespace = "NSwagGenerated";
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }
}
