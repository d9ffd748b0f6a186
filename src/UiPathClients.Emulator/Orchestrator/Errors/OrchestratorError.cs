using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace UiPathClients.Emulator.Orchestrator.Errors;

/// <summary>
/// An error in Orchestrator's own shape, <c>{"message","errorCode","traceId"}</c>, which it sends for
/// business errors (missing folder, unknown release) instead of an OData error object.
/// </summary>
internal sealed class OrchestratorError : IActionResult
{
    /// <summary>The request names no folder but the set is folder scoped.</summary>
    public const int FolderRequired = 1101;

    /// <summary>The folder the headers name does not exist.</summary>
    public const int FolderNotFound = 1100;

    /// <summary>The addressed entity does not exist (the emulator's single code for every kind).</summary>
    public const int EntityNotFound = 1002;

    /// <summary>The request is well formed OData but not valid for the operation.</summary>
    public const int InvalidRequest = 1000;

    /// <summary>The service has the route, but the emulator does not implement its behaviour (answered with 501).</summary>
    public const int NotImplemented = 1001;

    /// <summary>
    /// An error that only has an HTTP status to say (no route, a request over a limit, an unexpected failure): the
    /// code the emulator gives what the web framework, not Orchestrator's business logic, refuses.
    /// </summary>
    public const int StatusOnly = 0;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public OrchestratorError(int statusCode, int errorCode, string message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Message = message;
    }

    public int StatusCode { get; }

    public int ErrorCode { get; }

    public string Message { get; }

    public static OrchestratorError NotFound(string what) => new(StatusCodes.Status404NotFound, EntityNotFound, what + " does not exist.");

    public static OrchestratorError BadRequest(string message) => new(StatusCodes.Status400BadRequest, InvalidRequest, message);

    public Task ExecuteResultAsync(ActionContext context) => WriteAsync(context.HttpContext);

    public Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCode;
        return context.Response.WriteAsJsonAsync(new Body(Message, ErrorCode, context.TraceIdentifier), Json, "application/json; charset=utf-8", context.RequestAborted);
    }

    private sealed record Body(
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("errorCode")] int ErrorCode,
        [property: JsonPropertyName("traceId")] string TraceId);
}
