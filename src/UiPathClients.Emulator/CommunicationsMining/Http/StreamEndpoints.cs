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
            ApiJson.Ok(new StreamsResponse([.. data.ListStreams(owner, datasetName).Select(Wire.Stream)])));
        api.MapGet(Stream, (string owner, string datasetName, string streamName, CommunicationsMiningData data) =>
            ApiJson.Ok(new StreamResponse(Wire.Stream(data.GetStream(owner, datasetName, streamName)))));
        api.MapPost(Stream, UpdateAsync);
        api.MapDelete(Stream, (string owner, string datasetName, string streamName, CommunicationsMiningData data) =>
        {
            data.DeleteStream(owner, datasetName, streamName);
            return ApiJson.Ok(new StatusResponse());
        });
        api.MapPost(Stream + "/fetch", FetchAsync);
        api.MapGet(Stream + "/results", GetResults);
        api.MapPost(Stream + "/advance", AdvanceAsync);
        api.MapPost(Stream + "/reset", ResetAsync);
    }

    private static async Task<IResult> CreateAsync(string owner, string datasetName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<StreamRequest>(request).ConfigureAwait(false);
        var stream = data.CreateStream(owner, datasetName, body.Stream ?? throw ApiError.BadRequest("'stream' is required."));
        return ApiJson.Ok(new StreamResponse(Wire.Stream(stream)));
    }

    private static async Task<IResult> UpdateAsync(string owner, string datasetName, string streamName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<StreamRequest>(request).ConfigureAwait(false);
        var stream = data.UpdateStream(owner, datasetName, streamName, body.Stream ?? throw ApiError.BadRequest("'stream' is required."));
        return ApiJson.Ok(new StreamResponse(Wire.Stream(stream)));
    }

    private static async Task<IResult> FetchAsync(string owner, string datasetName, string streamName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<FetchFromStreamRequest>(request).ConfigureAwait(false);
        var size = body.Size ?? throw ApiError.BadRequest("'size' is required.");
        if (size is < 1 or > MaxBatchSize)
        {
            throw ApiError.BadRequest($"'size' must be from 1 to {MaxBatchSize}; got {size}.");
        }

        var batch = data.Fetch(owner, datasetName, streamName, size);
        return ApiJson.Ok(new FetchFromStreamResponse(
            Filtered: 0,
            batch.SequenceId,
            [.. batch.Results.Select(result => new StreamCommentResultJson(Wire.Comment(result.Comment), result.SequenceId))],
            IsEndSequence: !batch.MoreResults));
    }

    private static IResult GetResults(string owner, string datasetName, string streamName, HttpRequest request, CommunicationsMiningData data)
    {
        var size = QueryParameters.Int(request, "max_results", DefaultMaxResults, 1, MaxBatchSize);
        _ = QueryParameters.Int(request, "max_filtered", 0, 0, int.MaxValue);
        var batch = data.Fetch(owner, datasetName, streamName, size);
        return ApiJson.Ok(new StreamResultsResponse(
            [.. batch.Results.Select(result => new StreamResultJson(Wire.Comment(result.Comment), Prediction: null, result.SequenceId))],
            NumFiltered: 0,
            batch.MoreResults,
            batch.SequenceId));
    }

    private static async Task<IResult> AdvanceAsync(string owner, string datasetName, string streamName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<AdvanceStreamRequest>(request).ConfigureAwait(false);
        var sequenceId = string.IsNullOrEmpty(body.SequenceId) ? throw ApiError.BadRequest("'sequence_id' is required.") : body.SequenceId;
        data.Advance(owner, datasetName, streamName, sequenceId);
        return ApiJson.Ok(new AdvanceStreamResponse(sequenceId));
    }

    private static async Task<IResult> ResetAsync(string owner, string datasetName, string streamName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<ResetStreamRequest>(request).ConfigureAwait(false);
        var to = Timestamps.Parse(body.ToCommentCreatedAt ?? throw ApiError.BadRequest("'to_comment_created_at' is required."), "to_comment_created_at");
        var (stream, sequenceId) = data.Reset(owner, datasetName, streamName, to);
        return ApiJson.Ok(new ResetStreamResponse(sequenceId, Wire.Stream(stream)));
    }
}
