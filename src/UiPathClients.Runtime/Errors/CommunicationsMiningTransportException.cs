using System;
using System.Net;
using UiPathClients.Runtime.CommunicationsMining;

namespace UiPathClients.Runtime.Errors;

/// <summary>
/// A call to Communications Mining failed on the way: the connection failed, or the error answer is not a
/// Communications Mining body (an HTML page or bare 502 from a proxy or gateway). The service most likely never
/// saw the request, unlike <see cref="CommunicationsMiningException"/>.
/// </summary>
public sealed class CommunicationsMiningTransportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message; it must carry no token or secret.</param>
    /// <param name="statusCode">The HTTP status of the answer, when one arrived.</param>
    /// <param name="contentType">The media type of the answer's body, when it had one.</param>
    /// <param name="requestUri">The request's URI, with secret-bearing query parameters masked.</param>
    /// <param name="serverTiming">The answer's <c>Server-Timing</c>, usually empty.</param>
    /// <param name="innerException">The network failure, when that is what happened.</param>
    public CommunicationsMiningTransportException(string message, HttpStatusCode? statusCode, string? contentType, Uri? requestUri, ServerTiming serverTiming, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        RequestUri = requestUri;
        ServerTiming = serverTiming ?? ServerTiming.Empty;
    }

    /// <summary>The HTTP status of the answer, or <see langword="null"/> when none arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The media type of the answer's body (e.g. <c>text/html</c>), when it had one.</summary>
    public string? ContentType { get; }

    /// <summary>The request's URI, with secret-bearing query parameters masked.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The answer's <c>Server-Timing</c>; usually empty, as the service did not answer.</summary>
    public ServerTiming ServerTiming { get; }
}
