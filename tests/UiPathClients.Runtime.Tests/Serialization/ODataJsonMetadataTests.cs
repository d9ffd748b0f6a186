using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using UiPathClients.Runtime.Serialization;

namespace UiPathClients.Runtime.Tests.Serialization;

/// <summary>The collection metadata the generated resolvers hand to System.Text.Json, without reflection.</summary>
public sealed class ODataJsonMetadataTests
{
    private static JsonSerializerOptions Options(IJsonTypeInfoResolver resolver) =>
        new() { TypeInfoResolver = JsonTypeInfoResolver.Combine(resolver, ODataPrimitiveJsonResolver.Instance) };

    [Fact]
    public void A_map_reads_and_writes_a_JSON_object_with_null_values_kept()
    {
        var options = Options(new Maps());

        var map = JsonSerializer.Deserialize<IDictionary<string, string?>>("""{"team":"finance","tier":null}""", options)!;
        var json = JsonSerializer.Serialize(map, options);

        Assert.Equal("finance", map["team"]);
        Assert.Null(map["tier"]);
        Assert.IsType<Dictionary<string, string?>>(map);
        Assert.Equal("""{"team":"finance","tier":null}""", json);
    }

    [Fact]
    public void A_map_of_numbers_rejects_a_value_of_another_type()
    {
        var options = Options(new Maps());

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IDictionary<string, long>>("""{"a":"x"}""", options));
        Assert.Equal(2, JsonSerializer.Deserialize<IDictionary<string, long>>("""{"a":1,"b":2}""", options)!.Count);
    }

    [Fact]
    public void A_base_typed_value_reads_and_writes_its_derived_type_by_odata_type()
    {
        var options = Options(new Shapes());

        var shape = JsonSerializer.Deserialize<Shape>("""{"@odata.type":"#Test.Circle","Name":"c","Radius":2}""", options);
        var unknown = JsonSerializer.Deserialize<Shape>("""{"@odata.type":"#Test.Hexagon","Name":"h"}""", options);
        var json = JsonSerializer.Serialize<Shape>(new Circle { Name = "c", Radius = 3 }, options);

        Assert.Equal(2, Assert.IsType<Circle>(shape).Radius);
        Assert.Equal("h", Assert.IsType<Shape>(unknown).Name);
        Assert.Equal("""{"@odata.type":"#Test.Circle","Name":"c","Radius":3}""", json);
    }

    private class Shape
    {
        public string? Name { get; set; }
    }

    private sealed class Circle : Shape
    {
        public int Radius { get; set; }
    }

    /// <summary>Shaped like a generated resolver's entries for a small hierarchy.</summary>
    private sealed class Shapes : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(System.Type type, JsonSerializerOptions options) =>
            type == typeof(Shape)
                ? ODataJsonMetadata.PolymorphicObjectInfo<Shape>(options, static () => new Shape(), static options => [Name(options)], "@odata.type", new JsonDerivedType(typeof(Circle), "#Test.Circle"))
                : type == typeof(Circle)
                    ? ODataJsonMetadata.ObjectInfo<Circle>(options, static () => new Circle(), static options =>
                        [Name(options), ODataJsonMetadata.PropertyInfo<Circle, int>(options, "Radius", "Radius", static circle => circle.Radius, static (circle, value) => circle.Radius = value)])
                    : null;

        private static JsonPropertyInfo Name(JsonSerializerOptions options) =>
            ODataJsonMetadata.PropertyInfo<Shape, string?>(options, "Name", "Name", static shape => shape.Name, static (shape, value) => shape.Name = value);
    }

    /// <summary>Shaped like a generated resolver's map entries.</summary>
    private sealed class Maps : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(System.Type type, JsonSerializerOptions options) =>
            type == typeof(IDictionary<string, string>) ? ODataJsonMetadata.DictionaryInfo<string?>(options)
            : type == typeof(IDictionary<string, long>) ? ODataJsonMetadata.DictionaryInfo<long>(options)
            : null;
    }
}
