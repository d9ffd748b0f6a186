using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// What a schema says about values: enum members and their names, constraints and extensions. What kind of schema it
/// is (array, object, string enum, constant, primitive) is its <see cref="SchemaShape"/>, decided once.
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
        if (Shape(schema).IsArray && schema.Items is { } itemSchema && _constraining.Add(schema))
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

    internal static System.Text.Json.Nodes.JsonNode? Extension(IOpenApiSchema schema, string name) =>
        schema.Extensions is { } extensions && extensions.TryGetValue(name, out var extension) && extension is JsonNodeExtension json ? json.Node : null;

    internal static string? Text(System.Text.Json.Nodes.JsonNode? node) =>
        node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static TypeModel EnumType(string name, SchemaShape shape)
    {
        var schema = shape.Schema;
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

        return TypeModel.Scalar(TypeKind.Enum, SchemaNamespace, name, "Edm.Int32", members.ToEquatableArray(), isFlags: false, Doc(schema)) with { IsExtensible = shape.IsModelAsString };
    }

    private static string? ReferenceId(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference ? reference.Reference?.Id : null;

    /// <summary>What <paramref name="schema"/> is, decided once per schema (<see cref="SchemaShapes"/>).</summary>
    private SchemaShape Shape(IOpenApiSchema schema) => _shapes.Of(schema);
}
