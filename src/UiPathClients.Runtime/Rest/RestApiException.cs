using System;
using System.Net;
using UiPathClients.Runtime.CommunicationsMining;

namespace UiPathClients.Runtime.Rest;

/// <summary>A REST operation answered with an error status. <see cref="ResponseBody"/> holds what the service said.</summary>
public class RestApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message; it carries no token or secret.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="contentType">The error body's media type.</param>
    /// <param name="responseBody">The error body as text (empty when there was none).</param>
    /// <param name="requestUri">The request's URI with secret-bearing query parameters masked.</param>
    /// <param name="serverTiming">The answer's <c>Server-Timing</c>.</param>
    /// <param name="innerException">Why a declared error body could not be read, if that happened.</param>
    public RestApiException(string message, HttpStatusCode statusCode, string? contentType, string responseBody, Uri? requestUri, ServerTiming serverTiming, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        ResponseBody = responseBody ?? string.Empty;
        RequestUri = requestUri;
        ServerTiming = serverTiming ?? ServerTiming.Empty;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The error body's media type, when the service said.</summary>
    public string? ContentType { get; }

    /// <summary>The error body as text.</summary>
    public string ResponseBody { get; }

    /// <summary>The request's URI with secret-bearing query parameters masked.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The answer's <c>Server-Timing</c>.</summary>
    public ServerTiming ServerTiming { get; }
}

/// <summary>A REST operation answered with an error the API description declares, its body read as <typeparamref name="TError"/>.</summary>
/// <typeparam name="TError">The declared error body's type.</typeparam>
public sealed class RestApiException<TError> : RestApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="contentType">The error body's media type.</param>
    /// <param name="responseBody">The error body as text.</param>
    /// <param name="requestUri">The request's URI.</param>
    /// <param name="serverTiming">The answer's <c>Server-Timing</c>.</param>
    /// <param name="error">The error body, typed.</param>
    public RestApiException(string message, HttpStatusCode statusCode, string? contentType, string responseBody, Uri? requestUri, ServerTiming serverTiming, TError error)
        : base(message, statusCode, contentType, responseBody, requestUri, serverTiming) => Error = error;

    /// <summary>The error body, typed as the description declares it.</summary>
    public TError Error { get; }
}
