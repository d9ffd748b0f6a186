using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// Reads an OpenAPI 2.0, 3.0 or 3.1 document (JSON, or YAML turned into JSON) with Microsoft.OpenApi
/// and maps its schemas into the same <see cref="ClientModel"/> the EDMX reader produces: objects become
/// complex types (one <c>$ref</c> in <c>allOf</c> becomes the base type), string enums become enums,
/// primitives map to the <c>Edm</c> type with the same meaning, inline objects get deterministic names.
/// </summary>
/// <remarks>
/// Microsoft.OpenApi's own errors and warnings become UIPC0010/UIPC0011 with the JSON pointer it reports.
/// It gives no line numbers, so <see cref="JsonPointerLocator"/> maps the pointer back to the line and column
/// in the original JSON or YAML text (the deepest part of the pointer that exists; the start of the file only
/// when none does); an unresolved <c>$ref</c> points at the <c>$ref</c> itself. The text is scanned for that
/// only when there is something to report.
/// </remarks>
internal sealed partial class OpenApiReader
{
    /// <summary>The pseudo-namespace of every OpenAPI schema: OpenAPI has one flat namespace.</summary>
    private const string SchemaNamespace = "OpenApi";

    private readonly SpecFile _file;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<TypeModel> _types = new();
    private readonly Dictionary<string, IOpenApiSchema> _namedSchemas = new(StringComparer.Ordinal);
    private readonly HashSet<string> _typeNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<IOpenApiSchema, string> _inlineNames = new();
    private JsonPointerLocator? _locator;

    /// <summary>Unresolved <c>$ref</c> values already reported: a schema is resolved more than once while it is mapped.</summary>
    private readonly HashSet<string> _unresolvedReported = new(StringComparer.Ordinal);

    private OpenApiReader(SpecFile file, CancellationToken cancellationToken)
    {
        _file = file;
        _cancellationToken = cancellationToken;
    }

    public static ReadResult Read(SpecFile file, CancellationToken cancellationToken) =>
        new OpenApiReader(file, cancellationToken).Read();

    private ReadResult Read()
    {
        var document = Parse();
        if (document is null)
        {
            return new ReadResult(_file.Path, null, _diagnostics.ToEquatableArray());
        }

        foreach (var entry in (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>()).OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            _namedSchemas[entry.Key] = entry.Value;
            _typeNames.Add(entry.Key);
        }

        foreach (var entry in _namedSchemas)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            DeclareNamed(entry.Key, entry.Value);
        }

