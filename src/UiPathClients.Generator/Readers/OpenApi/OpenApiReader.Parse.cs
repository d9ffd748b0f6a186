using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Input;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// The document read once (<see cref="SpecTree"/>), checked (<see cref="Preflight"/>), rewritten where Microsoft.OpenApi
/// would misread it, and handed as that tree to Microsoft.OpenApi, whose findings become located diagnostics.
/// </summary>
internal sealed partial class OpenApiReader
{
    /// <summary>The document as Microsoft.OpenApi reads it, or <see langword="null"/> (reported) when it cannot be read.</summary>
    private OpenApiDocument? Parse()
    {
        _tree = ReadTree();
        if (_tree is null || !PreflightJsonText(_tree.Root))
        {
            return null;
        }

        // Preflight saw an object. The rewrites below change what Microsoft.OpenApi reads; diagnostics still point into
        // the text, so a document they change is rewritten as a copy and the tree read from the text stays as written.
        // Most documents need none of them, and Microsoft.OpenApi reads the tree itself.
        var root = (System.Text.Json.Nodes.JsonObject)_tree.Root!;
        var readable = WouldRewrite(root) ? (System.Text.Json.Nodes.JsonObject)root.DeepClone() : root;
        MergeMsPaths(readable);
        RemoveUnconvertibleCollectionFormats(readable, dryRun: false);
        MoveSwagger2ParameterMultipleOfToExtension(readable, dryRun: false);
        var settings = new OpenApiReaderSettings();
        Microsoft.OpenApi.Reader.ReadResult result;
        try
        {
            result = new OpenApiJsonReader().Read(readable, settings.BaseUrl ?? new Uri(OpenApiConstants.BaseRegistryUri), settings);
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            ReportInvalid(Tree.Locate("#/openapi"), exception.Message);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Microsoft.OpenApi reads what the spec says; what it throws on is a document it cannot read, not a bug of ours.
            ReportInvalid(SpecPosition.StartOf(_file.Path), "Microsoft.OpenApi cannot read it (" + exception.GetType().Name + ": " + exception.Message + ")");
            return null;
        }

        var errors = result.Diagnostic?.Errors ?? new List<OpenApiError>();
        var warnings = result.Diagnostic?.Warnings ?? new List<OpenApiError>();

        // Microsoft.OpenApi validates strictly and still returns the document: real specs (Kubernetes, older
        // Orchestrators) break rules such as unique path signatures without that stopping generation. Those are
        // warnings; only a document that could not be read at all is an error.
        var unreadable = result.Document is null;
        ReportLimited(errors, unreadable ? DiagnosticDescriptors.InvalidOpenApiDocument : DiagnosticDescriptors.OpenApiWarning);
        ReportLimited(warnings, DiagnosticDescriptors.OpenApiWarning);
        if (result.Document is not null)
        {
            ReadCollectionFormats(readable, result.Diagnostic?.SpecificationVersion);
        }

        return result.Document;
    }

    /// <summary>
    /// Whether one of the rewrites would change the document. A document with <c>x-ms-paths</c> entries is copied anyway;
    /// without them, the merge changes nothing and the other two are asked about the document they will rewrite.
    /// </summary>
    private bool WouldRewrite(System.Text.Json.Nodes.JsonObject root) =>
        root["x-ms-paths"] is System.Text.Json.Nodes.JsonObject { Count: > 0 }
        || RemoveUnconvertibleCollectionFormats(root, dryRun: true)
        || MoveSwagger2ParameterMultipleOfToExtension(root, dryRun: true);

    /// <summary>
    /// <see cref="Preflight"/>, which reads every node of the tree. System.Text.Json refuses some JSON text only when a node is
    /// first read — a name twice in one object, a lone surrogate escape — and each of those is a located UIPC0010 instead.
    /// YAML keeps the last of repeated keys, as its reader builds the tree.
    /// </summary>
    private bool PreflightJsonText(System.Text.Json.Nodes.JsonNode? root)
    {
        try
        {
            return Preflight(root);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException && _file.Kind != SpecKind.OpenApiYaml)
        {
            if (JsonTextProblems.First(_file.Text) is not { } problem)
            {
                throw;
            }

            ReportInvalid(Positions.AtOffset(problem.Offset, 1), problem.Problem);
            return false;
        }
    }

