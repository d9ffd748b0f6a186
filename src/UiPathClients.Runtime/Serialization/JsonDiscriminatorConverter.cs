using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// Reads a base class as the derived class its discriminator property names (OpenAPI <c>discriminator</c> on a
/// base schema that others extend with <c>allOf</c>), and writes derived instances with all their properties.
/// </summary>
/// <remarks>
/// Not System.Text.Json's own polymorphism: that wants the discriminator first in the object (before .NET 9,
/// and only with an option after), and refuses a discriminator that is also a declared property — which in
/// OpenAPI it always is. Here the discriminator stays an ordinary property, may appear anywhere, and an unknown
/// value (a newer service's type) reads as the base class, its extra properties kept in <c>AdditionalData</c>.
/// </remarks>
/// <typeparam name="T">The base class.</typeparam>
public sealed class JsonDiscriminatorConverter<T> : JsonConverter<T>
    where T : class
{
    private readonly JsonTypeInfo<T> _baseInfo;
    private readonly string _discriminatorProperty;
    private readonly Dictionary<string, Type> _typesByValue = new(StringComparer.Ordinal);
    private readonly HashSet<Type> _derivedTypes = new();

    /// <summary>Creates the converter.</summary>
    /// <param name="baseInfo">The base class's own object metadata, used for instances of the base class itself.</param>
    /// <param name="discriminatorProperty">The JSON property whose value names the type.</param>
    /// <param name="derivedTypes">Each discriminator value and the class it selects.</param>
    public JsonDiscriminatorConverter(JsonTypeInfo<T> baseInfo, string discriminatorProperty, IReadOnlyList<KeyValuePair<string, Type>> derivedTypes)
    {
        _baseInfo = baseInfo ?? throw new ArgumentNullException(nameof(baseInfo));
        _discriminatorProperty = discriminatorProperty ?? throw new ArgumentNullException(nameof(discriminatorProperty));
        foreach (var derived in derivedTypes ?? throw new ArgumentNullException(nameof(derivedTypes)))
        {
            if (!_typesByValue.ContainsKey(derived.Key))
            {
                _typesByValue.Add(derived.Key, derived.Value);
            }

            if (derived.Value != typeof(T) && typeof(T).IsAssignableFrom(derived.Value))
            {
                _derivedTypes.Add(derived.Value);
            }
        }
    }

    /// <inheritdoc />
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The serializer buffers a converter's whole value before calling it, so parsing it here is safe.
        var element = JsonElement.ParseValue(ref reader);
        if (element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty(_discriminatorProperty, out var tag)
            && tag.ValueKind == JsonValueKind.String
            && _typesByValue.TryGetValue(tag.GetString()!, out var type)
            && _derivedTypes.Contains(type))
        {
            return (T?)element.Deserialize(options.GetTypeInfo(type));
        }

        return element.Deserialize(_baseInfo);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var type = value.GetType();
        if (_derivedTypes.Contains(type))
        {
            JsonSerializer.Serialize(writer, value, options.GetTypeInfo(type));
        }
        else
        {
            JsonSerializer.Serialize(writer, value, _baseInfo);
        }
    }
}
