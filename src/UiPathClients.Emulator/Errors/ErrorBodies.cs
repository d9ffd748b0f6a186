using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.CommunicationsMining.Http;

namespace UiPathClients.Emulator.Errors;

/// <summary>
/// The one place that knows which service's error body a request gets: Communications Mining's
/// <c>{"message","status":"error"}</c> under its API roots, Orchestrator's <c>{"message","errorCode","traceId"}</c>
/// everywhere else.
/// </summary>
internal static class ErrorBodies
{
    /// <summary>The message for an error that has nothing more specific to say, as Communications Mining words it: <c>404 Not Found</c>.</summary>
    public static string StandardMessage(int statusCode)
    {
        var phrase = ReasonPhrases.GetReasonPhrase(statusCode);
        return $"{statusCode} {(phrase.Length > 0 ? phrase : ((HttpStatusCode)statusCode).ToString())}";
    }

    /// <summary>Writes <paramref name="statusCode"/> with the error body of the service the request addresses.</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string message) =>
        CommunicationsMiningRoutes.IsApiPath(context.Request.Path)
            ? ApiJson.WriteErrorAsync(context, statusCode, message)
            : new OrchestratorError(statusCode, OrchestratorError.StatusOnly, message).WriteAsync(context);
}
