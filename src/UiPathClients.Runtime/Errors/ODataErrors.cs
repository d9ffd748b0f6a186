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

    /// <summary>The exception for an error answer, read up to <see cref="ResponseBody.MaxErrorBodyBytes"/>.</summary>
    public static ODataRequestException FromResponse(HttpStatusCode status, ResponseBody body, Uri requestUri)
    {
        var text = body.ToText();
        ReadError(body.Span, complete: !body.IsTruncated, out var code, out var message, out var traceId);

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

    /// <summary>
    /// Reads code, message and trace id from OData's error shape (<c>{"error":{"code","message"}}</c>) or Orchestrator's
    /// (<c>{"message","errorCode","traceId"}</c>) in one forward pass, which also works on a body cut after its first
    /// bytes (<paramref name="complete"/> false): the fields a service writes first survive a long trace after them.
    /// A body that is not JSON (a proxy's HTML page) yields nothing; the status and raw text say what there is.
    /// </summary>
    private static void ReadError(ReadOnlySpan<byte> body, bool complete, out string? code, out string? message, out string? traceId)
    {
        string? rootCode = null, rootMessage = null, errorCode = null, errorMessage = null;
        traceId = null;
        var sawErrorObject = false;
        var inErrorObject = false;
        var reader = new Utf8JsonReader(body, isFinalBlock: complete, state: default);
        try
        {
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 1)
                    {
                        inErrorObject = false;
                        continue;
                    }

                    if (reader.TokenType != JsonTokenType.PropertyName || (reader.CurrentDepth != 1 && !(inErrorObject && reader.CurrentDepth == 2)))
                    {
                        continue;
                    }

                    var inError = reader.CurrentDepth == 2;
                    var name = reader.GetString();
                    if (!reader.Read())
                    {
                        break;
                    }

                    if (!inError && name == "error" && reader.TokenType == JsonTokenType.StartObject)
                    {
                        sawErrorObject = inErrorObject = true;
                        continue;
                    }

                    var value = ScalarText(ref reader);
                    switch (inError, name)
                    {
                        case (true, "code"):
                            errorCode = value;
                            break;
                        case (true, "message"):
                            errorMessage = value;
                            break;
                        case (false, "errorCode"):
                            rootCode = value;
                            break;
                        case (false, "message"):
                            rootMessage = value;
                            break;
                        case (false, "traceId"):
                            traceId = value;
                            break;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON from here on: what was read before stands.
        }

        code = sawErrorObject ? errorCode : rootCode;
        message = sawErrorObject ? errorMessage : rootMessage;
    }

    /// <summary>A string's value, or a number's or boolean's JSON text; null for null, objects and arrays.</summary>
    private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Encoding.UTF8.GetString(reader.ValueSpan.ToArray()),
        _ => null,
    };
}
