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
/// descriptions and summaries are never read.
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

    private static readonly string[] HttpMethods = { "get", "post", "put", "patch", "delete" };

    private readonly JsonNode _document;
    private readonly JsonObject _paths;
    private readonly JsonObject _schemas;
    private readonly EdmxDraft _draft = new();

    /// <summary>Entity set (or singleton) name → the schema of its entities.</summary>
    private readonly SortedDictionary<string, string> _setElementTypes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _singletonTypes = new(StringComparer.Ordinal);

    /// <summary>Set name → JSON type of its key segment (<c>integer</c> or <c>string</c>), where some path shows one.</summary>
    private readonly Dictionary<string, string> _setKeyTypes = new(StringComparer.Ordinal);

    /// <summary>Root entity schema → its key property.</summary>
    private readonly Dictionary<string, string> _entityKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _entitySchemas = new(StringComparer.Ordinal);
    private readonly HashSet<string> _requestWrappers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _schemaQualifiedNames = new(StringComparer.Ordinal);
    private readonly List<string> _skipped = new();

    private readonly bool _addSupplementalFunctions;

    private OrchestratorEdmxConverter(JsonNode document, bool addSupplementalFunctions)
    {
        _document = document;
        _addSupplementalFunctions = addSupplementalFunctions;
        _paths = document["paths"]?.AsObject() ?? throw new FormatException("The document has no paths.");
        _schemas = document["components"]?["schemas"]?.AsObject() ?? throw new FormatException("The document has no components/schemas.");
    }

    /// <summary>
    /// Converts a parsed OpenAPI 3 or Swagger 2.0 document (the on-premises descriptions, read through
    /// <see cref="Swagger2Upgrade"/>); the document itself is left untouched.
    /// </summary>
    /// <remarks>
    /// The supplemental functions (<c>Jobs/…GetByKey</c>, <c>Buckets/…GetByKey</c>) are evidence about today's cloud
    /// service, so only the OpenAPI 3 (cloud) description gets them; an on-premises version keeps exactly its own routes.
    /// </remarks>
    public static ConversionResult Convert(JsonNode document) => Swagger2Upgrade.IsSwagger2(document)
        ? new OrchestratorEdmxConverter(Swagger2Upgrade.Upgrade(document), addSupplementalFunctions: false).Run()
        : new OrchestratorEdmxConverter(document.DeepClone(), addSupplementalFunctions: true).Run();

    [GeneratedRegex(@"^/odata/(?<set>\w+)$")]
    private static partial Regex SetPath();

    [GeneratedRegex(@"^/odata/(?<set>\w+)\((?<quote>'?)\{(?<name>\w+)\}\k<quote>\)$")]
    private static partial Regex KeyPath();

    [GeneratedRegex(@"^/odata/(?<set>\w+)(?<key>\((?<quote>'?)\{(?<keyName>\w+)\}\k<quote>\))?/(?<ns>UiPath\.Server\.Configuration\.OData|UiPathODataSvc)\.(?<name>\w+)(?:\((?<params>[^)]*)\))?$")]
    private static partial Regex BoundOperationPath();

    // /odata/<Ns>.<Op>[(...)] or /odata/<Op>() / /odata/<Op>(p={p},...): the service root, not a set.
    [GeneratedRegex(@"^/odata/(?:(?<ns>UiPath\.Server\.Configuration\.OData|UiPathODataSvc)\.(?<name>\w+)(?:\((?<params>[^)]*)\))?|(?<name>\w+)\((?<params>(?:\w+=[^)]*)?)\))$")]
    private static partial Regex UnboundOperationPath();

    [GeneratedRegex(@"^ODataValueOfIEnumerableOf(?<item>\w+)$")]
    private static partial Regex CollectionEnvelope();

    [GeneratedRegex(@"^ODataValueOf(?<item>\w+)$")]
    private static partial Regex ValueEnvelope();

    private ConversionResult Run()
    {
        PlanEnumNames();
        FindEntitySets();
        var operations = ReadOperations();
        foreach (var supplement in _addSupplementalFunctions ? SupplementalOperations().ToList() : new())
        {
            if (operations.Any(known => known.Operation.Name == supplement.Operation.Name && known.Operation.BindingType == supplement.Operation.BindingType))
            {
                _skipped.Add($"supplement {supplement.Operation.Name} on {supplement.Operation.BindingType}: the source has it");
                continue;
            }

            operations.Add(supplement);
        }

        foreach (var name in _entitySchemas.OrderBy(name => name, StringComparer.Ordinal))
        {
            _schemaQualifiedNames[name] = Qualify(name);
        }

        // Every schema that is not an envelope or an action's body wrapper becomes a type (webhook
        // payloads and the bodies of the plain /api endpoints included, so clients can type those
        // calls too); referenced ones are created on demand, so the order does not matter.
        foreach (var (name, _) in _schemas.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList())
        {
            if (!IsEnvelope(name) && !_requestWrappers.Contains(name) && !name.StartsWith(InlineSchemaPrefix, StringComparison.Ordinal))
            {
                EnsureSchemaType(name);
            }
        }

        foreach (var (@namespace, operation) in operations)
        {
            _draft.Schema(@namespace).Operations.Add(operation);
            if (operation.BindingType is null)
            {
                _draft.OperationImports[operation.Name] = new OperationImportDraft(operation.IsAction, operation.Name, @namespace + "." + operation.Name);
            }
        }

        foreach (var (set, element) in _setElementTypes)
        {
            _draft.EntitySets.Add(set, new EntitySetDraft(set, _schemaQualifiedNames[element], CapabilitiesOf(set)));
        }

        foreach (var (singleton, element) in _singletonTypes)
        {
            _draft.Singletons.Add(singleton, new EntitySetDraft(singleton, _schemaQualifiedNames[element], CapabilitiesOf(singleton)));
        }

        _draft.Schema(ServiceNamespace);
        var edmx = EdmxDraftWriter.Write(_draft, ServiceNamespace, ContainerName);
        var bound = operations.Where(operation => operation.Operation.BindingType is not null).Select(operation => operation.Operation).ToList();
        var unbound = operations.Count - bound.Count;
        var types = _draft.Schemas.Values.SelectMany(schema => schema.Types.Values).ToList();
        var summary = new StringBuilder()
            .Append("entity sets: ").Append(_draft.EntitySets.Count)
            .Append(", singletons: ").Append(_draft.Singletons.Count)
            .Append(", entity types: ").Append(types.Count(type => type.IsEntity))
            .Append(", complex types: ").Append(types.Count(type => !type.IsEntity))
            .Append(", enum types: ").Append(_draft.Schemas.Values.Sum(schema => schema.Enums.Count))
            .AppendLine()
            .Append("bound actions: ").Append(bound.Count(operation => operation.IsAction))
            .Append(", bound functions: ").Append(bound.Count(operation => !operation.IsAction))
            .Append(", unbound operations: ").Append(unbound)
            .AppendLine()
            .Append("skipped (").Append(_skipped.Count).Append(')').Append(_skipped.Count > 0 ? ":" : string.Empty)
            .AppendJoin(string.Empty, _skipped.Order(StringComparer.Ordinal).Select(line => "\n  " + line))
            .ToString();
        return new ConversionResult(edmx, summary, _draft.EntitySets.Count, bound.Count);
    }

    /// <summary>What the source lets a client do with <paramref name="set"/>: the methods on its collection and key paths.</summary>
    private SetCapabilitiesDraft CapabilitiesOf(string set)
    {
        bool Has(string? path, string method) => path is not null && _paths[path]?[method] is JsonObject;
        var collection = _paths.ContainsKey("/odata/" + set) ? "/odata/" + set : null;
        var key = _paths.Select(pair => pair.Key).FirstOrDefault(path => KeyPath().Match(path) is { Success: true } match && match.Groups["set"].Value == set);
        var keyedOperation = _paths.Any(pair => BoundOperationPath().Match(pair.Key) is { Success: true } match
            && match.Groups["set"].Value == set && match.Groups["key"].Success);
        return new SetCapabilitiesDraft(
            Readable: Has(collection, "get"),
            ReadableByKey: Has(key, "get"),
            IndexableByKey: key is not null || keyedOperation,
            Insertable: Has(collection, "post"),
            Replaceable: Has(key, "put"),
            Patchable: Has(key, "patch"),
            Deletable: Has(key, "delete"));
    }

    private static bool IsEnvelope(string schemaName) => schemaName.StartsWith("ODataValueOf", StringComparison.Ordinal);

    /// <summary>Entity sets, singletons and their element types from collection, key and (for sets with no others) operation paths.</summary>
    private void FindEntitySets()
    {
        var keyedSets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in _paths)
        {
            var set = SetPath().Match(path);
            if (set.Success && item?["get"] is JsonObject get && ResponseSchemaName(get) is { } response)
            {
                if (CollectionEnvelope().Match(response) is { Success: true } collection)
                {
                    _setElementTypes[set.Groups["set"].Value] = collection.Groups["item"].Value;
                }
                else if (!IsEnvelope(response))
                {
                    // GET /odata/<Name> answering one object: a singleton, unless a key path makes it a set.
                    _singletonTypes[set.Groups["set"].Value] = response;
                }

                continue;
            }

            var key = KeyPath().Match(path);
            if (key.Success)
            {
                var name = key.Groups["set"].Value;
                keyedSets.Add(name);
                _setKeyTypes[name] = key.Groups["quote"].Value.Length > 0 ? "string" : PathParameterType(item!, key.Groups["name"].Value) ?? "string";
                if (!_setElementTypes.ContainsKey(name) && item?["get"] is JsonObject keyGet && ResponseSchemaName(keyGet) is { } element && !IsEnvelope(element))
                {
                    _setElementTypes[name] = element;
                }

                continue;
            }

            // Operations bound to one entity also show the key's type: /odata/LicensesRuntime('{key}')/...
            var operation = BoundOperationPath().Match(path);
            if (operation.Success && operation.Groups["key"].Success)
            {
                var name = operation.Groups["set"].Value;
                keyedSets.Add(name);
                _setKeyTypes.TryAdd(name, operation.Groups["quote"].Value.Length > 0
                    ? "string"
                    : PathParameterType(item!, operation.Groups["keyName"].Value) ?? "string");
            }
        }

        foreach (var name in keyedSets.Where(_singletonTypes.ContainsKey))
        {
            _setElementTypes.TryAdd(name, _singletonTypes[name]);
            _singletonTypes.Remove(name);
        }

        // Sets addressed only through operations (e.g. /odata/Queues/UiPathODataSvc.AddQueueItem):
        // the element type is what their operations list, or else what they return.
        var operationOnlySets = _paths
            .Select(pair => BoundOperationPath().Match(pair.Key))
            .Where(match => match.Success && !_setElementTypes.ContainsKey(match.Groups["set"].Value) && !_singletonTypes.ContainsKey(match.Groups["set"].Value))
            .GroupBy(match => match.Groups["set"].Value, StringComparer.Ordinal);
        var operationOnly = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in operationOnlySets.OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var responses = group
                .SelectMany(match => HttpMethods.Select(method => _paths[match.Value]?[method] as JsonObject))
                .OfType<JsonObject>()
                .Select(ResponseSchemaName)
                .OfType<string>()
                .ToList();
            var listed = responses
                .Select(schema => CollectionEnvelope().Match(schema))
                .FirstOrDefault(match => match.Success)?.Groups["item"].Value;
            var returned = responses.FirstOrDefault(schema => !IsEnvelope(schema) && _schemas[schema]?["properties"] is not null);
            var element = listed ?? returned;
            if (element is null)
            {
                _skipped.Add($"set {group.Key}: no entity type can be derived from its operations");
                continue;
            }

            _setElementTypes[group.Key] = element;
            operationOnly.Add(group.Key);
        }

        // 2019.10/2020.10: GET /odata/UserLoginAttempts({key}) answers a collection (one user's attempts); an OData key
        // lookup answers one entity, so nothing says what the set's entities are.
        foreach (var name in keyedSets.Where(name => !_setElementTypes.ContainsKey(name)).Order(StringComparer.Ordinal))
        {
            _skipped.Add($"set {name}: no path answers one of its entities (its key path answers a collection or nothing)");
        }

        SeparateSharedOperationOnlySets(operationOnly);
        ChooseKeys(_setElementTypes, "set");
        ChooseKeys(_singletonTypes, "singleton");
        MarkKnownNavigationTargets();

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
    /// Makes each element type (and its bases) an entity type, keyed on its root type; drops the
    /// set when no key can be found. Sets are visited by name, so a root shared by two sets gets
    /// the key of the first — deterministically.
    /// </summary>
    private void ChooseKeys(SortedDictionary<string, string> elementTypes, string kind)
    {
        foreach (var (set, element) in elementTypes.ToList())
        {
            var root = element;
            while (BaseSchemaName(_schemas[root]?.AsObject()) is { } baseName)
            {
                root = baseName;
            }

            var key = _entityKeys.GetValueOrDefault(root)
                ?? (_schemas[root] is JsonObject rootSchema ? KeyPropertyFor(set, rootSchema) : null);
            if (key is null)
            {
                elementTypes.Remove(set);
                _skipped.Add($"{kind} {set}: element type {element} has no usable key property");
                continue;
            }

            _entityKeys[root] = key;
            for (var name = element; name is not null; name = BaseSchemaName(_schemas[name]?.AsObject()))
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
        var properties = OwnProperties(schema).ToList();
        bool IsPrimitive(JsonNode? property) => (string?)property?["type"] is "string" or "integer";
        bool Matches(JsonNode? property) => _setKeyTypes.TryGetValue(set, out var keyType)
            ? (string?)property?["type"] == keyType && (string?)property?["format"] != "date-time"
            : IsPrimitive(property);

        foreach (var candidate in new[] { "Id", "Key", "Name" })
        {
            var property = properties.FirstOrDefault(pair => pair.Name == candidate);
            if (property.Name is not null && Matches(property.Property))
            {
                return candidate;
            }
        }

        return _setKeyTypes.ContainsKey(set)
            ? properties.FirstOrDefault(pair => pair.Name.EndsWith("Id", StringComparison.Ordinal) && Matches(pair.Property)).Name
            : null;
    }

    private bool IsDerivedFrom(string schemaName, string ancestor)
    {
        for (var name = BaseSchemaName(_schemas[schemaName]?.AsObject()); name is not null; name = BaseSchemaName(_schemas[name]?.AsObject()))
        {
            if (name == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static string? BaseSchemaName(JsonObject? schema) =>
        schema?["allOf"] is JsonArray allOf
            ? allOf.Select(part => RefName(part)).FirstOrDefault(name => name is not null)
            : null;

    /// <summary>The object that declares a schema's own properties: itself, or the inline part of its <c>allOf</c>.</summary>
    private static JsonObject? PropertyHolder(JsonObject schema) =>
        schema["allOf"] is JsonArray allOf
            ? allOf.OfType<JsonObject>().FirstOrDefault(part => part["properties"] is not null)
            : schema;

    private static IEnumerable<(string Name, JsonNode? Property)> OwnProperties(JsonObject schema)
    {
        if (PropertyHolder(schema)?["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                yield return (name, property);
            }
        }
    }

    private static HashSet<string> RequiredProperties(JsonObject schema)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var holder in new[] { schema, PropertyHolder(schema) })
        {
            if (holder?["required"] is JsonArray names)
            {
                required.UnionWith(names.Select(name => (string)name!));
            }
        }

        return required;
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
            builder.Append(char.IsAsciiLetterOrDigit(character) || character == '_' ? character : '_');
        }

        return builder.Length == 0 || char.IsAsciiDigit(builder[0]) ? "_" + builder : builder.ToString();
    }
}
