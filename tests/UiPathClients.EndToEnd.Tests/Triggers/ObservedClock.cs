using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace UiPathClients.EndToEnd.Tests.Triggers;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test each time someone arms a timer on it (a held call, a poll delay),
/// so the test moves time only once the waiter is waiting: no real-time waits, no lost wake-ups.
/// </summary>
internal sealed class ObservedClock : TimeProvider
{
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>The clock itself.</summary>
    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        _armed.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer armed (the guard only fails a test that would otherwise hang).</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await _armed.Reader.ReadAsync(guard.Token);
    }

    /// <summary>Moves time on.</summary>
    public void Advance(TimeSpan by) => Fake.Advance(by);
}
