using System;
using Microsoft.Extensions.Time.Testing;
using UiPathClients.Emulator;

namespace UiPathClients.EndToEnd.Tests.TestSupport;

/// <summary>An emulator of its own for a test class that changes data (create, update, delete): the seed as it is.</summary>
public sealed class MutableEmulator : EmulatorSession
{
    protected override OrchestratorEmulatorOptions CreateOptions() => new();
}

/// <summary>
/// An emulator of its own whose job clock is a <see cref="FakeTimeProvider"/>: jobs move on only when a
/// test advances <see cref="Clock"/>, so state transitions are asserted without waiting.
/// </summary>
public sealed class ClockedEmulator : EmulatorSession
{
    /// <summary>How long a started job stays Pending.</summary>
    public static readonly TimeSpan PendingTime = TimeSpan.FromSeconds(30);

    /// <summary>How long a job runs before it ends.</summary>
    public static readonly TimeSpan RunTime = TimeSpan.FromMinutes(2);

    /// <summary>The emulator's clock.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected override OrchestratorEmulatorOptions CreateOptions() => new()
    {
        TimeProvider = Clock,
        JobPendingTime = PendingTime,
        JobRunTime = RunTime,
    };
}

/// <summary>
/// An emulator that pages on the server like a standard OData service: at most
/// <see cref="ServerPageSize"/> entities per response, with <c>@odata.nextLink</c> to the rest.
/// Read-only, like <see cref="SharedEmulator"/>, with the same generated queue items.
/// </summary>
public sealed class NextLinkEmulator : EmulatorSession
{
    /// <summary>Entities per server page.</summary>
    public const int ServerPageSize = 500;

    protected override OrchestratorEmulatorOptions CreateOptions() => new()
    {
        ServerPageSize = ServerPageSize,
        GeneratedQueueItems = SharedEmulator.GeneratedQueueItems,
    };
}
