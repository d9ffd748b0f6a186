using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Webhooks;

namespace UiPathClients.Emulator.Orchestrator.Jobs;

/// <summary>
/// Starts jobs the way Orchestrator's <c>StartJobs</c> does and moves them Pending → Running → Successful
/// (or Faulted) on the emulator's <see cref="TimeProvider"/>, so tests decide when time passes.
/// </summary>
/// <remarks>
/// States are advanced lazily, before each request is handled, from the clock alone: nothing runs in
/// the background, so a test with a fake clock sees exactly the state its clock implies.
/// A job faults when its input arguments hold <c>"ShouldFail": true</c>.
/// </remarks>
internal sealed class JobRunner
{
    /// <summary>The input argument that makes a started job fault instead of succeeding.</summary>
    public const string FailArgument = "ShouldFail";

    /// <summary>Output arguments as a process writes them: no HTML-safe escapes.</summary>
    private static readonly JsonSerializerOptions OutputJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly OrchestratorData _data;
    private readonly TimeProvider _clock;
    private readonly OrchestratorEmulatorOptions _options;
    private readonly IWebhookEventSink _events;
    private readonly ConcurrentDictionary<long, bool> _live = new();

    public JobRunner(OrchestratorData data, TimeProvider clock, OrchestratorEmulatorOptions options, IWebhookEventSink events)
    {
        _data = data;
        _clock = clock;
        _options = options;
        _events = events;
    }

    /// <summary>
    /// How many jobs <paramref name="startInfo"/> asks for (one when its strategy's count is absent); the caller refuses
    /// a count outside 1 to <see cref="EmulatorLimits.MaxJobsPerStart"/> before <see cref="Start"/>.
    /// </summary>
    public static int RequestedCount(StartProcessDto startInfo) => startInfo.Strategy switch
    {
        StartProcessStrategy.ModernJobsCount or StartProcessStrategy.JobsCount => startInfo.JobsCount ?? 1,
        StartProcessStrategy.Specific => Math.Max(1, startInfo.RobotIds.Count),
        StartProcessStrategy.RobotCount => startInfo.NoOfRobots ?? 1,
        _ => 1,
    };

