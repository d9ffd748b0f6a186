using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace UiPathClients.Runtime.Webhooks;

/// <summary>A webhook body that is not a JSON object with a string <c>Type</c>, or whose entity does not have the documented shape.</summary>
public sealed class UiPathWebhookFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the body (never the body itself).</param>
    /// <param name="innerException">The JSON reader's exception, if any.</param>
    public UiPathWebhookFormatException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}

/// <summary>
/// Turns a webhook body into the event class its <c>Type</c> names. Verify the signature over the same bytes first
/// (<see cref="UiPathWebhookSignature"/>, or <see cref="UiPathWebhookReader"/> which does both in order).
/// </summary>
public static class UiPathWebhookParser
{
    /// <summary>Parses <paramref name="body"/>; an event type without a class here becomes <see cref="UiPathUnknownWebhookEvent"/>.</summary>
    /// <param name="body">The raw UTF-8 body.</param>
    /// <returns>The typed event, with <see cref="UiPathWebhookEvent.RawJson"/> set to the body.</returns>
    /// <exception cref="UiPathWebhookFormatException">The body is not JSON, not an object, has no string <c>Type</c>, or an entity has the wrong shape.</exception>
    public static UiPathWebhookEvent Parse(byte[] body)
    {
        if (body is null) throw new ArgumentNullException(nameof(body));
        string type;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new UiPathWebhookFormatException($"A webhook body is a JSON object; this one is a JSON {document.RootElement.ValueKind}.");
            if (!document.RootElement.TryGetProperty("Type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(typeElement.GetString()))
                throw new UiPathWebhookFormatException("The webhook body has no string \"Type\" property.");
            type = typeElement.GetString()!;
        }
        catch (JsonException exception)
        {
            throw new UiPathWebhookFormatException($"The webhook body is not valid JSON ({exception.Message}).", exception);
        }

        UiPathWebhookEvent? parsed;
        try
        {
            parsed = (UiPathWebhookEvent?)JsonSerializer.Deserialize(body, TypeInfoFor(type));
        }
        catch (JsonException exception)
        {
            // The reader's message names the JSON path and the expected type, never a value.
            throw new UiPathWebhookFormatException($"The \"{Sanitize(type)}\" webhook body does not have the expected shape at {exception.Path ?? "$"}.", exception);
        }
        parsed!.RawJson = Encoding.UTF8.GetString(body);
        return parsed;
    }

    /// <summary>Like <see cref="Parse"/>, but says what is wrong instead of throwing.</summary>
    /// <param name="body">The raw UTF-8 body.</param>
    /// <param name="webhookEvent">The event, when the body is well formed.</param>
    /// <param name="error">What is wrong, when it is not.</param>
    /// <returns>Whether the body was parsed.</returns>
    public static bool TryParse(byte[] body, out UiPathWebhookEvent? webhookEvent, out string? error)
    {
        try
        {
            webhookEvent = Parse(body);
            error = null;
            return true;
        }
        catch (UiPathWebhookFormatException exception)
        {
            webhookEvent = null;
            error = exception.Message;
            return false;
        }
    }

    private static JsonTypeInfo TypeInfoFor(string type)
    {
        var context = UiPathWebhookJsonContext.Default;
        if (type.StartsWith("job.", StringComparison.OrdinalIgnoreCase)) return context.UiPathJobWebhookEvent;
        if (type.StartsWith("queueItem.", StringComparison.OrdinalIgnoreCase)) return context.UiPathQueueItemWebhookEvent;
        if (type.StartsWith("queue.", StringComparison.OrdinalIgnoreCase)) return context.UiPathQueueWebhookEvent;
        if (type.StartsWith("process.", StringComparison.OrdinalIgnoreCase)) return context.UiPathProcessWebhookEvent;
        if (type.StartsWith("robot.", StringComparison.OrdinalIgnoreCase)) return context.UiPathRobotWebhookEvent;
        if (string.Equals(type, "ping", StringComparison.OrdinalIgnoreCase)) return context.UiPathPingWebhookEvent;
        return context.UiPathUnknownWebhookEvent;
    }

    // The type comes from the sender: quoted short, without control characters, in a message that may be logged.
    private static string Sanitize(string type)
    {
        var builder = new StringBuilder();
        foreach (var character in type.Length > 64 ? type.Substring(0, 64) : type)
            builder.Append(char.IsControl(character) ? '?' : character);
        return builder.ToString();
    }
}
