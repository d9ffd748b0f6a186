using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace UiPathClients.SpecTools.Orchestrator;

internal sealed partial class OrchestratorEdmxConverter
{
    /// <summary>A property or parameter type: qualified name, and whether it points at an entity.</summary>
    private readonly record struct TypeInfo(string Type, bool IsEntity, bool IsCollection, bool IsValueType);

    /// <summary>Creates the type for a named schema once and returns its qualified name.</summary>
    private string EnsureSchemaType(string schemaName)
    {
        if (_schemaQualifiedNames.TryGetValue(schemaName, out var qualified) && IsDeclared(qualified))
        {
            return qualified;
        }

        var schema = _schemas[schemaName]?.AsObject() ?? throw new FormatException($"Schema '{schemaName}' is referenced but not defined.");
        if (schema["enum"] is JsonArray values)
        {
            qualified = EnsureEnum(SimpleIdentifier(schemaName), SimpleIdentifier(schemaName), values);
            _schemaQualifiedNames[schemaName] = qualified;
            return qualified;
        }

        qualified = Qualify(schemaName);
        _schemaQualifiedNames[schemaName] = qualified;
        var isEntity = _entitySchemas.Contains(schemaName);
        var type = new StructuredDraft(SimpleName(qualified), isEntity);
        _draft.Schema(NamespaceOf(qualified)).Types[type.Name] = type;

        var baseName = BaseSchemaName(schema);
        if (baseName is not null)
        {
            type.BaseType = EnsureSchemaType(baseName);
        }
        else if (isEntity)
        {
            var set = _setElementTypes.FirstOrDefault(pair => pair.Value == schemaName).Key
                ?? _setElementTypes.First(pair => IsDerivedFrom(pair.Value, schemaName)).Key;
            type.Key = KeyPropertyFor(set, schema);
        }

        var required = new HashSet<string>((schema["required"] as JsonArray)?.Select(item => (string)item!) ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        foreach (var (name, property) in OwnProperties(schema))
        {
            if (property is not JsonObject propertySchema)
            {
                continue;
            }

            var info = TypeOf(propertySchema, type.Name, name);
            var isKey = name == type.Key;
            if (isKey && info.IsEntity)
            {
                throw new FormatException($"Key property {type.Name}/{name} refers to an entity.");
            }

            if (info.IsEntity)
            {
                // A reference to another entity is a relationship, not a value: Orchestrator's
                // JobDto.Robot, .Release and .Machine come back only with $expand.
                type.Properties.Add(new PropertyDraft(name, info.IsCollection ? $"Collection({info.Type})" : info.Type, IsNullable: true, IsNavigation: true));
                continue;
            }

            // Untyped values admit null by nature (CsdlReader ignores Nullable on them), so they never say otherwise.
            var isNullable = info.Type == "Edm.Untyped" || (!isKey && !info.IsCollection && (!required.Contains(name) || (bool?)propertySchema["nullable"] == true));
            type.Properties.Add(new PropertyDraft(name, info.IsCollection ? $"Collection({info.Type})" : info.Type, isNullable, IsNavigation: false));
        }

        return qualified;
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
                var items = schema["items"] as JsonObject ?? new JsonObject { ["type"] = "string" };
                var element = TypeOf(items, owner, propertyName + "Item");
                return element with { IsCollection = true };
            case "string" when schema["enum"] is JsonArray values:
                var xmsName = (string?)schema["x-ms-enum"]?["name"] ?? owner + Pascal(propertyName);
                return new TypeInfo(EnsureEnum(IdiomaticEnumName(xmsName, owner, propertyName), SimpleIdentifier(xmsName), values), false, false, true);
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
            case "object" or null when schema["properties"] is JsonObject:
                var name = SimpleIdentifier(owner + Pascal(propertyName));
                var inlineName = "#inline/" + name;
                if (!_schemas.ContainsKey(inlineName))
                {
                    // Inline objects become named complex types; registering them as schemas lets EnsureSchemaType build them.
                    _schemas[inlineName] = schema.DeepClone();
                    _schemaQualifiedNames[inlineName] = ServiceNamespace + "." + name;
                }

                return new TypeInfo(EnsureSchemaType(inlineName), false, false, false);
            default:
                // Free-form objects and dictionaries (additionalProperties) have no CSDL shape: keep them untyped.
                return new TypeInfo("Edm.Untyped", false, false, false);
        }
    }

    private static TypeInfo Primitive(string type) => new(type, false, false, true);

    /// <summary>
    /// Inline enums are named by their <c>x-ms-enum</c> name, which Orchestrator's swagger builds as
    /// <c>{Schema}{Property}</c> (<c>JobDtoState</c>). For DTOs the idiomatic name drops the DTO
    /// prefix: <c>JobDtoState</c> → <c>JobState</c>, <c>JobDtoJobPriority</c> → <c>JobPriority</c>.
    /// </summary>
    private static string IdiomaticEnumName(string xmsName, string owner, string propertyName)
    {
        var property = Pascal(propertyName);
        if (owner.EndsWith("Dto", StringComparison.Ordinal) && xmsName == owner + property)
        {
            var entity = owner[..^3];
            return SimpleIdentifier(property.StartsWith(entity, StringComparison.Ordinal) ? property : entity + property);
        }

        return SimpleIdentifier(xmsName);
    }

    /// <summary>
    /// One enum type per distinct name and member list: the same enum repeated on many schemas
    /// (inherited or copied properties) is declared once. When the idiomatic name is taken by a
    /// different member list, the <c>x-ms-enum</c> name is used, then a numbered one.
    /// </summary>
    private string EnsureEnum(string preferredName, string fallbackName, JsonArray values)
    {
        var members = values.Select(value => SimpleIdentifier((string)value!)).Distinct(StringComparer.Ordinal).ToList();
        var memberKey = string.Join(",", members);
        foreach (var candidate in new[] { preferredName, fallbackName }.Concat(Enumerable.Range(2, 50).Select(index => fallbackName + index)))
        {
            if (_enumsByName.TryGetValue(candidate, out var existing))
            {
                if (existing.MemberKey == memberKey)
                {
                    return existing.Qualified;
                }

                continue;
            }

            if (_schemas.ContainsKey(candidate) && _schemas[candidate]?["enum"] is null)
            {
                continue;
            }

            var qualified = ServiceNamespace + "." + candidate;
            _enumsByName[candidate] = (qualified, memberKey);
            _draft.Schema(ServiceNamespace).Enums[candidate] = new EnumDraft(candidate, members);
            return qualified;
        }

        throw new InvalidOperationException($"No free name for enum '{preferredName}'.");
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static string NamespaceOf(string qualified) => qualified[..qualified.LastIndexOf('.')];

    private static string SimpleName(string qualified) => qualified[(qualified.LastIndexOf('.') + 1)..];
}
