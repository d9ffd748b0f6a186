using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// JSON metadata for the primitive types OData uses (and their nullable forms), with OData's own
/// formats where they differ from System.Text.Json's defaults (<c>Edm.Duration</c> is ISO 8601; date-times are RFC 3339 with <c>Z</c> for UTC; <c>Edm.Decimal</c> and
/// <c>Edm.Int64</c> are read from JSON numbers and from the strings IEEE754-compatible services send).
/// Generated resolvers handle the service's own types and chain to this one.
/// </summary>
public sealed class ODataPrimitiveJsonResolver : IJsonTypeInfoResolver
{
    private static readonly Dictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>> Factories = new()
    {
        [typeof(string)] = static options => JsonMetadataServices.CreateValueInfo<string>(options, JsonMetadataServices.StringConverter),
        [typeof(bool)] = static options => JsonMetadataServices.CreateValueInfo<bool>(options, JsonMetadataServices.BooleanConverter),
        [typeof(byte)] = static options => JsonMetadataServices.CreateValueInfo<byte>(options, JsonMetadataServices.ByteConverter),
        [typeof(sbyte)] = static options => JsonMetadataServices.CreateValueInfo<sbyte>(options, JsonMetadataServices.SByteConverter),
        [typeof(short)] = static options => JsonMetadataServices.CreateValueInfo<short>(options, JsonMetadataServices.Int16Converter),
        [typeof(int)] = static options => JsonMetadataServices.CreateValueInfo<int>(options, JsonMetadataServices.Int32Converter),
        [typeof(long)] = static options => JsonMetadataServices.CreateValueInfo<long>(options, ODataIeee754JsonConverters.Int64),
        [typeof(float)] = static options => JsonMetadataServices.CreateValueInfo<float>(options, JsonMetadataServices.SingleConverter),
        [typeof(double)] = static options => JsonMetadataServices.CreateValueInfo<double>(options, JsonMetadataServices.DoubleConverter),
        [typeof(decimal)] = static options => JsonMetadataServices.CreateValueInfo<decimal>(options, ODataIeee754JsonConverters.Decimal),
        [typeof(Rest.ExactDecimal)] = static options => JsonMetadataServices.CreateValueInfo<Rest.ExactDecimal>(options, Rest.ExactDecimalJsonConverter.Instance),
        [typeof(Rest.ExactDecimal?)] = static options => ODataJsonMetadata.NullableInfo<Rest.ExactDecimal>(options),
        [typeof(Guid)] = static options => JsonMetadataServices.CreateValueInfo<Guid>(options, JsonMetadataServices.GuidConverter),
        [typeof(DateTimeOffset)] = static options => JsonMetadataServices.CreateValueInfo<DateTimeOffset>(options, Rfc3339DateTimeOffsetJsonConverter.Instance),
        [typeof(DateTime)] = static options => JsonMetadataServices.CreateValueInfo<DateTime>(options, JsonMetadataServices.DateTimeConverter),
        [typeof(TimeSpan)] = static options => JsonMetadataServices.CreateValueInfo<TimeSpan>(options, ODataDurationJsonConverter.Instance),
#if NET6_0_OR_GREATER
        [typeof(DateOnly)] = static options => JsonMetadataServices.CreateValueInfo<DateOnly>(options, JsonMetadataServices.DateOnlyConverter),
        [typeof(TimeOnly)] = static options => JsonMetadataServices.CreateValueInfo<TimeOnly>(options, JsonMetadataServices.TimeOnlyConverter),
        [typeof(DateOnly?)] = static options => ODataJsonMetadata.NullableInfo<DateOnly>(options),
        [typeof(TimeOnly?)] = static options => ODataJsonMetadata.NullableInfo<TimeOnly>(options),
#endif
        [typeof(byte[])] = static options => JsonMetadataServices.CreateValueInfo<byte[]>(options, JsonMetadataServices.ByteArrayConverter),
        [typeof(JsonElement)] = static options => JsonMetadataServices.CreateValueInfo<JsonElement>(options, JsonMetadataServices.JsonElementConverter),
        [typeof(bool?)] = static options => ODataJsonMetadata.NullableInfo<bool>(options),
        [typeof(byte?)] = static options => ODataJsonMetadata.NullableInfo<byte>(options),
        [typeof(sbyte?)] = static options => ODataJsonMetadata.NullableInfo<sbyte>(options),
        [typeof(short?)] = static options => ODataJsonMetadata.NullableInfo<short>(options),
        [typeof(int?)] = static options => ODataJsonMetadata.NullableInfo<int>(options),
        [typeof(long?)] = static options => ODataJsonMetadata.NullableInfo<long>(options),
        [typeof(float?)] = static options => ODataJsonMetadata.NullableInfo<float>(options),
        [typeof(double?)] = static options => ODataJsonMetadata.NullableInfo<double>(options),
        [typeof(decimal?)] = static options => ODataJsonMetadata.NullableInfo<decimal>(options),
        [typeof(Guid?)] = static options => ODataJsonMetadata.NullableInfo<Guid>(options),
        [typeof(DateTimeOffset?)] = static options => ODataJsonMetadata.NullableInfo<DateTimeOffset>(options),
        [typeof(DateTime?)] = static options => ODataJsonMetadata.NullableInfo<DateTime>(options),
        [typeof(TimeSpan?)] = static options => ODataJsonMetadata.NullableInfo<TimeSpan>(options),
        [typeof(JsonElement?)] = static options => ODataJsonMetadata.NullableInfo<JsonElement>(options),
        [typeof(IDictionary<string, JsonElement>)] = static options =>
            JsonMetadataServices.CreateIDictionaryInfo<IDictionary<string, JsonElement>, string, JsonElement>(options, new JsonCollectionInfoValues<IDictionary<string, JsonElement>>
            {
                ObjectCreator = static () => new Dictionary<string, JsonElement>(StringComparer.Ordinal),
            }),
    };

    /// <summary>The shared instance.</summary>
    public static ODataPrimitiveJsonResolver Instance { get; } = new();

    private ODataPrimitiveJsonResolver()
    {
    }

    /// <inheritdoc />
    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        Factories.TryGetValue(type ?? throw new ArgumentNullException(nameof(type)), out var factory) ? factory(options) : null;
}
