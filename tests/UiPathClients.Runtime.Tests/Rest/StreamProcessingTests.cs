using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.Runtime.Tests.Rest;

public sealed class StreamProcessingTests
{
    private sealed record Batch(string? SequenceId, bool IsEnd, params string[]? Results);

    /// <summary>A stream that serves its batches in order and logs every fetch, result and advance.</summary>
    private sealed class FakeStream(params Batch[] batches)
    {
        private int _next;

        public List<string> Log { get; } = new();

        public List<string> Advanced { get; } = new();

        public Func<string, CancellationToken, Task>? OnProcess { get; set; }

        public Task<int> RunAsync(int? maxBatches = null, CancellationToken cancellationToken = default) =>
            StreamProcessing.ProcessAsync<Batch, string>(
                _ =>
                {
                    Log.Add("fetch");
                    return Task.FromResult(_next < batches.Length ? batches[_next++] : throw new InvalidOperationException("The test's stream has no more batches."));
                },
                batch => batch.Results,
                batch => batch.SequenceId,
                batch => batch.IsEnd,
                (sequenceId, _) =>
                {
                    Log.Add("advance " + sequenceId);
                    Advanced.Add(sequenceId);
                    return Task.CompletedTask;
                },
                async (result, token) =>
                {
                    Log.Add("process " + result);
                    if (OnProcess is not null)
                    {
                        await OnProcess(result, token);
                    }
                },
                maxBatches,
                cancellationToken);
    }

    [Fact]
    public async Task Each_batch_is_processed_in_order_and_then_advanced_with_its_sequence_id()
    {
        var stream = new FakeStream(new Batch("s1", false, "a", "b"), new Batch("s2", true, "c"));

        var processed = await stream.RunAsync();

        Assert.Equal(3, processed);
        Assert.Equal(new[] { "fetch", "process a", "process b", "advance s1", "fetch", "process c", "advance s2" }, stream.Log);
    }

    [Fact]
    public async Task The_loop_stops_after_the_batch_that_reaches_the_end()
    {
        // A third fetch would fail the test: the stream has only two batches.
        var stream = new FakeStream(new Batch("s1", false, "a"), new Batch("s2", true));

        await stream.RunAsync();

        Assert.Equal(new[] { "s1", "s2" }, stream.Advanced);
    }

    [Fact]
    public async Task A_failing_result_leaves_the_batch_unadvanced_and_the_earlier_results_processed_once()
    {
        var thrown = new InvalidOperationException("result c failed");
        var stream = new FakeStream(new Batch("s1", false, "a", "b", "c", "d"), new Batch("s2", true, "e"))
        {
            OnProcess = (result, _) => result == "c" ? throw thrown : Task.CompletedTask,
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => stream.RunAsync());

        Assert.Same(thrown, error);
        Assert.Equal(new[] { "fetch", "process a", "process b", "process c" }, stream.Log);
        Assert.Empty(stream.Advanced);
    }

    [Fact]
    public async Task A_failure_in_a_later_batch_keeps_the_earlier_batches_advanced()
    {
        var stream = new FakeStream(new Batch("s1", false, "a"), new Batch("s2", true, "b"))
        {
            OnProcess = (result, _) => result == "b" ? throw new TimeoutException() : Task.CompletedTask,
        };

        await Assert.ThrowsAsync<TimeoutException>(() => stream.RunAsync());

        Assert.Equal(new[] { "s1" }, stream.Advanced);
    }

