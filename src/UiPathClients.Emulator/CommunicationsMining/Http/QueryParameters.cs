using System;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>Query parameters read by hand, so a malformed one gets the service's error body naming it.</summary>
internal static class QueryParameters
{
    public static string? String(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    public static int Int(HttpRequest request, string name, int fallback, int minimum, int maximum)
    {
        var text = String(request, name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw ApiError.BadRequest($"'{name}' must be an integer from {minimum} to {maximum}; got '{text}'.");
    }

    public static bool Bool(HttpRequest request, string name)
    {
        var text = String(request, name);
        if (text is null)
        {
            return false;
        }

        return bool.TryParse(text, out var value) ? value : throw ApiError.BadRequest($"'{name}' must be true or false; got '{text}'.");
    }

    public static DateTimeOffset? Timestamp(HttpRequest request, string name) =>
        String(request, name) is { } text ? Timestamps.Parse(text, name) : null;
}
