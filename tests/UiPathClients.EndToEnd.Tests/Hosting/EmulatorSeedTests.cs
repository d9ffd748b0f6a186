using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.Emulator;
using UiPathClients.Runtime.Http;
using Contracts = UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.EndToEnd.Tests.Hosting;

/// <summary>
/// A test decides what the emulator's tenant holds: the default seed or nothing (<see cref="OrchestratorEmulatorOptions.Seed"/>),
/// plus its own folders, releases, queues and users (<see cref="OrchestratorEmulatorOptions.AddData"/>), all in place
/// before the first request.
/// </summary>
public sealed class EmulatorSeedTests
{
    [Fact]
    public async Task An_empty_seed_starts_with_no_folders_and_no_rows()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions { Seed = EmulatorSeed.Empty });
        using var http = emulator.CreateHttpClient();

        using var folders = JsonDocument.Parse(await http.GetStringAsync(new Uri("odata/Folders", UriKind.Relative)));

        Assert.Equal(0, folders.RootElement.GetProperty("value").GetArrayLength());
        Assert.Equal(0, emulator.Data.Releases.Count + emulator.Data.Jobs.Count + emulator.Data.QueueItems.Count + emulator.Data.Robots.Count);
        Assert.Null(emulator.Data.FindFolderByPath(emulator.DefaultFolderPath));
    }

    [Fact]
    public async Task The_tests_own_folder_release_and_queue_are_served_and_a_job_starts_from_the_release()
    {
        var options = new OrchestratorEmulatorOptions
        {
            Seed = EmulatorSeed.Empty,
            JobPendingTime = TimeSpan.FromMinutes(1),
            AddData = seed =>
            {
                var folder = seed.AddFolder("Tests");
                seed.Orchestrator.Releases.Add(
                    new Contracts.ReleaseDto { Name = "Nightly", Key = "1d2c3b4a-0000-4000-8000-0000000000aa", ProcessKey = "Nightly", ProcessVersion = "1.0.0", OrganizationUnitId = folder.Id, OrganizationUnitFullyQualifiedName = folder.FullyQualifiedName },
                    folder.Id);
                seed.Orchestrator.QueueDefinitions.Add(
                    new Contracts.QueueDefinitionDto { Name = "Orders", OrganizationUnitId = folder.Id, OrganizationUnitFullyQualifiedName = folder.FullyQualifiedName, CreationTime = seed.Started },
                    folder.Id);
            },
        };
        await using var emulator = await OrchestratorEmulator.StartAsync(options);
        using var http = emulator.CreateHttpClient();
        var tests = new OrchestratorClient(http).WithFolder(FolderContext.ByPath("Tests"));

        var releases = await tests.Releases.ToListAsync();
        var queues = await tests.QueueDefinitions.ToListAsync();
        var started = await tests.Jobs.StartJobsAsync(new StartProcessDto { ReleaseKey = releases.Single().Key, Strategy = StartProcessStrategy.ModernJobsCount, JobsCount = 1 });

        Assert.Equal("Nightly", Assert.Single(releases).Name);
        Assert.Equal("Orders", Assert.Single(queues).Name);
        var job = Assert.Single(started);
        Assert.Equal(JobState.Pending, job.State);
        Assert.Equal("Nightly", emulator.Data.Jobs.Find(job.Id, emulator.Data.FindFolderByPath("Tests")!.Id)?.ReleaseName);
    }

    [Fact]
    public async Task Data_added_to_the_default_seed_sits_beside_it_and_a_user_is_served()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        DateTimeOffset? seededAt = null;
        var options = new OrchestratorEmulatorOptions
        {
            TimeProvider = clock,
            AddData = seed =>
            {
                seededAt = seed.Started;
                var shared = seed.Orchestrator.FindFolderByPath("Shared")!;
                seed.AddFolder("Shared/Nested");
                seed.Orchestrator.Table<Contracts.UserDto, long>("Users").Add(new Contracts.UserDto { UserName = "test.user", Name = "Test", Surname = "User", CreationTime = seed.Started });
                Assert.True(shared.Id > 0);
            },
        };
        await using var emulator = await OrchestratorEmulator.StartAsync(options);
        using var http = emulator.CreateHttpClient();

        using var users = JsonDocument.Parse(await http.GetStringAsync(new Uri("odata/Users", UriKind.Relative)));

        Assert.Equal(clock.GetUtcNow(), seededAt);
        Assert.Equal(emulator.Started, seededAt);
        Assert.Equal("test.user", Assert.Single(users.RootElement.GetProperty("value").EnumerateArray()).GetProperty("UserName").GetString());
        var nested = emulator.Data.FindFolderByPath("Shared/Nested")!;
        Assert.Equal(emulator.Data.FindFolderByPath("Shared")!.Id, nested.ParentId);
        Assert.Equal("Nested", nested.DisplayName);
        Assert.NotEmpty(emulator.Data.Releases.InFolder(emulator.Data.FindFolderByPath("Shared")!.Id));
    }

    [Fact]
    public async Task A_folder_whose_parent_does_not_exist_fails_the_start()
    {
        var options = new OrchestratorEmulatorOptions { Seed = EmulatorSeed.Empty, AddData = seed => seed.AddFolder("Missing/Child") };

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => OrchestratorEmulator.StartAsync(options));

        Assert.Contains("'Missing'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_queue_items_need_the_default_seed()
    {
        var options = new OrchestratorEmulatorOptions { Seed = EmulatorSeed.Empty, GeneratedQueueItems = 10 };

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => OrchestratorEmulator.StartAsync(options));

        Assert.Contains(nameof(OrchestratorEmulatorOptions.GeneratedQueueItems), refused.Message, StringComparison.Ordinal);
    }
}
