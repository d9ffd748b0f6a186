using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using UiPathClients.Runtime.Metadata;
using UiPathClients.Runtime.Serialization;

namespace UiPathClients.Runtime.Tests.Serialization;

/// <summary>The runtime pieces generated OpenAPI models use, with hand-written stand-ins for generated types.</summary>
public sealed class RestJsonMetadataTests
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = JsonTypeInfoResolver.Combine(new Resolver(), ODataPrimitiveJsonResolver.Instance) };

    [Fact]
    public void Union_tries_the_alternatives_in_order_by_json_kind()
    {
        Assert.Equal(5L, Read<NumberOrText>("5").Number);
        Assert.Equal(1.5, Read<NumberOrText>("1.5").Fraction);
        Assert.Equal("x", Read<NumberOrText>("\"x\"").Text);
        Assert.Equal(5L, Read<NumberOrText>("5").Value);
    }

    [Fact]
    public void Union_keeps_json_no_alternative_fits_and_writes_it_back()
    {
        var union = Read<NumberOrText>("{\"a\":[1]}");

        Assert.Null(union.Value);
        Assert.Equal("{\"a\":[1]}", Write(union));
    }

    [Fact]
    public void Union_writes_the_alternative_that_is_set_or_null()
    {
        Assert.Equal("7", Write(new NumberOrText { Number = 7 }));
        Assert.Equal("\"t\"", Write(new NumberOrText { Text = "t" }));
        Assert.Equal("null", Write(new NumberOrText()));
    }

    [Fact]
    public void Discriminated_base_reads_derived_types_in_any_property_order_and_unknown_ones_as_the_base()
    {
        var derived = Read<Shape>("{\"size\":2,\"kind\":\"square\",\"side\":3}");
        var unknown = Read<Shape>("{\"kind\":\"hexagon\",\"size\":1,\"corners\":6}");

        Assert.Equal(3, Assert.IsType<Square>(derived).Side);
        Assert.Equal(2, derived.Size);
        Assert.IsType<Shape>(unknown);
        Assert.Equal("hexagon", unknown.Kind);
        Assert.Equal(6, unknown.AdditionalData!["corners"].GetInt32());
    }

    [Fact]
    public void Discriminated_base_writes_derived_properties()
    {
        Assert.Equal("{\"kind\":\"square\",\"size\":1,\"side\":4}", Write<Shape>(new Square { Kind = "square", Size = 1, Side = 4 }));
        Assert.Equal("{\"kind\":\"x\",\"size\":1}", Write(new Shape { Kind = "x", Size = 1 }));
    }

    [Fact]
    public void WriteOnly_property_is_written_not_read()
    {
        Assert.Equal("{\"kind\":\"k\",\"size\":0,\"secret\":\"s\"}", Write(new Secretive { Kind = "k", Secret = "s" }));
        Assert.Null(Read<Secretive>("{\"secret\":\"***\"}").Secret);
    }

    [Fact]
    public void ReadOnly_property_is_read_but_never_written_even_after_a_read()
    {
        var read = Read<Stamped>("{\"kind\":\"k\",\"size\":1,\"id\":\"abc\"}");

        Assert.Equal("abc", read.Id);
        read.Size = 2;
        Assert.Equal("{\"kind\":\"k\",\"size\":2}", Write(read));
        Assert.Equal("{\"kind\":\"x\",\"size\":0}", Write(new Stamped { Kind = "x", Id = "set-by-caller" }));
    }

    [Fact]
    public void Enum_converter_with_an_unknown_value_reads_unknown_names_and_refuses_to_write_them()
    {
        var converter = new ColorConverter();
        var options = new JsonSerializerOptions { Converters = { converter } };

        Assert.Equal(Color.Unknown, JsonSerializer.Deserialize<Color>("\"ultraviolet\"", options));
        Assert.Equal(Color.Red, JsonSerializer.Deserialize<Color>("\"red\"", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(Color.Unknown, options));
    }

    private static T Read<T>(string json) => (T)JsonSerializer.Deserialize(json, Options.GetTypeInfo(typeof(T)))!;

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, Options.GetTypeInfo(typeof(T)));

    private enum Color
    {
        Red = 0,
        Unknown = -1,
    }

    private sealed class ColorConverter() : ODataEnumJsonConverter<Color>(new[] { "red" }, new long[] { 0 }, isFlags: false, unknownValue: -1);

    private sealed class NumberOrText : JsonUnion
    {
        public long? Number { get; set; }

        public double? Fraction { get; set; }

        public string? Text { get; set; }

        public override object? Value => (object?)Number ?? (object?)Fraction ?? Text;
    }

    private class Shape : IODataObject
    {
        public string Kind { get; set; } = "";

        public int Size { get; set; }

        public IDictionary<string, JsonElement>? AdditionalData { get; set; }
    }

    private sealed class Square : Shape
    {
        public int Side { get; set; }
    }

    private sealed class Secretive : Shape
    {
        public string? Secret { get; set; }
    }

    private sealed class Stamped : Shape
    {
        public string? Id { get; set; }
    }

    private sealed class Resolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            if (type == typeof(NumberOrText))
            {
                return RestJsonMetadata.UnionInfo(options, new JsonUnionConverter<NumberOrText>(
                    static () => new NumberOrText(),
                    null,
                    new[]
                    {
                        JsonUnionMember.Create<NumberOrText, long>(JsonUnionKinds.Numbers, static union => union.Number, static (union, value) => union.Number = value),
                        JsonUnionMember.Create<NumberOrText, double>(JsonUnionKinds.Numbers, static union => union.Fraction, static (union, value) => union.Fraction = value),
                        JsonUnionMember.Create<NumberOrText, string>(JsonUnionKinds.Strings, static union => union.Text, static (union, value) => union.Text = value),
                    }));
            }

            if (type == typeof(Shape))
            {
                return RestJsonMetadata.DiscriminatedObjectInfo<Shape>(options, static () => new Shape(), ShapeProperties, "kind", new KeyValuePair<string, Type>("square", typeof(Square)));
            }

            if (type == typeof(Square))
            {
                return ODataJsonMetadata.ObjectInfo<Square>(options, static () => new Square(), static options => [.. ShapeProperties(options)[..^1], ODataJsonMetadata.PropertyInfo<Square, int>(options, "Side", "side", static square => square.Side, static (square, value) => square.Side = value), ODataJsonMetadata.AdditionalDataInfo<Shape>(options)]);
            }

            if (type == typeof(Secretive))
            {
                return ODataJsonMetadata.ObjectInfo<Secretive>(options, static () => new Secretive(), static options => [.. ShapeProperties(options)[..^1], RestJsonMetadata.WriteOnlyPropertyInfo<Secretive, string?>(options, "Secret", "secret", static secretive => secretive.Secret), ODataJsonMetadata.AdditionalDataInfo<Shape>(options)]);
            }

            if (type == typeof(Stamped))
            {
                return ODataJsonMetadata.ObjectInfo<Stamped>(options, static () => new Stamped(), static options => [.. ShapeProperties(options)[..^1], RestJsonMetadata.ReadOnlyPropertyInfo<Stamped, string?>(options, "Id", "id", static stamped => stamped.Id, static (stamped, value) => stamped.Id = value), ODataJsonMetadata.AdditionalDataInfo<Shape>(options)]);
            }

            return null;
        }

        private static JsonPropertyInfo[] ShapeProperties(JsonSerializerOptions options) =>
        [
            ODataJsonMetadata.PropertyInfo<Shape, string>(options, "Kind", "kind", static shape => shape.Kind, static (shape, value) => shape.Kind = value),
            ODataJsonMetadata.PropertyInfo<Shape, int>(options, "Size", "size", static shape => shape.Size, static (shape, value) => shape.Size = value),
            ODataJsonMetadata.AdditionalDataInfo<Shape>(options),
        ];
    }
}
