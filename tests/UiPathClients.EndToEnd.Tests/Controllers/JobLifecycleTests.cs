using System.Linq;
using System.Net;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Errors;
using ServerJobState = UiPathClients.Emulator.Orchestrator.Contracts.JobState;
using ServerJobTrigger = UiPathClients.Emulator.Orchestrator.Contracts.JobTriggerDto;

namespace UiPathClients.EndToEnd.Tests.Controllers;

/// <summary>
/// <c>RestartJob</c> and <c>ResumeJob</c> through the generated client: a finished job restarts as a new Pending job of
/// the same release and arguments, a suspended job resumes and runs to its end; jobs in other states are refused with 409.
/// </summary>
public sealed class JobLifecycleTests(ClockedEmulator session) : IClassFixture<ClockedEmulator>
{
    [Fact]
    public async Task RestartJob_starts_a_new_job_like_a_finished_one_and_refuses_an_unfinished_one()
    {
        var job = await StartOneAsync("{\"Customer\":\"E2E\"}");
        var running = await Assert.ThrowsAsync<ODataRequestException>(() => session.Shared.Jobs.RestartJobAsync(job.Id));
        Assert.Equal(HttpStatusCode.Conflict, running.StatusCode);

        session.Clock.Advance(ClockedEmulator.PendingTime + ClockedEmulator.RunTime);
        Assert.Equal(JobState.Successful, (await session.Shared.Jobs[job.Id].GetAsync()).State);
        var jobsBefore = session.Emulator.Data.Jobs.Count;

        var restarted = await session.Shared.Jobs.RestartJobAsync(job.Id);

        Assert.NotEqual(job.Id, restarted.Id);
        Assert.Equal(JobState.Pending, restarted.State);
        Assert.Equal(job.ReleaseName, restarted.ReleaseName);
        Assert.Equal("{\"Customer\":\"E2E\"}", restarted.InputArguments);
        Assert.Equal(jobsBefore + 1, session.Emulator.Data.Jobs.Count);
        session.Clock.Advance(ClockedEmulator.PendingTime + ClockedEmulator.RunTime);
        Assert.Equal(JobState.Successful, (await session.Shared.Jobs[restarted.Id].GetAsync()).State);

        await Assert.ThrowsAsync<ODataNotFoundException>(() => session.Shared.Jobs.RestartJobAsync(987654321));
    }

    [Fact]
    public async Task ResumeJob_resumes_a_suspended_job_which_then_runs_to_its_end_and_refuses_any_other()
    {
        var job = await StartOneAsync(null);
        var pending = await Assert.ThrowsAsync<ODataRequestException>(() => session.Shared.Jobs.ResumeJobAsync(job.Key!.Value));
        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);

        // The emulator's robots never suspend a job (no long-running workflows): the test puts it in that state.
        session.Clock.Advance(ClockedEmulator.PendingTime);
        Assert.Equal(JobState.Running, (await session.Shared.Jobs[job.Id].GetAsync()).State);
        session.Emulator.Data.Jobs.Update(job.Id, folderId: null, suspended => suspended.State = ServerJobState.Suspended);

        var resumed = await session.Shared.Jobs.ResumeJobAsync(job.Key!.Value);

        Assert.Equal(job.Id, resumed.Id);
        Assert.Equal(JobState.Resumed, resumed.State);
        Assert.Equal(session.Clock.GetUtcNow(), resumed.ResumeTime);
        Assert.Equal(JobState.Running, (await session.Shared.Jobs[job.Id].GetAsync()).State);
        session.Clock.Advance(ClockedEmulator.RunTime);
        Assert.Equal(JobState.Successful, (await session.Shared.Jobs[job.Id].GetAsync()).State);
    }

    [Fact]
    public async Task GetByJobKey_answers_the_triggers_of_that_job_only()
    {
        var job = await StartOneAsync(null);
        var triggers = session.Emulator.Data.Table<ServerJobTrigger, long>("JobTriggers");
        var waitedOn = triggers.Add(new ServerJobTrigger { JobId = job.Id, TriggerMessage = "E2E waits for a queue item" });
        triggers.Add(new ServerJobTrigger { JobId = job.Id + 1000, TriggerMessage = "another job" });

        var found = await session.Shared.JobTriggers.GetByJobKeyAsync(job.Key!.Value);

        Assert.Equal([waitedOn.Id], found.Select(trigger => trigger.Id).ToArray());
        await Assert.ThrowsAsync<ODataNotFoundException>(() => session.Shared.JobTriggers.GetByJobKeyAsync(System.Guid.NewGuid()));
    }

    private async Task<JobDto> StartOneAsync(string? inputArguments)
    {
        var release = session.Emulator.Data.Releases.InFolder(session.SharedFolderId).First();
        var jobs = await session.Shared.Jobs.StartJobsAsync(new StartProcessDto
        {
            ReleaseKey = release.Key,
            Strategy = StartProcessStrategy.ModernJobsCount,
            JobsCount = 1,
            InputArguments = inputArguments,
        });
        return Assert.Single(jobs);
    }
}
