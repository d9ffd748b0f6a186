using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace UiPathClients.SpecTools.CommunicationsMining;

/// <summary>The OpenAPI document (as YAML and as a tree) and an account of what was converted and skipped.</summary>
internal sealed record OpenApiConversionResult(string Yaml, JsonObject Document, string Summary, int Operations, int Paths, int Schemas);

/// <summary>
/// Authors Communications Mining's OpenAPI 3.1 description from public facts: the endpoint and model
/// indexes derived from the generated Rust client of reinfer/cli, and the Power Automate connector's
/// Swagger 2.0 document.
/// </summary>
/// <remarks>
/// Only structure carries over: paths, methods, parameter names and types, model and property names,
/// types, required-ness and enum values. Summaries and descriptions of the sources are never read;
/// the few descriptions in the output are this converter's own.
/// The connector contributes what the indexes do not say: the status code of a success and the
/// <c>status</c> value that marks one (<c>ok</c>), cross-checked against the error envelope of both.
/// </remarks>
internal sealed partial class CommunicationsMiningOpenApiConverter
{
    /// <summary>The public, versioned API. Everything else in the index is left out (see specs/README.md).</summary>
    public const string IncludedPrefix = "/api/v1/";

    /// <summary>
    /// The servers end with this segment and the paths start after it (<c>/v1/datasets</c>): the API's root is
    /// <c>…/reinfer_/api/</c>, which is also the base address the runtime's endpoints and DI registration give.
    /// </summary>
    public const string ServerRoot = "/api";

    /// <summary>The path in the document for an index path: <c>/api/v1/datasets</c> → <c>/v1/datasets</c>.</summary>
    public static string DocumentPath(string indexPath) =>
        indexPath.StartsWith(ServerRoot + "/", StringComparison.Ordinal) ? indexPath[ServerRoot.Length..] : indexPath;

    public const string ErrorSchema = "ErrorResponse";

    /// <summary>Authored here, after the index's <c>ResponseStatusError</c>: the <c>status</c> of every success envelope.</summary>
    public const string OkStatusSchema = "ResponseStatusOk";

    public const string SecuritySchemeName = "bearer";

    private const string Json = "application/json";

    private static readonly string[] MethodOrder = { "get", "put", "post", "patch", "delete" };

