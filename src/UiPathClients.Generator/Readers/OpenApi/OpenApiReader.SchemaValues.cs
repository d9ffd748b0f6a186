using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// What a schema says about values: enum members and their names, constants, constraints, primitive types,
/// extensions, and the shape predicates (array, object, string enum) the mapping asks.
/// </summary>
internal sealed partial class OpenApiReader
{
    /// <summary><c>x-enum-varnames</c> (OpenAPI Generator) or <c>x-enumNames</c> (NSwag): C# names by position.</summary>
    private static List<string?>? EnumVarNames(IOpenApiSchema schema)
    {
        var node = Extension(schema, "x-enum-varnames") ?? Extension(schema, "x-enumNames");
        return node is System.Text.Json.Nodes.JsonArray names
            ? names.Select(name => name is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null).ToList()
            : null;
    }

    /// <summary><c>x-ms-enum.values</c> (AutoRest): the C# name and description of each value.</summary>
    private static Dictionary<string, (string? Name, string? Description)> MsEnumValues(IOpenApiSchema schema)
    {
        var described = new Dictionary<string, (string? Name, string? Description)>(StringComparer.Ordinal);
        if (Extension(schema, "x-ms-enum") is System.Text.Json.Nodes.JsonObject msEnum && msEnum["values"] is System.Text.Json.Nodes.JsonArray values)
        {
            foreach (var item in values.OfType<System.Text.Json.Nodes.JsonObject>())
            {
                if (Text(item["value"]) is { } value && !described.ContainsKey(value))
                {
                    described.Add(value, (Text(item["name"]), Text(item["description"])));
                }
            }
        }

        return described;
    }

    /// <summary>
    /// AutoRest's constant: an <c>enum</c> of exactly one string, number or boolean that <c>x-ms-enum</c> does not declare
    /// extensible (<c>modelAsString: true</c>). The value as JSON, else <see langword="null"/>.
    /// </summary>
    /// <remarks>
    /// Such a schema admits one value, so a one-member C# enum would only make callers name it: a required parameter or
    /// body is filled in by the client, a required property starts with the value, a response is read as the primitive.
    /// </remarks>
    internal static string? ConstantJson(IOpenApiSchema? schema)
    {
        if (schema?.Enum is not { Count: 1 } values || values[0] is not System.Text.Json.Nodes.JsonValue value)
        {
            return null;
        }

        if (IsModelAsString(schema))
        {
            return null;
        }

        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        return type switch
        {
            // The value must be of the schema's own type: enum [true] on a string schema is no string constant.
            JsonSchemaType.String when value.GetValueKind() == System.Text.Json.JsonValueKind.String => value.ToJsonString(),
            JsonSchemaType.Boolean when value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => value.ToJsonString(),
            JsonSchemaType.Integer or JsonSchemaType.Number when value.GetValueKind() == System.Text.Json.JsonValueKind.Number && FitsNumericType(value.ToJsonString(), type, schema.Format) => value.ToJsonString(),
            _ => null,
        };
    }

    /// <summary>
    /// Whether a one-value enum's number can be a C# constant of the type <see cref="ConstantType"/> gives it: an integer
    /// within int/long, a finite float/double, any number as an exact decimal. Any other (1e400, 1.5 for an integer) stays an ordinary value.
    /// </summary>
    private static bool FitsNumericType(string json, JsonSchemaType type, string? format)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (type == JsonSchemaType.Integer)
        {
            return format == "int32"
                ? int.TryParse(json, System.Globalization.NumberStyles.AllowLeadingSign, invariant, out _)
                : long.TryParse(json, System.Globalization.NumberStyles.AllowLeadingSign, invariant, out _);
        }

        if (format == "decimal")
        {
            // ExactDecimal holds any JSON number, whatever its exponent.
            return true;
        }

