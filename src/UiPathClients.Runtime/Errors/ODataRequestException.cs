using System;
using System.Net;

namespace UiPathClients.Runtime.Errors;

/// <summary>
/// An OData service answered with an error. Carries the HTTP status, the OData error <c>code</c> and
/// <c>message</c> when the body had the standard <c>{"error":{…}}</c> shape, and the request URI with
/// secret query values masked.
/// </summary>
public sealed class ODataRequestException : Exception
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

    /// <summary>The OData error code, e.g. <c>1002</c> or <c>NotFound</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's own message.</summary>
    public string? ServiceMessage { get; }

    /// <summary>The request URI, secret query values masked.</summary>
    public string? RequestUri { get; }

    /// <summary>The raw response body.</summary>
    public string? ResponseBody { get; }
}
