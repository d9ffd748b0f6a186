using System;
using System.Linq;
using System.Threading.Tasks;
using UiPathClients.Emulator;
using UiPathClients.IntegrationTests.OnPremises;
using UiPathClients.Runtime.Http;

namespace UiPathClients.IntegrationTests;

/// <summary>
/// <c>&lt;UiPathClient Include="Orchestrator" Version="2020.10" EntitySets="Jobs" /&gt;</c>: the client this project's
/// one line generates, warning-free (the project treats warnings as errors), against the emulator serving 2020.10.
/// </summary>
public sealed class OnPremisesJobsClientTests : IAsyncLifetime
{
    private OrchestratorEmulator _emulator = null!;
    private System.Net.Http.HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions { OrchestratorVersion = "2020.10" });
        _http = _emulator.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public void The_client_has_the_Jobs_set_and_nothing_else_of_the_service()
    {
        var sets = typeof(OnPremisesJobsClient).GetProperties()
            .Where(property => property.PropertyType.Namespace?.StartsWith("UiPathClients.IntegrationTests.OnPremises", StringComparison.Ordinal) == true)
            .Select(property => property.Name);

        Assert.Equal(["Jobs"], sets);
        Assert.Null(typeof(JobDto).Assembly.GetType("UiPathClients.IntegrationTests.OnPremises.ReleaseDto"));
        Assert.NotNull(typeof(JobDto).Assembly.GetType("UiPathClients.IntegrationTests.OnPremises.StartProcessDto"));
    }

    [Fact]
    public async Task It_starts_lists_reads_and_stops_jobs()
    {
        var folder = _emulator.Data.FindFolderByPath(_emulator.DefaultFolderPath)!;
        var release = _emulator.Data.Releases.InFolder(folder.Id).First(candidate => candidate.Name == "DataSync");
        var jobs = new OnPremisesJobsClient(_http).WithFolder(FolderContext.ByPath(_emulator.DefaultFolderPath)).Jobs;

        var started = await jobs.StartJobsAsync(new StartProcessDto { ReleaseKey = release.Key, Strategy = StartProcessStrategy.JobsCount, JobsCount = 2 });
        var firstId = started.Min(job => job.Id);
        var pending = await jobs.Where(job => job.ReleaseName == "DataSync" && job.State == JobState.Pending && job.Id >= firstId).OrderBy(job => job.Id).ToListAsync();
        await jobs[started[0].Id].StopJobAsync(StopJobParametersStrategy.Kill);
        var stopped = await jobs[started[0].Id].GetAsync();

        Assert.Equal(started.Select(job => job.Id).Order(), pending.Select(job => job.Id));
        Assert.All(started, job => Assert.Equal(JobState.Pending, job.State));
        Assert.Equal(JobState.Stopped, stopped.State);
        Assert.Equal(started[0].Key, stopped.Key);
    }
}
