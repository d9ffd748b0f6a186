using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// Swagger 2.0's <c>collectionFormat</c> of query arrays, read from the document itself. Microsoft.OpenApi maps both
/// <c>csv</c> (also the default when none is given) and <c>multi</c> to OpenAPI 3's <c>style: form</c> with
/// <c>explode</c> true, so <c>name=a&amp;name=b</c> would be sent where Swagger 2.0 says <c>name=a,b</c>; only
/// <c>multi</c> is the repeated form.
/// </summary>
internal sealed partial class OpenApiReader
{
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

    private void ReadCollectionFormats(string json, OpenApiSpecVersion? version)
    {
        if (version != OpenApiSpecVersion.OpenApi2_0 || JsonNode.Parse(json) is not JsonObject root || root["paths"] is not JsonObject paths)
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
                        _collectionFormats[Key(pathItem.Key, method, location.ToLowerInvariant(), name)] = Text(parameter["collectionFormat"]) ?? "csv";
                    }
                }
            }
        }
    }

    private static string Key(string path, string method, string? location, string? name) => path + " " + method + " " + location + " " + name;
}
