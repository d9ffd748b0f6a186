using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using UiPathClients.Emulator.CommunicationsMining.Contracts;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>JSON as the service speaks it: snake_case members, bodies read and written with one set of options.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static IResult Ok<T>(T body)
        where T : OkResponse => Results.Json(body, Options, "application/json", StatusCodes.Status200OK);

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string message)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new ErrorResponse(message), Options, "application/json", context.RequestAborted);
    }

    /// <summary>Reads a JSON object body, or answers 400 saying what is wrong with it.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            throw ApiError.BadRequest($"The request body must be JSON (Content-Type: application/json); got '{request.ContentType}'.");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted).ConfigureAwait(false)
                ?? throw ApiError.BadRequest("The request body must be a JSON object, not null.");
        }
        catch (JsonException exception)
        {
            // The serializer's own message names CLR types; say where the body is wrong in JSON terms.
            throw ApiError.BadRequest(
                $"The request body is not valid at '{exception.Path ?? "$"}' (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}): malformed JSON or a value of the wrong type.");
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,

            // Bodies go to API clients, never into HTML: '+' in "+00:00" stays readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
