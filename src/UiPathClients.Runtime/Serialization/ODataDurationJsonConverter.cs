using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// Reads and writes <c>Edm.Duration</c> as OData JSON does: an ISO 8601 duration such as <c>"PT1H30M"</c>
/// (System.Text.Json's own <see cref="TimeSpan"/> format, <c>"01:30:00"</c>, is not what services send).
/// </summary>
public sealed class ODataDurationJsonConverter : JsonConverter<TimeSpan>
{
    /// <summary>The shared instance.</summary>
    public static ODataDurationJsonConverter Instance { get; } = new();

    /// <inheritdoc />
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an ISO 8601 duration as a JSON string, found {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException exception)
        {
            throw new JsonException($"'{text}' is not an ISO 8601 duration.", exception);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        (writer ?? throw new ArgumentNullException(nameof(writer))).WriteStringValue(XmlConvert.ToString(value));
}
