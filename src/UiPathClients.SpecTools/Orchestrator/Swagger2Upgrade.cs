using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace UiPathClients.SpecTools.Orchestrator;

/// <summary>
/// Rewrites a Swagger 2.0 description (the on-premises Orchestrator 2019.10 and 2020.10 ones) into the OpenAPI 3
/// shape <see cref="OrchestratorEdmxConverter"/> reads, so that one set of rules converts every version. Only the
/// container changes, never what it says:
/// <list type="bullet">
/// <item><c>definitions</c> become <c>components/schemas</c>, and every <c>$ref</c> follows;</item>
/// <item>schema names in the older bracket notation get the names later descriptions use
/// (<c>ODataResponse[List[JobDto]]</c> → <c>ODataValueOfIEnumerableOfJobDto</c>, <c>ODataResponse[Int64]</c> →
/// <c>ODataValueOfInt64</c>, <c>BulkItemDto[String]</c> → <c>BulkItemDtoOfString</c>);</item>
/// <item>a parameter's <c>type</c>/<c>format</c>/<c>items</c>/<c>enum</c> move under <c>schema</c>; the <c>body</c>
/// parameter (named or inline) becomes a JSON <c>requestBody</c>; <c>formData</c> parameters a multipart one;</item>
/// <item>a response's <c>schema</c> moves under <c>content</c>, a <c>file</c> answer becomes binary
/// <c>application/octet-stream</c>.</item>
/// </list>
/// Path keys (<c>({Id})</c> keys, <c>GetEventTypes()</c>) stay as written: the converter reads both forms.
/// </summary>
internal static partial class Swagger2Upgrade
{
    private const string DefinitionsPrefix = "#/definitions/";
    private const string SchemasPrefix = "#/components/schemas/";

    /// <summary>Schema keywords a Swagger 2.0 non-body parameter carries on itself.</summary>
    private static readonly string[] ParameterSchemaKeywords = { "type", "format", "items", "enum", "x-ms-enum", "default", "minimum", "maximum", "maxLength", "minLength", "pattern" };

