using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace UiPathClients.SpecTools.Orchestrator;

internal sealed partial class OrchestratorEdmxConverter
{
    /// <summary>Inline object schemas are registered under this prefix so that they build like named ones.</summary>
    private const string InlineSchemaPrefix = "#inline/";

    /// <summary><c>x-ms-enum</c> name → EDM enum name, planned over the whole document before any type is built.</summary>
    private readonly Dictionary<string, string> _plannedEnumNames = new(StringComparer.Ordinal);

    /// <summary>
    /// A property or parameter type: qualified name, and what kind of thing it is. <c>IsValueType</c>:
    /// a primitive with no null of its own (numbers, booleans, dates, GUIDs) or an enum.
    /// </summary>
    private readonly record struct TypeInfo(string Type, bool IsEntity, bool IsCollection, bool IsValueType);

    /// <summary>.NET generic arity in swagger names: <c>BulkItemDto`1Status</c>.</summary>
    [GeneratedRegex(@"`\d+")]
    private static partial Regex GenericArity();

    /// <summary>The <c>{Schema}{Property}</c> shape of Orchestrator's <c>x-ms-enum</c> names for DTO properties.</summary>
    [GeneratedRegex(@"^(?<owner>[A-Z]\w*?)Dto(?<property>[A-Z]\w*)$")]
    private static partial Regex DtoPropertyEnumName();

    /// <summary>Creates the type for a named schema once and returns its qualified name.</summary>
    private string EnsureSchemaType(string schemaName)
    {
        if (_schemaQualifiedNames.TryGetValue(schemaName, out var qualified) && IsDeclared(qualified))
        {
            return qualified;
        }

        var schema = _schemas[schemaName]?.AsObject() ?? throw new FormatException($"Schema '{schemaName}' is referenced but not defined.");
        if (schema["enum"] is JsonArray)
        {
            var xmsName = (string?)schema["x-ms-enum"]?["name"];
            var enumName = xmsName is not null ? _plannedEnumNames[xmsName] : IdiomaticEnumName(schemaName);
            qualified = DeclareEnum(enumName, EnumMembers(schema));
            _schemaQualifiedNames[schemaName] = qualified;
            return qualified;
        }

        qualified = _schemaQualifiedNames.GetValueOrDefault(schemaName) ?? Qualify(schemaName);
        _schemaQualifiedNames[schemaName] = qualified;
        var isEntity = _entitySchemas.Contains(schemaName);
        var type = new StructuredDraft(SimpleName(qualified), isEntity);
        var types = _draft.Schema(NamespaceOf(qualified)).Types;
        if (!types.TryAdd(type.Name, type))
        {
            throw new FormatException($"Two schemas map to the type name '{qualified}'.");
        }

        var baseName = BaseSchemaName(schema);
        if (baseName is not null)
        {
            type.BaseType = EnsureSchemaType(baseName);
        }
        else if (isEntity)
        {
            type.Key = _entityKeys[schemaName];
        }

        var required = RequiredProperties(schema);
        foreach (var (name, property) in OwnProperties(schema))
        {
            if (property is not JsonObject propertySchema)
            {
                continue;
            }

            var info = TypeOf(propertySchema, type.Name, name);
            var typeName = info.IsCollection ? $"Collection({info.Type})" : info.Type;
            var isKey = name == type.Key;
            if (info.IsEntity)
            {
                if (isKey)
                {
                    throw new FormatException($"Key property {type.Name}/{name} refers to an entity.");
                }

                // A reference to another entity is a relationship, not a value: JobDto.Machine comes
                // back only with $expand, so a single one is nullable.
                type.Properties.Add(new PropertyDraft(name, typeName, IsNullable: true, IsNavigation: true));
                continue;
            }

            var isNullable = !isKey && IsNullableProperty(info, propertySchema, required.Contains(name));
            type.Properties.Add(new PropertyDraft(name, typeName, isNullable, IsNavigation: false));
        }

        return qualified;
    }

    /// <summary>
    /// Properties are nullable unless they are required, not marked <c>nullable</c>, and of a value
    /// type (a number, boolean, date, GUID or enum): a required string or object may still be left
    /// out of a response by <c>$select</c>, and the description cannot tell which ones never are.
    /// Collections say it of their items, which the source never allows to be null.
    /// Untyped values admit null by nature.
    /// </summary>
    private static bool IsNullableProperty(TypeInfo info, JsonObject schema, bool isRequired)
    {
        if (info.Type == "Edm.Untyped")
        {
            return true;
        }

        if (info.IsCollection)
        {
            return (bool?)schema["items"]?["nullable"] == true;
        }

        return !(isRequired && info.IsValueType && (bool?)schema["nullable"] != true);
    }

