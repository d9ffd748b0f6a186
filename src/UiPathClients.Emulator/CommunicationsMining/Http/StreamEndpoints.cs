using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UiPathClients.Emulator.CommunicationsMining.Contracts;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>
/// Streams of a dataset: create, list, read, update, delete; consume with <c>fetch</c> (legacy) or
/// <c>results</c>, then <c>advance</c>; rewind or skip with <c>reset</c>.
/// </summary>
internal static class StreamEndpoints
{
    /// <summary>The most comments one fetch returns.</summary>
    public const int MaxBatchSize = 1024;

    /// <summary>Results per <c>results</c> call when the client does not say (<c>max_results</c>).</summary>
    public const int DefaultMaxResults = 16;

    public static void Map(RouteGroupBuilder api)
    {
        const string Streams = "/v1/datasets/{owner}/{datasetName}/streams";
        const string Stream = Streams + "/{streamName}";

        api.MapPut(Streams, CreateAsync);
        api.MapGet(Streams, (string owner, string datasetName, CommunicationsMiningData data) =>
            ApiJson.Ok(new GetAllStreamsResponse { Streams = [.. data.ListStreams(owner, datasetName).Select(Wire.Stream)] }));
        api.MapGet(Stream, (string owner, string datasetName, string streamName, CommunicationsMiningData data) =>
            ApiJson.Ok(new GetStreamByNameResponse { Stream = Wire.Stream(data.GetStream(owner, datasetName, streamName)) }));
        api.MapPost(Stream, UpdateAsync);
        api.MapDelete(Stream, (string owner, string datasetName, string streamName, CommunicationsMiningData data) =>
        {
            data.DeleteStream(owner, datasetName, streamName);
            return ApiJson.Ok(new DeleteStreamResponse());
        });
        api.MapPost(Stream + "/fetch", FetchAsync);
        api.MapGet(Stream + "/results", GetResults);
        api.MapPost(Stream + "/advance", AdvanceAsync);
        api.MapPost(Stream + "/reset", ResetAsync);
    }

    private static async Task<IResult> CreateAsync(string owner, string datasetName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<CreateStreamRequest>(request).ConfigureAwait(false);
        var fields = body.Stream ?? throw ApiError.BadRequest("'stream' is required.");
        var stream = data.CreateStream(owner, datasetName, Wire.Changes(fields));
        return ApiJson.Ok(new CreateStreamResponse { Stream = Wire.Stream(stream) });
    }

    /// <summary>The description gives <c>updateStream</c> the create body and answer (a <c>TriggerNew</c>, not a <c>TriggerUpdate</c>).</summary>
    private static async Task<IResult> UpdateAsync(string owner, string datasetName, string streamName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<CreateStreamRequest>(request).ConfigureAwait(false);
        var fields = body.Stream ?? throw ApiError.BadRequest("'stream' is required.");
        var stream = data.UpdateStream(owner, datasetName, streamName, Wire.Changes(fields));
        return ApiJson.Ok(new CreateStreamResponse { Stream = Wire.Stream(stream) });
    }

    private static async Task<IResult> FetchAsync(string owner, string datasetName, string streamName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<FetchFromStreamRequest>(request).ConfigureAwait(false);
        var (sequenceId, results, isEndSequence) = Fetch(owner, datasetName, streamName, body.Size, data);
        return ApiJson.Ok(new FetchFromStreamResponse { Filtered = 0, SequenceId = sequenceId, Results = results, IsEndSequence = isEndSequence });
    }

    /// <summary>The legacy batch read shared by streams' <c>fetch</c> and triggers' <c>fetch</c> (<c>pollTrigger</c>).</summary>
    internal static (string SequenceId, List<StreamCommentResult> Results, bool IsEndSequence) Fetch(
        string owner, string datasetName, string streamName, int size, CommunicationsMiningData data)
    {
        // 0 is also what a body without 'size' reads as: the member is required.
        if (size is < 1 or > MaxBatchSize)
        {
            throw ApiError.BadRequest($"'size' must be from 1 to {MaxBatchSize}; got {size}.");
        }

        var batch = data.Fetch(owner, datasetName, streamName, size);
        return (
            batch.SequenceId,
            [.. batch.Results.Select(result => new StreamCommentResult { Comment = Wire.Comment(result.Comment), SequenceId = result.SequenceId })],
            !batch.MoreResults);
    }

    private static IResult GetResults(string owner, string datasetName, string streamName, HttpRequest request, CommunicationsMiningData data)
    {
        var size = QueryParameters.Int(request, "max_results", DefaultMaxResults, 1, MaxBatchSize);
        _ = QueryParameters.Int(request, "max_filtered", 0, 0, int.MaxValue);
        var batch = data.Fetch(owner, datasetName, streamName, size);
        return ApiJson.Ok(new GetStreamResultsResponse
        {
            // The emulator has no model: every result's prediction is null, which the description allows.
            Results = [.. batch.Results.Select(result => new StreamResult { Comment = Wire.Comment(result.Comment), Prediction = null, Continuation = result.SequenceId })],
            NumFiltered = 0,
            MoreResults = batch.MoreResults,
            Continuation = batch.SequenceId,
        });
    }

    private static async Task<IResult> AdvanceAsync(string owner, string datasetName, string streamName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<AdvanceStreamRequest>(request).ConfigureAwait(false);
        return ApiJson.Ok(new AdvanceStreamResponse { SequenceId = Advance(owner, datasetName, streamName, body.SequenceId, data) });
    }

    internal static string Advance(string owner, string datasetName, string streamName, string? sequenceId, CommunicationsMiningData data)
    {
        if (string.IsNullOrEmpty(sequenceId))
        {
            throw ApiError.BadRequest("'sequence_id' is required.");
        }

        data.Advance(owner, datasetName, streamName, sequenceId);
        return sequenceId;
    }

    private static async Task<IResult> ResetAsync(string owner, string datasetName, string streamName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<ResetStreamRequest>(request).ConfigureAwait(false);
        var (stream, sequenceId) = Reset(owner, datasetName, streamName, body.ToCommentCreatedAt, data);
        return ApiJson.Ok(new ResetStreamResponse { SequenceId = sequenceId, Stream = Wire.Stream(stream) });
    }

    internal static (StreamDefinition Stream, string SequenceId) Reset(string owner, string datasetName, string streamName, string? toCommentCreatedAt, CommunicationsMiningData data)
    {
        var to = Timestamps.Parse(toCommentCreatedAt ?? throw ApiError.BadRequest("'to_comment_created_at' is required."), "to_comment_created_at");
        return data.Reset(owner, datasetName, streamName, to);
    }
}
