using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Errors;

namespace UiPathClients.Emulator.Orchestrator.Triggers;

/// <summary>
/// API triggers (<c>/t/{slug}</c>) in the three call modes of Orchestrator's "call modes" page. Each call starts one real
/// job in the Jobs set (source <c>HttpTrigger</c>), run by the job runner on the emulator's clock. The status URI
/// (<c>t/_jobs/{jobKey}/status</c>) and output URI (<c>t/_jobs/{jobKey}/output</c>) are the emulator's own: the page
/// names neither, only how they answer.
/// </summary>
/// <remarks>
/// The page gives no status code for a job that ended in error, only that its error comes back where its output
/// would; the emulator answers 500 with the job's error, so that a caller never mistakes it for a refused call (4xx,
/// no job). Tenants that do not require authentication on LongPolling redirects are not emulated: every call needs the token.
/// </remarks>
[ApiExplorerSettings(IgnoreApi = true)]
internal sealed class ApiTriggersController : ControllerBase
{
    private const string CallModeArgument = "$callMode";

    /// <summary>Arguments are stored as the caller wrote them: no HTML-safe escapes (<c>\u0027</c>) in a job's input.</summary>
    private static readonly JsonSerializerOptions StoredJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly EmulatorState _state;

    public ApiTriggersController(EmulatorState state) => _state = state;

    private TimeProvider Clock => _state.Options.TimeProvider;

