using EmulatorFixture.Orchestrator;
using UiPathClients.Emulator;
using UiPathClients.Runtime.Http;
using Seeded = UiPathClients.Emulator.Orchestrator.Contracts;

namespace EmulatorFixture;

/// <summary>The emulator as a test fixture: started in the test, seeded by the test, called through the generated client.</summary>
public sealed class OrchestratorTests
{
    [Fact]
    public async Task Lists_the_seeded_releases_and_starts_a_job()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync();
        using var http = emulator.CreateHttpClient();
        var shared = new OrchestratorClient(http).WithFolder(FolderContext.ByPath(emulator.DefaultFolderPath));

        var releases = await shared.Releases.OrderBy(r => r.Name).ToListAsync();
        var started = await shared.Jobs.StartJobsAsync(new StartProcessDto { ReleaseKey = releases[0].Key, Strategy = StartProcessStrategy.ModernJobsCount, JobsCount = 1 });

        Assert.Equal(new[] { "DataSync", "InvoiceProcessing", "ReportGenerator" }, releases.Select(r => r.Name!));
        Assert.Equal(JobState.Pending, Assert.Single(started).State);
        Assert.Contains(emulator.Data.Jobs.InFolder(emulator.Data.FindFolderByPath(emulator.DefaultFolderPath)!.Id), job => job.Id == started[0].Id);
    }

    [Fact]
    public async Task Serves_only_what_the_test_adds()
    {
        var options = new OrchestratorEmulatorOptions
        {
            Seed = EmulatorSeed.Empty,
            AddData = seed =>
            {
                var folder = seed.AddFolder("Billing");
                seed.Orchestrator.Releases.Add(new Seeded.ReleaseDto { Name = "Invoicing", Key = Guid.NewGuid().ToString(), ProcessKey = "Invoicing", OrganizationUnitId = folder.Id }, folder.Id);
            },
        };
        await using var emulator = await OrchestratorEmulator.StartAsync(options);
        using var http = emulator.CreateHttpClient();

        var releases = await new OrchestratorClient(http).WithFolder(FolderContext.ByPath("Billing")).Releases.ToListAsync();

        Assert.Equal("Invoicing", Assert.Single(releases).Name);
    }
}
