using System.Collections.Generic;
using Microsoft.OpenApi;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Readers.OpenApi;

namespace UiPathClients.Generator.Tests.Readers.OpenApi;

/// <summary>
/// The classifier the OpenAPI reader asks what a schema is: each shape from a small document as Microsoft.OpenApi reads it,
/// and the memo that decides it once per schema object.
/// </summary>
public sealed class SchemaShapesTests
{
    /// <summary>The component schemas of a document whose <c>components.schemas</c> is <paramref name="schemas"/> (JSON).</summary>
    private static IDictionary<string, IOpenApiSchema> Components(string schemas, string version = "3.0.3")
    {
        var json = "{\"openapi\": \"" + version + "\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": " + schemas + "}}";
        var result = OpenApiDocument.Parse(json, "json");
        Assert.Empty(result.Diagnostic!.Errors);
        return result.Document!.Components!.Schemas!;
    }

    private static SchemaShape ShapeOf(string schema, string version = "3.0.3") =>
        new SchemaShapes().Of(Components("{\"S\": " + schema + "}", version)["S"]);

    [Fact]
    public void An_object_with_properties_or_allOf_is_an_object_type()
    {
        var withProperties = ShapeOf("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}");
        var composed = ShapeOf("{\"allOf\": [{\"properties\": {\"a\": {\"type\": \"string\"}}}]}");

        foreach (var shape in new[] { withProperties, composed })
        {
            Assert.True(shape.IsObject);
            Assert.True(shape.IsInlineObject);
            Assert.False(shape.IsMap);
            Assert.False(shape.IsArray);
            Assert.Equal(SchemaDeclaration.Object, shape.Declaration);
        }
    }

    [Fact]
    public void An_object_with_only_additionalProperties_is_a_map_and_with_properties_an_open_object()
    {
        var map = ShapeOf("{\"type\": \"object\", \"additionalProperties\": {\"type\": \"integer\"}}");
        var open = ShapeOf("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}, \"additionalProperties\": {\"type\": \"string\"}}");

        Assert.True(map.IsMap);
        Assert.False(map.IsObject);
        Assert.Equal(SchemaDeclaration.None, map.Declaration);
        Assert.True(open.IsObject);
        Assert.True(open.AllowsAdditionalProperties);
        Assert.False(open.IsMap);
    }

    [Theory]
    [InlineData("{\"type\": \"object\"}")]
    [InlineData("{}")]
    public void A_free_form_schema_is_no_type(string schema)
    {
        var shape = ShapeOf(schema);

        Assert.False(shape.IsObject);
        Assert.False(shape.IsMap);
        Assert.Null(shape.Primitive);
        Assert.Equal(SchemaDeclaration.None, shape.Declaration);
    }

    [Fact]
    public void An_array_is_no_type_of_its_own_and_a_31_type_array_with_null_is_nullable()
    {
        var array = ShapeOf("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}");
        var nullableArray = ShapeOf("{\"type\": [\"array\", \"null\"], \"items\": {\"type\": \"string\"}}", "3.1.0");

        Assert.True(array.IsArray);
        Assert.False(array.IsNullable);
        Assert.Null(array.Primitive);
        Assert.Equal(SchemaDeclaration.None, array.Declaration);
        Assert.True(nullableArray.IsArray);
        Assert.True(nullableArray.IsNullable);
    }

    [Fact]
    public void Nullable_true_in_30_and_a_null_type_in_31_are_both_nullable()
    {
        Assert.True(ShapeOf("{\"type\": \"string\", \"nullable\": true}").IsNullable);
        Assert.True(ShapeOf("{\"type\": [\"string\", \"null\"]}", "3.1.0").IsNullable);
        Assert.False(ShapeOf("{\"type\": \"string\"}").IsNullable);
    }

    [Theory]
    [InlineData("string", null, "Edm.String")]
    [InlineData("string", "date-time", "Edm.DateTimeOffset")]
    [InlineData("string", "uuid", "Edm.Guid")]
    [InlineData("string", "byte", "Edm.Binary")]
    [InlineData("integer", null, "Edm.Int64")]
    [InlineData("integer", "int32", "Edm.Int32")]
    [InlineData("number", null, "Edm.Double")]
    [InlineData("number", "float", "Edm.Single")]
    [InlineData("number", "decimal", OpenApiPrimitives.ExactDecimal)]
    [InlineData("boolean", null, "Edm.Boolean")]
    public void A_primitive_with_a_format_maps_to_the_Edm_type_with_its_meaning(string type, string? format, string expected)
    {
        var shape = ShapeOf("{\"type\": \"" + type + "\"" + (format is null ? string.Empty : ", \"format\": \"" + format + "\"") + "}");

        Assert.Equal(expected, shape.Primitive);
        Assert.Equal(SchemaDeclaration.Primitive, shape.Declaration);
        Assert.Null(shape.ConstantJson);
    }

    [Fact]
    public void A_binary_string_is_a_file_not_text()
    {
        Assert.True(ShapeOf("{\"type\": \"string\", \"format\": \"binary\"}").IsBinaryString);
        Assert.False(ShapeOf("{\"type\": \"string\", \"format\": \"byte\"}").IsBinaryString);
    }

    [Fact]
    public void A_string_enum_declares_an_enum_and_an_integer_enum_stays_a_primitive()
    {
        var strings = ShapeOf("{\"type\": \"string\", \"enum\": [\"a\", \"b\"]}");
        var integers = ShapeOf("{\"type\": \"integer\", \"enum\": [1, 2]}");

        Assert.True(strings.IsStringEnum);
        Assert.Equal(SchemaDeclaration.Enum, strings.Declaration);
        Assert.Null(strings.ConstantJson);
        Assert.False(integers.IsStringEnum);
        Assert.Equal(SchemaDeclaration.Primitive, integers.Declaration);
    }

    [Fact]
    public void A_one_value_enum_is_a_constant_of_its_own_type_unless_it_does_not_fit_or_is_extensible()
    {
        var text = ShapeOf("{\"type\": \"string\", \"enum\": [\"fixed\"]}");
        var number = ShapeOf("{\"type\": \"integer\", \"format\": \"int32\", \"enum\": [7]}");
        var tooBig = ShapeOf("{\"type\": \"integer\", \"format\": \"int32\", \"enum\": [3000000000]}");
        var otherKind = ShapeOf("{\"type\": \"string\", \"enum\": [true]}");
        var extensible = ShapeOf("{\"type\": \"string\", \"enum\": [\"one\"], \"x-ms-enum\": {\"name\": \"kind of thing\", \"modelAsString\": true}}");

        Assert.Equal("\"fixed\"", text.ConstantJson);
        Assert.Equal("Edm.String", text.ConstantType);
        Assert.Equal("7", number.ConstantJson);
        Assert.Equal("Edm.Int32", number.ConstantType);
        Assert.Null(tooBig.ConstantJson);
        Assert.Null(tooBig.ConstantType);
        Assert.Null(otherKind.ConstantJson);
        Assert.Null(extensible.ConstantJson);
        Assert.True(extensible.IsModelAsString);
        Assert.Equal("KindOfThing", extensible.MsEnumName);
    }

    [Fact]
    public void A_oneOf_of_two_alternatives_is_a_union_and_of_one_besides_null_is_that_one_nullable()
    {
        var schemas = Components(
            "{\"X\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}},"
            + " \"U\": {\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]},"
            + " \"OrNull\": {\"oneOf\": [{\"$ref\": \"#/components/schemas/X\"}, {\"type\": \"null\"}]},"
            + " \"Constrained\": {\"properties\": {\"a\": {\"type\": \"string\"}}, \"anyOf\": [{\"required\": [\"a\"]}, {\"type\": \"object\"}]}}",
            "3.1.0");
        var shapes = new SchemaShapes();

        var union = shapes.Of(schemas["U"]);
        var orNull = shapes.Of(schemas["OrNull"]);
        var constrained = shapes.Of(schemas["Constrained"]);

        Assert.True(union.IsUnion);
        Assert.Equal(2, union.Alternatives!.Count);
        Assert.Null(union.OnlyAlternative);
        Assert.Equal(SchemaDeclaration.Union, union.Declaration);
        Assert.False(orNull.IsUnion);
        Assert.True(orNull.AlternativesIncludeNull);
        Assert.Equal("X", shapes.Of(orNull.OnlyAlternative!).ReferenceId);
        // Alternatives beside properties only constrain the object.
        Assert.Null(constrained.Alternatives);
        Assert.Equal(SchemaDeclaration.Object, constrained.Declaration);
    }

    [Fact]
    public void A_reference_answers_with_its_targets_keywords_but_is_no_inline_object()
    {
        var schemas = Components(
            "{\"Pet\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}},"
            + " \"Owner\": {\"type\": \"object\", \"properties\": {\"pet\": {\"$ref\": \"#/components/schemas/Pet\"}}}}");

        var pet = new SchemaShapes().Of(schemas["Owner"].Properties!["pet"]);

        Assert.True(pet.IsReference);
        Assert.Equal("Pet", pet.ReferenceId);
        Assert.True(pet.IsObject);
        Assert.False(pet.IsInlineObject);
    }

    [Fact]
    public void A_reference_takes_the_shape_of_its_target_decided_once_also_through_a_component_that_is_a_reference()
    {
        var schemas = Components(
            "{\"Pet\": {\"type\": \"object\", \"nullable\": true, \"properties\": {\"name\": {\"type\": \"string\"}}},"
            + " \"Alias\": {\"$ref\": \"#/components/schemas/Pet\"},"
            + " \"Owner\": {\"type\": \"object\", \"properties\": {\"pet\": {\"$ref\": \"#/components/schemas/Pet\"}, \"alias\": {\"$ref\": \"#/components/schemas/Alias\"}}}}");
        var shapes = new SchemaShapes();
        var reference = (OpenApiSchemaReference)schemas["Owner"].Properties!["pet"];

        var pet = shapes.Of(reference);

        // The reference's facts come from its target's shape, decided on the way and remembered: asking for it is no new decision.
        Assert.Equal(2, shapes.Count);
        Assert.Same(schemas["Pet"], shapes.Of(reference.Target!).Schema);
        Assert.Equal(2, shapes.Count);
        var alias = shapes.Of(schemas["Owner"].Properties!["alias"]);
        Assert.True(pet.IsObject);
        Assert.True(pet.IsNullable);
        Assert.Equal("Pet", pet.ReferenceId);
        Assert.True(alias.IsObject);
        Assert.True(alias.IsReference);
        Assert.Equal("Alias", alias.ReferenceId);
    }

    [Fact]
    public void The_memo_decides_each_schema_object_once()
    {
        var schemas = Components(
            "{\"A\": {\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\"}}},"
            + " \"B\": {\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\"}}}}");
        var shapes = new SchemaShapes();

        var first = shapes.Of(schemas["A"]);
        var again = shapes.Of(schemas["A"]);
        var lookalike = shapes.Of(schemas["B"]);

        Assert.Same(first, again);
        Assert.Same(schemas["A"], first.Schema);
        // Two schemas that look alike are still two schemas (their inline types get their own names).
        Assert.NotSame(first, lookalike);
        Assert.Equal(2, shapes.Count);
    }
}
