using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// OpenAPI formats whose C# type is an ordinary one but whose text on the wire is not that type's usual JSON:
/// <c>date-time-rfc1123</c> and <c>unixtime</c> are <see cref="DateTimeOffset"/>, <c>base64url</c> is a
/// <see cref="byte"/> array. The C# type alone cannot say which text to write (one API may use RFC 3339 and RFC 1123
/// date-times side by side), so generated code names the converter at each use: a property's metadata, a parameter,
/// a request or response body; <see cref="List{T}"/>, <see cref="Dictionary{T}"/> and <see cref="Nullable{T}"/> carry
/// the format into arrays, maps and optional values.
/// </summary>
public static class RestWireFormats
{
    /// <summary><c>date-time-rfc1123</c>: <c>Mon, 01 Jan 2024 10:00:00 GMT</c> (RFC 7231's IMF-fixdate), always written in UTC.</summary>
    public static JsonConverter<DateTimeOffset> Rfc1123DateTime { get; } = new Rfc1123Converter();

    /// <summary><c>unixtime</c>: whole seconds since 1970-01-01T00:00:00Z as a JSON number.</summary>
    public static JsonConverter<DateTimeOffset> UnixTimeSeconds { get; } = new UnixTimeConverter();

    /// <summary><c>base64url</c>: RFC 4648 §5 (<c>-</c> and <c>_</c>, no padding).</summary>
    public static JsonConverter<byte[]> Base64Url { get; } = new Base64UrlConverter();

    /// <summary>An optional value of a formatted type: JSON null is <see langword="null"/>, anything else is the format's.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="converter">The converter of the value itself.</param>
    public static JsonConverter<T?> Nullable<T>(JsonConverter<T> converter)
        where T : struct =>
        new NullableConverter<T>(converter ?? throw new ArgumentNullException(nameof(converter)));

    /// <summary>An array whose items have a format; a null item is written and read as JSON null.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="converter">The converter of one item.</param>
    public static JsonConverter<IList<T>> List<T>(JsonConverter<T> converter) =>
        new ListConverter<T>(converter ?? throw new ArgumentNullException(nameof(converter)));

    /// <summary>A map whose values have a format; a null value is written and read as JSON null.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="converter">The converter of one value.</param>
    public static JsonConverter<IDictionary<string, T>> Dictionary<T>(JsonConverter<T> converter) =>
        new DictionaryConverter<T>(converter ?? throw new ArgumentNullException(nameof(converter)));

