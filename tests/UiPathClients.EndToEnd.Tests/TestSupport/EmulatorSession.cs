using System;
using System.Net.Http;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.Emulator;
using UiPathClients.Runtime.Client;
using UiPathClients.Runtime.Http;

namespace UiPathClients.EndToEnd.Tests.TestSupport;

/// <summary>
/// One emulator on loopback and the generated client pointed at it, the way a user wires it: an
/// <see cref="HttpClient"/> whose base address is the emulator's <c>orchestrator_/</c> root.
/// </summary>
public abstract class EmulatorSession : IAsyncLifetime
{
    private OrchestratorEmulator? _emulator;
    private HttpClient? _http;

    /// <summary>The running emulator.</summary>
    public OrchestratorEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>The client without a folder (tenant-level sets).</summary>
    public OrchestratorClient Tenant { get; private set; } = null!;

    /// <summary>The client in the seeded "Shared" folder.</summary>
    public OrchestratorClient Shared { get; private set; } = null!;

    /// <summary>The id of the "Shared" folder in the emulator's data.</summary>
    public long SharedFolderId { get; private set; }

    /// <summary>How this session's emulator runs.</summary>
    protected abstract OrchestratorEmulatorOptions CreateOptions();

    /// <summary>A client over a fresh connection with other options (page size, service path).</summary>
    public OrchestratorClient CreateClient(ODataClientOptions? options = null) => new(_http!, options);

    public async Task InitializeAsync()
    {
        _emulator = await OrchestratorEmulator.StartAsync(CreateOptions());
        _http = _emulator.CreateHttpClient();
        Tenant = new OrchestratorClient(_http);
        Shared = Tenant.WithFolder(FolderContext.ByPath(_emulator.DefaultFolderPath));
        SharedFolderId = _emulator.Data.FindFolderByPath(_emulator.DefaultFolderPath)!.Id;
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}

/// <summary>
/// The read-only emulator most tests share: Orchestrator's paging behaviour (no next link, <c>$top</c>
/// capped at 1000) and 5,200 extra queue items for the paging tests. Tests must not change its data.
/// Its clock is fixed, so the seed's times, and the filters and snapshots built from them, never move.
/// </summary>
public sealed class SharedEmulator : EmulatorSession
{
    /// <summary>Queue items the paging tests page through, on top of the seeded ones.</summary>
    public const int GeneratedQueueItems = 5200;

    /// <summary>The emulator clock's start: every seeded time is relative to it.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    protected override OrchestratorEmulatorOptions CreateOptions() => new()
    {
        GeneratedQueueItems = GeneratedQueueItems,
        TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start),
    };
}

[CollectionDefinition(Name)]
public sealed class SharedEmulatorCollection : ICollectionFixture<SharedEmulator>
{
    public const string Name = "Shared emulator";
}