    [Fact]
    public async Task An_empty_batch_is_still_advanced()
    {
        var stream = new FakeStream(new Batch("s1", false), new Batch("s2", true, (string[]?)null));

        var processed = await stream.RunAsync();

        Assert.Equal(0, processed);
        Assert.Equal(new[] { "fetch", "advance s1", "fetch", "advance s2" }, stream.Log);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_batch_without_a_sequence_id_is_an_InvalidOperationException_and_not_advanced(string? sequenceId)
    {
        var stream = new FakeStream(new Batch(sequenceId, false, "a"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => stream.RunAsync());

        Assert.Empty(stream.Advanced);
        Assert.Equal(new[] { "fetch", "process a" }, stream.Log);
    }

    [Fact]
    public async Task MaxBatches_stops_an_endless_stream()
    {
        var stream = new FakeStream(new Batch("s1", false, "a"), new Batch("s2", false, "b", "c"), new Batch("s3", false, "d"));

        var processed = await stream.RunAsync(maxBatches: 2);

        Assert.Equal(3, processed);
        Assert.Equal(new[] { "s1", "s2" }, stream.Advanced);
        Assert.Equal(2, stream.Log.FindAll(entry => entry == "fetch").Count);
    }

    [Fact]
    public async Task The_end_of_the_stream_comes_before_maxBatches()
    {
        var stream = new FakeStream(new Batch("s1", true, "a"));

        await stream.RunAsync(maxBatches: 5);

        Assert.Equal(new[] { "s1" }, stream.Advanced);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task MaxBatches_must_be_positive(int maxBatches)
    {
        var stream = new FakeStream(new Batch("s1", true, "a"));

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stream.RunAsync(maxBatches));

        Assert.Equal("maxBatches", error.ParamName);
        Assert.Empty(stream.Log);
    }

    [Fact]
    public async Task Cancelling_while_the_last_result_is_processed_does_not_advance_the_batch()
    {
        using var cancellation = new CancellationTokenSource();
        var stream = new FakeStream(new Batch("s1", false, "a", "b"))
        {
            // The handler finishes its work; cancellation arrives just before the advance.
            OnProcess = (result, _) =>
            {
                if (result == "b")
                {
                    cancellation.Cancel();
                }

                return Task.CompletedTask;
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.RunAsync(cancellationToken: cancellation.Token));

        Assert.Equal(new[] { "fetch", "process a", "process b" }, stream.Log);
        Assert.Empty(stream.Advanced);
    }

    [Fact]
    public async Task Cancelling_between_results_skips_the_rest_of_the_batch()
    {
        using var cancellation = new CancellationTokenSource();
        var stream = new FakeStream(new Batch("s1", false, "a", "b"))
        {
            OnProcess = (result, _) =>
            {
                cancellation.Cancel();
                return Task.CompletedTask;
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.RunAsync(cancellationToken: cancellation.Token));

        Assert.Equal(new[] { "fetch", "process a" }, stream.Log);
    }

    [Fact]
    public async Task Cancelling_between_batches_fetches_no_more()
    {
        using var cancellation = new CancellationTokenSource();
        var fetches = 0;
        var advances = 0;

        var run = StreamProcessing.ProcessAsync<Batch, string>(
            _ => Task.FromResult(new Batch("s" + ++fetches, false, "x")),
            batch => batch.Results,
            batch => batch.SequenceId,
            batch => batch.IsEnd,
            (_, _) =>
            {
                advances++;
                cancellation.Cancel();
                return Task.CompletedTask;
            },
            (_, _) => Task.CompletedTask,
            cancellationToken: cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, fetches);
        Assert.Equal(1, advances);
    }

    [Fact]
    public async Task The_token_reaches_fetch_process_and_advance()
    {
        using var cancellation = new CancellationTokenSource();
        var seen = new List<CancellationToken>();

        await StreamProcessing.ProcessAsync<Batch, string>(
            token =>
            {
                seen.Add(token);
                return Task.FromResult(new Batch("s1", true, "a"));
            },
            batch => batch.Results,
            batch => batch.SequenceId,
            batch => batch.IsEnd,
            (_, token) =>
            {
                seen.Add(token);
                return Task.CompletedTask;
            },
            (_, token) =>
            {
                seen.Add(token);
                return Task.CompletedTask;
            },
            cancellationToken: cancellation.Token);

        Assert.Equal(new[] { cancellation.Token, cancellation.Token, cancellation.Token }, seen);
    }

    [Fact]
    public async Task Null_delegates_are_refused_by_name()
    {
        Func<CancellationToken, Task<Batch>> fetch = _ => Task.FromResult(new Batch("s", true));
        Func<Batch, IEnumerable<string>?> results = batch => batch.Results;
        Func<Batch, string?> sequenceId = batch => batch.SequenceId;
        Func<Batch, bool> isEnd = batch => batch.IsEnd;
        Func<string, CancellationToken, Task> advance = (_, _) => Task.CompletedTask;
        Func<string, CancellationToken, Task> process = (_, _) => Task.CompletedTask;

        Assert.Equal("fetch", (await Assert.ThrowsAsync<ArgumentNullException>(() => StreamProcessing.ProcessAsync(null!, results, sequenceId, isEnd, advance, process))).ParamName);
        Assert.Equal("results", (await Assert.ThrowsAsync<ArgumentNullException>(() => StreamProcessing.ProcessAsync(fetch, null!, sequenceId, isEnd, advance, process))).ParamName);
        Assert.Equal("sequenceId", (await Assert.ThrowsAsync<ArgumentNullException>(() => StreamProcessing.ProcessAsync(fetch, results, null!, isEnd, advance, process))).ParamName);
        Assert.Equal("isEndOfSequence", (await Assert.ThrowsAsync<ArgumentNullException>(() => StreamProcessing.ProcessAsync(fetch, results, sequenceId, null!, advance, process))).ParamName);
        Assert.Equal("advance", (await Assert.ThrowsAsync<ArgumentNullException>(() => StreamProcessing.ProcessAsync(fetch, results, sequenceId, isEnd, null!, process))).ParamName);
        Assert.Equal("process", (await Assert.ThrowsAsync<ArgumentNullException>(() => StreamProcessing.ProcessAsync(fetch, results, sequenceId, isEnd, advance, null!))).ParamName);
    }
}
