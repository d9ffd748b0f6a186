using System;
using System.Net;

namespace UiPathClients.Runtime.CallModes;

/// <summary>An API-trigger invocation did not end with the job's output.</summary>
public class ApiTriggerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiTriggerException(string message, Uri triggerUri, HttpStatusCode? statusCode = null, string? responseBody = null, Uri? statusUri = null, Exception? innerException = null)
        : base(message, innerException)
    {
        TriggerUri = triggerUri;
        StatusCode = statusCode;
        ResponseBody = responseBody;
        StatusUri = statusUri;
    }

    /// <summary>The trigger that was invoked.</summary>
    public Uri TriggerUri { get; }

    /// <summary>The HTTP status of the last answer, when one arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The body of the last answer, when it had one.</summary>
    public string? ResponseBody { get; }

    /// <summary>The job's status URI, when the service gave one: the job can still be followed there.</summary>
    public Uri? StatusUri { get; }
}

/// <summary>The job ran and ended in error; <see cref="ApiTriggerException.ResponseBody"/> holds the error the service returned.</summary>
public sealed class ApiTriggerJobFailedException : ApiTriggerException
{
    /// <summary>Creates the exception.</summary>
    public ApiTriggerJobFailedException(string message, Uri triggerUri, HttpStatusCode statusCode, string? responseBody, Uri? statusUri)
        : base(message, triggerUri, statusCode, responseBody, statusUri)
    {
    }
}

/// <summary>
/// The invocation broke off in a way that leaves open whether a job was started (for example a 502 Bad
/// Gateway on the initial long-held call). The trigger is deliberately not invoked again, which could start a
/// second job: check the job in Orchestrator, or follow <see cref="ApiTriggerException.StatusUri"/> if known.
/// </summary>
public sealed class TriggerOutcomeUnknownException : ApiTriggerException
{
    /// <summary>Creates the exception.</summary>
    public TriggerOutcomeUnknownException(string message, Uri triggerUri, HttpStatusCode? statusCode, Uri? statusUri, Exception? innerException = null)
        : base(message, triggerUri, statusCode, responseBody: null, statusUri, innerException)
    {
    }
}

/// <summary>The job did not finish within <see cref="ApiTriggerOptions.Timeout"/>; it may still be running.</summary>
public sealed class ApiTriggerTimeoutException : ApiTriggerException
{
    /// <summary>Creates the exception.</summary>
    public ApiTriggerTimeoutException(string message, Uri triggerUri, Uri? statusUri)
        : base(message, triggerUri, statusUri: statusUri)
    {
    }
}

/// <summary>
/// The service answered outside the call-mode protocol in a way the client refuses to follow: a <c>Location</c>
/// that is not http(s), that leads to another origin than Orchestrator's (the bearer token would go there), or
/// redirects that go round in a circle. When the job was already started, the message says so and
/// <see cref="ApiTriggerException.StatusUri"/> holds the last status URI that was followed, if any; the trigger
/// is never invoked again, which could start a second job.
/// </summary>
public sealed class ApiTriggerProtocolException : ApiTriggerException
{
    /// <summary>Creates the exception.</summary>
    public ApiTriggerProtocolException(string message, Uri triggerUri, HttpStatusCode? statusCode, Uri? statusUri, string? refusedLocation)
        : base(message, triggerUri, statusCode, responseBody: null, statusUri)
    {
        RefusedLocation = refusedLocation;
    }

    /// <summary>The <c>Location</c> that was not followed, as the service sent it (resolved when it was relative).</summary>
    public string? RefusedLocation { get; }
}