    /// <summary>
    /// The JSON of <paramref name="value"/> as <paramref name="converter"/> writes it, for a parameter or body of a
    /// formatted type; <see langword="null"/> when the value is (so an absent optional parameter stays absent).
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="converter">The format's converter.</param>
    /// <param name="options">The connection's options.</param>
    public static JsonElement? ToJson<T>(T value, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        if (converter is null)
        {
            throw new ArgumentNullException(nameof(converter));
        }

        if (value is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            converter.Write(writer, value, options);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    /// <summary>Gives a property's metadata the converter of its format.</summary>
    /// <param name="property">The property's metadata.</param>
    /// <param name="converter">A converter of the property's exact type.</param>
    /// <returns><paramref name="property"/>.</returns>
    public static JsonPropertyInfo WithConverter(JsonPropertyInfo property, JsonConverter converter)
    {
        if (property is null)
        {
            throw new ArgumentNullException(nameof(property));
        }

        property.CustomConverter = converter ?? throw new ArgumentNullException(nameof(converter));
        return property;
    }

    /// <summary>The metadata that reads and writes <typeparamref name="T"/> with <paramref name="converter"/>.</summary>
    internal static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options, JsonConverter<T> converter) =>
        JsonMetadataServices.CreateValueInfo<T>(options, converter);

    private static JsonException Unexpected(ref Utf8JsonReader reader, string format) =>
        new($"Expected {format}, found {reader.TokenType}" + (reader.TokenType == JsonTokenType.String ? $" '{reader.GetString()}'." : "."));

    private sealed class Rfc1123Converter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // "r" is exactly RFC 1123 with GMT; a date-time in another zone or shape is refused rather than guessed.
            if (reader.TokenType == JsonTokenType.String
                && DateTimeOffset.TryParseExact(reader.GetString(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var value))
            {
                return value;
            }

            throw Unexpected(ref reader, "an RFC 1123 date-time (e.g. \"Mon, 01 Jan 2024 10:00:00 GMT\")");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            (writer ?? throw new ArgumentNullException(nameof(writer))).WriteStringValue(value.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
    }

    private sealed class UnixTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds))
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }

            throw Unexpected(ref reader, "a unix time (whole seconds) as a JSON number");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            if (writer is null)
            {
                throw new ArgumentNullException(nameof(writer));
            }

            // The format has whole seconds only: dropping a fraction would silently send another instant.
            if (value.UtcTicks % TimeSpan.TicksPerSecond != 0)
            {
                throw new JsonException($"{value:o} has a fraction of a second, which a unix time (whole seconds) cannot hold.");
            }

            writer.WriteNumberValue(value.ToUnixTimeSeconds());
        }
    }

    private sealed class Base64UrlConverter : JsonConverter<byte[]>
    {
        public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                var text = reader.GetString()!;
                var standard = new StringBuilder(text.Length + 3).Append(text).Replace('-', '+').Replace('_', '/');
                standard.Append('=', (4 - (standard.Length % 4)) % 4);
                try
                {
                    return Convert.FromBase64String(standard.ToString());
                }
                catch (FormatException exception)
                {
                    throw new JsonException($"'{text}' is not base64url.", exception);
                }
            }

            throw Unexpected(ref reader, "base64url text as a JSON string");
        }

        public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) =>
            (writer ?? throw new ArgumentNullException(nameof(writer))).WriteStringValue(
                Convert.ToBase64String(value ?? throw new ArgumentNullException(nameof(value))).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
    }

    private sealed class NullableConverter<T>(JsonConverter<T> converter) : JsonConverter<T?>
        where T : struct
    {
        public override bool HandleNull => true;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : converter.Read(ref reader, typeof(T), options);

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value is { } present)
            {
                converter.Write(writer, present, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    private sealed class ListConverter<T>(JsonConverter<T> converter) : JsonConverter<IList<T>>
    {
        public override IList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw Unexpected(ref reader, "a JSON array");
            }

            var items = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(ReadItem(ref reader, converter, options));
            }

            return items;
        }

        public override void Write(Utf8JsonWriter writer, IList<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value)
            {
                WriteItem(writer, converter, item, options);
            }

            writer.WriteEndArray();
        }
    }

    private sealed class DictionaryConverter<T>(JsonConverter<T> converter) : JsonConverter<IDictionary<string, T>>
    {
        public override IDictionary<string, T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Unexpected(ref reader, "a JSON object");
            }

            var values = new Dictionary<string, T>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                reader.Read();
                values[key] = ReadItem(ref reader, converter, options);
            }

            return values;
        }

        public override void Write(Utf8JsonWriter writer, IDictionary<string, T> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var pair in value)
            {
                writer.WritePropertyName(pair.Key);
                WriteItem(writer, converter, pair.Value, options);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>One item: JSON null is the type's default (null) unless the converter reads null itself.</summary>
    private static T ReadItem<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null && !converter.HandleNull ? default! : converter.Read(ref reader, typeof(T), options)!;

    private static void WriteItem<T>(Utf8JsonWriter writer, JsonConverter<T> converter, T item, JsonSerializerOptions options)
    {
        if (item is null && !converter.HandleNull)
        {
            writer.WriteNullValue();
        }
        else
        {
            converter.Write(writer, item, options);
        }
    }
}
