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

    /// <summary>Shaped like a generated resolver's map entries.</summary>
    private sealed class Maps : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(System.Type type, JsonSerializerOptions options) =>
            type == typeof(IDictionary<string, string>) ? ODataJsonMetadata.DictionaryInfo<string?>(options)
            : type == typeof(IDictionary<string, long>) ? ODataJsonMetadata.DictionaryInfo<long>(options)
            : null;
    }
}
