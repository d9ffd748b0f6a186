using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace UiPathClients.SpecTools.Orchestrator;

/// <summary>The EDMX text and a human-readable account of what was converted and skipped.</summary>
internal sealed record ConversionResult(string Edmx, string Summary, int EntitySets, int BoundOperations);

/// <summary>
/// Derives Orchestrator's OData model (CSDL) from the structure of its OpenAPI description: entity
/// sets from <c>/odata/&lt;Set&gt;</c> paths, bound actions/functions from
/// <c>…/&lt;Namespace&gt;.&lt;Operation&gt;</c> paths, types from schemas. Only structure carries over;
/// no descriptions are copied.
/// </summary>
internal sealed partial class OrchestratorEdmxConverter
{
    /// <summary>The namespace Orchestrator's operations live in; also the default for types and the container's home.</summary>
    public const string ServiceNamespace = "UiPath.Server.Configuration.OData";

    public const string ContainerName = "Container";

    /// <summary>
    /// Types whose real namespace is known because real Orchestrator responses name it (in
    /// <c>@odata.type</c> / <c>@odata.context</c>). Only facts seen in real responses go here;
    /// every other type stays in <see cref="ServiceNamespace"/>.
    /// </summary>
    private static readonly Dictionary<string, string> KnownTypeNamespaces = new(StringComparer.Ordinal)
    {
        ["WebhookEventTypeDto"] = "UiPath.Application.Dto.Webhooks",
        ["PingEventDto"] = "UiPath.Webhooks.Dto",
    };

    private static readonly HashSet<string> HttpMethods = new(StringComparer.Ordinal) { "get", "post", "put", "patch", "delete" };

