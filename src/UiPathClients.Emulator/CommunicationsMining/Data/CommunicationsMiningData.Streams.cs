using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace UiPathClients.Emulator.CommunicationsMining;

/// <summary>
/// Streams walk the comments of their dataset's sources in creation order. A stream stands at a position;
/// fetch hands out the comments after it without moving it (so a consumer that crashes gets the same
/// comments again), advance moves it to a sequence id that fetch issued, reset moves it to a creation time.
/// </summary>
public sealed partial class CommunicationsMiningData
{
    /// <summary>The streams of each dataset (by dataset id), by stream name.</summary>
    private readonly Dictionary<string, Dictionary<string, StreamState>> _streams = new(StringComparer.Ordinal);

    /// <summary>The streams of a dataset, by name.</summary>
    /// <param name="owner">The owning project.</param>
    /// <param name="datasetName">The dataset's API name.</param>
    /// <exception cref="KeyNotFoundException">The dataset does not exist.</exception>
    public IReadOnlyList<StreamDefinition> GetStreams(string owner, string datasetName)
    {
        lock (_gate)
        {
            var dataset = _datasets.GetValueOrDefault((owner, datasetName)) ?? throw new KeyNotFoundException($"Dataset '{owner}/{datasetName}' does not exist.");
            return StreamsOf(dataset).ToList();
        }
    }

    internal IReadOnlyList<StreamDefinition> ListStreams(string owner, string datasetName)
    {
        lock (_gate)
        {
            return StreamsOf(RequireDataset(owner, datasetName)).ToList();
        }
    }

    /// <summary>Creates a stream that starts at the newest comment: it hands out comments created after it (reset reaches back).</summary>
    internal StreamDefinition CreateStream(string owner, string datasetName, StreamChanges fields)
    {
        RequireApiName(fields.Name, "stream");
        lock (_gate)
        {
            var dataset = RequireDataset(owner, datasetName);
            if (!_streams.TryGetValue(dataset.Id, out var streams))
            {
                streams = new Dictionary<string, StreamState>(StringComparer.Ordinal);
                _streams.Add(dataset.Id, streams);
            }

            if (streams.ContainsKey(fields.Name!))
            {
                throw ApiError.Conflict($"Stream '{fields.Name}' already exists in dataset '{owner}/{datasetName}'.");
            }

            var definition = new StreamDefinition
            {
                Id = NewId(),
                DatasetId = dataset.Id,
                Name = fields.Name!,
                Title = fields.Title ?? string.Empty,
                Description = fields.Description ?? string.Empty,
                CommentFilter = ObjectOrNull(fields.CommentFilter, "comment_filter"),
                Model = ObjectOrNull(fields.Model, "model"),
                CreatedAt = Now,
            };
            streams.Add(definition.Name, new StreamState(definition, _lastSequence));
            return definition;
        }
    }

    internal StreamDefinition GetStream(string owner, string datasetName, string streamName)
    {
        lock (_gate)
        {
            return RequireStream(owner, datasetName, streamName).State.Definition;
        }
    }

    /// <summary>Replaces what the request carries (title, description, filter, model); the name and position stay.</summary>
    internal StreamDefinition UpdateStream(string owner, string datasetName, string streamName, StreamChanges fields)
    {
        lock (_gate)
        {
            var state = RequireStream(owner, datasetName, streamName).State;
            var definition = state.Definition;
            state.Definition = definition with
            {
                Title = fields.Title ?? definition.Title,
                Description = fields.Description ?? definition.Description,
                CommentFilter = fields.CommentFilter is null ? definition.CommentFilter : ObjectOrNull(fields.CommentFilter, "comment_filter"),
                Model = fields.Model is null ? definition.Model : ObjectOrNull(fields.Model, "model"),
                UpdatedAt = Now,
            };
            return state.Definition;
        }
    }

    internal void DeleteStream(string owner, string datasetName, string streamName)
    {
        lock (_gate)
        {
            var (dataset, _) = RequireStream(owner, datasetName, streamName);
            _streams[dataset.Id].Remove(streamName);
        }
    }

    /// <summary>
    /// Up to <paramref name="size"/> comments after the stream's position, each with the sequence id that
    /// advances past it, and the one that advances past them all. The position does not move: fetching again
    /// returns the same comments (plus newer ones when the first fetch had room).
    /// </summary>
    internal StreamBatch Fetch(string owner, string datasetName, string streamName, int size)
    {
        lock (_gate)
        {
            var (dataset, state) = RequireStream(owner, datasetName, streamName);
            var pending = PendingComments(dataset, state.Position).Take(size + 1).ToList();
            var more = pending.Count > size;
            var results = pending.Take(size).Select(comment => (comment, Issue(state, comment.Sequence))).ToList();
            var end = results.Count == 0 ? state.Position : results[^1].comment.Sequence;
            return new StreamBatch(results, Issue(state, end), more);
        }
    }

