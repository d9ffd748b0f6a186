using System;
using System.Net;
using System.Text.Json;

namespace UiPathClients.Runtime.CallModes;

/// <summary>What an API-trigger invocation returned.</summary>
public sealed class ApiTriggerResult
{
    internal ApiTriggerResult(ApiTriggerCallMode callMode, HttpStatusCode statusCode, JsonElement? output, Uri? statusUri, int requests)
    {
        CallMode = callMode;
        StatusCode = statusCode;
        Output = output;
        StatusUri = statusUri;
        Requests = requests;
    }

    /// <summary>The call mode used.</summary>
    public ApiTriggerCallMode CallMode { get; }

    /// <summary>The HTTP status of the final answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The job's output arguments; <see langword="null"/> for FireAndForget or an empty body.</summary>
    public JsonElement? Output { get; }

    /// <summary>The job's status URI, when the service gave one.</summary>
    public Uri? StatusUri { get; }

    /// <summary>How many HTTP requests the invocation took (1 trigger call plus polls and redirects).</summary>
    public int Requests { get; }
}