    /// <summary>Tag descriptions in the project's own words.</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Attachments"] = "Files attached to comments.",
        ["AuditEvents"] = "The tenant's audit log.",
        ["Comments"] = "Comments (messages) in a source: upload, read, delete.",
        ["Datasets"] = "Datasets: the labelled view over one or more sources.",
        ["Models"] = "Trained model versions of a dataset and their predictions.",
        ["Projects"] = "Projects, which own datasets and sources.",
        ["Sources"] = "Sources: where comments are stored.",
        ["Streams"] = "Streams: ordered, resumable feeds of a dataset's comments with predictions.",
        ["Triggers"] = "Triggers: the earlier form of streams (fetch, advance, reset).",
        ["Users"] = "Users of the tenant.",
    };

    private readonly JsonArray _endpoints;
    private readonly Dictionary<string, JsonObject> _models;
    private readonly JsonObject _connector;
    private readonly SortedSet<string> _referenced = new(StringComparer.Ordinal);
    private readonly HashSet<string> _envelopes = new(StringComparer.Ordinal);
    private readonly List<string> _notes = new();
    private string _okStatus = "";
    private string _defaultSuccessCode = "";
    private readonly Dictionary<string, string> _connectorSuccessCodes = new(StringComparer.Ordinal);
    private int _nullableRequired;

    private CommunicationsMiningOpenApiConverter(JsonNode endpoints, JsonNode models, JsonNode connector)
    {
        _endpoints = endpoints["endpoints"]?.AsArray() ?? throw new FormatException("The endpoint index has no 'endpoints'.");
        _models = (models["models"]?.AsObject() ?? throw new FormatException("The model index has no 'models'."))
            .ToDictionary(pair => pair.Key, pair => pair.Value!.AsObject(), StringComparer.Ordinal);
        _connector = connector.AsObject();
    }

    /// <summary>Converts the three parsed sources; they are left untouched.</summary>
    public static OpenApiConversionResult Convert(JsonNode endpoints, JsonNode models, JsonNode connector) =>
        new CommunicationsMiningOpenApiConverter(endpoints.DeepClone(), models.DeepClone(), connector.DeepClone()).Run();

    /// <summary><c>get_all_datasets</c> → <c>getAllDatasets</c>.</summary>
    public static string OperationId(string operation)
    {
        var parts = operation.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts[0] + string.Concat(parts.Skip(1).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
    }

    /// <summary><c>DatasetsApi</c> → <c>Datasets</c>.</summary>
    public static string Tag(string indexTag) =>
        indexTag.EndsWith("Api", StringComparison.Ordinal) && indexTag.Length > 3 ? indexTag[..^3] : indexTag;

    /// <summary>The index's endpoints that the bundled document covers.</summary>
    public static bool IsIncluded(string path) => path.StartsWith(IncludedPrefix, StringComparison.Ordinal);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PathParameter();

    private OpenApiConversionResult Run()
    {
        ReadConnectorFacts();

        var included = _endpoints.Select(node => node!.AsObject()).Where(endpoint => IsIncluded(Text(endpoint, "path"))).ToList();
        var operations = new SortedDictionary<string, SortedDictionary<int, JsonObject>>(StringComparer.Ordinal);
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        var tags = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var endpoint in included)
        {
            var path = Text(endpoint, "path");
            var method = Text(endpoint, "method").ToLowerInvariant();
            var order = Array.IndexOf(MethodOrder, method);
            if (order < 0)
            {
                throw new FormatException($"Unexpected method {method} on {path}.");
            }

            var operation = BuildOperation(endpoint, path, method);
            var operationId = (string)operation["operationId"]!;
            if (!operationIds.Add(operationId))
            {
                throw new FormatException($"operationId {operationId} appears twice.");
            }

            tags.Add((string)operation["tags"]![0]!);
            var item = operations.TryGetValue(path, out var existing) ? existing : operations[path] = new SortedDictionary<int, JsonObject>();
            if (!item.TryAdd(order, operation))
            {
                throw new FormatException($"{method.ToUpperInvariant()} {path} appears twice in the index.");
            }
        }

        var schemas = BuildSchemas();
        var paths = new JsonObject();
        foreach (var (path, item) in operations)
        {
            var pathItem = new JsonObject();
            foreach (var (order, operation) in item)
            {
                pathItem[MethodOrder[order]] = operation;
            }

            paths[DocumentPath(path)] = pathItem;
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Communications Mining",
                ["version"] = "v1",
                ["description"] = "Authored by UiPathClients from public facts (structure only); see specs/README.md in the repository.",
            },
            ["servers"] = new JsonArray(
                new JsonObject
                {
                    ["url"] = "https://cloud.uipath.com/{organization}/{tenant}/reinfer_" + ServerRoot,
                    ["description"] = "Automation Cloud",
                    ["variables"] = new JsonObject
                    {
                        ["organization"] = new JsonObject { ["default"] = "organization", ["description"] = "Organization name in Automation Cloud URLs." },
                        ["tenant"] = new JsonObject { ["default"] = "DefaultTenant", ["description"] = "Tenant name in Automation Cloud URLs." },
                    },
                },
                new JsonObject
                {
                    ["url"] = "https://{domain}.reinfer.io" + ServerRoot,
                    ["description"] = "Tenants onboarded through Communications Mining (reinfer.io)",
                    ["variables"] = new JsonObject
                    {
                        ["domain"] = new JsonObject { ["default"] = "domain", ["description"] = "The tenant's subdomain." },
                    },
                }),
            ["security"] = new JsonArray(new JsonObject { [SecuritySchemeName] = new JsonArray() }),
            ["tags"] = new JsonArray(tags.Select(tag => (JsonNode)TagObject(tag)).ToArray()),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    [SecuritySchemeName] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["description"] = "A developer API token or an external application's access token: Authorization: Bearer <token>.",
                    },
                },
            },
        };

        var operationCount = operations.Values.Sum(item => item.Count);
        var summary = Summarize(included.Count, operationCount, operations.Count, schemas.Count);
        return new OpenApiConversionResult(YamlWriter.Write(document), document, summary, operationCount, operations.Count, schemas.Count);
    }

    /// <summary>
    /// The connector is the one source that writes responses out: every success it declares is the same
    /// code and carries <c>status: ok</c>; its <c>ErrorResponse</c> must agree with the model index's.
    /// </summary>
    private void ReadConnectorFacts()
    {
        var definitions = _connector["definitions"]?.AsObject() ?? throw new FormatException("The connector has no definitions.");
        var basePath = (string?)_connector["basePath"] ?? "";
        var okValues = new SortedSet<string>(StringComparer.Ordinal);
        var successCodes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in _connector["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (Array.IndexOf(MethodOrder, method) < 0)
                {
                    continue;
                }

                foreach (var (code, response) in operation!["responses"]!.AsObject())
                {
                    if (!code.StartsWith('2'))
                    {
                        continue;
                    }

                    successCodes.Add(code);
                    _connectorSuccessCodes[method + " " + basePath + path] = code;
                    var reference = (string?)response!["schema"]?["$ref"];
                    var status = reference is null ? null : definitions[reference.Split('/')[^1]]?["properties"]?["status"]?["enum"];
                    foreach (var value in status?.AsArray() ?? new JsonArray())
                    {
                        okValues.Add((string)value!);
                    }
                }
            }
        }

        _okStatus = okValues.Count == 1 ? okValues.Min! : throw new FormatException($"Expected one success status value in the connector, found [{string.Join(", ", okValues)}].");
        _defaultSuccessCode = successCodes.Count == 1 ? successCodes.Min! : throw new FormatException($"Expected one success code in the connector, found [{string.Join(", ", successCodes)}].");

        var connectorError = definitions[ErrorSchema]?["properties"]?["status"]?["enum"]?.AsArray().Select(value => (string)value!).ToList()
            ?? throw new FormatException("The connector has no ErrorResponse.status enum.");
        var indexErrorType = Properties(Model(ErrorSchema)).SingleOrDefault(property => Text(property, "name") == "status") is { } statusProperty
            ? Text(statusProperty, "type")
            : throw new FormatException("The model index's ErrorResponse has no status.");
        var indexError = EnumValues(Model(indexErrorType)).Select(pair => pair.Value).ToList();
        if (!connectorError.SequenceEqual(indexError))
        {
            throw new FormatException($"ErrorResponse.status disagrees: connector [{string.Join(", ", connectorError)}], index [{string.Join(", ", indexError)}].");
        }

        if (_models.ContainsKey(OkStatusSchema))
        {
            throw new FormatException($"The model index already has a {OkStatusSchema}; the authored one would hide it.");
        }

        // Every connector operation on the public API must be in the index (the reverse is not expected:
        // the connector is from 2021 and covers 29 operations).
        var indexed = _endpoints.Select(node => Text(node!.AsObject(), "method").ToLowerInvariant() + " " + Text(node!.AsObject(), "path")).ToHashSet(StringComparer.Ordinal);
        foreach (var key in ConnectorOperations(basePath).Where(key => !indexed.Contains(key)))
        {
            _notes.Add($"connector operation not in the endpoint index: {key}");
        }
    }

    private IEnumerable<string> ConnectorOperations(string basePath) =>
        _connector["paths"]!.AsObject()
            .SelectMany(pair => pair.Value!.AsObject().Select(op => op.Key + " " + basePath + pair.Key))
            .Where(key => Array.IndexOf(MethodOrder, key.Split(' ')[0]) >= 0)
            .Order(StringComparer.Ordinal);

    private JsonObject BuildOperation(JsonObject endpoint, string path, string method)
    {
        var pathParameters = PathParameter().Matches(path).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var parameters = new JsonArray();
        JsonObject? requestBody = null;
        var contentType = Text(endpoint, "content_type");

        foreach (var parameter in endpoint["params"]!.AsArray().Select(node => node!.AsObject()))
        {
            var name = Text(parameter, "name");
            var type = Text(parameter, "type");
            var required = parameter["required"]!.GetValue<bool>();
            var valueType = RustTypeSchema.UnwrapOption(type) ?? type;

            if (pathParameters.Remove(name))
            {
                parameters.Add(new JsonObject
                {
                    ["name"] = name,
                    ["in"] = "path",
                    ["required"] = true,
                    ["schema"] = RustTypeSchema.Map(valueType, _models, _referenced),
                });
            }
            else if (_models.ContainsKey(valueType))
            {
                if (requestBody is not null || contentType != Json)
                {
                    throw new FormatException($"{method.ToUpperInvariant()} {path}: body parameter '{name}' with content type '{contentType}'.");
                }

                requestBody = new JsonObject
                {
                    ["required"] = required,
                    ["content"] = new JsonObject { [Json] = new JsonObject { ["schema"] = RustTypeSchema.Map(valueType, _models, _referenced) } },
                };
            }
            else
            {
                var schema = RustTypeSchema.Map(valueType, _models, _referenced);
                var query = new JsonObject { ["name"] = name, ["in"] = "query", ["required"] = required, ["schema"] = schema };
                if ((string?)schema["type"] == "array")
                {
                    // Repeated as ?id=a&id=b, the OpenAPI default, written out for readers that assume otherwise.
                    query["style"] = "form";
                    query["explode"] = true;
                }

                parameters.Add(query);
            }
        }

        if (pathParameters.Count > 0)
        {
            throw new FormatException($"{path}: no parameter for {string.Join(", ", pathParameters)}.");
        }

        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(Tag(Text(endpoint, "tag"))),
            ["operationId"] = OperationId(Text(endpoint, "operation")),
        };
        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (requestBody is not null)
        {
            operation["requestBody"] = requestBody;
        }

        var code = _connectorSuccessCodes.GetValueOrDefault(method + " " + path, _defaultSuccessCode);
        operation["responses"] = new JsonObject
        {
            [code] = SuccessResponse(endpoint, path),
            ["default"] = new JsonObject
            {
                ["description"] = "The request failed; the body says why.",
                ["content"] = new JsonObject { [Json] = new JsonObject { ["schema"] = RustTypeSchema.Ref(ErrorSchema) } },
            },
        };
        return operation;
    }

    private JsonObject SuccessResponse(JsonObject endpoint, string path)
    {
        var returns = Text(endpoint, "returns");
        var accept = Text(endpoint, "accept").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (returns == "std::path::PathBuf")
        {
            // A download: the bytes in the first non-JSON media type the endpoint produces.
            var mediaType = accept.FirstOrDefault(type => type != Json) ?? throw new FormatException($"{path}: a file response with no file media type.");
            return new JsonObject
            {
                ["description"] = "The file.",
                ["content"] = new JsonObject { [mediaType] = new JsonObject { ["schema"] = RustTypeSchema.Map(returns, _models, _referenced) } },
            };
        }

        if (!_models.TryGetValue(returns, out var model) || !accept.Contains(Json))
        {
            throw new FormatException($"{path}: unexpected response '{returns}' ({string.Join(", ", accept)}).");
        }

        // The success envelope: a response model whose status is a plain string is {"status": "ok", ...}.
        if (Properties(model).Any(property => Text(property, "name") == "status" && Text(property, "type") == "String" && !property["optional"]!.GetValue<bool>()))
        {
            _envelopes.Add(returns);
        }

        return new JsonObject
        {
            ["description"] = "The request succeeded.",
            ["content"] = new JsonObject { [Json] = new JsonObject { ["schema"] = RustTypeSchema.Map(returns, _models, _referenced) } },
        };
    }

    /// <summary>Every model the operations reach, each once, in name order.</summary>
    private JsonObject BuildSchemas()
    {
        _referenced.Add(ErrorSchema);
        var built = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var pending = new Queue<string>(_referenced);
        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            if (built.ContainsKey(name))
            {
                continue;
            }

            var before = new HashSet<string>(_referenced, StringComparer.Ordinal);
            built[name] = BuildSchema(name, Model(name));
            foreach (var added in _referenced.Where(reference => !before.Contains(reference)))
            {
                pending.Enqueue(added);
            }
        }

        built[OkStatusSchema] = new JsonObject
        {
            ["description"] = "The status of every successful response.",
            ["type"] = "string",
            ["enum"] = new JsonArray(_okStatus),
            ["x-enum-varnames"] = new JsonArray(Pascal(_okStatus)),
        };

        var schemas = new JsonObject();
        foreach (var (name, schema) in built)
        {
            schemas[name] = schema;
        }

        return schemas;
    }

    private JsonObject BuildSchema(string name, JsonObject model)
    {
        var kind = Text(model, "kind");
        if (kind == "enum")
        {
            var values = EnumValues(model);
            return new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray(values.Select(pair => (JsonNode)pair.Value).ToArray()),
                ["x-enum-varnames"] = new JsonArray(values.Select(pair => (JsonNode)pair.Name).ToArray()),
            };
        }

        if (kind != "object")
        {
            throw new FormatException($"Model {name} has kind '{kind}'.");
        }

        var members = Properties(model).ToList();
        if (members.Count == 0)
        {
            // openapi-generator's Rust target turns untagged unions (string-or-list, number-or-"auto", …)
            // into memberless structs; the honest schema for an unknown shape is "any JSON value".
            return new JsonObject
            {
                ["description"] = "One of several shapes; the sources do not say which, so any JSON value is accepted.",
            };
        }

        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var member in members)
        {
            var propertyName = Text(member, "name");
            var type = Text(member, "type");
            var optional = member["optional"]!.GetValue<bool>();
            var inner = RustTypeSchema.UnwrapOption(type);
            JsonObject schema;
            if (_envelopes.Contains(name) && propertyName == "status" && type == "String")
            {
                schema = RustTypeSchema.Ref(OkStatusSchema);
            }
            else if (inner is not null && !optional)
            {
                // Present but may be null.
                schema = RustTypeSchema.Nullable(RustTypeSchema.Map(inner, _models, _referenced));
                _nullableRequired++;
            }
            else
            {
                // Optional<T> marked optional: may be absent, never null.
                schema = RustTypeSchema.Map(inner ?? type, _models, _referenced);
            }

            if (properties.ContainsKey(propertyName))
            {
                throw new FormatException($"Model {name} lists {propertyName} twice.");
            }

            properties[propertyName] = schema;
            if (!optional)
            {
                required.Add(propertyName);
            }
        }

        var result = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            result["required"] = required;
        }

        return result;
    }

    private static JsonObject TagObject(string tag)
    {
        var result = new JsonObject { ["name"] = tag };
        if (TagDescriptions.TryGetValue(tag, out var description))
        {
            result["description"] = description;
        }

        return result;
    }

    private string Summarize(int endpoints, int operations, int paths, int schemas)
    {
        var all = _endpoints.Select(node => Text(node!.AsObject(), "path")).ToList();
        var skipped = all.Where(path => !IsIncluded(path))
            .GroupBy(path => string.Join('/', path.Split('/').Take(3)) + "/", StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => $"{group.Count()} {group.Key}…");
        var enums = _referenced.Count(name => _models.TryGetValue(name, out var model) && Text(model, "kind") == "enum") + 1;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{endpoints} of {all.Count} indexed endpoints ({IncludedPrefix}…) → {operations} operations on {paths} paths; ")
            .Append(CultureInfo.InvariantCulture, $"{schemas} schemas ({schemas - enums} objects, {enums} enums) of {_models.Count} indexed models + {OkStatusSchema}; ")
            .Append(CultureInfo.InvariantCulture, $"{_envelopes.Count} success envelopes (status: {_okStatus}); {_nullableRequired} required-but-nullable properties.")
            .Append('\n')
            .Append("skipped endpoints: ").Append(string.Join(", ", skipped));
        foreach (var note in _notes)
        {
            text.Append('\n').Append(note);
        }

        return text.ToString();
    }

    private JsonObject Model(string name) =>
        _models.TryGetValue(name, out var model) ? model : throw new FormatException($"The model index has no {name}.");

    private static IEnumerable<JsonObject> Properties(JsonObject model) =>
        model["properties"]?.AsArray().Select(node => node!.AsObject()) ?? Enumerable.Empty<JsonObject>();

    private static List<(string Name, string Value)> EnumValues(JsonObject model) =>
        model["values"]?.AsArray().Select(node => (Text(node!.AsObject(), "name"), Text(node!.AsObject(), "value"))).ToList()
        ?? throw new FormatException("An enum model without values.");

    private static string Pascal(string value) => string.Concat(value.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static string Text(JsonObject node, string key) =>
        (string?)node[key] ?? throw new FormatException($"Missing '{key}' in {node.ToJsonString()[..Math.Min(120, node.ToJsonString().Length)]}.");
}
