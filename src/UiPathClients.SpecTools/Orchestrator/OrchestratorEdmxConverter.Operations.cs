using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace UiPathClients.SpecTools.Orchestrator;

internal sealed partial class OrchestratorEdmxConverter
{
    /// <summary>
    /// One operation path + method, before its types are resolved. <c>Set</c> is the binding set
    /// (<see langword="null"/> when unbound); <c>Segment</c> the parenthesised parameter segment of
    /// the path, if any: <c>name='{name}',skip={skip}</c>.
    /// </summary>
    private sealed record PendingOperation(string Namespace, string? Set, bool OnEntity, string Name, bool IsAction, JsonObject Operation, string? Segment);

    /// <summary>
    /// Operations from <c>/odata/&lt;Set&gt;[({key})]/&lt;Namespace&gt;.&lt;Name&gt;[(params)]</c> (bound) and
    /// <c>/odata/[&lt;Namespace&gt;.]&lt;Name&gt;(params)</c> (unbound) paths: POST is an action (parameters
    /// are the members of the JSON body object), GET a function (parameters from the parenthesised
    /// segment and non-system query parameters).
    /// </summary>
    private List<(string Namespace, OperationDraft Operation)> ReadOperations()
    {
        var pending = new List<PendingOperation>();
        foreach (var (path, item) in _paths.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var bound = BoundOperationPath().Match(path);
            var unbound = bound.Success ? null : UnboundOperationPath().Match(path);
            var match = bound.Success ? bound : unbound!;
            if (!match.Success)
            {
                if (path.StartsWith("/odata/", StringComparison.Ordinal) && !SetPath().IsMatch(path) && !KeyPath().IsMatch(path))
                {
                    _skipped.Add($"path {path}: not an entity set, key or operation path");
                }

                continue;
            }

            var set = bound.Success ? bound.Groups["set"].Value : null;
            if (set is not null && !_setElementTypes.ContainsKey(set) && !_singletonTypes.ContainsKey(set))
            {
                _skipped.Add($"path {path}: its set {set} has no entity type");
                continue;
            }

            foreach (var method in HttpMethods)
            {
                if (item?[method] is not JsonObject operation)
                {
                    continue;
                }

                if (method is not ("get" or "post"))
                {
                    _skipped.Add($"{method.ToUpperInvariant()} {path}: OData operations are invoked with GET (functions) or POST (actions)");
                    continue;
                }

                if (method == "post" && RequestBodySchema(operation) is { } body && RefName(body) is { } wrapper)
                {
                    _requestWrappers.Add(wrapper);
                }

                var @namespace = match.Groups["ns"].Success ? match.Groups["ns"].Value : ServiceNamespace;
                var segment = match.Groups["params"].Success ? match.Groups["params"].Value : null;
                pending.Add(new PendingOperation(@namespace, set, bound.Success && bound.Groups["key"].Success, match.Groups["name"].Value, method == "post", operation, segment));
            }
        }

        // A body wrapper that is also used as a value elsewhere is a real type after all.
        _requestWrappers.RemoveWhere(IsReferencedByOtherSchemas);

        var operations = new List<(string Namespace, OperationDraft Operation)>();
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (@namespace, set, onEntity, name, isAction, operation, segment) in pending)
        {
            var where = set is null ? $"{@namespace}.{name} (unbound)" : $"{@namespace}.{name} on {set}";
            string? binding = null;
            if (set is not null)
            {
                var element = EnsureSchemaType(_setElementTypes.GetValueOrDefault(set) ?? _singletonTypes[set]);
                binding = onEntity || _singletonTypes.ContainsKey(set) ? element : $"Collection({element})";
            }

            var (parameters, problem) = isAction
                ? ActionParameters(operation, segment, name)
                : (FunctionParameters(operation, segment, name), (string?)null);
            if (parameters is null)
            {
                _skipped.Add($"{where}: {problem}");
                continue;
            }

            var returnType = ReturnType(operation);
            if (returnType is null && !isAction)
            {
                // CSDL requires functions to return something; inventing a type would mislead the client.
                _skipped.Add($"{where}: a function with no response body");
                continue;
            }

            // CSDL: bound actions overload by binding type only, unbound ones not at all; functions by binding type and parameter names.
            var signature = $"{@namespace}.{name}|{binding}" + (isAction ? string.Empty : "|" + string.Join(",", parameters.Select(parameter => parameter.Name).Order(StringComparer.Ordinal)));
            if (!signatures.Add(signature))
            {
                _skipped.Add($"{where}: same signature as an earlier overload");
                continue;
            }

            operations.Add((@namespace, new OperationDraft(isAction, name, binding, parameters, returnType, IsReturnNullable(returnType, operation))));
        }

