using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using UiPathClients.Runtime.Metadata;
using UiPathClients.Runtime.Serialization;
using UiPathClients.Runtime.Tests.TestSupport;

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

    [Fact]
    public void Inherited_properties_round_trip_on_a_derived_type_whose_list_starts_from_its_bases_lists()
    {
        var options = Options(new Vehicles());

        var taxi = JsonSerializer.Deserialize<Taxi>("""{"Vin":"V1","Doors":4,"Fare":12.5,"Meter":"on"}""", options)!;
        var json = JsonSerializer.Serialize(taxi, options);

        Assert.Equal("V1", taxi.Vin);
        Assert.Equal(4, taxi.Doors);
        Assert.Equal(12.5m, taxi.Fare);
        Assert.True(taxi.PropertyTracker.WasRead("Vin"));
        Assert.Equal("on", taxi.AdditionalData!["Meter"].GetString());
        // Base properties first (root's, then the middle type's), the type's own, then what the client does not know.
        Assert.Equal("""{"Vin":"V1","Doors":4,"Fare":12.5,"Meter":"on"}""", json);
    }

    [Fact]
    public void A_derived_type_writes_only_the_inherited_properties_the_caller_set()
    {
        var options = Options(new Vehicles());

        var json = JsonSerializer.Serialize(new Taxi { Doors = 2 }, options);
        var info = options.GetTypeInfo(typeof(Taxi));

        JsonAssert.Equal("""{"Doors":2}""", json);
        Assert.Equal(["Vin", "Doors", "Fare", "AdditionalData"], info.Properties.Select(property => property.Name));
    }

    [Fact]
    public void A_property_list_without_a_base_is_the_declared_properties()
    {
        var options = Options(new Vehicles());
        var declared = Vehicles.VehicleProperties(options);

        Assert.Same(declared[0], ODataJsonMetadata.Properties(null, declared)[0]);
        Assert.Equal(3, ODataJsonMetadata.Properties(Vehicles.VehicleProperties(options), Vehicles.CarProperties(options)).Length);
    }

    /// <summary>The shape the generator emits for a tracked OData entity: the root declares AdditionalData.</summary>
    private class Vehicle : IODataTrackedObject
    {
        private string? _vin;

        public ODataPropertyTracker PropertyTracker { get; } = new();

        public string? Vin { get => _vin; set { _vin = value; PropertyTracker.MarkSet("Vin"); } }

        public IDictionary<string, JsonElement>? AdditionalData { get; set; }
    }

    private class Car : Vehicle
    {
        private int? _doors;

        public int? Doors { get => _doors; set { _doors = value; PropertyTracker.MarkSet("Doors"); } }
    }

    private sealed class Taxi : Car
    {
        private decimal? _fare;

        public decimal? Fare { get => _fare; set { _fare = value; PropertyTracker.MarkSet("Fare"); } }
    }

    /// <summary>Shaped like a generated resolver: each type's property list calls its base's, so each property is described once.</summary>
    private sealed class Vehicles : IJsonTypeInfoResolver
    {
        public static JsonPropertyInfo[] VehicleProperties(JsonSerializerOptions options) =>
            ODataJsonMetadata.Properties(
                inherited: null,
                ODataJsonMetadata.TrackedPropertyInfo<Vehicle, string?>(options, "Vin", "Vin", static instance => instance.Vin, static (instance, value) => instance.Vin = value));

        public static JsonPropertyInfo[] CarProperties(JsonSerializerOptions options) =>
            ODataJsonMetadata.Properties(
                VehicleProperties(options),
                ODataJsonMetadata.TrackedPropertyInfo<Car, int?>(options, "Doors", "Doors", static instance => instance.Doors, static (instance, value) => instance.Doors = value));

        public static JsonPropertyInfo[] TaxiProperties(JsonSerializerOptions options) =>
            ODataJsonMetadata.Properties(
                CarProperties(options),
                ODataJsonMetadata.TrackedPropertyInfo<Taxi, decimal?>(options, "Fare", "Fare", static instance => instance.Fare, static (instance, value) => instance.Fare = value));

        public JsonTypeInfo? GetTypeInfo(System.Type type, JsonSerializerOptions options) =>
            type == typeof(Taxi)
                ? ODataJsonMetadata.ObjectInfo<Taxi>(options, static () => new Taxi(), static options => ODataJsonMetadata.Properties(TaxiProperties(options), ODataJsonMetadata.AdditionalDataInfo<Vehicle>(options)))
                : null;
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
