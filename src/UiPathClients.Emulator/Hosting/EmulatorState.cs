using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using UiPathClients.Emulator.CommunicationsMining;
using UiPathClients.Emulator.Identity;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Orchestrator.Jobs;
using UiPathClients.Emulator.Orchestrator.Webhooks;

namespace UiPathClients.Emulator.Hosting;

/// <summary>Everything one emulator instance holds, shared by its controllers (a DI singleton).</summary>
internal sealed class EmulatorState
{
    /// <summary>How many recent requests are kept: enough for any test, bounded for a long <c>dotnet run</c>.</summary>
    private const int RecordedRequestLimit = 10_000;

    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public EmulatorState(OrchestratorEmulatorOptions options)
    {
        if (options.Seed == EmulatorSeed.Empty && options.GeneratedQueueItems > 0)
        {
            throw new ArgumentException(
                $"{nameof(OrchestratorEmulatorOptions.GeneratedQueueItems)} fills the default seed's queues; with {nameof(EmulatorSeed)}.{nameof(EmulatorSeed.Empty)} add queue items in {nameof(OrchestratorEmulatorOptions.AddData)}.",
                nameof(options));
        }

        Options = options;
        Data = new OrchestratorData();
        Started = options.TimeProvider.GetUtcNow();
        CommunicationsMining = new CommunicationsMiningData(options.TimeProvider);
        Tokens = new EmulatorTokens(options.Identity, options.TimeProvider);
        if (options.Seed == EmulatorSeed.Default)
        {
            SeedData.Populate(Data, Started, options.GeneratedQueueItems);
        }

        // The test's own rows, before the host exists: the first request already sees them.
        options.AddData?.Invoke(new EmulatorSeedContext(Data, CommunicationsMining, Started));
        Faults = new EmulatorFaults(options.Faults);
        Webhooks = new WebhookDispatcher(Data, options);
        Jobs = new JobRunner(Data, options.TimeProvider, options, Webhooks);
    }

    public EmulatorTokens Tokens { get; }

    public OrchestratorEmulatorOptions Options { get; }

    public OrchestratorData Data { get; }

    public JobRunner Jobs { get; }

    public WebhookDispatcher Webhooks { get; }

    public EmulatorFaults Faults { get; }

    public CommunicationsMiningData CommunicationsMining { get; }

    public DateTimeOffset Started { get; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public void Record(RecordedRequest request)
    {
        _requests.Enqueue(request);
        while (_requests.Count > RecordedRequestLimit)
        {
            _requests.TryDequeue(out _);
        }
    }

    public void ClearRequests() => _requests.Clear();
}
