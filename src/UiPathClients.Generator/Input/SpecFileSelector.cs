using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace UiPathClients.Generator.Input;

/// <summary>Decides which additional files are specs and reads their options.</summary>
internal static class SpecFileSelector
{
    private const string ClientNameMetadata = "build_metadata.AdditionalFiles.ClientName";
    private const string NamespaceMetadata = "build_metadata.AdditionalFiles.Namespace";
    private const string ServicePathMetadata = "build_metadata.AdditionalFiles.ServicePath";
    private const string EnumLiteralsMetadata = "build_metadata.AdditionalFiles.EnumLiterals";
    private const string ConventionsMetadata = "build_metadata.AdditionalFiles.Conventions";
    private const string EntitySetsMetadata = "build_metadata.AdditionalFiles.EntitySets";
    private const string OperationsMetadata = "build_metadata.AdditionalFiles.Operations";
    private const string TagsMetadata = "build_metadata.AdditionalFiles.Tags";
    private const string RootNamespaceProperty = "build_property.RootNamespace";

    /// <summary>Cheap filter on the path only; runs for every additional file of the project.</summary>
    public static bool HasCandidateExtension(AdditionalText file) => GetKindByExtension(file.Path) is not null;

    /// <summary>
    /// Reads a candidate file. Returns <see langword="null"/> for files that are not specs, e.g. an
    /// unrelated <c>.xml</c> additional file: those are skipped without a diagnostic.
    /// </summary>
    public static SpecFile? Select(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider, CancellationToken cancellationToken)
    {
        var kind = GetKindByExtension(file.Path);
        if (kind is null)
        {
            return null;
        }

        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return null;
        }

        // A .xml file is only a spec when it looks like one; .edmx/.csdl files always are, so a
        // broken one gets a diagnostic instead of being ignored silently. JSON and YAML files are common
        // for other purposes: only those that declare "openapi" or "swagger" near the top are specs.
        if (file.Path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !LooksLikeEdmx(text))
        {
            return null;
        }

        var content = text.ToString();
        if (kind is SpecKind.OpenApiJson or SpecKind.OpenApiYaml && !LooksLikeOpenApi(content))
        {
            return null;
        }

        var fileOptions = optionsProvider.GetOptions(file);
        var options = new SpecOptions(
            ClientName: Read(fileOptions, ClientNameMetadata),
            Namespace: Read(fileOptions, NamespaceMetadata),
            RootNamespace: Read(optionsProvider.GlobalOptions, RootNamespaceProperty),
            ServicePath: Read(fileOptions, ServicePathMetadata),
            EnumLiterals: Read(fileOptions, EnumLiteralsMetadata),
            Conventions: Read(fileOptions, ConventionsMetadata));

        return new SpecFile(file.Path, kind.Value, content, options);
    }

    /// <summary>
    /// The include-lists of a candidate file, read apart from <see cref="Select"/> so that editing them plans the client
    /// again without reading the spec again.
    /// </summary>
    public static SpecFileSelection ReadSelection(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider)
    {
        var fileOptions = optionsProvider.GetOptions(file);
        return new SpecFileSelection(
            file.Path,
            new SpecSelection(Read(fileOptions, EntitySetsMetadata), Read(fileOptions, OperationsMetadata), Read(fileOptions, TagsMetadata)));
    }

    private static SpecKind? GetKindByExtension(string path)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".edmx", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".csdl", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return SpecKind.Edmx;
        }

        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return SpecKind.OpenApiJson;
        }

        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            ? SpecKind.OpenApiYaml
            : null;
    }

    /// <summary>
    /// Whether the document declares its <c>openapi</c> (3.x) or <c>swagger</c> (2.0) version. YAML puts it
    /// at the top by convention; JSON writers that sort keys put it anywhere (Kubernetes: after the schemas).
    /// </summary>
    private static bool LooksLikeOpenApi(string content)
    {
        const int SniffLength = 4096;
        var headLength = System.Math.Min(SniffLength, content.Length);
        if (content.IndexOf("openapi:", 0, headLength, StringComparison.Ordinal) >= 0 || content.IndexOf("swagger:", 0, headLength, StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        return content.IndexOf("\"openapi\"", StringComparison.Ordinal) >= 0 || content.IndexOf("\"swagger\"", StringComparison.Ordinal) >= 0;
    }

    /// <summary>Sniffs the start of the file for an <c>Edmx</c> root element without parsing the whole document.</summary>
    private static bool LooksLikeEdmx(SourceText text)
    {
        const int SniffLength = 4096;
        var head = text.ToString(new TextSpan(0, Math.Min(SniffLength, text.Length)));
        return head.IndexOf(":Edmx", StringComparison.Ordinal) >= 0 || head.IndexOf("<Edmx", StringComparison.Ordinal) >= 0;
    }

    private static string? Read(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
