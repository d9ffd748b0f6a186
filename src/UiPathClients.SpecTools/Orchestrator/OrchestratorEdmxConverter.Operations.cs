using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace UiPathClients.SpecTools.Orchestrator;

internal sealed partial class OrchestratorEdmxConverter
{
    /// <summary>
    /// Bound operations from <c>/odata/&lt;Set&gt;[({key})]/&lt;Namespace&gt;.&lt;Name&gt;[(params)]</c>
    /// paths: POST is an action (parameters from the JSON body's properties), GET a function
    /// (parameters from the parenthesised segment and non-system query parameters).
    /// </summary>
    private List<(string Namespace, OperationDraft Operation)> ReadOperations()
    {
        var pending = new List<(string Namespace, string Set, bool OnEntity, string Name, bool IsAction, JsonObject Operation, string? Params)>();
        foreach (var (path, item) in _paths.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var match = OperationPath().Match(path);
            if (!match.Success)
            {
                if (path.StartsWith("/odata/", StringComparison.Ordinal) && !SetPath().IsMatch(path) && !KeyPath().IsMatch(path))
                {
                    _skipped.Add($"path {path}: not an entity set, key or bound operation path");
                }

                continue;
            }

            var set = match.Groups["set"].Value;
            if (!_setElementTypes.ContainsKey(set))
            {
                _skipped.Add($"path {path}: its set {set} has no entity type");
                continue;
            }

            foreach (var (method, node) in item!.AsObject())
            {
                if (node is not JsonObject operation || !HttpMethods.Contains(method))
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

                pending.Add((match.Groups["ns"].Value, set, match.Groups["key"].Success, match.Groups["name"].Value, method == "post", operation, match.Groups["params"].Success ? match.Groups["params"].Value : null));
            }
        }

        // A wrapper that is also used as a value elsewhere is a real type after all.
        _requestWrappers.RemoveWhere(IsReferencedOutsideRequestBodies);

        var operations = new List<(string Namespace, OperationDraft Operation)>();
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (@namespace, set, onEntity, name, isAction, operation, parameterSegment) in pending)
        {
            var element = EnsureSchemaType(_setElementTypes[set]);
            var binding = onEntity ? element : $"Collection({element})";
            var parameters = isAction ? ActionParameters(operation, name) : FunctionParameters(operation, parameterSegment, name);
            if (parameters is null)
            {
                _skipped.Add($"{@namespace}.{name} on {set}: request body is not JSON");
                continue;
            }

            // CSDL: actions overload only by binding type, functions by binding type and parameter names.
            var signature = $"{@namespace}.{name}|{binding}" + (isAction ? string.Empty : "|" + string.Join(",", parameters.Select(parameter => parameter.Name).OrderBy(parameterName => parameterName, StringComparer.Ordinal)));
            if (!signatures.Add(signature))
            {
                _skipped.Add($"{@namespace}.{name} on {set}: same binding as an earlier overload");
                continue;
            }

            var returnType = ReturnType(operation, isAction);
            operations.Add((@namespace, new OperationDraft(isAction, name, binding, parameters, returnType)));
        }

        return operations;
    }

    private bool IsReferencedOutsideRequestBodies(string schemaName)
    {
        var reference = "#/components/schemas/" + schemaName;
        foreach (var (name, schema) in _schemas)
        {
            if (name != schemaName && schema is not null && schema.ToJsonString().Contains("\"" + reference + "\"", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static JsonObject? RequestBodySchema(JsonObject operation) =>
        operation["requestBody"]?["content"] is JsonObject { Count: > 0 } content
            ? (content["application/json"] ?? content.First().Value)?["schema"] as JsonObject
            : null;

    private List<ParameterDraft>? ActionParameters(JsonObject operation, string operationName)
    {
        var parameters = new List<ParameterDraft>();
        if (operation["requestBody"]?["content"] is JsonObject content && content.Count > 0 && !content.Any(pair => pair.Key.StartsWith("application/json", StringComparison.Ordinal)))
        {
            return null;
        }

        var body = RequestBodySchema(operation);
        if (body is null)
        {
            return parameters;
        }

        var wrapper = RefName(body);
        var wrapperSchema = wrapper is null ? body : _schemas[wrapper]?.AsObject();
        if (wrapper is not null && _requestWrappers.Contains(wrapper) && wrapperSchema?["properties"] is JsonObject properties)
        {
            // The OData action body is an object whose members are the parameters: {"startInfo": {...}}.
            var required = new HashSet<string>((wrapperSchema["required"] as JsonArray)?.Select(item => (string)item!) ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
            foreach (var (name, property) in properties)
            {
                var info = TypeOf(property!.AsObject(), operationName, name);
                parameters.Add(new ParameterDraft(name, Collection(info), info.Type == "Edm.Untyped" || (!required.Contains(name) && !info.IsCollection)));
            }
        }
        else
        {
            var info = TypeOf(body, operationName, "Body");
            parameters.Add(new ParameterDraft("body", Collection(info), IsNullable: info.Type == "Edm.Untyped"));
        }

        return parameters;
    }

    private List<ParameterDraft> FunctionParameters(JsonObject operation, string? parameterSegment, string operationName)
    {
        var declared = (operation["parameters"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().ToList();
        var parameters = new List<ParameterDraft>();
        var names = new List<string>();
        if (!string.IsNullOrEmpty(parameterSegment))
        {
            names.AddRange(parameterSegment.Split(',').Select(part => part.Split('=')[0].Trim()));
        }

        // Non-system query parameters are optional function parameters, passed as aliases.
        names.AddRange(declared
            .Where(parameter => (string?)parameter["in"] == "query" && !((string)parameter["name"]!).StartsWith('$'))
            .Select(parameter => (string)parameter["name"]!));

        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var declaration = declared.FirstOrDefault(parameter => (string?)parameter["name"] == name);
            var schema = declaration?["schema"] as JsonObject ?? new JsonObject { ["type"] = "string" };
            var info = TypeOf(schema, operationName, name);
            var isRequired = (bool?)declaration?["required"] == true || (string?)declaration?["in"] == "path";
            parameters.Add(new ParameterDraft(name, Collection(info), info.Type == "Edm.Untyped" || (!isRequired && !info.IsCollection)));
        }

        return parameters;
    }

    private string? ReturnType(JsonObject operation, bool isAction)
    {
        var schema = ResponseSchema(operation);
        if (schema is null)
        {
            return isAction ? null : "Edm.String";
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

    /// <summary>For envelopes whose item name is not a schema, read the envelope's <c>value</c> property instead.</summary>
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