        var operations = ReadOperations(document);
        var clientName = SpecNaming.ClientName(_file);
        var model = new ClientModel(
            clientName,
            SpecNaming.Namespace(_file, clientName),
            ServicePath: string.Empty,
            QualifiedEnumLiterals: false,
            _types.OrderBy(type => type.Name, StringComparer.Ordinal).ToEquatableArray(),
            EquatableArray<EntitySetModel>.Empty,
            EquatableArray<OperationModel>.Empty,
            EquatableArray<OperationImportModel>.Empty,
            ApiStyle.Rest,
            operations.ToEquatableArray(),
            AbsoluteServer(document),
            ReadConventions());
        return new ReadResult(_file.Path, model, _diagnostics.ToEquatableArray());
    }

    private OpenApiDocument? Parse()
    {
        string json;
        if (_file.Kind == SpecKind.OpenApiYaml)
        {
            try
            {
                json = YamlToJson.Convert(_file.Text);
            }
            catch (YamlDotNet.Core.YamlException exception)
            {
                var line = (int)Math.Max(0, exception.Start.Line - 1);
                var column = (int)Math.Max(0, exception.Start.Column - 1);
                Report(DiagnosticDescriptors.InvalidOpenApiDocument, new SpecPosition(_file.Path, 0, 0, line, column), _file.Path, "not valid YAML: " + exception.Message);
                return null;
            }
        }
        else
        {
            json = _file.Text;
        }

        var settings = new OpenApiReaderSettings();
        var result = OpenApiDocument.Parse(json, OpenApiConstants.Json, settings);
        var errors = result.Diagnostic?.Errors ?? new List<OpenApiError>();
        var warnings = result.Diagnostic?.Warnings ?? new List<OpenApiError>();

        // Microsoft.OpenApi validates strictly and still returns the document: real specs (Kubernetes, older
        // Orchestrators) break rules such as unique path signatures without that stopping generation. Those are
        // warnings; only a document that could not be read at all is an error.
        var unreadable = result.Document is null;
        foreach (var error in errors)
        {
            Report(unreadable ? DiagnosticDescriptors.InvalidOpenApiDocument : DiagnosticDescriptors.OpenApiWarning, Locator.Locate(error.Pointer), _file.Path, Describe(error));
        }

        foreach (var warning in warnings)
        {
            Report(DiagnosticDescriptors.OpenApiWarning, Locator.Locate(warning.Pointer), _file.Path, Describe(warning));
        }

        return result.Document;
    }

    private static string Describe(OpenApiError error) =>
        string.IsNullOrEmpty(error.Pointer) ? error.Message : error.Message + " (at " + error.Pointer + ")";

    /// <summary>A component schema: an object or enum type of its own, or a type definition for a primitive.</summary>
    private void DeclareNamed(string name, IOpenApiSchema schema)
    {
        var resolved = Resolve(schema);
        if (resolved is null)
        {
            return;
        }

        if (IsStringEnum(resolved))
        {
            _types.Add(EnumType(name, resolved));
        }
        else if (IsObject(resolved))
        {
            _types.Add(ObjectType(name, resolved));
        }
        else if (PrimitiveName(resolved) is { } primitive && !IsArray(resolved))
        {
            _types.Add(TypeModel.Scalar(TypeKind.TypeDefinition, SchemaNamespace, name, primitive, EquatableArray<EnumMemberModel>.Empty, isFlags: false, Doc(resolved)));
        }
    }

    private TypeModel ObjectType(string name, IOpenApiSchema schema)
    {
        string? baseType = null;
        var properties = new List<PropertyModel>();
        var required = new HashSet<string>(schema.Required ?? new HashSet<string>(), StringComparer.Ordinal);
        var allOf = schema.AllOf ?? new List<IOpenApiSchema>();
        var references = allOf.Where(part => ReferenceId(part) is not null).ToList();
        foreach (var part in allOf)
        {
            // One $ref plus extras is inheritance; several refs are composition: their members are copied in.
            if (references.Count == 1 && ReferenceId(part) is { } baseName && IsObject(Resolve(part)))
            {
                baseType = SchemaNamespace + "." + baseName;
                continue;
            }

            if (Resolve(part) is { } member)
            {
                AddProperties(name, member, required, properties);
            }
        }

        AddProperties(name, schema, required, properties);
        var isOpen = schema.AdditionalPropertiesAllowed && schema.AdditionalProperties is not null;
        return new TypeModel(
            TypeKind.Complex,
            SchemaNamespace,
            name,
            baseType,
            IsAbstract: false,
            IsOpen: isOpen,
            HasStream: false,
            EquatableArray<string>.Empty,
            properties.GroupBy(property => property.Name, StringComparer.Ordinal).Select(group => group.Last()).ToEquatableArray(),
            EquatableArray<EnumMemberModel>.Empty,
            UnderlyingType: null,
            IsFlags: false,
            Doc(schema));
    }

    private void AddProperties(string owner, IOpenApiSchema schema, HashSet<string> required, List<PropertyModel> properties)
    {
        foreach (var name in schema.Required ?? new HashSet<string>())
        {
            required.Add(name);
        }

        foreach (var entry in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var property = entry.Value;
            var type = Reference(property, owner + CSharpIdentifier.ToPascalCase(entry.Key), !required.Contains(entry.Key));
            properties.Add(new PropertyModel(
                PropertyKind.Structural,
                entry.Key,
                type,
                ContainsTarget: false,
                Partner: null,
                IsComputed: Resolve(property)?.ReadOnly == true,
                IsImmutable: false,
                Permissions: null,
                Doc(property),
                IsOptional: !required.Contains(entry.Key)));
        }
    }

    /// <summary>The type a property or item refers to; inline objects and enums become types named <paramref name="inlineName"/>.</summary>
    private TypeReference Reference(IOpenApiSchema schema, string inlineName, bool optional)
    {
        if (NullableAlternative(schema) is { } inner)
        {
            // oneOf/anyOf [X, {type: null}] is 3.1's way to say "X or null" for a $ref: just a nullable X.
            return Reference(inner, inlineName, optional: true);
        }

        var nullable = optional || IsNullable(schema);
        if (ReferenceId(schema) is { } id)
        {
            var target = Resolve(schema);
            if (target is not null && IsArray(target))
            {
                return Collection(target, inlineName);
            }

            if (target is not null && IsMap(target))
            {
                return Map(target, inlineName, nullable);
            }

            if (target is not null && !IsObject(target) && !IsStringEnum(target) && PrimitiveName(target) is null)
            {
                return new TypeReference("Edm.Untyped", false, true);
            }

            return new TypeReference(SchemaNamespace + "." + id, false, nullable || (target is not null && IsNullable(target)));
        }

        if (IsArray(schema))
        {
            return Collection(schema, inlineName);
        }

        if (IsMap(schema))
        {
            return Map(schema, inlineName, nullable);
        }

        if (IsStringEnum(schema) || IsInlineObject(schema))
        {
            return new TypeReference(SchemaNamespace + "." + DeclareInline(schema, inlineName), false, nullable);
        }

        return new TypeReference(PrimitiveName(schema) ?? "Edm.Untyped", false, nullable);
    }

    private TypeReference Collection(IOpenApiSchema array, string inlineName)
    {
        var items = array.Items;
        if (items is null || (Resolve(items) is { } resolvedItems && IsArray(resolvedItems)))
        {
            // Arrays of arrays have no CSDL form: the items stay raw JSON.
            return new TypeReference("Edm.Untyped", true, true);
        }

        var item = Reference(items, inlineName + "Item", optional: false);
        return new TypeReference(item.QualifiedName, true, IsNullable(items));
    }

    /// <summary>The non-null member of a <c>oneOf</c>/<c>anyOf</c> of exactly one schema and <c>{type: null}</c>.</summary>
    private static IOpenApiSchema? NullableAlternative(IOpenApiSchema schema)
    {
        var members = schema.OneOf is { Count: 2 } oneOf ? oneOf : schema.AnyOf is { Count: 2 } anyOf ? anyOf : null;
        if (members is null || schema.Properties is { Count: > 0 })
        {
            return null;
        }

        static bool IsNullOnly(IOpenApiSchema member) => member is not OpenApiSchemaReference && member.Type == JsonSchemaType.Null;
        return IsNullOnly(members[0]) ? members[1] : IsNullOnly(members[1]) ? members[0] : null;
    }

    /// <summary>A dictionary: <c>additionalProperties</c> gives the value type (any JSON when it is just <c>true</c>).</summary>
    private TypeReference Map(IOpenApiSchema map, string inlineName, bool nullable)
    {
        var values = map.AdditionalProperties;
        if (values is null || (Resolve(values) is { } resolvedValues && (IsArray(resolvedValues) || IsMap(resolvedValues))))
        {
            // Maps of arrays or maps have no single-level form: the values stay raw JSON.
            return new TypeReference("Edm.Untyped", false, nullable, IsMap: true);
        }

        var value = Reference(values, inlineName + "Value", optional: false);
        return new TypeReference(value.QualifiedName, false, nullable, IsMap: true);
    }

    /// <summary>An object with no members of its own whose <c>additionalProperties</c> describe every value.</summary>
    private static bool IsMap(IOpenApiSchema schema) =>
        !IsArray(schema)
        && schema.Properties is not { Count: > 0 }
        && schema.AllOf is not { Count: > 0 }
        && schema.AdditionalPropertiesAllowed
        && schema.AdditionalProperties is not null
        && (schema.Type is null || (schema.Type.Value & JsonSchemaType.Object) != 0);

    private string DeclareInline(IOpenApiSchema schema, string preferredName)
    {
        if (_inlineNames.TryGetValue(schema, out var existing))
        {
            return existing;
        }

        var name = preferredName;
        for (var suffix = 2; !_typeNames.Add(name); suffix++)
        {
            name = preferredName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _inlineNames[schema] = name;
        _types.Add(IsStringEnum(schema) ? EnumType(name, schema) : ObjectType(name, schema));
        return name;
    }

    private static TypeModel EnumType(string name, IOpenApiSchema schema)
    {
        var members = new List<EnumMemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in schema.Enum ?? new List<System.Text.Json.Nodes.JsonNode>())
        {
            if (value is System.Text.Json.Nodes.JsonValue text && text.TryGetValue<string>(out var member) && seen.Add(member))
            {
                members.Add(new EnumMemberModel(member, members.Count, Documentation.None));
            }
        }

        return TypeModel.Scalar(TypeKind.Enum, SchemaNamespace, name, "Edm.Int32", members.ToEquatableArray(), isFlags: false, Doc(schema));
    }

    /// <summary>The <c>Edm</c> primitive with the same meaning as a JSON Schema type and format.</summary>
    private static string? PrimitiveName(IOpenApiSchema schema)
    {
        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        var format = schema.Format ?? string.Empty;
        return type switch
        {
            JsonSchemaType.String => format switch
            {
                "date-time" => "Edm.DateTimeOffset",
                "date" => "Edm.Date",
                "time" => "Edm.TimeOfDay",
                "duration" => "Edm.Duration",
                "uuid" => "Edm.Guid",
                "byte" or "binary" or "base64" => "Edm.Binary",
                _ => "Edm.String",
            },
            JsonSchemaType.Integer => format == "int32" ? "Edm.Int32" : "Edm.Int64",
            JsonSchemaType.Number => format switch
            {
                "float" => "Edm.Single",
                "decimal" => "Edm.Decimal",
                "int32" => "Edm.Int32",
                "int64" => "Edm.Int64",
                _ => "Edm.Double",
            },
            JsonSchemaType.Boolean => "Edm.Boolean",
            _ => null,
        };
    }

    private static bool IsNullable(IOpenApiSchema schema) =>
        (schema.Type is { } type && (type & JsonSchemaType.Null) != 0) || (schema is OpenApiSchemaReference reference && reference.Target is { } target && target.Type is { } targetType && (targetType & JsonSchemaType.Null) != 0);

    private static bool IsArray(IOpenApiSchema schema) => schema.Type is { } type && (type & ~JsonSchemaType.Null) == JsonSchemaType.Array;

    private static bool IsStringEnum(IOpenApiSchema schema) =>
        schema.Enum is { Count: > 0 } values
        && (schema.Type is null || (schema.Type.Value & ~JsonSchemaType.Null) == JsonSchemaType.String)
        && values.All(value => value is null || (value is System.Text.Json.Nodes.JsonValue text && text.TryGetValue<string>(out _)))
        && values.Any(value => value is not null);

    /// <summary>An object with members of its own (or composed from <c>allOf</c>); free-form maps are not types.</summary>
    private static bool IsObject(IOpenApiSchema? schema) =>
        schema is not null
        && !IsArray(schema)
        && (schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 })
        && (schema.Type is null || (schema.Type.Value & JsonSchemaType.Object) != 0);

    private static bool IsInlineObject(IOpenApiSchema schema) => IsObject(schema) && schema is not OpenApiSchemaReference;

    private static string? ReferenceId(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference ? reference.Reference?.Id : null;

    /// <summary>The schema a reference points at, or the schema itself.</summary>
    private IOpenApiSchema? Resolve(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchemaReference reference)
        {
            return schema;
        }

        if (reference.Reference?.Id is { } id && _namedSchemas.TryGetValue(id, out var named) && named is not OpenApiSchemaReference)
        {
            return named;
        }

        if (reference.Target is { } target)
        {
            return target;
        }

        var missing = reference.Reference?.ReferenceV3 ?? reference.Reference?.Id ?? "?";
        if (_unresolvedReported.Add(missing))
        {
            // At the first $ref with that value: the reference object does not say where it was written.
            Report(DiagnosticDescriptors.UnresolvedTypeReference, Locator.LocateReference(reference.Reference?.ReferenceV3, reference.Reference?.Id), "A $ref", missing, "member");
        }

        return null;
    }

    /// <summary>Built on the first diagnostic: a spec without any never has its text scanned for positions.</summary>
    private JsonPointerLocator Locator => _locator ??= _file.Kind == SpecKind.OpenApiYaml
        ? JsonPointerLocator.ForYaml(_file.Path, _file.Text)
        : JsonPointerLocator.ForJson(_file.Path, _file.Text);

    private static Documentation Doc(IOpenApiSchema schema) =>
        string.IsNullOrWhiteSpace(schema.Description) ? Documentation.None : new Documentation(schema.Description!.Trim(), null);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecPosition position, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, position, arguments));
}
