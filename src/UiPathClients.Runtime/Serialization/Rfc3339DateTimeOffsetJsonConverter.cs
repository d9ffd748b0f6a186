using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using UiPathClients.Runtime.Querying;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// Reads and writes <see cref="DateTimeOffset"/> as RFC 3339 <c>date-time</c>: UTC as <c>Z</c>
/// (<c>2024-05-01T10:00:00Z</c>), other offsets kept (<c>2024-05-01T12:00:00+02:00</c>), fractional seconds only
/// when non-zero. System.Text.Json's own converter writes UTC as <c>+00:00</c>, which is valid RFC 3339 but which
/// servers matching on the text reject, and which is not what OData writers (Microsoft.OData) or our own
/// <c>$filter</c> literals send; both OData and OpenAPI services accept <c>Z</c>. Reading also accepts the
/// lower-case <c>t</c> and <c>z</c> RFC 3339 allows (section 5.6), which System.Text.Json refuses.
/// </summary>
public sealed class Rfc3339DateTimeOffsetJsonConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The shared instance.</summary>
    public static Rfc3339DateTimeOffsetJsonConverter Instance { get; } = new();

    private Rfc3339DateTimeOffsetJsonConverter()
    {
    }

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an RFC 3339 date-time as a JSON string, found {reader.TokenType}.");
        }

        if (reader.TryGetDateTimeOffset(out var value))
        {
            return value;
        }

        var text = reader.GetString()!;

        // A date-time is digits, '-', ':', '.', '+' and the letters T and Z; only when that is all the text holds is it
        // upper-cased and handed to System.Text.Json's own ISO 8601 parser, so "t"/"z" mean exactly what "T"/"Z" do.
        if (IsDateTimeAlphabet(text) && text.ToUpperInvariant() is var upper && !string.Equals(upper, text, StringComparison.Ordinal))
        {
            var quoted = new Utf8JsonReader(Encoding.ASCII.GetBytes("\"" + upper + "\""));
            if (quoted.Read() && quoted.TryGetDateTimeOffset(out value))
            {
                return value;
            }
        }

        throw new JsonException($"'{text}' is not an RFC 3339 date-time.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        // Written raw: the text is digits, '-', ':', '.', 'T', 'Z' and '+', and the default encoder would send '+' as
        // "\u002B" — valid JSON, but not the text servers matching date-times expect (nor what STJ's own converter writes).
        writer.WriteRawValue("\"" + ODataLiteral.Format(value) + "\"", skipInputValidation: true);
    }

    private static bool IsDateTimeAlphabet(string text)
    {
        foreach (var character in text)
        {
            if (character is not ((>= '0' and <= '9') or '-' or ':' or '.' or '+' or 'T' or 't' or 'Z' or 'z'))
            {
                return false;
            }
        }

        return true;
    }
}
