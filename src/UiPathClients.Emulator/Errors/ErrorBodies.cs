using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.CommunicationsMining.Http;
using UiPathClients.Emulator.Hosting;

namespace UiPathClients.Emulator.Errors;

/// <summary>
/// The one place that knows which service's error body a request gets: Communications Mining's
/// <c>{"message","status":"error"}</c> in its slice, Orchestrator's <c>{"message","errorCode","traceId"}</c>
/// everywhere else (the identity slice's own refusals carry OAuth's body; only routing's 404/405 get this one there).
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
        ServiceAddress.SliceOf(context) == ServiceSlice.CommunicationsMining
            ? ApiJson.WriteErrorAsync(context, statusCode, message)
            : new OrchestratorError(statusCode, OrchestratorError.StatusOnly, message).WriteAsync(context);
}