    private readonly JsonObject _paths;
    private readonly JsonObject _schemas;
    private readonly EdmxDraft _draft = new();
    private readonly Dictionary<string, string> _setElementTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _setKeyTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _entitySchemas = new(StringComparer.Ordinal);
    private readonly HashSet<string> _requestWrappers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _schemaQualifiedNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Qualified, string MemberKey)> _enumsByName = new(StringComparer.Ordinal);
    private readonly List<string> _skipped = new();

    private OrchestratorEdmxConverter(JsonNode document)
    {
        _paths = document["paths"]?.AsObject() ?? throw new FormatException("The document has no paths.");
        _schemas = document["components"]?["schemas"]?.AsObject() ?? throw new FormatException("The document has no components/schemas.");
    }

    public static ConversionResult Convert(JsonNode document) => new OrchestratorEdmxConverter(document).Run();

    [GeneratedRegex(@"^/odata/(?<set>\w+)$")]
    private static partial Regex SetPath();

    [GeneratedRegex(@"^/odata/(?<set>\w+)\((?<quote>'?)\{(?<name>\w+)\}\k<quote>\)$")]
    private static partial Regex KeyPath();

    [GeneratedRegex(@"^/odata/(?<set>\w+)(?<key>\((?<quote>'?)\{(?<keyName>\w+)\}\k<quote>\))?/(?<ns>UiPath\.Server\.Configuration\.OData|UiPathODataSvc)\.(?<name>\w+)(?:\((?<params>[^)]*)\))?$")]
    private static partial Regex OperationPath();

    [GeneratedRegex(@"^ODataValueOfIEnumerableOf(?<item>\w+)$")]
    private static partial Regex CollectionEnvelope();

    [GeneratedRegex(@"^ODataValueOf(?<item>\w+)$")]
    private static partial Regex ValueEnvelope();

    private ConversionResult Run()
    {
        FindEntitySets();
        var operations = ReadOperations();
        foreach (var name in _entitySchemas.OrderBy(name => name, StringComparer.Ordinal))
        {
            _schemaQualifiedNames[name] = Qualify(name);
        }

        // Every schema that is not an envelope or a request-body wrapper becomes a type; referenced
        // ones are created on demand while converting properties, so order does not matter.
        foreach (var (name, _) in _schemas.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!IsEnvelope(name) && !_requestWrappers.Contains(name))
            {
                EnsureSchemaType(name);
            }
        }

        foreach (var (@namespace, operation) in operations)
        {
            _draft.Schema(@namespace).Operations.Add(operation);
        }

        foreach (var (set, element) in _setElementTypes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            _draft.EntitySets.Add(new EntitySetDraft(set, _schemaQualifiedNames[element]));
        }

        _draft.Schema(ServiceNamespace);
        var edmx = EdmxDraftWriter.Write(_draft, ServiceNamespace, ContainerName);
        var bound = operations.Count;
        var summary = new StringBuilder()
            .Append("entity sets: ").Append(_draft.EntitySets.Count)
            .Append(", entity types: ").Append(_draft.Schemas.Values.Sum(schema => schema.Types.Values.Count(type => type.IsEntity)))
            .Append(", complex types: ").Append(_draft.Schemas.Values.Sum(schema => schema.Types.Values.Count(type => !type.IsEntity)))
            .Append(", enum types: ").Append(_draft.Schemas.Values.Sum(schema => schema.Enums.Count))
            .Append(", bound actions: ").Append(operations.Count(operation => operation.Operation.IsAction))
            .Append(", bound functions: ").Append(operations.Count(operation => !operation.Operation.IsAction))
            .AppendLine()
            .AppendLine("skipped:")
            .AppendJoin("\n", _skipped.Select(line => "  " + line))
            .ToString();
        return new ConversionResult(edmx, summary, _draft.EntitySets.Count, bound);
    }

    private static bool IsEnvelope(string schemaName) => schemaName.StartsWith("ODataValueOf", StringComparison.Ordinal);

    /// <summary>Entity sets and their element types from collection, key and (for sets with no others) operation paths.</summary>
    private void FindEntitySets()
    {
        foreach (var (path, item) in _paths)
        {
            var set = SetPath().Match(path);
            if (set.Success && item?["get"] is JsonObject get && ResponseSchemaName(get) is { } envelope && CollectionEnvelope().Match(envelope) is { Success: true } collection)
            {
                _setElementTypes[set.Groups["set"].Value] = collection.Groups["item"].Value;
                continue;
            }

            var key = KeyPath().Match(path);
            if (key.Success)
            {
                var name = key.Groups["set"].Value;
                _setKeyTypes[name] = key.Groups["quote"].Value.Length > 0 ? "string" : PathParameterType(item!, key.Groups["name"].Value) ?? "string";
                if (!_setElementTypes.ContainsKey(name) && item?["get"] is JsonObject keyGet && ResponseSchemaName(keyGet) is { } element && !IsEnvelope(element))
                {
                    _setElementTypes[name] = element;
                }

                continue;
            }

            // Operations bound to one entity also show the key's type: /odata/LicensesRuntime('{key}')/...
            var operation = OperationPath().Match(path);
            if (operation.Success && operation.Groups["key"].Success && !_setKeyTypes.ContainsKey(operation.Groups["set"].Value))
            {
                _setKeyTypes[operation.Groups["set"].Value] = operation.Groups["quote"].Value.Length > 0
                    ? "string"
                    : PathParameterType(item!, operation.Groups["keyName"].Value) ?? "string";
            }
        }

        // Sets addressed only through operations (e.g. /odata/Queues/UiPathODataSvc.AddQueueItem):
        // the element type is what their functions list, or else what their operations return.
        var operationOnlySets = _paths
            .Select(pair => OperationPath().Match(pair.Key))
            .Where(match => match.Success && !_setElementTypes.ContainsKey(match.Groups["set"].Value))
            .GroupBy(match => match.Groups["set"].Value, StringComparer.Ordinal);
        foreach (var group in operationOnlySets.OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var candidates = group
                .SelectMany(match => HttpMethods.Select(method => (Method: method, Operation: _paths[match.Value]?[method] as JsonObject)))
                .Where(candidate => candidate.Operation is not null)
                .Select(candidate => (candidate.Method, Schema: ResponseSchemaName(candidate.Operation!)))
                .Where(candidate => candidate.Schema is not null)
                .ToList();
            var listed = candidates
                .Select(candidate => CollectionEnvelope().Match(candidate.Schema!))
                .FirstOrDefault(match => match.Success)?.Groups["item"].Value;
            var returned = candidates
                .Select(candidate => candidate.Schema!)
                .FirstOrDefault(schema => !IsEnvelope(schema) && _schemas[schema]?["properties"] is not null);
            var element = listed ?? returned;
            if (element is null)
            {
                _skipped.Add($"set {group.Key}: no entity type can be derived from its operations");
                continue;
            }

            _setElementTypes[group.Key] = element;
        }

        foreach (var (set, element) in _setElementTypes.ToList())
        {
            var schema = _schemas[element]?.AsObject();
            if (schema is null || KeyPropertyFor(set, schema) is null)
            {
                _setElementTypes.Remove(set);
                _skipped.Add($"set {set}: element type {element} has no usable key property");
                continue;
            }

            for (var name = element; name is not null; name = BaseSchemaName(_schemas[name]?.AsObject()))
            {
                _entitySchemas.Add(name);
            }
        }

        // CSDL lets only entity types derive from entity types: MachineFolderDto extends MachineDto.
        foreach (var (name, _) in _schemas)
        {
            if (_entitySchemas.Any(entity => IsDerivedFrom(name, entity)))
            {
                _entitySchemas.Add(name);
            }
        }
    }

    /// <summary>
    /// The key property. With a key segment in some path its type is known and must match: first
    /// <c>Id</c>, <c>Key</c> or <c>Name</c>, then the first <c>…Id</c> property (retention settings are
    /// keyed by <c>QueueDefinitionId</c>). Without one, <c>Id</c> or <c>Key</c> of any primitive type.
    /// </summary>
    private string? KeyPropertyFor(string set, JsonObject schema)
    {
        var properties = AllProperties(schema).ToList();
        bool IsPrimitive(JsonNode? property) => (string?)property?["type"] is "string" or "integer";
        bool Matches(JsonNode? property) => _setKeyTypes.TryGetValue(set, out var keyType)
            ? (string?)property?["type"] == keyType && (string?)property?["format"] != "date-time"
            : IsPrimitive(property);

        foreach (var candidate in new[] { "Id", "Key", "Name" })
        {
            var property = properties.FirstOrDefault(pair => pair.Key == candidate);
            if (property.Key is not null && Matches(property.Value))
            {
                return candidate;
            }
        }

        return _setKeyTypes.ContainsKey(set)
            ? properties.FirstOrDefault(pair => pair.Key.EndsWith("Id", StringComparison.Ordinal) && Matches(pair.Value)).Key
            : null;
    }

    /// <summary>Own and inherited properties, base first, in declaration order.</summary>
    private List<KeyValuePair<string, JsonNode?>> AllProperties(JsonObject schema)
    {
        var result = new List<KeyValuePair<string, JsonNode?>>();
        var baseName = BaseSchemaName(schema);
        if (baseName is not null && _schemas[baseName] is JsonObject baseSchema)
        {
            result.AddRange(AllProperties(baseSchema));
        }

        result.AddRange(OwnProperties(schema).Select(pair => new KeyValuePair<string, JsonNode?>(pair.Name, pair.Property)));

        return result;
    }

    private static string? BaseSchemaName(JsonObject? schema) =>
        schema?["allOf"] is JsonArray allOf
            ? allOf.Select(part => RefName(part)).FirstOrDefault(name => name is not null)
            : null;

    private static IEnumerable<(string Name, JsonNode? Property)> OwnProperties(JsonObject schema)
    {
        var holder = schema["allOf"] is JsonArray allOf
            ? allOf.OfType<JsonObject>().FirstOrDefault(part => part["properties"] is not null)
            : schema;
        if (holder?["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                yield return (name, property);
            }
        }
    }

    private static string? RefName(JsonNode? node) =>
        node?["$ref"] is JsonValue reference ? ((string)reference!).Split('/')[^1] : null;

    private static string? PathParameterType(JsonNode item, string name)
    {
        foreach (var method in HttpMethods)
        {
            if (item[method]?["parameters"] is JsonArray parameters)
            {
                foreach (var parameter in parameters)
                {
                    if ((string?)parameter?["name"] == name)
                    {
                        return (string?)parameter?["schema"]?["type"];
                    }
                }
            }
        }

        return null;
    }

    private static JsonObject? ResponseSchema(JsonObject operation)
    {
        if (operation["responses"] is not JsonObject responses)
        {
            return null;
        }

        // Any success status: Ping answers 202 with its body.
        foreach (var (code, response) in responses.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (code.StartsWith('2') && response?["content"] is JsonObject content && content.Count > 0)
            {
                return content.First().Value?["schema"] as JsonObject;
            }
        }

        return null;
    }

    private static string? ResponseSchemaName(JsonObject operation) => RefName(ResponseSchema(operation));

    private static string Qualify(string schemaName) =>
        (KnownTypeNamespaces.TryGetValue(schemaName, out var @namespace) ? @namespace : ServiceNamespace) + "." + SimpleIdentifier(schemaName);

    /// <summary>OData SimpleIdentifier: letters, digits and underscores, not starting with a digit.</summary>
    private static string SimpleIdentifier(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            builder.Append(char.IsLetterOrDigit(character) || character == '_' ? character : '_');
        }

        return builder.Length == 0 || char.IsDigit(builder[0]) ? "_" + builder : builder.ToString();
    }
}