    /// <summary>Creates the jobs <paramref name="startInfo"/> asks for, all Pending.</summary>
    public IReadOnlyList<JobDto> Start(ReleaseDto release, long folderId, StartProcessDto startInfo)
    {
        var count = RequestedCount(startInfo);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(startInfo));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, EmulatorLimits.MaxJobsPerStart, nameof(startInfo));
        var now = _clock.GetUtcNow();
        var batch = Guid.NewGuid();
        var jobs = new List<JobDto>(count);
        for (var index = 0; index < count; index++)
        {
            var job = _data.Jobs.Add(
                new JobDto
                {
                    Key = Guid.NewGuid(),
                    State = JobState.Pending,
                    CreationTime = now,
                    LastModificationTime = now,
                    ReleaseName = release.Name,
                    Release = new SimpleReleaseDto { Key = release.Key, Name = release.Name, ProcessKey = release.ProcessKey, ProcessVersion = release.ProcessVersion },
                    Source = "Manual",
                    SourceType = JobSourceType.Manual,
                    Type = JobType.Unattended,
                    InputArguments = startInfo.InputArguments ?? release.InputArguments,
                    Reference = startInfo.Reference,
                    BatchExecutionKey = batch,
                    JobPriority = JobPriority.Normal,
                    OrganizationUnitId = folderId,
                    OrganizationUnitFullyQualifiedName = release.OrganizationUnitFullyQualifiedName,
                },
                folderId);
            _live[job.Id] = ShouldFail(job.InputArguments);
            jobs.Add(job);
        }

        // One job.created event per StartJobs call, with every job it created (the service's "Jobs" list).
        _events.Publish(WebhookEventTypes.JobCreated, folderId, "Jobs", jobs);
        return jobs;
    }

    /// <summary>Stops a pending or running job; false when it already finished.</summary>
    public bool Stop(JobDto job)
    {
        if (job.State is not (JobState.Pending or JobState.Running))
        {
            return false;
        }

        _live.TryRemove(job.Id, out _);
        var now = _clock.GetUtcNow();
        job.State = JobState.Stopped;
        job.EndTime = now;
        job.LastModificationTime = now;
        job.Info = "Job stopped";
        _events.Publish(WebhookEventTypes.JobStopped, job.OrganizationUnitId, "Job", job);
        return true;
    }

    /// <summary>
    /// Restarts a finished job (Successful, Faulted or Stopped) as Orchestrator does: a new Pending job of the same
    /// release, folder and input arguments. Null when <paramref name="finished"/> has not finished.
    /// </summary>
    public JobDto? Restart(JobDto finished, long folderId)
    {
        if (finished.State is not (JobState.Successful or JobState.Faulted or JobState.Stopped))
        {
            return null;
        }

        var now = _clock.GetUtcNow();
        var job = _data.Jobs.Add(
            new JobDto
            {
                Key = Guid.NewGuid(),
                State = JobState.Pending,
                CreationTime = now,
                LastModificationTime = now,
                ReleaseName = finished.ReleaseName,
                Release = finished.Release,
                Source = "Manual",
                SourceType = JobSourceType.Manual,
                Type = finished.Type,
                InputArguments = finished.InputArguments,
                Reference = finished.Reference,
                BatchExecutionKey = Guid.NewGuid(),
                JobPriority = finished.JobPriority,
                OrganizationUnitId = folderId,
                OrganizationUnitFullyQualifiedName = finished.OrganizationUnitFullyQualifiedName,
            },
            folderId);
        _live[job.Id] = ShouldFail(job.InputArguments);
        _events.Publish(WebhookEventTypes.JobCreated, folderId, "Jobs", new[] { job });
        return job;
    }

    /// <summary>
    /// Resumes a Suspended job: it is Resumed, then runs again for the configured run time from now. False when the
    /// job is not suspended (only suspended jobs can be resumed).
    /// </summary>
    public bool Resume(JobDto job)
    {
        if (job.State != JobState.Suspended)
        {
            return false;
        }

        var now = _clock.GetUtcNow();
        job.State = JobState.Resumed;
        job.ResumeTime = now;
        job.LastModificationTime = now;
        _live[job.Id] = ShouldFail(job.InputArguments);
        return true;
    }

    /// <summary>Moves every started job to the state the clock implies.</summary>
    public void Advance()
    {
        if (_live.IsEmpty)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        foreach (var (id, shouldFail) in _live.ToArray())
        {
            var job = _data.Jobs.Update(id, folderId: null, candidate => AdvanceOne(candidate, now, shouldFail));
            if (job is not { State: JobState.Pending or JobState.Running or JobState.Resumed })
            {
                _live.TryRemove(id, out _);
            }
        }
    }

    private void AdvanceOne(JobDto job, DateTimeOffset now, bool shouldFail)
    {
        if (job.State == JobState.Resumed)
        {
            // The resumed run starts where the suspension ended; it then finishes like any running job.
            job.State = JobState.Running;
            job.StartTime = job.ResumeTime ?? now;
        }

        var created = job.CreationTime ?? now;
        if (job.State == JobState.Pending && now >= created + _options.JobPendingTime)
        {
            job.State = JobState.Running;
            job.StartTime = created + _options.JobPendingTime;
            job.HostMachineName = "VM-PROD-01";
            job.LastModificationTime = job.StartTime;
            _events.Publish(WebhookEventTypes.JobStarted, job.OrganizationUnitId, "Job", job);
        }

        if (job.State == JobState.Running && now >= job.StartTime + _options.JobRunTime)
        {
            job.EndTime = job.StartTime + _options.JobRunTime;
            job.LastModificationTime = job.EndTime;
            if (shouldFail)
            {
                job.State = JobState.Faulted;
                job.Info = $"Faulted on purpose: the input argument {FailArgument} is true.";
                job.JobError = new JobErrorDto { Code = "Robot", Title = "Job faulted", Detail = job.Info, Category = "User", Timestamp = job.EndTime };
            }
            else
            {
                job.State = JobState.Successful;
                job.Info = "Job completed";
                job.OutputArguments = OutputFor(job.InputArguments, job.EndTime ?? now);
            }

            _events.Publish(job.State == JobState.Faulted ? WebhookEventTypes.JobFaulted : WebhookEventTypes.JobCompleted, job.OrganizationUnitId, "Job", job);
        }
    }

    /// <summary>
    /// A successful job's output arguments: its input arguments echoed (when they are a JSON object) and
    /// <c>CompletedAt</c>, its end time, so that callers can tell output from input.
    /// </summary>
    private static string OutputFor(string? inputArguments, DateTimeOffset endTime)
    {
        var output = new System.Text.Json.Nodes.JsonObject();
        try
        {
            if (!string.IsNullOrWhiteSpace(inputArguments) && System.Text.Json.Nodes.JsonNode.Parse(inputArguments) is System.Text.Json.Nodes.JsonObject input)
            {
                foreach (var (name, value) in input)
                {
                    output[name] = value?.DeepClone();
                }
            }
        }
        catch (JsonException)
        {
            // Arguments Orchestrator took as an opaque string echo nothing; the job still succeeds.
        }

        output["CompletedAt"] = endTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return output.ToJsonString(OutputJson);
    }

    private static bool ShouldFail(string? inputArguments)
    {
        if (string.IsNullOrWhiteSpace(inputArguments))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(inputArguments);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(FailArgument, out var flag)
                && flag.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            // Orchestrator accepts any string here and validates it only when the robot starts the job;
            // an unreadable argument string is the process's problem, not a reason to fault the start.
            return false;
        }
    }
}