    /// <summary>
    /// Parameters are nullable unless the source requires them; collections again speak of their
    /// items. A required parameter must be passed with a value, whatever its type.
    /// </summary>
    private static bool IsNullableParameter(TypeInfo info, JsonObject schema, bool isRequired)
    {
        if (info.Type == "Edm.Untyped")
        {
            return true;
        }

        if (info.IsCollection)
        {
            return (bool?)schema["items"]?["nullable"] == true;
        }

        return !isRequired || (bool?)schema["nullable"] == true;
    }

    private bool IsDeclared(string qualified)
    {
        var schema = _draft.Schemas.GetValueOrDefault(NamespaceOf(qualified));
        var name = SimpleName(qualified);
        return schema is not null && (schema.Types.ContainsKey(name) || schema.Enums.ContainsKey(name));
    }

    /// <summary>Maps a property/parameter schema to an Edm type, creating named types for refs, inline objects and inline enums.</summary>
    private TypeInfo TypeOf(JsonObject schema, string owner, string propertyName)
    {
        var reference = RefName(schema) ?? (schema["allOf"] is JsonArray { Count: 1 } single ? RefName(single[0]) : null);
        if (reference is not null)
        {
            var qualified = EnsureSchemaType(reference);
            var isEnum = _schemas[reference]?["enum"] is not null;
            return new TypeInfo(qualified, _entitySchemas.Contains(reference), IsCollection: false, IsValueType: isEnum);
        }

        var type = (string?)schema["type"];
        var format = (string?)schema["format"];
        switch (type)
        {
            case "array":
                var items = schema["items"] as JsonObject ?? new JsonObject();
                var element = TypeOf(items, owner, propertyName + "Item");
                return element with { IsCollection = true };
            case "string" when schema["enum"] is JsonArray:
                var xmsName = (string?)schema["x-ms-enum"]?["name"];
                var enumName = xmsName is not null ? _plannedEnumNames[xmsName] : IdiomaticEnumName(owner + Pascal(propertyName));
                return new TypeInfo(DeclareEnum(enumName, EnumMembers(schema)), false, false, true);
            case "string":
                return format switch
                {
                    "date-time" => Primitive("Edm.DateTimeOffset"),
                    "date" => Primitive("Edm.Date"),
                    "uuid" => Primitive("Edm.Guid"),
                    "byte" or "binary" => new TypeInfo("Edm.Binary", false, false, false),
                    "duration" or "time-span" => Primitive("Edm.Duration"),
                    _ => new TypeInfo("Edm.String", false, false, false),
                };
            case "integer":
                return Primitive(format == "int64" ? "Edm.Int64" : "Edm.Int32");
            case "number":
                return Primitive(format switch { "float" => "Edm.Single", "decimal" => "Edm.Decimal", _ => "Edm.Double" });
            case "boolean":
                return Primitive("Edm.Boolean");
            case "object" or null when schema["properties"] is JsonObject { Count: > 0 }:
                return new TypeInfo(EnsureInlineType(schema, owner + Pascal(propertyName)), false, false, false);
            default:
                // Free-form objects ({} or properties: {}) and dictionaries (additionalProperties) have
                // no declared shape: Edm.Untyped keeps any JSON value (the OData model builder's type for System.Object).
                return new TypeInfo("Edm.Untyped", false, false, false);
        }
    }

    private static TypeInfo Primitive(string type) => new(type, false, false, true);

    /// <summary>Inline objects become complex types named <c>{Owner}{Property}</c>, registered as schemas so that they build like named ones.</summary>
    private string EnsureInlineType(JsonObject schema, string preferredName)
    {
        var name = SimpleIdentifier(preferredName);
        while (_schemas.ContainsKey(name) || _plannedEnumNames.ContainsValue(name))
        {
            name += "Object";
        }

        var key = InlineSchemaPrefix + name;
        if (!_schemas.ContainsKey(key))
        {
            _schemas[key] = schema.DeepClone();
            _schemaQualifiedNames[key] = ServiceNamespace + "." + name;
        }

        return EnsureSchemaType(key);
    }

