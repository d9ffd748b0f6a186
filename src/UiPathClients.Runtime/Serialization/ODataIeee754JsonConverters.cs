using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// <c>Edm.Decimal</c> and <c>Edm.Int64</c> as OData JSON allows them: a JSON number, or a JSON string when the service
/// writes IEEE754-compatible payloads (OData JSON Format §3.2, §4.5) — which some services do whatever the client asks
/// (SAP CAP sends every decimal as a string). Reading accepts both; writing always produces a number, which is what the
/// client announces with <c>IEEE754Compatible=false</c>.
/// </summary>
internal static class ODataIeee754JsonConverters
{
    public static JsonConverter<decimal> Decimal { get; } = new DecimalConverter();

    public static JsonConverter<long> Int64 { get; } = new Int64Converter();

    private static JsonException NotANumber(ref Utf8JsonReader reader, string edmType) =>
        new($"Expected {edmType} as a JSON number or a numeric string, found {reader.TokenType}" +
            (reader.TokenType == JsonTokenType.String ? $" '{reader.GetString()}'." : "."));

    private sealed class DecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return reader.GetDecimal();
            }

            // Fixed and exponent notation ("1.5E+3"), as OData's decimal literal; no white space, no thousands separators.
            if (reader.TokenType == JsonTokenType.String
                && decimal.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            throw NotANumber(ref reader, "Edm.Decimal");
        }

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            (writer ?? throw new ArgumentNullException(nameof(writer))).WriteNumberValue(value);
    }

    private sealed class Int64Converter : JsonConverter<long>
    {
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return reader.GetInt64();
            }

            if (reader.TokenType == JsonTokenType.String
                && long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            throw NotANumber(ref reader, "Edm.Int64");
        }

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) =>
            (writer ?? throw new ArgumentNullException(nameof(writer))).WriteNumberValue(value);
    }
}
