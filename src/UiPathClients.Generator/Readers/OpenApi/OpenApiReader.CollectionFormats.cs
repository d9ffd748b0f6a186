using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using UiPathClients.Generator.Diagnostics;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// Swagger 2.0's <c>collectionFormat</c> of query arrays, read from the document itself. Microsoft.OpenApi maps both
/// <c>csv</c> (also the default when none is given) and <c>multi</c> to OpenAPI 3's <c>style: form</c> with
/// <c>explode</c> true, so <c>name=a&amp;name=b</c> would be sent where Swagger 2.0 says <c>name=a,b</c>; only
/// <c>multi</c> is the repeated form. <c>tsv</c> has no OpenAPI 3 style and Microsoft.OpenApi refuses it, so a query
/// parameter's <c>tsv</c> is read as <c>csv</c> and remembered, and the parameter gets the runtime's tab-delimited style.
/// </summary>
internal sealed partial class OpenApiReader
{
    /// <summary>The Swagger 2.0 collection formats OpenAPI 3 has a style for (<c>tsv</c> has none).</summary>
    private static readonly HashSet<string> ConvertibleCollectionFormats = new(StringComparer.Ordinal) { "csv", "ssv", "pipes", "multi" };

    private static readonly HashSet<string> OperationMethods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch" };

