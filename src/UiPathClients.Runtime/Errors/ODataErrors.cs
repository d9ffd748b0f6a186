using System;
using System.Net;
using System.Text;
using System.Text.Json;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Runtime.Errors;

/// <summary>Turns error answers into <see cref="ODataRequestException"/>, reading both OData's and Orchestrator's error shapes.</summary>
internal static class ODataErrors
{
    private const int MaxBodyInMessage = 4096;

    public static ODataRequestException FromResponse(HttpStatusCode status, byte[] body, Uri requestUri)
    {
        var text = Encoding.UTF8.GetString(body);
        string? code = null;
        string? message = null;
        string? traceId = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    // OData: {"error":{"code":"…","message":"…","details":[…],"innererror":{…}}}
                    code = StringOf(error, "code");
                    message = StringOf(error, "message");
                }
                else
                {
                    // Orchestrator: {"message":"…","errorCode":1101,"traceId":"…"}
                    message = StringOf(root, "message");
                    code = StringOf(root, "errorCode");
                }

                traceId = StringOf(root, "traceId");
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): the status and raw body say what there is to say.
        }

        var uri = DiagnosticsHandler.Redact(requestUri);
        var summary = $"{uri} answered HTTP {(int)status}{(message is null ? string.Empty : ": " + message)}{(code is null ? string.Empty : " (code " + code + ")")}{(traceId is null ? string.Empty : " [trace " + traceId + "]")}.";
        var exception = status switch
        {
            HttpStatusCode.NotFound => new ODataNotFoundException(summary, code, message, uri, text),
            HttpStatusCode.PreconditionFailed => new ODataConcurrencyException(summary, code, message, uri, text),
            _ => new ODataRequestException(summary, status, code, message, uri, text),
        };
        exception.TraceId = traceId;
        return exception;
    }

    public static ODataResponseException Unreadable(HttpStatusCode status, string? contentType, byte[] body, Uri requestUri, string problem, Exception? inner = null)
    {
        var uri = DiagnosticsHandler.Redact(requestUri);
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxBodyInMessage));
        return new ODataResponseException(
            $"The answer from {uri} (HTTP {(int)status}, {contentType ?? "no content type"}) cannot be read: {problem} Payload: {BodyText.Snippet(body)}",
            status,
            contentType,
            uri,
            text,
            inner);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