        return format == "float"
            ? float.TryParse(json, System.Globalization.NumberStyles.Float, invariant, out var single) && !float.IsInfinity(single)
            : double.TryParse(json, System.Globalization.NumberStyles.Float, invariant, out var number) && !double.IsInfinity(number);
    }

    /// <summary>The JSON Schema validation keywords of a value schema; <see langword="null"/> when it declares none.</summary>
    /// <param name="schema">The schema (resolved).</param>
    /// <param name="extensions">Where a Swagger 2.0 parameter's <c>multipleOf</c> was kept (see <see cref="Swagger2MultipleOfExtension"/>).</param>
    private ConstraintsModel? ConstraintsOf(IOpenApiSchema? schema, IDictionary<string, IOpenApiExtension>? extensions = null)
    {
        if (schema is null)
        {
            return null;
        }

        // An array that contains itself (Tree: items → Tree) is kept as JSON; its items are not walked forever.
        ConstraintsModel? items = null;
        if (IsArray(schema) && schema.Items is { } itemSchema && _constraining.Add(schema))
        {
            try
            {
                items = ConstraintsOf(Resolve(itemSchema), itemSchema.Extensions);
            }
            finally
            {
                _constraining.Remove(schema);
            }
        }

        // Microsoft.OpenApi reads 2.0/3.0's boolean exclusiveMinimum as 3.1's number: the bound itself, in place of minimum.
        var minimum = string.IsNullOrEmpty(schema.ExclusiveMinimum) ? schema.Minimum : schema.ExclusiveMinimum;
        var maximum = string.IsNullOrEmpty(schema.ExclusiveMaximum) ? schema.Maximum : schema.ExclusiveMaximum;
        var multipleOf = schema.MultipleOf?.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ?? SwaggerMultipleOf(schema.Extensions) ?? SwaggerMultipleOf(extensions);
        var constraints = new ConstraintsModel(
            string.IsNullOrEmpty(minimum) ? null : minimum,
            !string.IsNullOrEmpty(schema.ExclusiveMinimum),
            string.IsNullOrEmpty(maximum) ? null : maximum,
            !string.IsNullOrEmpty(schema.ExclusiveMaximum),
            multipleOf,
            schema.MinLength,
            schema.MaxLength,
            string.IsNullOrEmpty(schema.Pattern) ? null : schema.Pattern,
            schema.MinItems,
            schema.MaxItems,
            schema.UniqueItems == true,
            items);
        return constraints == new ConstraintsModel(null, false, null, false, null, null, null, null, null, null, false, null) ? null : constraints;
    }

    private static string? SwaggerMultipleOf(IDictionary<string, IOpenApiExtension>? extensions) =>
        extensions is not null && extensions.TryGetValue(Swagger2MultipleOfExtension, out var extension) && extension is JsonNodeExtension json
            && json.Node is System.Text.Json.Nodes.JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary><c>x-ms-enum.modelAsString: true</c>: the service may send values the enum does not list.</summary>
    private static bool IsModelAsString(IOpenApiSchema schema) =>
        Extension(schema, "x-ms-enum") is System.Text.Json.Nodes.JsonObject msEnum
        && msEnum["modelAsString"] is System.Text.Json.Nodes.JsonValue extensible
        && extensible.TryGetValue<bool>(out var modelAsString)
        && modelAsString;

    /// <summary>
    /// The type a constant is read and written as: a string constant stays the string it is whatever its
    /// <c>format</c> (a one-value <c>date</c> is sent exactly as written), numbers and booleans keep their type.
    /// </summary>
    private static string? ConstantType(IOpenApiSchema schema) =>
        ConstantJson(schema) is null
            ? null
            : ((schema.Type ?? 0) & ~JsonSchemaType.Null) switch
            {
                JsonSchemaType.String => "Edm.String",
                JsonSchemaType.Integer => schema.Format == "int32" ? "Edm.Int32" : "Edm.Int64",
                JsonSchemaType.Number => schema.Format switch
                {
                    "float" => "Edm.Single",
                    // Exact as any format: decimal value: a double literal could not hold every decimal constant.
                    "decimal" => OpenApiPrimitives.ExactDecimal,
                    _ => "Edm.Double",
                },
                _ => "Edm.Boolean",
            };

    /// <summary><c>x-ms-enum.name</c>: the enum's type name, used for inline enums.</summary>
    private static string? MsEnumName(IOpenApiSchema schema) =>
        Extension(schema, "x-ms-enum") is System.Text.Json.Nodes.JsonObject msEnum && Text(msEnum["name"]) is { Length: > 0 } name
            ? CSharpIdentifier.ToPascalCase(name)
            : null;

    private static System.Text.Json.Nodes.JsonNode? Extension(IOpenApiSchema schema, string name) =>
        schema.Extensions is { } extensions && extensions.TryGetValue(name, out var extension) && extension is JsonNodeExtension json ? json.Node : null;

    private static string? Text(System.Text.Json.Nodes.JsonNode? node) =>
        node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static TypeModel EnumType(string name, IOpenApiSchema schema)
    {
        var members = new List<EnumMemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var varNames = EnumVarNames(schema);
        var msValues = MsEnumValues(schema);
        var values = schema.Enum ?? new List<System.Text.Json.Nodes.JsonNode>();
        for (var index = 0; index < values.Count; index++)
        {
            if (values[index] is System.Text.Json.Nodes.JsonValue text && text.TryGetValue<string>(out var member) && seen.Add(member))
            {
                // x-ms-enum's values[].name, else x-enum-varnames by position; the JSON spelling stays the service's.
                msValues.TryGetValue(member, out var described);
                var csharpName = described.Name ?? (varNames is not null && index < varNames.Count ? varNames[index] : null);
                var documentation = string.IsNullOrWhiteSpace(described.Description) ? Documentation.None : new Documentation(described.Description!.Trim(), null);
                members.Add(new EnumMemberModel(member, members.Count, documentation, string.IsNullOrWhiteSpace(csharpName) ? null : csharpName));
            }
        }

        return TypeModel.Scalar(TypeKind.Enum, SchemaNamespace, name, "Edm.Int32", members.ToEquatableArray(), isFlags: false, Doc(schema)) with { IsExtensible = IsModelAsString(schema) };
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
                "date-time-rfc1123" => OpenApiPrimitives.DateTimeRfc1123,
                "base64url" => OpenApiPrimitives.Base64Url,
                "date" => "Edm.Date",
                "time" => "Edm.TimeOfDay",
                "duration" => "Edm.Duration",
                "uuid" => "Edm.Guid",
                "byte" or "binary" or "base64" => "Edm.Binary",
                _ => "Edm.String",
            },
            JsonSchemaType.Integer => format switch
            {
                "int32" => "Edm.Int32",
                "unixtime" => OpenApiPrimitives.UnixTime,
                _ => "Edm.Int64",
            },
            JsonSchemaType.Number => format switch
            {
                "float" => "Edm.Single",
                "decimal" => OpenApiPrimitives.ExactDecimal,
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
}