    /// <summary>Invokes a trigger: starts its job and answers in the call mode asked for (or the trigger's default).</summary>
    [AcceptVerbs("GET", "POST", "PUT", "DELETE", "PATCH", Route = "t/{**slug}")]
    public async Task InvokeAsync(string slug)
    {
        var trigger = _state.Data.ApiTriggers.Find(slug ?? string.Empty);
        if (trigger is null)
        {
            await OrchestratorError.NotFound($"The API trigger 't/{slug}'").WriteAsync(HttpContext).ConfigureAwait(false);
            return;
        }

        if (!string.Equals(Request.Method, trigger.Method, StringComparison.OrdinalIgnoreCase))
        {
            Response.Headers.Allow = trigger.Method;
            await new OrchestratorError(StatusCodes.Status405MethodNotAllowed, OrchestratorError.InvalidRequest, $"The API trigger 't/{trigger.Slug}' answers {trigger.Method}, not {Request.Method}.").WriteAsync(HttpContext).ConfigureAwait(false);
            return;
        }

        var (arguments, error) = await ArgumentsAsync().ConfigureAwait(false);
        var (callMode, modeError) = error is null ? CallModeOf(trigger, arguments!) : (TriggerCallModes.None, null);
        if ((error ?? modeError) is { } refusal)
        {
            await OrchestratorError.BadRequest(refusal).WriteAsync(HttpContext).ConfigureAwait(false);
            return;
        }

        var release = _state.Data.Releases.InFolder(null).FirstOrDefault(candidate => string.Equals(candidate.Key, trigger.ReleaseKey, StringComparison.OrdinalIgnoreCase));
        if (release is null || _state.Data.Releases.FolderOf(release.Id) is not { } folderId)
        {
            await OrchestratorError.NotFound($"The release '{trigger.ReleaseKey}' of the API trigger 't/{trigger.Slug}'").WriteAsync(HttpContext).ConfigureAwait(false);
            return;
        }

        // The hold's deadline counts from the call's arrival, read before the job exists: a test that waits for the
        // job and then moves the clock always moves it past a deadline already set.
        var arrived = Clock.GetUtcNow();
        var job = _state.Jobs.Start(release, folderId, new StartProcessDto { ReleaseKey = release.Key, InputArguments = arguments!.ToJsonString(StoredJson) })[0];
        _state.Data.Jobs.Update(job.Id, folderId: null, started =>
        {
            started.Source = "API trigger: " + trigger.Slug;
            started.SourceType = JobSourceType.HttpTrigger;
        });
        _state.Data.ApiTriggers.Started[job.Key!.Value] = new TriggeredJob(job.Id, callMode);

        switch (callMode)
        {
            case TriggerCallModes.FireAndForget:
                Response.StatusCode = StatusCodes.Status200OK; // The page: 200, and nothing more about the job.
                break;
            case TriggerCallModes.AsyncRequestReply:
                Response.StatusCode = StatusCodes.Status202Accepted;
                Response.Headers.Location = JobUri(job.Key.Value, "status");
                break;
            default:
                await HoldAsync(job.Key.Value, job.Id, arrived + _state.Options.ApiTriggerLongPollingWait).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// The status URI. AsyncRequestReply: 200 with the job's state while it runs, then 303 to the output URI.
    /// LongPolling: held until the job ends (its output or error) or the wait runs out (303 to itself).
    /// </summary>
    [HttpGet("t/_jobs/{jobKey:guid}/status")]
    public async Task StatusAsync(Guid jobKey)
    {
        if (!_state.Data.ApiTriggers.Started.TryGetValue(jobKey, out var triggered))
        {
            await OrchestratorError.NotFound($"The job '{jobKey}' started by an API trigger").WriteAsync(HttpContext).ConfigureAwait(false);
            return;
        }

        if (triggered.CallMode == TriggerCallModes.LongPolling)
        {
            await HoldAsync(jobKey, triggered.JobId, Clock.GetUtcNow() + _state.Options.ApiTriggerLongPollingWait).ConfigureAwait(false);
            return;
        }

        _state.Jobs.Advance();
        var job = _state.Data.Jobs.Find(triggered.JobId, folderId: null)!;
        if (IsFinished(job))
        {
            Response.StatusCode = StatusCodes.Status303SeeOther;
            Response.Headers.Location = JobUri(jobKey, "output");
            return;
        }

        await Response.WriteAsJsonAsync(new { state = job.State?.ToString() }, HttpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The output URI: the finished job's output arguments (200) or its error (500); 303 back to the status URI while it runs.</summary>
    [HttpGet("t/_jobs/{jobKey:guid}/output")]
    public async Task OutputAsync(Guid jobKey)
    {
        if (!_state.Data.ApiTriggers.Started.TryGetValue(jobKey, out var triggered))
        {
            await OrchestratorError.NotFound($"The job '{jobKey}' started by an API trigger").WriteAsync(HttpContext).ConfigureAwait(false);
            return;
        }

        _state.Jobs.Advance();
        var job = _state.Data.Jobs.Find(triggered.JobId, folderId: null)!;
        if (!IsFinished(job))
        {
            Response.StatusCode = StatusCodes.Status303SeeOther;
            Response.Headers.Location = JobUri(jobKey, "status");
            return;
        }

        await WriteOutcomeAsync(job).ConfigureAwait(false);
    }

    /// <summary>
    /// Holds a LongPolling call until the job ends, the wait runs out (303 to the status URI) or the job reaches the
    /// LongPolling limit (the job is stopped and its error answered). Waits on the emulator's clock and re-reads it
    /// after arming each wait, so a fake clock moved meanwhile is never missed.
    /// </summary>
    private async Task HoldAsync(Guid jobKey, long jobId, DateTimeOffset deadline)
    {
        var aborted = HttpContext.RequestAborted;
        while (true)
        {
            var now = Clock.GetUtcNow();
            _state.Jobs.Advance();
            var job = _state.Data.Jobs.Find(jobId, folderId: null)!;
            var limit = (job.CreationTime ?? now) + _state.Options.ApiTriggerLongPollingLimit;
            if (!IsFinished(job) && now >= limit)
            {
                _state.Jobs.Stop(job);
                job = _state.Data.Jobs.Update(jobId, folderId: null, stopped => stopped.Info = $"Job stopped: LongPolling jobs may run at most {_state.Options.ApiTriggerLongPollingLimit}.")!;
            }

            if (IsFinished(job))
            {
                await WriteOutcomeAsync(job).ConfigureAwait(false);
                return;
            }

            if (now >= deadline)
            {
                Response.StatusCode = StatusCodes.Status303SeeOther;
                Response.Headers.Location = JobUri(jobKey, "status");
                return;
            }

            var wake = deadline < limit ? deadline : limit;
            if (ExpectedEnd(job) is { } end && end > now && end < wake)
            {
                wake = end;
            }

            using var armed = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            var delay = Task.Delay(wake - now, Clock, armed.Token);
            if (Clock.GetUtcNow() >= wake)
            {
                // The clock passed the wake-up time while the wait was armed: look again at once.
                await armed.CancelAsync().ConfigureAwait(false);
                continue;
            }

            await delay.ConfigureAwait(false);
        }
    }

    /// <summary>When the job runner will end the job by the clock, if it is Pending or Running.</summary>
    private DateTimeOffset? ExpectedEnd(JobDto job) => job.State switch
    {
        JobState.Pending => job.CreationTime + _state.Options.JobPendingTime + _state.Options.JobRunTime,
        JobState.Running => job.StartTime + _state.Options.JobRunTime,
        _ => null,
    };

    private static bool IsFinished(JobDto job) => job.State is JobState.Successful or JobState.Faulted or JobState.Stopped;

    /// <summary>A finished job's result: 200 with its output arguments, or 500 with its error when it faulted or was stopped.</summary>
    private Task WriteOutcomeAsync(JobDto job)
    {
        if (job.State == JobState.Successful)
        {
            Response.StatusCode = StatusCodes.Status200OK;
            Response.ContentType = "application/json; charset=utf-8";
            return Response.WriteAsync(string.IsNullOrWhiteSpace(job.OutputArguments) ? "{}" : job.OutputArguments, HttpContext.RequestAborted);
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return Response.WriteAsJsonAsync(
            new
            {
                message = job.Info ?? $"The job ended {job.State}.",
                errorCode = job.JobError?.Code,
                jobKey = job.Key,
                state = job.State?.ToString(),
                jobError = job.JobError is { } error ? new { error.Code, error.Title, error.Detail, error.Category } : null,
            },
            HttpContext.RequestAborted);
    }

    /// <summary>An absolute URI of the job on the address form the caller used (cloud or on-premises).</summary>
    private string JobUri(Guid jobKey, string stage) =>
        $"{Request.Scheme}://{Request.Host}{Request.PathBase}/t/_jobs/{jobKey:D}/{stage}";

    /// <summary>The call's arguments: the JSON object body, or the query string for a call without a body.</summary>
    private async Task<(JsonObject? Arguments, string? Error)> ArgumentsAsync()
    {
        if (Request.ContentLength is > 0 || Request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                var body = await JsonNode.ParseAsync(Request.Body, cancellationToken: HttpContext.RequestAborted).ConfigureAwait(false);
                return body is JsonObject arguments ? (arguments, null) : (null, "The body of an API trigger call must be a JSON object of input arguments.");
            }
            catch (JsonException exception)
            {
                return (null, "The body of an API trigger call is not JSON: " + exception.Message);
            }
        }

        // Query-string values are typed by their text (123, true, {"a":1}), as a process's argument types would read them.
        var query = new JsonObject();
        foreach (var (name, values) in Request.Query)
        {
            var text = values.ToString();
            query[name] = TryParseJson(text) ?? JsonValue.Create(text);
        }

        return (query, null);
    }

    private static JsonNode? TryParseJson(string text)
    {
        if (text.Length == 0 || !(char.IsDigit(text[0]) || text[0] is '-' or '{' or '[' || text is "true" or "false"))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The mode the call asks for with <c>$callMode</c> (removed from the arguments), or the trigger's default.</summary>
    private static (TriggerCallModes Mode, string? Error) CallModeOf(ApiTrigger trigger, JsonObject arguments)
    {
        if (!arguments.TryGetPropertyValue(CallModeArgument, out var asked))
        {
            return (trigger.DefaultCallMode, null);
        }

        arguments.Remove(CallModeArgument);
        var name = asked is JsonValue value && value.TryGetValue<string>(out var text) ? text : asked?.ToJsonString();
        if (!Enum.TryParse<TriggerCallModes>(name, ignoreCase: true, out var mode)
            || mode is not (TriggerCallModes.AsyncRequestReply or TriggerCallModes.FireAndForget or TriggerCallModes.LongPolling))
        {
            return (TriggerCallModes.None, $"'{name}' is not a call mode (AsyncRequestReply, FireAndForget or LongPolling).");
        }

        return (trigger.AllowedCallModes & mode) == 0
            ? (TriggerCallModes.None, $"The API trigger 't/{trigger.Slug}' does not allow the call mode {mode} (it allows {trigger.AllowedCallModes}).")
            : (mode, null);
    }
}