    /// <summary>
    /// The document read once, as the JSON tree Microsoft.OpenApi reads and the map back to the text; <see langword="null"/>
    /// (reported) when it is not valid JSON or YAML or goes beyond <see cref="SpecLimits"/>.
    /// </summary>
    private SpecTree? ReadTree()
    {
        if (_file.Kind == SpecKind.OpenApiYaml)
        {
            try
            {
                return SpecTree.FromYaml(_file.Path, _file.Text);
            }
            catch (YamlDotNet.Core.YamlException exception)
            {
                ReportInvalid(Positions.At((int)exception.Start.Line, (int)exception.Start.Column, 1), "not valid YAML: " + exception.Message);
                return null;
            }
            catch (SpecLimitException exception)
            {
                ReportLimit(Positions.At(exception.Line, exception.Column, 1), exception.Message);
                return null;
            }
        }

        // System.Text.Json refuses deeper documents too, but with the same exception as for a syntax error: measured first,
        // the limit gets its own diagnostic.
        if (JsonDepth.FirstBeyond(_file.Text, SpecLimits.MaxJsonDepth) is { } tooDeep)
        {
            ReportLimit(Positions.AtOffset(tooDeep, 1), $"it nests arrays and objects deeper than {SpecLimits.MaxJsonDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)} levels");
            return null;
        }

        try
        {
            return SpecTree.FromJson(_file.Path, _file.Text, System.Text.Json.Nodes.JsonNode.Parse(_file.Text));
        }
        catch (System.Text.Json.JsonException exception)
        {
            // Zero-based; the column counts UTF-8 bytes, which is the character column for the ASCII JSON syntax is made of.
            var line = (int)(exception.LineNumber ?? 0);
            var column = (int)(exception.BytePositionInLine ?? 0);
            ReportInvalid(Positions.At(line + 1, column + 1, 1), "not valid JSON: " + exception.Message);
            return null;
        }
    }

    /// <summary>How many places one problem is reported at; the rest are counted in one more diagnostic.</summary>
    private const int PlacesPerProblem = 10;

    /// <summary>
    /// Each of Microsoft.OpenApi's findings at its place, but one problem at most <see cref="PlacesPerProblem"/> times:
    /// Kubernetes' description repeats one rule thousands of times, which would bury everything else in a build.
    /// </summary>
    private void ReportLimited(IEnumerable<OpenApiError> findings, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor)
    {
        foreach (var problem in findings.GroupBy(finding => ProblemKind(finding.Message), StringComparer.Ordinal))
        {
            var places = problem.ToList();
            foreach (var finding in places.Take(PlacesPerProblem))
            {
                Report(descriptor, Tree.Locate(PlaceOf(finding)), _file.Path, Describe(finding));
            }

            if (places.Count > PlacesPerProblem)
            {
                var more = places.Count - PlacesPerProblem;
                Report(descriptor, Tree.Locate(places[PlacesPerProblem].Pointer), _file.Path, $"{places[PlacesPerProblem].Message} (and at {more.ToString(System.Globalization.CultureInfo.InvariantCulture)} more places, not listed one by one; the first of them is {places[PlacesPerProblem].Pointer})");
            }
        }
    }

    /// <summary>A message without what varies by place (pointers, quoted names), so one rule broken in many places is one problem.</summary>
    private static string ProblemKind(string message) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(message ?? string.Empty, @"#/\S*", "#/…"), "'[^']*'", "'…'");

    /// <summary>
    /// Where a finding is: its pointer, else the one its message names (Microsoft.OpenApi's "… is not a valid property
    /// at #/…" carries the place only in the text), so the diagnostic lands on that line rather than at (1,1).
    /// </summary>
    private static string? PlaceOf(OpenApiError error) =>
        !string.IsNullOrEmpty(error.Pointer)
            ? error.Pointer
            : System.Text.RegularExpressions.Regex.Match(error.Message ?? string.Empty, @"#/\S*") is { Success: true } named ? named.Value.TrimEnd('.', ',', ')') : null;

    private static string Describe(OpenApiError error) =>
        string.IsNullOrEmpty(error.Pointer) ? error.Message : error.Message + " (at " + error.Pointer + ")";
}