    /// <summary>Keys (<see cref="Key"/>) of the query parameters whose <c>collectionFormat</c> is <c>tsv</c>.</summary>
    private readonly HashSet<string> _tabSeparatedParameters = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads a query parameter's <c>tsv</c> as <c>csv</c>, remembering it (<see cref="_tabSeparatedParameters"/>), and
    /// leaves out, with a located UIPC0011 each, the Swagger 2.0 operations that have another parameter whose
    /// <c>collectionFormat</c> neither OpenAPI 3 nor the runtime can express: Microsoft.OpenApi throws on them and the
    /// whole document would be lost, where an unsupported construct should cost only its operation.
    /// </summary>
    /// <param name="root">The document Microsoft.OpenApi reads, changed in place.</param>
    /// <param name="dryRun">Only say whether it would change anything: no change, nothing reported.</param>
    /// <returns>Whether the document changes.</returns>
    private bool RemoveUnconvertibleCollectionFormats(JsonObject root, bool dryRun)
    {
        if (Text(root["swagger"]) is not { } version || !version.StartsWith("2.", StringComparison.Ordinal)
            || root["paths"] is not JsonObject paths)
        {
            return false;
        }

        string? Unconvertible(JsonNode? node, out string? name)
        {
            var parameter = node as JsonObject;
            if (parameter?["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var pointer) && pointer.StartsWith("#/parameters/", StringComparison.Ordinal))
            {
                parameter = root["parameters"]?[pointer.Substring("#/parameters/".Length)] as JsonObject;
            }

            name = Text(parameter?["name"]);
            var format = Text(parameter?["collectionFormat"]);
            return format is not null && !ConvertibleCollectionFormats.Contains(format) ? format : null;
        }

        var changed = false;
        foreach (var pathItem in paths.ToList())
        {
            if (pathItem.Value is not JsonObject item)
            {
                continue;
            }

            var shared = item["parameters"] as JsonArray ?? new JsonArray();
            foreach (var member in item.Where(member => member.Key == "parameters" || OperationMethods.Contains(member.Key)).ToList())
            {
                var method = member.Key == "parameters" ? "*" : member.Key;
                var parameters = member.Key == "parameters" ? shared : (member.Value as JsonObject)?["parameters"] as JsonArray ?? new JsonArray();
                foreach (var parameter in parameters.OfType<JsonObject>())
                {
                    if (Text(parameter["collectionFormat"]) == "tsv" && Text(parameter["in"]) == "query" && Text(parameter["name"]) is { } name)
                    {
                        if (dryRun)
                        {
                            return true;
                        }

                        changed = true;
                        _tabSeparatedParameters.Add(Key(pathItem.Key, method, "query", name));
                        parameter["collectionFormat"] = "csv";
                    }
                }
            }

            foreach (var operation in item.Where(member => OperationMethods.Contains(member.Key)).ToList())
            {
                var own = (operation.Value as JsonObject)?["parameters"] as JsonArray ?? new JsonArray();
                var found = own.Select((node, index) => (Format: Unconvertible(node, out var name), Name: name, Pointer: PointerOf("paths", pathItem.Key, operation.Key, "parameters", index.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                    .Concat(shared.Select((node, index) => (Format: Unconvertible(node, out var name), Name: name, Pointer: PointerOf("paths", pathItem.Key, "parameters", index.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
                    .FirstOrDefault(candidate => candidate.Format is not null);
                if (found.Format is null)
                {
                    continue;
                }

                if (dryRun)
                {
                    return true;
                }

                Report(
                    DiagnosticDescriptors.OpenApiWarning,
                    Tree.Locate(found.Pointer + "/collectionFormat"),
                    _file.Path,
                    $"collectionFormat '{found.Format}' of parameter '{found.Name}' has no OpenAPI 3 style, so {operation.Key.ToUpperInvariant()} {pathItem.Key} is not generated");
                item.Remove(operation.Key);
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>A JSON pointer (RFC 6901) from its reference tokens.</summary>
    private static string PointerOf(params string[] tokens) =>
        "#/" + string.Join("/", tokens.Select(token => token.Replace("~", "~0").Replace("/", "~1")));

    /// <summary>Keyed <c>path method in name</c>; the method is <c>*</c> for a path item's own parameters. Null unless the document is Swagger 2.0.</summary>
    private Dictionary<string, string>? _collectionFormats;

    /// <summary>The <c>collectionFormat</c> of a Swagger 2.0 array parameter (<c>csv</c> when unset); null for anything else.</summary>
    private string? SwaggerCollectionFormat(string path, string method, IOpenApiParameter parameter)
    {
        if (_collectionFormats is null)
        {
            return null;
        }

        var location = parameter.In?.ToString().ToLowerInvariant();
        return _collectionFormats.TryGetValue(Key(path, method.ToLowerInvariant(), location, parameter.Name), out var format)
            || _collectionFormats.TryGetValue(Key(path, "*", location, parameter.Name), out format)
            ? format
            : null;
    }

    /// <param name="root">The document Microsoft.OpenApi read.</param>
    /// <param name="version">The version it read it as.</param>
    private void ReadCollectionFormats(JsonObject root, OpenApiSpecVersion? version)
    {
        if (version != OpenApiSpecVersion.OpenApi2_0 || root["paths"] is not JsonObject paths)
        {
            return;
        }

        _collectionFormats = new Dictionary<string, string>(StringComparer.Ordinal);
        var shared = root["parameters"] as JsonObject;
        foreach (var pathItem in paths)
        {
            if (pathItem.Value is not JsonObject item)
            {
                continue;
            }

            foreach (var member in item)
            {
                var method = member.Key == "parameters" ? "*" : member.Key.ToLowerInvariant();
                var parameters = member.Key == "parameters" ? member.Value as JsonArray : (member.Value as JsonObject)?["parameters"] as JsonArray;
                foreach (var node in parameters ?? new JsonArray())
                {
                    var parameter = node as JsonObject;
                    if (parameter?["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var pointer) && pointer.StartsWith("#/parameters/", StringComparison.Ordinal))
                    {
                        parameter = shared?[pointer.Substring("#/parameters/".Length)] as JsonObject;
                    }

                    if (parameter is not null && Text(parameter["type"]) == "array" && Text(parameter["name"]) is { } name && Text(parameter["in"]) is { } location)
                    {
                        var key = Key(pathItem.Key, method, location.ToLowerInvariant(), name);
                        _collectionFormats[key] = _tabSeparatedParameters.Contains(key) ? "tsv" : Text(parameter["collectionFormat"]) ?? "csv";
                    }
                }
            }
        }
    }

    private static string Key(string path, string method, string? location, string? name) => path + " " + method + " " + location + " " + name;
}
