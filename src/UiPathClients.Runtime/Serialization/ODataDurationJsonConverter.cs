using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// Reads and writes <c>Edm.Duration</c> as OData JSON does: an ISO 8601 duration such as <c>"PT1H30M"</c>
/// (System.Text.Json's own <see cref="TimeSpan"/> format, <c>"01:30:00"</c>, is not what services send).
/// </summary>
/// <remarks>
/// Only day-time durations are read (<c>P1DT2H</c>, what <c>Edm.Duration</c> allows and what a <see cref="TimeSpan"/>
/// holds exactly). Years and months have no fixed length, and <see cref="XmlConvert.ToTimeSpan(string)"/> would count
/// them as 365 and 30 days, silently changing the value (<c>P3Y6M4DT12H30M5S</c> → 1279 days); such a duration
/// (an OpenAPI <c>format: duration</c> may carry one) is refused with a <see cref="JsonException"/> naming it, whose
/// inner <see cref="FormatException"/> says why. Read the property as a string to keep it.
/// </remarks>
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
        if (HasYearsOrMonths(text))
        {
            var reason = new FormatException($"The duration '{text}' has years or months, which have no fixed length: a TimeSpan cannot hold it without changing its value.");
            throw new JsonException(reason.Message, reason);
        }

        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException exception)
        {
            throw new JsonException($"'{text}' is not an ISO 8601 duration.", exception);
        }
    }

    /// <summary>Whether the date part (before <c>T</c>) of an ISO 8601 duration has a <c>Y</c> or <c>M</c> designator.</summary>
    private static bool HasYearsOrMonths(string text)
    {
        foreach (var character in text)
        {
            switch (character)
            {
                case 'T' or 't':
                    return false;
                case 'Y' or 'y' or 'M' or 'm':
                    return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        (writer ?? throw new ArgumentNullException(nameof(writer))).WriteStringValue(XmlConvert.ToString(value));
}
