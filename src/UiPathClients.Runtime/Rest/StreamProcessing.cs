using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace UiPathClients.Runtime.Rest;

/// <summary>
/// The fetch → process → advance loop of a stream (Communications Mining streams and triggers): a batch is
/// fetched, every result of it is handed to the caller in order, and only when all of them were processed
/// is the stream advanced past the batch. If processing throws, the stream is not advanced: the same batch
/// comes back on the next fetch, so nothing is lost (processing must therefore tolerate seeing a result again).
/// </summary>
public static class StreamProcessing
{
    /// <summary>Processes batches until the stream says it reached its end, or <paramref name="maxBatches"/> were processed.</summary>
    /// <typeparam name="TBatch">The fetch answer.</typeparam>
    /// <typeparam name="TResult">One result of a batch.</typeparam>
    /// <param name="fetch">Fetches the next batch.</param>
    /// <param name="results">The results of a batch.</param>
    /// <param name="sequenceId">The batch's sequence id, which advancing needs.</param>
    /// <param name="isEndOfSequence">Whether the batch reached the end of the stream for now.</param>
    /// <param name="advance">Advances the stream past the batch with that sequence id.</param>
    /// <param name="process">Processes one result.</param>
    /// <param name="maxBatches">At most this many batches; null for no limit other than the end of the stream.</param>
    /// <param name="cancellationToken">Cancels between results and batches; a cancelled batch is not advanced.</param>
    /// <returns>How many results were processed.</returns>
    public static async Task<int> ProcessAsync<TBatch, TResult>(
        Func<CancellationToken, Task<TBatch>> fetch,
        Func<TBatch, IEnumerable<TResult>?> results,
        Func<TBatch, string?> sequenceId,
        Func<TBatch, bool> isEndOfSequence,
        Func<string, CancellationToken, Task> advance,
        Func<TResult, CancellationToken, Task> process,
        int? maxBatches = null,
        CancellationToken cancellationToken = default)
    {
        if (fetch is null || results is null || sequenceId is null || isEndOfSequence is null || advance is null || process is null)
        {
            throw new ArgumentNullException(fetch is null ? nameof(fetch) : results is null ? nameof(results) : sequenceId is null ? nameof(sequenceId) : isEndOfSequence is null ? nameof(isEndOfSequence) : advance is null ? nameof(advance) : nameof(process));
        }

        if (maxBatches is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBatches), maxBatches, "At least one batch.");
        }

        var processed = 0;
        for (var batches = 0; maxBatches is null || batches < maxBatches; batches++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await fetch(cancellationToken).ConfigureAwait(false);
            foreach (var result in results(batch) ?? Array.Empty<TResult>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                await process(result, cancellationToken).ConfigureAwait(false);
                processed++;
            }

            // Advance even past a batch with no results: filtered-out comments still move the stream on.
            var id = sequenceId(batch);
            if (string.IsNullOrEmpty(id))
            {
                throw new InvalidOperationException("The stream answered a fetch without a sequence id, so it cannot be advanced.");
            }

            // A cancellation that arrived while the last result was processed still stops here: advancing is a
            // call to the service the caller asked not to make, and the batch comes back on the next run.
            cancellationToken.ThrowIfCancellationRequested();
            await advance(id!, cancellationToken).ConfigureAwait(false);
            if (isEndOfSequence(batch))
            {
                break;
            }
        }

        return processed;
    }
}
