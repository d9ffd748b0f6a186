using System;
using System.Net;
using UiPathClients.Runtime.CommunicationsMining;

namespace UiPathClients.Runtime.Errors;

/// <summary>
/// Communications Mining answered with an error: a body of the form <c>{"status": "error", "message": "…"}</c>.
/// The request reached the service; <see cref="ServiceMessage"/> says what it objected to.
/// </summary>
public sealed class CommunicationsMiningException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message; it must carry no token or secret.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="serviceMessage">The <c>message</c> of the error body, when it had one.</param>
    /// <param name="requestUri">The request's URI, with secret-bearing query parameters masked.</param>
    /// <param name="serverTiming">The answer's <c>Server-Timing</c>.</param>
    public CommunicationsMiningException(string message, HttpStatusCode statusCode, string? serviceMessage, Uri? requestUri, ServerTiming serverTiming)
        : base(message)
    {
        StatusCode = statusCode;
        ServiceMessage = serviceMessage;
        RequestUri = requestUri;
        ServerTiming = serverTiming ?? ServerTiming.Empty;
    }

    /// <summary>The HTTP status of the answer (e.g. 404).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>message</c> of the error body (e.g. <c>404 Not Found</c>), when it had one.</summary>
    public string? ServiceMessage { get; }

    /// <summary>The request's URI, with secret-bearing query parameters masked.</summary>
    public Uri? RequestUri { get; }

    /// <summary>How long the service spent on the request, as its <c>Server-Timing</c> header said.</summary>
    public ServerTiming ServerTiming { get; }
}