    /// <summary>
    /// Decides every enum's name up front, from its <c>x-ms-enum</c> name alone, so that no name
    /// depends on which schema is visited first. Orchestrator names enums of DTO properties
    /// <c>{Schema}{Property}</c>; the idiomatic name drops the <c>Dto</c> (<c>JobDtoState</c> →
    /// <c>JobState</c>, <c>JobDtoJobPriority</c> → <c>JobPriority</c>). Names that meet that way are one
    /// enum when their members agree (<c>RobotDtoType</c> and <c>RobotType</c>); when they do not, each
    /// keeps its own <c>x-ms-enum</c> name.
    /// </summary>
    private void PlanEnumNames()
    {
        var membersByName = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in Descendants(_document).OfType<JsonObject>())
        {
            if (node["enum"] is JsonArray && (string?)node["x-ms-enum"]?["name"] is { } name)
            {
                var members = string.Join(",", EnumMembers(node).Select(member => member.Name + "=" + member.Value));
                if (membersByName.TryGetValue(name, out var existing) && existing != members)
                {
                    throw new FormatException($"x-ms-enum '{name}' is used with two different member lists.");
                }

                membersByName[name] = members;
            }
        }

        foreach (var group in membersByName.GroupBy(pair => IdiomaticEnumName(pair.Key), StringComparer.Ordinal))
        {
            var agree = group.Select(pair => pair.Value).Distinct(StringComparer.Ordinal).Count() == 1 && !_schemas.ContainsKey(group.Key);
            foreach (var (name, _) in group)
            {
                _plannedEnumNames[name] = agree ? group.Key : SimpleIdentifier(GenericArity().Replace(name, string.Empty));
            }
        }

        var clash = _plannedEnumNames
            .GroupBy(pair => pair.Value, StringComparer.Ordinal)
            .FirstOrDefault(group => group.Select(pair => membersByName[pair.Key]).Distinct(StringComparer.Ordinal).Count() > 1 || _schemas.ContainsKey(group.Key));
        if (clash is not null)
        {
            throw new FormatException($"Enum name '{clash.Key}' would stand for different things: {string.Join(", ", clash.Select(pair => pair.Key))}.");
        }
    }

    private static string IdiomaticEnumName(string sourceName)
    {
        var name = GenericArity().Replace(sourceName, string.Empty);
        var match = DtoPropertyEnumName().Match(name);
        if (!match.Success)
        {
            return SimpleIdentifier(name);
        }

        var owner = match.Groups["owner"].Value;
        var property = match.Groups["property"].Value;
        return SimpleIdentifier(property.StartsWith(owner, StringComparison.Ordinal) ? property : owner + property);
    }

    /// <summary>
    /// Members are the wire values. Their integers follow <c>x-enum-varnames</c> when it lists the
    /// same names (it may order them differently), else the position in <c>enum</c>.
    /// </summary>
    private static List<EnumMemberDraft> EnumMembers(JsonObject schema)
    {
        var values = ((JsonArray)schema["enum"]!).Select(value => value?.ToString() ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        var varNames = (schema["x-enum-varnames"] as JsonArray)?.Select(value => value?.ToString() ?? string.Empty).ToList();
        var ordered = varNames is not null && varNames.Order(StringComparer.Ordinal).SequenceEqual(values.Order(StringComparer.Ordinal), StringComparer.Ordinal)
            ? varNames
            : values;
        return ordered.Select((value, index) => new EnumMemberDraft(SimpleIdentifier(value), index)).ToList();
    }

    private string DeclareEnum(string name, IReadOnlyList<EnumMemberDraft> members)
    {
        var enums = _draft.Schema(ServiceNamespace).Enums;
        if (enums.TryGetValue(name, out var existing))
        {
            if (!existing.Members.SequenceEqual(members))
            {
                throw new FormatException($"Enum '{name}' is declared with two different member lists.");
            }
        }
        else
        {
            enums.Add(name, new EnumDraft(name, members));
        }

        return ServiceNamespace + "." + name;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(pair => pair.Value),
            JsonArray array => array,
            _ => Enumerable.Empty<JsonNode?>(),
        };
        foreach (var child in children)
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static string NamespaceOf(string qualified) => qualified[..qualified.LastIndexOf('.')];

    private static string SimpleName(string qualified) => qualified[(qualified.LastIndexOf('.') + 1)..];
}
