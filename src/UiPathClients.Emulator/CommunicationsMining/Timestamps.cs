using System;
using System.Globalization;

namespace UiPathClients.Emulator.CommunicationsMining;

/// <summary>Times on the wire: ISO 8601 in UTC with microseconds, as the service writes them (<c>2011-12-11T11:05:10.000000+00:00</c>).</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'+00:00'", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } time ? Format(time) : null;

    /// <summary>Reads an ISO 8601 time; one without an offset is taken as UTC.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text)
            && text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>Reads a time the request must carry in <paramref name="field"/>, or answers 400 naming it.</summary>
    public static DateTimeOffset Parse(string? text, string field) =>
        TryParse(text, out var value)
            ? value
            : throw ApiError.BadRequest($"'{field}' must be an ISO 8601 timestamp such as 2024-01-31T09:30:00Z; got '{text}'.");
}