    [GeneratedRegex(@"""\$ref""\s*:\s*""#/definitions/(?<name>[^""]+)""")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"^ODataResponse\[List\[(?<item>.+)\]\]$")]
    private static partial Regex CollectionResponseName();

    [GeneratedRegex(@"^ODataResponse\[(?<item>.+)\]$")]
    private static partial Regex ValueResponseName();

    [GeneratedRegex(@"^(?<generic>\w+)\[(?<arguments>.+)\]$")]
    private static partial Regex GenericName();

    /// <summary>Whether <paramref name="document"/> is a Swagger 2.0 description.</summary>
    public static bool IsSwagger2(JsonNode document) => document is JsonObject root && (string?)root["swagger"] == "2.0";

    /// <summary>An OpenAPI 3 shaped copy of a Swagger 2.0 <paramref name="document"/>; the document itself is left untouched.</summary>
    public static JsonObject Upgrade(JsonNode document)
    {
        var source = document.AsObject();
        var schemas = new JsonObject();
        if (source["definitions"] is JsonObject definitions)
        {
            var kept = SchemasToKeep(definitions, source["paths"]);
            foreach (var (name, schema) in definitions)
            {
                if (!kept.Contains(name))
                {
                    continue;
                }

                var renamed = SchemaName(name);
                if (schemas.ContainsKey(renamed))
                {
                    throw new FormatException($"Schemas '{name}' and another one would both be named '{renamed}'.");
                }

                schemas[renamed] = Schema(schema);
            }
        }

        var paths = new JsonObject();
        foreach (var (path, item) in source["paths"]?.AsObject() ?? throw new FormatException("The document has no paths."))
        {
            var upgradedItem = new JsonObject();
            foreach (var (method, operation) in item?.AsObject() ?? new JsonObject())
            {
                upgradedItem[method] = operation is JsonObject operationObject ? Operation(operationObject) : operation?.DeepClone();
            }

            paths[path] = upgradedItem;
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.1",
            ["info"] = source["info"]?.DeepClone(),
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    /// <summary>
    /// The definitions that describe the service's data: everything a path reaches, and every definition no other one
    /// refers to (webhook payloads, like the cloud description's) with what it reaches — except the server's own request
    /// plumbing that 2019.10 lists (<c>ODataQueryOptions[JobDto]</c>, <c>CancellationToken</c>: ASP.NET Web API's
    /// parameter classes, no path uses them), and what only they reach (<c>ODataQueryContext</c>, <c>IEdmModel</c> …).
    /// </summary>
    private static HashSet<string> SchemasToKeep(JsonObject definitions, JsonNode? paths)
    {
        static IEnumerable<string> References(JsonNode? node) =>
            ReferencePattern().Matches(node?.ToJsonString() ?? string.Empty).Select(match => Uri.UnescapeDataString(match.Groups["name"].Value));

        var referencedByDefinitions = definitions.SelectMany(pair => References(pair.Value).Where(name => name != pair.Key)).ToHashSet(StringComparer.Ordinal);
        var pending = new Stack<string>(References(paths)
            .Concat(definitions.Select(pair => pair.Key).Where(name => !referencedByDefinitions.Contains(name) && !IsRequestPlumbing(name)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal));
        var kept = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var name))
        {
            if (definitions.ContainsKey(name) && kept.Add(name))
            {
                foreach (var reached in References(definitions[name]))
                {
                    pending.Push(reached);
                }
            }
        }

        return kept;
    }

    private static bool IsRequestPlumbing(string name) =>
        name.StartsWith("ODataQueryOptions[", StringComparison.Ordinal) || name == "CancellationToken";

    /// <summary>The name later descriptions give a schema that Swagger 2.0 descriptions wrote in brackets.</summary>
    public static string SchemaName(string name)
    {
        if (CollectionResponseName().Match(name) is { Success: true } collection)
        {
            return "ODataValueOfIEnumerableOf" + SchemaName(collection.Groups["item"].Value);
        }

        if (ValueResponseName().Match(name) is { Success: true } value)
        {
            return "ODataValueOf" + SchemaName(value.Groups["item"].Value);
        }

        if (GenericName().Match(name) is { Success: true } generic)
        {
            return generic.Groups["generic"].Value + "Of" + string.Concat(TypeArguments(generic.Groups["arguments"].Value).Select(SchemaName));
        }

        return name;
    }

    /// <summary>The comma-separated arguments of a bracketed name, split at the top level only.</summary>
    private static IEnumerable<string> TypeArguments(string arguments)
    {
        var depth = 0;
        var current = new StringBuilder();
        foreach (var character in arguments)
        {
            depth += character switch { '[' => 1, ']' => -1, _ => 0 };
            if (character == ',' && depth == 0)
            {
                yield return current.ToString().Trim();
                current.Clear();
            }
            else
            {
                current.Append(character);
            }
        }

        yield return current.ToString().Trim();
    }

    private static JsonObject Operation(JsonObject operation)
    {
        var upgraded = new JsonObject();
        var parameters = new JsonArray();
        JsonObject? requestBody = null;
        var formData = new JsonObject();
        foreach (var parameter in (operation["parameters"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            switch ((string?)parameter["in"])
            {
                case "body":
                    requestBody = new JsonObject
                    {
                        ["required"] = (bool?)parameter["required"] ?? false,
                        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Schema(parameter["schema"]) } },
                    };
                    break;
                case "formData":
                    formData[(string)parameter["name"]!] = ParameterSchema(parameter);
                    break;
                default:
                    var upgradedParameter = new JsonObject
                    {
                        ["name"] = parameter["name"]?.DeepClone(),
                        ["in"] = parameter["in"]?.DeepClone(),
                        ["required"] = (bool?)parameter["required"] ?? false,
                        ["schema"] = ParameterSchema(parameter),
                    };
                    parameters.Add(upgradedParameter);
                    break;
            }
        }

        if (formData.Count > 0)
        {
            requestBody = new JsonObject
            {
                ["content"] = new JsonObject
                {
                    ["multipart/form-data"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object", ["properties"] = formData } },
                },
            };
        }

        upgraded["operationId"] = operation["operationId"]?.DeepClone();
        upgraded["parameters"] = parameters;
        if (requestBody is not null)
        {
            upgraded["requestBody"] = requestBody;
        }

        var responses = new JsonObject();
        foreach (var (code, response) in operation["responses"]?.AsObject() ?? new JsonObject())
        {
            var upgradedResponse = new JsonObject { ["description"] = string.Empty };
            if (response?["schema"] is JsonObject schema)
            {
                var isFile = (string?)schema["type"] == "file";
                upgradedResponse["content"] = new JsonObject
                {
                    [isFile ? "application/octet-stream" : "application/json"] = new JsonObject { ["schema"] = Schema(schema) },
                };
            }

            responses[code] = upgradedResponse;
        }

        upgraded["responses"] = responses;
        return upgraded;
    }

    /// <summary>A non-body parameter's own schema keywords, gathered under <c>schema</c>.</summary>
    private static JsonObject ParameterSchema(JsonObject parameter)
    {
        var schema = new JsonObject();
        foreach (var keyword in ParameterSchemaKeywords)
        {
            if (parameter[keyword] is { } value)
            {
                schema[keyword] = value.DeepClone();
            }
        }

        return (JsonObject)Schema(schema)!;
    }

    /// <summary>A schema with its references renamed, <c>file</c> made binary and <c>x-nullable</c> spelled <c>nullable</c>.</summary>
    private static JsonNode? Schema(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                var upgraded = new JsonObject();
                foreach (var (keyword, value) in schema)
                {
                    if (keyword is "properties" or "definitions" && value is JsonObject members)
                    {
                        // Member names are not keywords: a property may be called "type" or "description".
                        upgraded[keyword] = new JsonObject(members.Select(pair => KeyValuePair.Create(pair.Key, Schema(pair.Value))));
                    }
                    else if (keyword == "$ref" && value is JsonValue && (string?)value is { } reference && reference.StartsWith(DefinitionsPrefix, StringComparison.Ordinal))
                    {
                        upgraded[keyword] = SchemasPrefix + SchemaName(reference[DefinitionsPrefix.Length..]);
                    }
                    else if (keyword == "type" && value is JsonValue && (string?)value == "file")
                    {
                        upgraded["type"] = "string";
                        upgraded["format"] = "binary";
                    }
                    else if (keyword == "format" && schema["type"] is JsonValue && (string?)schema["type"] == "file")
                    {
                        // Written with the type above.
                    }
                    else if (keyword == "x-nullable")
                    {
                        upgraded["nullable"] = value?.DeepClone();
                    }
                    else
                    {
                        upgraded[keyword] = Schema(value);
                    }
                }

                return upgraded;
            case JsonArray array:
                return new JsonArray(array.Select(Schema).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
