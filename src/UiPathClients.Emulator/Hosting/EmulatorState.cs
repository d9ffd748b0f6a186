using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using UiPathClients.Emulator.Data;
using UiPathClients.Emulator.Jobs;

namespace UiPathClients.Emulator.Hosting;

/// <summary>Everything one emulator instance holds, shared by its controllers (a DI singleton).</summary>
internal sealed class EmulatorState
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public EmulatorState(OrchestratorEmulatorOptions options)
    {
        Options = options;
        Data = new OrchestratorData();
        Started = options.TimeProvider.GetUtcNow();
        SeedData.Populate(Data, Started, options.GeneratedQueueItems);
        Jobs = new JobRunner(Data, options.TimeProvider, options);
    }

    public OrchestratorEmulatorOptions Options { get; }

    public OrchestratorData Data { get; }

    public JobRunner Jobs { get; }

    public DateTimeOffset Started { get; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public void Record(RecordedRequest request) => _requests.Enqueue(request);

    public void ClearRequests() => _requests.Clear();
}
