using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Jobs;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>The <c>Jobs</c> set (folder scoped) and its <c>StartJobs</c>, <c>StopJob</c>, <c>StopJobs</c>, <c>RestartJob</c> and <c>ResumeJob</c> actions.</summary>
internal sealed class JobsController : TableController<JobDto, long>
{
    private const string Namespace = "UiPath.Server.Configuration.OData";

    public JobsController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<JobDto, long> Table => State.Data.Jobs;

    protected override string EntityName => "Job";

    /// <summary><c>POST Jobs/UiPath.Server.Configuration.OData.StartJobs</c> with <c>{"startInfo": {...}}</c>.</summary>
    [HttpPost("odata/Jobs/" + Namespace + ".StartJobs")]
    public IActionResult StartJobs(ODataActionParameters parameters)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (parameters?.TryGetValue("startInfo", out var value) != true || value is not StartProcessDto startInfo)
        {
            return OrchestratorError.BadRequest("The body must be {\"startInfo\": {...}}.");
        }

        var count = JobRunner.RequestedCount(startInfo);
        if (count is < 1 or > EmulatorLimits.MaxJobsPerStart)
        {
            // Checked before anything is created: a small request must not make the emulator allocate without bound.
            return OrchestratorError.BadRequest($"The start strategy {startInfo.Strategy} asks for {count} jobs; it must ask for 1 to {EmulatorLimits.MaxJobsPerStart}.");
        }

        var releases = State.Data.Releases.InFolder(folderId);
        var release = releases.FirstOrDefault(candidate => startInfo.ReleaseKey is not null && string.Equals(candidate.Key, startInfo.ReleaseKey, System.StringComparison.OrdinalIgnoreCase))
            ?? releases.FirstOrDefault(candidate => startInfo.ReleaseKey is null && startInfo.ReleaseName is not null && candidate.Name == startInfo.ReleaseName);
        if (release is null)
        {
            return OrchestratorError.NotFound($"Release '{startInfo.ReleaseKey ?? startInfo.ReleaseName}' in this folder");
        }

        // 201, as the description documents for StartJobs (the body is the created jobs).
        return new ObjectResult(State.Jobs.Start(release, folderId!.Value, startInfo)) { StatusCode = StatusCodes.Status201Created };
    }

    /// <summary><c>GET Jobs/…GetByKey(identifier=…)</c>: the job by its <c>Key</c> (supplement; see specs/README.md).</summary>
    [HttpGet("odata/Jobs/" + Namespace + ".GetByKey(identifier={identifier})")]
    public IActionResult GetByKey(System.Guid identifier)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        var job = Table.InFolder(folderId).FirstOrDefault(candidate => candidate.Key == identifier);
        return job is null ? OrchestratorError.NotFound($"Job {identifier}") : Ok(job);
    }

    /// <summary>
    /// <c>POST Jobs({key})/UiPath.Server.Configuration.OData.StopJob</c> with <c>{"strategy": "SoftStop"|"Kill"}</c>;
    /// 200 with no body, as the description documents.
    /// </summary>
    [HttpPost("odata/Jobs({key})/" + Namespace + ".StopJob")]
    public IActionResult StopJob(long key, ODataActionParameters parameters)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (parameters?.TryGetValue("strategy", out var strategy) != true || strategy is not StopJobRequestStrategy)
        {
            return OrchestratorError.BadRequest("The body must name a strategy: {\"strategy\": \"SoftStop\"} or \"Kill\".");
        }

        var stopped = false;
        var job = Table.Update(key, folderId, candidate => stopped = State.Jobs.Stop(candidate));
        if (job is null)
        {
            return OrchestratorError.NotFound($"Job {key}");
        }

        return stopped
            ? Ok()
            : new OrchestratorError(StatusCodes.Status409Conflict, OrchestratorError.InvalidRequest, $"Job {key} is {job.State} and cannot be stopped.");
    }

    /// <summary><c>POST Jobs/UiPath.Server.Configuration.OData.StopJobs</c> with <c>{"strategy", "jobIds"}</c>; 200 with no body.</summary>
    [HttpPost("odata/Jobs/" + Namespace + ".StopJobs")]
    public IActionResult StopJobs(ODataActionParameters parameters)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (parameters?.TryGetValue("jobIds", out var ids) != true || ids is not IEnumerable<long> jobIds)
        {
            return OrchestratorError.BadRequest("The body must list the jobs: {\"strategy\": \"SoftStop\", \"jobIds\": [...]}.");
        }

        var missing = jobIds.Where(id => Table.Find(id, folderId) is null).ToList();
        if (missing.Count > 0)
        {
            return OrchestratorError.NotFound("Job " + string.Join(", ", missing));
        }

        foreach (var id in jobIds)
        {
            Table.Update(id, folderId, job => State.Jobs.Stop(job));
        }

        return Ok();
    }

    /// <summary>
    /// <c>POST Jobs/UiPath.Server.Configuration.OData.RestartJob</c> with <c>{"jobId": …}</c>: a new Pending job of the
    /// finished job's release and arguments (200 with the new job); 409 while the job has not finished.
    /// </summary>
    [HttpPost("odata/Jobs/" + Namespace + ".RestartJob")]
    public IActionResult RestartJob(ODataActionParameters parameters)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (parameters?.TryGetValue("jobId", out var value) != true || value is not long jobId)
        {
            return OrchestratorError.BadRequest("The body must name the job: {\"jobId\": 123}.");
        }

        if (Table.Find(jobId, folderId) is not { } job)
        {
            return OrchestratorError.NotFound($"Job {jobId}");
        }

        return State.Jobs.Restart(job, folderId!.Value) is { } restarted
            ? Ok(restarted)
            : new OrchestratorError(StatusCodes.Status409Conflict, OrchestratorError.InvalidRequest, $"Job {jobId} is {job.State}; only a finished job can be restarted.");
    }

    /// <summary>
    /// <c>POST Jobs/UiPath.Server.Configuration.OData.ResumeJob</c> with <c>{"jobKey": "…"}</c>: a Suspended job is
    /// Resumed and runs again (200 with the job); 409 for a job that is not suspended.
    /// </summary>
    [HttpPost("odata/Jobs/" + Namespace + ".ResumeJob")]
    public IActionResult ResumeJob(ODataActionParameters parameters)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (parameters?.TryGetValue("jobKey", out var value) != true || value is not System.Guid jobKey)
        {
            return OrchestratorError.BadRequest("The body must name the job: {\"jobKey\": \"…\"}.");
        }

        if (Table.InFolder(folderId).FirstOrDefault(candidate => candidate.Key == jobKey) is not { } found)
        {
            return OrchestratorError.NotFound($"Job {jobKey}");
        }

        var resumed = false;
        var job = Table.Update(found.Id, folderId, candidate => resumed = State.Jobs.Resume(candidate));
        if (job is null)
        {
            return OrchestratorError.NotFound($"Job {jobKey}");
        }

        return resumed
            ? Ok(job)
            : new OrchestratorError(StatusCodes.Status409Conflict, OrchestratorError.InvalidRequest, $"Job {jobKey} is {job.State}; only a suspended job can be resumed.");
    }
}
