using System;
using System.Net;

namespace UiPathClients.Runtime.Errors;

/// <summary>
/// The identity service refused to issue a token, or answered with something that is not a token.
/// The message carries the status and the OAuth error code, never the credentials or a token.
/// </summary>
public sealed class AuthenticationFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AuthenticationFailedException(string message, Uri tokenEndpoint, HttpStatusCode? statusCode = null, string? error = null, Exception? innerException = null)
        : base(message, innerException)
    {
        TokenEndpoint = tokenEndpoint;
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>The endpoint that was asked for a token.</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>The HTTP status of the answer, when one arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The OAuth <c>error</c> code of the answer (e.g. <c>invalid_client</c>), when it had one.</summary>
    public string? Error { get; }
}