    /// <summary>
    /// Moves the stream to the position <paramref name="sequenceId"/> stands for. Only ids this stream issued
    /// since its last reset are accepted, and never one behind the current position: an old id would hand
    /// out again comments that a consumer already processed.
    /// </summary>
    internal void Advance(string owner, string datasetName, string streamName, string sequenceId)
    {
        lock (_gate)
        {
            var (_, state) = RequireStream(owner, datasetName, streamName);
            if (!state.Issued.TryGetValue(sequenceId, out var position))
            {
                throw ApiError.BadRequest($"Unknown sequence_id '{sequenceId}': advance with a sequence_id that a fetch of stream '{streamName}' returned since its last reset.");
            }

            if (position < state.Position)
            {
                throw ApiError.BadRequest($"sequence_id '{sequenceId}' is behind stream '{streamName}': the stream has already advanced past it.");
            }

            state.Position = position;
        }
    }

    /// <summary>
    /// Moves the stream so that the next fetch starts with the first comment created at or after
    /// <paramref name="toCommentCreatedAt"/>, backwards or forwards. Sequence ids issued before are forgotten.
    /// </summary>
    internal (StreamDefinition Stream, string SequenceId) Reset(string owner, string datasetName, string streamName, DateTimeOffset toCommentCreatedAt)
    {
        lock (_gate)
        {
            var (dataset, state) = RequireStream(owner, datasetName, streamName);
            var first = PendingComments(dataset, after: 0).FirstOrDefault(comment => comment.CreatedAt >= toCommentCreatedAt);
            state.Generation++;
            state.Issued.Clear();
            state.Position = first is null ? _lastSequence : first.Sequence - 1;
            return (state.Definition, Issue(state, state.Position));
        }
    }

    private static System.Text.Json.JsonElement? ObjectOrNull(System.Text.Json.JsonElement? value, string field) =>
        value is null ? null : ObjectOr(value, default, field);

    /// <summary>The sequence id for a position: opaque to clients, remembered so advance can tell issued ids from others.</summary>
    private static string Issue(StreamState state, long position)
    {
        var id = state.Definition.Id + state.Generation.ToString("x4", CultureInfo.InvariantCulture) + position.ToString("x12", CultureInfo.InvariantCulture);
        state.Issued[id] = position;
        return id;
    }

    private IEnumerable<StreamDefinition> StreamsOf(Dataset dataset) =>
        _streams.TryGetValue(dataset.Id, out var streams)
            ? streams.Values.Select(state => state.Definition).OrderBy(stream => stream.Name, StringComparer.Ordinal)
            : [];

    private (Dataset Dataset, StreamState State) RequireStream(string owner, string datasetName, string streamName)
    {
        var dataset = RequireDataset(owner, datasetName);
        return _streams.TryGetValue(dataset.Id, out var streams) && streams.TryGetValue(streamName, out var state)
            ? (dataset, state)
            : throw ApiError.NotFound($"Stream '{streamName}' does not exist in dataset '{owner}/{datasetName}'.");
    }

    /// <summary>The comments of the dataset's sources created after <paramref name="after"/>, oldest first.</summary>
    private IEnumerable<Comment> PendingComments(Dataset dataset, long after) =>
        dataset.SourceIds
            .SelectMany(sourceId => _comments.TryGetValue(sourceId, out var comments) ? comments.Values : Enumerable.Empty<Comment>())
            .Where(comment => comment.Sequence > after)
            .OrderBy(comment => comment.Sequence);

    private sealed class StreamState(StreamDefinition definition, long position)
    {
        public StreamDefinition Definition { get; set; } = definition;

        /// <summary>The <see cref="Comment.Sequence"/> of the last comment the stream has moved past.</summary>
        public long Position { get; set; } = position;

        /// <summary>Counts resets, so ids issued before one never equal ids issued after it.</summary>
        public int Generation { get; set; }

        public Dictionary<string, long> Issued { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>What a fetch hands out: the comments with their own sequence ids, the id past them all, and whether more wait.</summary>
internal sealed record StreamBatch(IReadOnlyList<(Comment Comment, string SequenceId)> Results, string SequenceId, bool MoreResults);
