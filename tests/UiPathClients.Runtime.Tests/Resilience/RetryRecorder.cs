using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Polly.Retry;
using Polly.Telemetry;

namespace UiPathClients.Runtime.Tests.Resilience;

/// <summary>Polly telemetry listener that records the delay Polly chose for each retry, before it waits.</summary>
internal sealed class RetryRecorder : TelemetryListener
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();
    private readonly SemaphoreSlim _retried = new(0);

    public IReadOnlyList<TimeSpan> Delays => _delays.ToList();

    public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args)
    {
        if (args.Arguments is OnRetryArguments<HttpResponseMessage> retry)
        {
            _delays.Enqueue(retry.RetryDelay);
            _retried.Release();
        }
    }

    public async Task WaitForRetryAsync()
    {
        if (!await _retried.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("Polly announced no retry.");
        }
    }

    /// <summary>
    /// Moves the fake clock a second at a time until <paramref name="call"/> ends. Stepping (rather than one jump)
    /// copes with Polly arming its delay timer just after a step: the wait is then simply found at a later one.
    /// </summary>
    public static async Task<T> AdvanceUntilDoneAsync<T>(Task<T> call, FakeTimeProvider time)
    {
        for (var step = 0; step < 900 && !call.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(call, Task.Delay(10));
        }

        return await call.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
