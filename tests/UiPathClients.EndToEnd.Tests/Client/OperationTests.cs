using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Errors;

namespace UiPathClients.EndToEnd.Tests.Client;

/// <summary>
/// Bound actions and functions through the generated client: StartJobs and the job lifecycle on a fake
/// clock, StopJob, the webhook operations, queue items, and an action with a primitive result.
/// </summary>
public sealed class OperationTests(ClockedEmulator session) : IClassFixture<ClockedEmulator>
{
    private const string StartJobsPath = "/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs";

    private OrchestratorClient Shared => session.Shared;

    [Fact]
    public async Task StartJobs_creates_pending_jobs_that_run_and_succeed_as_the_clock_moves()
    {
        var releaseKey = await ReleaseKeyAsync("InvoiceProcessing");
        var log = RequestLog.Mark(session.Emulator);

        var jobs = await Shared.Jobs.StartJobsAsync(new StartProcessDto
        {
            ReleaseKey = releaseKey,
            Strategy = StartProcessStrategy.ModernJobsCount,
            JobsCount = 2,
        });

        // What went over the wire: the action's path and {"startInfo": {...}}.
        var request = log.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal(StartJobsPath, request.PathAndQuery);
        var body = request.JsonBody();
        Assert.Equal(["startInfo"], request.BodyPropertyNames());
        var startInfo = body.GetProperty("startInfo");
        Assert.Equal(releaseKey, startInfo.GetProperty("ReleaseKey").GetString());
        Assert.Equal("ModernJobsCount", startInfo.GetProperty("Strategy").GetString());
        Assert.Equal(2, startInfo.GetProperty("JobsCount").GetInt32());
        Assert.False(startInfo.TryGetProperty("InputArguments", out _), "Unset properties are not sent.");

        // Two Pending jobs of that release, in the Shared folder.
        Assert.Equal(2, jobs.Count);
        Assert.All(jobs, job =>
        {
            Assert.Equal(JobState.Pending, job.State);
            Assert.Equal("InvoiceProcessing", job.ReleaseName);
            // Release is a navigation: the action's answer carries it only when expanded, as the service does.
            Assert.Null(job.Release);
            Assert.Equal(session.SharedFolderId, job.OrganizationUnitId);
            Assert.Null(job.StartTime);
        });
        Assert.Equal(2, jobs.Select(job => job.Id).Distinct().Count());
        var created = jobs[0].CreationTime!.Value;
        Assert.Equal(session.Clock.GetUtcNow(), created);

        // Nothing happens until the clock moves.
        Assert.Equal(JobState.Pending, (await Shared.Jobs[jobs[0].Id].GetAsync()).State);

        session.Clock.Advance(ClockedEmulator.PendingTime + TimeSpan.FromSeconds(1));
        foreach (var job in jobs)
        {
            var running = await Shared.Jobs[job.Id].GetAsync();
            Assert.Equal(JobState.Running, running.State);
            Assert.Equal(created + ClockedEmulator.PendingTime, running.StartTime);
            Assert.Null(running.EndTime);
        }

        session.Clock.Advance(ClockedEmulator.RunTime);
        foreach (var job in jobs)
        {
            var done = await Shared.Jobs[job.Id].GetAsync();
            Assert.Equal(JobState.Successful, done.State);
            Assert.Equal(created + ClockedEmulator.PendingTime + ClockedEmulator.RunTime, done.EndTime);
            Assert.Null(done.JobError);
        }
    }