        return operations;
    }

    private bool IsReferencedByOtherSchemas(string schemaName)
    {
        var reference = "\"#/components/schemas/" + schemaName + "\"";
        return _schemas.Any(pair => pair.Key != schemaName && pair.Value is not null && pair.Value.ToJsonString().Contains(reference, StringComparison.Ordinal));
    }

    private static JsonObject? RequestBodySchema(JsonObject operation) =>
        operation["requestBody"]?["content"] is JsonObject { Count: > 0 } content
            ? (content["application/json"] ?? content.First().Value)?["schema"] as JsonObject
            : null;

    /// <summary>
    /// An OData action's body is a JSON object whose members are its parameters — whether the source
    /// names that object (<c>StartJobsRequest</c>, <c>AssetFoldersShareDto</c>) or spells it inline.
    /// </summary>
    /// <remarks>
    /// Orchestrator also puts some action parameters where OData would not: in the path's parenthesized segment
    /// (<c>Releases/…UpdateToLatestPackageVersionByKey(identifier={identifier})</c>) and in the query
    /// (<c>AuditLogs/…Export?auditedService=…</c>). Those come first, marked with their location, so the client
    /// sends them where the service reads them.
    /// </remarks>
    private (List<ParameterDraft>? Parameters, string? Problem) ActionParameters(JsonObject operation, string? segment, string operationName)
    {
        // Optional parameters come last (Core.OptionalParameter): segment, body, then query parameters.
        var url = UrlParameters(operation, segment, operationName, ParameterLocation.Segment);
        List<ParameterDraft> InOrder(IEnumerable<ParameterDraft> body) =>
            url.Where(parameter => parameter.Location == ParameterLocation.Segment)
                .Concat(body)
                .Concat(url.Where(parameter => parameter.Location == ParameterLocation.Query))
                .ToList();

        var parameters = new List<ParameterDraft>();
        if (operation["requestBody"]?["content"] is not JsonObject { Count: > 0 } content)
        {
            return (InOrder(parameters), null);
        }

        if (!content.Any(pair => pair.Key.StartsWith("application/json", StringComparison.Ordinal)))
        {
            return (null, $"request body is {content.First().Key}, not JSON");
        }

        var body = RequestBodySchema(operation)!;
        var bodyObject = RefName(body) is { } wrapper ? _schemas[wrapper]?.AsObject() : body;
        if (bodyObject is null || OwnProperties(bodyObject).All(pair => pair.Property is not JsonObject))
        {
            // TriggerCustom's body is a bare dictionary: the source does not say which members the action takes.
            return (null, "request body declares no members, so the action's parameters are unknown");
        }

        var required = RequiredProperties(bodyObject);
        foreach (var (name, property) in OwnProperties(bodyObject))
        {
            if (property is JsonObject propertySchema)
            {
                var info = TypeOf(propertySchema, operationName, name);
                parameters.Add(new ParameterDraft(name, Collection(info), IsNullableParameter(info, propertySchema, required.Contains(name))));
            }
        }

        return (InOrder(parameters), null);
    }

    /// <summary>
    /// Parameters named in the path segment (<c>(name='{name}')</c>) must be passed; plain query
    /// parameters other than system query options are optional and marked so.
    /// </summary>
    private List<ParameterDraft> FunctionParameters(JsonObject operation, string? segment, string operationName) =>
        UrlParameters(operation, segment, operationName, ParameterLocation.OData);

    /// <summary>
    /// The parameters a request carries in its URL: those named in the path segment (<c>(name='{name}')</c>, required,
    /// at <paramref name="segmentLocation"/>), then plain query parameters other than system query options (optional
    /// unless required, marked <see cref="ParameterLocation.Query"/>: the service reads <c>?name=value</c>, not an
    /// OData parameter).
    /// </summary>
    private List<ParameterDraft> UrlParameters(JsonObject operation, string? segment, string operationName, ParameterLocation segmentLocation)
    {
        var declared = (operation["parameters"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().ToList();
        var inSegment = string.IsNullOrEmpty(segment)
            ? new List<string>()
            : segment.Split(',').Select(part => part.Split('=')[0].Trim()).ToList();
        var inQuery = declared
            .Where(parameter => (string?)parameter["in"] == "query" && !((string)parameter["name"]!).StartsWith('$'))
            .Select(parameter => (string)parameter["name"]!)
            .Where(name => !inSegment.Contains(name, StringComparer.Ordinal));

        var parameters = new List<ParameterDraft>();
        foreach (var name in inSegment.Concat(inQuery).Distinct(StringComparer.Ordinal))
        {
            var declaration = declared.FirstOrDefault(parameter => (string?)parameter["name"] == name);
            var schema = declaration?["schema"] as JsonObject ?? new JsonObject { ["type"] = "string" };
            var info = TypeOf(schema, operationName, name);
            var isInSegment = inSegment.Contains(name, StringComparer.Ordinal);
            var isRequired = isInSegment || (bool?)declaration?["required"] == true;
            var location = isInSegment ? segmentLocation : ParameterLocation.Query;
            parameters.Add(new ParameterDraft(name, Collection(info), IsNullableParameter(info, schema, isRequired), IsOptional: !isRequired, location));
        }

        return parameters;
    }

    /// <summary>
    /// A success answer with a schema always has a body: an object, a collection (whose items are objects or values),
    /// or a wrapped value type. A wrapped string (whose <c>value</c> may be null), a stream and untyped JSON (which may be
    /// <c>null</c>; CSDL readers ignore Nullable on it) stay nullable.
    /// </summary>
    /// <remarks>A success without a body listed beside it (<c>204</c>: <c>StartTransaction</c> when the queue is empty) makes it nullable too.</remarks>
    private static bool IsReturnNullable(string? returnType, JsonObject operation) =>
        returnType is null or "Edm.String" or "Edm.Stream" or "Edm.Untyped"
        || (operation["responses"] is JsonObject responses && responses.ContainsKey("204"));

    private string? ReturnType(JsonObject operation)
    {
        var schema = ResponseSchema(operation);
        if (schema is null)
        {
            return null;
        }

        var name = RefName(schema);
        if (name is null)
        {
            return (string?)schema["type"] == "string" && (string?)schema["format"] == "binary"
                ? "Edm.Stream"
                : Collection(TypeOf(schema, "Result", "Value"));
        }

        var collection = CollectionEnvelope().Match(name);
        if (collection.Success)
        {
            return $"Collection({ElementTypeOfEnvelope(collection.Groups["item"].Value)})";
        }

        var value = ValueEnvelope().Match(name);
        if (value.Success)
        {
            return ElementTypeOfEnvelope(value.Groups["item"].Value);
        }

        return EnsureSchemaType(name);
    }

    /// <summary>Envelopes name primitives by their .NET names (<c>ODataValueOfInt64</c>) and schemas by theirs.</summary>
    private string ElementTypeOfEnvelope(string item) => item switch
    {
        "String" => "Edm.String",
        "Boolean" => "Edm.Boolean",
        "Int32" => "Edm.Int32",
        "Int64" => "Edm.Int64",
        "Double" => "Edm.Double",
        "Decimal" => "Edm.Decimal",
        "Guid" => "Edm.Guid",
        "DateTimeOffset" or "DateTime" => "Edm.DateTimeOffset",
        _ when _schemas.ContainsKey(item) => EnsureSchemaType(item),
        _ => ResolveEnvelopeFromValue(item),
    };

    /// <summary>For envelopes whose item name is not a schema (<c>ODataValueOfIDictionaryOfInt64Boolean</c>), read the envelope's <c>value</c> property instead.</summary>
    private string ResolveEnvelopeFromValue(string item)
    {
        foreach (var envelope in new[] { "ODataValueOfIEnumerableOf" + item, "ODataValueOf" + item })
        {
            if (_schemas[envelope]?["properties"]?["value"] is JsonObject value)
            {
                var info = TypeOf(value, "Result", item);
                return info.IsCollection ? info.Type : Collection(info);
            }
        }

        throw new FormatException($"Cannot resolve envelope item type '{item}'.");
    }

    private static string Collection(TypeInfo info) => info.IsCollection ? $"Collection({info.Type})" : info.Type;
}
