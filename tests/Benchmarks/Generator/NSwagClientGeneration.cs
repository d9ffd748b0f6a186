using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace Benchmarks.Generator;

/// <summary>NSwag's C# client for an OpenAPI document: read (JSON or YAML) and generate, the work our generator is compared with.</summary>
public static class NSwagClientGeneration
{
    /// <summary>
    /// Lines holding only blanks. YamlDotNet (NSwag's YAML reader, and ours) refuses them at the start of a block scalar
    /// ("found extra spaces in first line"), though YAML allows them; the OpenAI document has one. Our reader blanks such
    /// lines before parsing, so NSwag is given the same text — otherwise it reads no OpenAI document at all.
    /// </summary>
    private static readonly Regex WhitespaceOnlyLine = new("^[ \t]+$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public static async Task<string> GenerateAsync(string specPath)
    {
        var text = await File.ReadAllTextAsync(specPath).ConfigureAwait(false);
        var document = specPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? await OpenApiDocument.FromJsonAsync(text, specPath).ConfigureAwait(false)
            : await OpenApiYamlDocument.FromYamlAsync(WhitespaceOnlyLine.Replace(text, string.Empty), specPath).ConfigureAwait(false);
        var settings = new CSharpClientGeneratorSettings { ClassName = "{controller}Client", GenerateClientInterfaces = false };
        settings.CSharpGeneratorSettings.Namespace = "NSwagGenerated";
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }
}