    [Fact]
    public async Task A_job_whose_input_asks_to_fail_ends_Faulted()
    {
        var jobs = await Shared.Jobs.StartJobsAsync(new StartProcessDto
        {
            ReleaseKey = await ReleaseKeyAsync("ReportGenerator"),
            Strategy = StartProcessStrategy.ModernJobsCount,
            JobsCount = 1,
            InputArguments = "{\"ShouldFail\":true}",
        });
        var job = Assert.Single(jobs);
        Assert.Equal("{\"ShouldFail\":true}", job.InputArguments);

        session.Clock.Advance(ClockedEmulator.PendingTime + ClockedEmulator.RunTime + TimeSpan.FromSeconds(1));

        var faulted = await Shared.Jobs[job.Id].GetAsync();
        Assert.Equal(JobState.Faulted, faulted.State);
        Assert.NotNull(faulted.JobError);
        Assert.Contains("ShouldFail", faulted.Info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopJob_stops_a_pending_job_and_refuses_a_finished_one_with_409()
    {
        var releaseKey = await ReleaseKeyAsync("InvoiceProcessing");
        var toStop = Assert.Single(await Shared.Jobs.StartJobsAsync(new StartProcessDto { ReleaseKey = releaseKey, Strategy = StartProcessStrategy.ModernJobsCount, JobsCount = 1 }));
        var log = RequestLog.Mark(session.Emulator);

        await Shared.Jobs[toStop.Id].StopJobAsync(StopJobRequestStrategy.SoftStop);

        var request = log.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/odata/Jobs({toStop.Id})/UiPath.Server.Configuration.OData.StopJob", request.PathAndQuery);
        Assert.Equal("SoftStop", request.JsonBody().GetProperty("strategy").GetString());
        Assert.Equal(200, request.StatusCode);
        var stopped = await Shared.Jobs[toStop.Id].GetAsync();
        Assert.Equal(JobState.Stopped, stopped.State);
        Assert.Equal(session.Clock.GetUtcNow(), stopped.EndTime);

        // A stopped job stays stopped when time passes, and a second stop is a conflict.
        session.Clock.Advance(ClockedEmulator.PendingTime + ClockedEmulator.RunTime + TimeSpan.FromSeconds(1));
        Assert.Equal(JobState.Stopped, (await Shared.Jobs[toStop.Id].GetAsync()).State);
        var conflict = await Assert.ThrowsAsync<ODataRequestException>(() => Shared.Jobs[toStop.Id].StopJobAsync(StopJobRequestStrategy.Kill));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("1000", conflict.ErrorCode);
        Assert.Contains("cannot be stopped", conflict.ServiceMessage, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(conflict.TraceId));
    }

    [Fact]
    public async Task StopJob_with_Kill_stops_a_running_job_for_good()
    {
        var job = Assert.Single(await Shared.Jobs.StartJobsAsync(new StartProcessDto { ReleaseKey = await ReleaseKeyAsync("InvoiceProcessing"), Strategy = StartProcessStrategy.ModernJobsCount, JobsCount = 1 }));
        session.Clock.Advance(ClockedEmulator.PendingTime + TimeSpan.FromSeconds(1));
        Assert.Equal(JobState.Running, (await Shared.Jobs[job.Id].GetAsync()).State);
        var log = RequestLog.Mark(session.Emulator);

        await Shared.Jobs[job.Id].StopJobAsync(StopJobRequestStrategy.Kill);

        Assert.Equal("Kill", log.Single().JsonBody().GetProperty("strategy").GetString());
        session.Clock.Advance(ClockedEmulator.RunTime + TimeSpan.FromSeconds(1));
        var stopped = await Shared.Jobs[job.Id].GetAsync();
        Assert.Equal(JobState.Stopped, stopped.State);
        Assert.Equal(session.Clock.GetUtcNow() - ClockedEmulator.RunTime - TimeSpan.FromSeconds(1), stopped.EndTime);
    }

    [Fact]
    public async Task Stopping_a_job_that_succeeded_is_a_409()
    {
        var job = Assert.Single(await Shared.Jobs.StartJobsAsync(new StartProcessDto { ReleaseKey = await ReleaseKeyAsync("DataSync"), Strategy = StartProcessStrategy.ModernJobsCount, JobsCount = 1 }));
        session.Clock.Advance(ClockedEmulator.PendingTime + ClockedEmulator.RunTime + TimeSpan.FromSeconds(1));
        Assert.Equal(JobState.Successful, (await Shared.Jobs[job.Id].GetAsync()).State);

        var conflict = await Assert.ThrowsAsync<ODataRequestException>(() => Shared.Jobs[job.Id].StopJobAsync(StopJobRequestStrategy.SoftStop));

        Assert.IsNotType<ODataNotFoundException>(conflict);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(JobState.Successful, (await Shared.Jobs[job.Id].GetAsync()).State);
    }

    [Fact]
    public async Task StartJobs_with_an_unknown_release_key_is_a_typed_404()
    {
        var unknown = Guid.NewGuid().ToString();
        var jobsBefore = session.Emulator.Data.Jobs.Count;
        var log = RequestLog.Mark(session.Emulator);

        var missing = await Assert.ThrowsAsync<ODataNotFoundException>(() => Shared.Jobs.StartJobsAsync(new StartProcessDto
        {
            ReleaseKey = unknown,
            Strategy = StartProcessStrategy.ModernJobsCount,
            JobsCount = 1,
        }));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("1002", missing.ErrorCode);
        Assert.Contains(unknown, missing.ServiceMessage, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(missing.TraceId));
        Assert.Equal(StartJobsPath, log.Single().PathAndQuery);
        Assert.Equal(jobsBefore, session.Emulator.Data.Jobs.Count);
    }

    [Fact]
    public async Task GetEventTypes_returns_the_21_webhook_event_types_with_their_groups()
    {
        var log = RequestLog.Mark(session.Emulator);

        var types = await session.Tenant.Webhooks.GetEventTypesAsync();

        var request = log.Single();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/odata/Webhooks/UiPath.Server.Configuration.OData.GetEventTypes()", request.PathAndQuery);
        Assert.Equal(
            [
                "process.created", "process.updated", "process.deleted",
                "schedule.failed",
                "robot.status",
                "job.started", "job.completed", "job.faulted", "job.stopped", "job.created",
                "queue.created", "queue.updated", "queue.deleted",
                "queueItem.added", "queueItem.transactionStarted", "queueItem.transactionFailed", "queueItem.transactionCompleted", "queueItem.transactionAbandoned",
                "robot.created", "robot.updated", "robot.deleted",
            ],
            types.Select(type => type.Name!).ToArray());
        Assert.All(types, type => Assert.Equal(type.Name![..type.Name!.IndexOf('.', StringComparison.Ordinal)], type.Group));
        Assert.Equal(["process", "schedule", "robot", "job", "queue", "queueItem"], types.Select(type => type.Group!).Distinct().ToArray());
    }

    [Fact]
    public async Task Ping_returns_the_ping_event_of_the_webhook()
    {
        var seeded = session.Emulator.Data.Webhooks.Find(1, folderId: null)!;
        var log = RequestLog.Mark(session.Emulator);

        var ping = await session.Tenant.Webhooks[1].PingAsync();

        var request = log.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/odata/Webhooks(1)/UiPath.Server.Configuration.OData.Ping", request.PathAndQuery);
        Assert.NotNull(ping);
        Assert.Equal("ping", ping.Type);
        Assert.Equal(seeded.Key, ping.EntityKey);
        Assert.Equal(session.Clock.GetUtcNow(), ping.Timestamp);
        Assert.False(string.IsNullOrEmpty(ping.EventId));

        var missing = await Assert.ThrowsAsync<ODataNotFoundException>(() => session.Tenant.Webhooks[424242].PingAsync());
        Assert.Equal("1002", missing.ErrorCode);
    }

    [Fact]
    public async Task GetByKey_finds_a_job_by_its_Key_on_the_supplemented_route()
    {
        var job = session.Emulator.Data.Jobs.InFolder(session.SharedFolderId).First(candidate => candidate.Key is not null);
        var log = RequestLog.Mark(session.Emulator);

        var found = await Shared.Jobs.GetByKeyAsync(job.Key!.Value);

        var request = log.Single();
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/odata/Jobs/UiPath.Server.Configuration.OData.GetByKey(identifier={job.Key.Value:D})", request.Path());
        Assert.NotNull(found);
        Assert.Equal(job.Id, found.Id);
        await Assert.ThrowsAsync<ODataNotFoundException>(() => Shared.Jobs.GetByKeyAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task AddQueueItem_then_GetItemLastRetryByKey_finds_the_item()
    {
        var queue = session.Emulator.Data.QueueDefinitions.InFolder(session.SharedFolderId).Single(q => q.Name == "Invoices");
        var log = RequestLog.Mark(session.Emulator);

        var added = await Shared.Queues.AddQueueItemAsync(new QueueItemDataDto
        {
            Name = "Invoices",
            Reference = "E2E-ADD-0001",
            Priority = QueueItemDataPriority.High,
            SpecificContent = JsonDocument.Parse("{\"Amount\":42}").RootElement,
        });

        var add = log.Single();
        Assert.Equal("POST", add.Method);
        Assert.Equal("/odata/Queues/UiPathODataSvc.AddQueueItem", add.PathAndQuery);
        Assert.Equal(["itemData"], add.BodyPropertyNames());
        var itemData = add.JsonBody().GetProperty("itemData");
        Assert.Equal("E2E-ADD-0001", itemData.GetProperty("Reference").GetString());
        Assert.Equal("High", itemData.GetProperty("Priority").GetString());
        Assert.Equal(42, itemData.GetProperty("SpecificContent").GetProperty("Amount").GetInt32());
        Assert.NotNull(added);
        Assert.True(added.Id > 0);
        Assert.Equal(QueueItemStatus.New, added.Status);
        Assert.Equal(QueueItemPriority.High, added.Priority);
        Assert.Equal(queue.Id, added.QueueDefinitionId);
        Assert.Equal(session.SharedFolderId, added.OrganizationUnitId);
        Assert.NotNull(added.Key);
        Assert.Equal("{\"Amount\":42}", added.SpecificData);

        log = RequestLog.Mark(session.Emulator);
        var found = await Shared.QueueItems.GetItemLastRetryByKeyAsync(added.Key.Value);

        var get = log.Single();
        Assert.Equal("GET", get.Method);
        Assert.Equal($"/odata/QueueItems/UiPathODataSvc.GetItemLastRetryByKey(key={added.Key.Value:D})", get.Path());
        Assert.NotNull(found);
        Assert.Equal(added.Id, found.Id);
        Assert.Equal("E2E-ADD-0001", found.Reference);

        var duplicate = await Assert.ThrowsAsync<ODataRequestException>(() => Shared.Queues.AddQueueItemAsync(new QueueItemDataDto { Name = "Invoices", Reference = "E2E-ADD-0001" }));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var unknownKey = await Assert.ThrowsAsync<ODataNotFoundException>(() => Shared.QueueItems.GetItemLastRetryByKeyAsync(Guid.NewGuid()));
        Assert.Equal("1002", unknownKey.ErrorCode);
    }

    [Fact]
    public async Task UpdateToSpecificPackageVersion_returns_the_release_id_and_changes_the_release()
    {
        var release = session.Emulator.Data.Releases.InFolder(session.SharedFolderId).Single(r => r.Name == "ReportGenerator");
        var log = RequestLog.Mark(session.Emulator);

        var id = await Shared.Releases[release.Id].UpdateToSpecificPackageVersionAsync("9.9.9");

        var request = log.Single();
        Assert.Equal($"/odata/Releases({release.Id})/UiPath.Server.Configuration.OData.UpdateToSpecificPackageVersion", request.PathAndQuery);
        Assert.Equal("9.9.9", request.JsonBody().GetProperty("packageVersion").GetString());
        Assert.Equal(release.Id, id);
        var changed = await Shared.Releases[release.Id].GetAsync();
        Assert.Equal("9.9.9", changed.ProcessVersion);
        Assert.Equal(session.Clock.GetUtcNow(), changed.LastModificationTime);

        var missing = await Assert.ThrowsAsync<ODataNotFoundException>(() => Shared.Releases[999999].UpdateToSpecificPackageVersionAsync("1.0.0"));
        Assert.Equal("1002", missing.ErrorCode);
    }

    private async Task<string> ReleaseKeyAsync(string name)
    {
        var release = await Shared.Releases.Where(r => r.Name == name).FirstOrDefaultAsync();
        Assert.NotNull(release);
        return release.Key!;
    }
}
