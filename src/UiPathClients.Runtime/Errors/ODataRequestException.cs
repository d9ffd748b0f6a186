using System;
using System.Net;

namespace UiPathClients.Runtime.Errors;

/// <summary>
/// An OData service answered with an error. Carries the HTTP status, the error code, message and trace
/// id when the body had the standard OData shape (<c>{"error":{"code","message"}}</c>) or Orchestrator's own
/// (<c>{"message","errorCode","traceId"}</c>), and the request URI with secret query values masked.
/// Authorization headers are never part of it.
/// </summary>
public class ODataRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ODataRequestException(string message, HttpStatusCode statusCode, string? errorCode, string? serviceMessage, string? requestUri, string? responseBody)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServiceMessage = serviceMessage;
        RequestUri = requestUri;
        ResponseBody = responseBody;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The error code, e.g. <c>1101</c> (Orchestrator's <c>errorCode</c>) or <c>NotFound</c> (OData's <c>code</c>).</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's own message.</summary>
    public string? ServiceMessage { get; }

    /// <summary>The service's trace id (Orchestrator's <c>traceId</c>), to quote to its support.</summary>
    public string? TraceId { get; internal set; }

    /// <summary>The request URI, secret query values masked.</summary>
    public string? RequestUri { get; }

    /// <summary>
    /// The raw response body: its first 64 KB, ending in <c>… (truncated, N bytes read)</c> when the service sent more
    /// (the rest is not read).
    /// </summary>
    public string? ResponseBody { get; }
}

/// <summary>The service answered 404: the entity set, key or operation does not exist.</summary>
public sealed class ODataNotFoundException : ODataRequestException
{
    /// <summary>Creates the exception.</summary>
    public ODataNotFoundException(string message, string? errorCode, string? serviceMessage, string? requestUri, string? responseBody)
        : base(message, HttpStatusCode.NotFound, errorCode, serviceMessage, requestUri, responseBody)
    {
    }
}

/// <summary>
/// The service answered 412 Precondition Failed: the <c>If-Match</c> ETag sent with an update, patch, delete or bound
/// operation is stale, because someone changed the entity since it was read. Read it again, reapply the change, retry.
/// Derives from <see cref="ODataRequestException"/>, so existing handlers of that still see it.
/// </summary>
public sealed class ODataConcurrencyException : ODataRequestException
{
    /// <summary>Creates the exception.</summary>
    public ODataConcurrencyException(string message, string? errorCode, string? serviceMessage, string? requestUri, string? responseBody)
        : base(message, HttpStatusCode.PreconditionFailed, errorCode, serviceMessage, requestUri, responseBody)
    {
    }
}

/// <summary>
/// The service answered with success, but not with what an OData client can read: malformed JSON, a
/// wrong content type, or JSON of the wrong shape. Nothing was swallowed: the raw body is attached.
/// </summary>
public sealed class ODataResponseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ODataResponseException(string message, HttpStatusCode statusCode, string? contentType, string? requestUri, string? responseBody, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        RequestUri = requestUri;
        ResponseBody = responseBody;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response's content type, if any.</summary>
    public string? ContentType { get; }

    /// <summary>The request URI, secret query values masked.</summary>
    public string? RequestUri { get; }

    /// <summary>The raw response body (at most the first 4096 characters).</summary>
    public string? ResponseBody { get; }
}
