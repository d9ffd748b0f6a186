using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Runtime.CommunicationsMining;

/// <summary>
/// Reads Communications Mining answers. The service uses conventional status codes and, on an error, a body
/// <c>{"status": "error", "message": "…"}</c>; a failure that never reached it (a proxy's HTML page, a gateway's 502)
/// has no such body, and the two end in different exceptions so callers can tell them apart.
/// </summary>
public static class CommunicationsMiningResponse
{
    /// <summary>
    /// Returns when <paramref name="response"/> is a success; otherwise disposes it and throws
    /// <see cref="CommunicationsMiningException"/> (the service's error body) or
    /// <see cref="CommunicationsMiningTransportException"/> (any other error answer).
    /// </summary>
    /// <param name="response">The answer; a success is left unread.</param>
    /// <param name="cancellationToken">Cancels reading the error body.</param>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        if (response.IsSuccessStatusCode)
        {
            return;
        }

        using (response)
        {
            var uri = RedactedUri(response.RequestMessage?.RequestUri);
            var method = response.RequestMessage?.Method.Method ?? "Request";
            var timing = response.GetServerTiming();
            var status = response.StatusCode;
            var contentType = response.Content?.Headers.ContentType?.MediaType;
            byte[] body;
            bool truncated;
            using (var error = await ResponseBody.ReadErrorAsync(response.Content, cancellationToken).ConfigureAwait(false))
            {
                body = error.ToArray();
                truncated = error.IsTruncated;
            }

            if (TryReadError(body, out var serviceMessage))
            {
                throw new CommunicationsMiningException(
                    $"Communications Mining answered {method} {uri} with {(int)status} ({status}): {serviceMessage ?? "no message"}.",
                    status,
                    serviceMessage,
                    uri,
                    timing);
            }

            var what = body.Length == 0 ? "an empty body" : "a " + (contentType ?? "untyped") + " body" + (truncated ? $" (longer than {ResponseBody.MaxErrorBodyBytes} bytes; the rest was not read)" : string.Empty);
            throw new CommunicationsMiningTransportException(
                $"{method} {uri} failed with {(int)status} ({status}) and {what} that is not a Communications Mining answer: " +
                "a proxy or gateway on the way answered, and the request most likely did not reach the service.",
                status,
                contentType,
                uri,
                timing);
        }
    }

    /// <summary>The request URI as exceptions may carry it: no user info, secret-bearing query parameters masked.</summary>
    internal static Uri? RedactedUri(Uri? uri) => uri is null ? null : new Uri(DiagnosticsHandler.Redact(uri), UriKind.RelativeOrAbsolute);

    /// <summary>Whether <paramref name="body"/> is the service's own answer: a JSON object with a string <c>status</c>.</summary>
    private static bool TryReadError(byte[] body, out string? message)
    {
        message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            if (root.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String)
            {
                message = text.GetString();
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
