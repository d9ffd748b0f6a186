using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UiPathClients.Emulator.CommunicationsMining.Contracts;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>
/// Sources: <c>v1/sources[/{owner}[/{source_name}]]</c> and <c>v1/sources/id:{source_id}</c>. The index deletes
/// a source by id only; <c>DELETE v1/sources/{owner}/{source_name}</c> is served as well, for symmetry with datasets.
/// A source's <c>statistics</c> (its comment count) and <c>threads</c> are read from its comments.
/// </summary>
internal static class SourceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        const string Source = "/v1/sources/{owner}/{sourceName}";
        const string SourceById = "/v1/sources/id:{sourceId}";

        api.MapGet("/v1/sources", (CommunicationsMiningData data) =>
            ApiJson.Ok(new GetAllSourcesResponse { Sources = [.. data.ListSources(owner: null).Select(Wire.Source)] }));
        api.MapGet("/v1/sources/{owner}", (string owner, CommunicationsMiningData data) =>
            ApiJson.Ok(new GetAllSourcesInProjectResponse { Sources = [.. data.ListSources(owner).Select(Wire.Source)] }));
        api.MapPut(Source, CreateAsync);
        api.MapGet(Source, (string owner, string sourceName, CommunicationsMiningData data) =>
            ApiJson.Ok(new GetSourceResponse { Source = Wire.Source(data.GetSource(owner, sourceName)) }));
        api.MapPost(Source, UpdateAsync);
        api.MapDelete(Source, (string owner, string sourceName, CommunicationsMiningData data) =>
        {
            data.DeleteSource(owner, sourceName);
            return ApiJson.Ok(new DeleteSourceResponse());
        });
        api.MapPost(Source + "/statistics", StatisticsAsync);
        api.MapGet(Source + "/threads", Threads);
        api.MapGet(SourceById, (string sourceId, CommunicationsMiningData data) =>
            ApiJson.Ok(new GetSourceByIdResponse { Source = Wire.Source(data.GetSourceById(sourceId)) }));
        api.MapDelete(SourceById, (string sourceId, CommunicationsMiningData data) =>
        {
            data.DeleteSourceById(sourceId);
            return ApiJson.Ok(new DeleteSourceResponse());
        });
    }

    /// <summary>How many comments the source holds. A comment filter would need the query engine the emulator does not have.</summary>
    private static async Task<IResult> StatisticsAsync(string owner, string sourceName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<GetSourceStatisticsRequest>(request).ConfigureAwait(false);
        if (body.CommentFilter is not null)
        {
            throw new ApiError(StatusCodes.Status501NotImplemented, "The emulator does not implement 'comment_filter' in getSourceStatistics; send the request without it to count every comment.");
        }

        _ = data.GetSource(owner, sourceName);
        return ApiJson.Ok(new GetSourceStatisticsResponse { Statistics = new SourceStatistics { NumComments = data.GetComments(owner, sourceName).Count } });
    }

    /// <summary>
    /// The source's threads (comments that share a <c>thread_id</c>), each with its comment ids in upload order;
    /// <c>thread_id</c> (repeatable) keeps only the threads named. Comments with no thread id are in no thread.
    /// </summary>
    private static IResult Threads(string owner, string sourceName, HttpRequest request, CommunicationsMiningData data)
    {
        _ = data.GetSource(owner, sourceName);
        var wanted = request.Query["thread_id"].Where(id => !string.IsNullOrEmpty(id)).ToHashSet(StringComparer.Ordinal);
        var threads = data.GetComments(owner, sourceName)
            .Where(comment => comment.ThreadId is { } threadId && (wanted.Count == 0 || wanted.Contains(threadId)))
            .GroupBy(comment => comment.ThreadId!, StringComparer.Ordinal)
            .Select(thread => new CommentThread { ThreadId = thread.Key, Comments = [.. thread.Select(comment => comment.Id)] });
        return ApiJson.Ok(new GetThreadsBySourceResponse { Threads = [.. threads] });
    }

    private static async Task<IResult> CreateAsync(string owner, string sourceName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<CreateSourceRequest>(request).ConfigureAwait(false);
        var fields = body.Source ?? throw ApiError.BadRequest("'source' is required.");
        var source = data.CreateSource(owner, sourceName, Wire.Changes(fields));
        return ApiJson.Ok(new CreateSourceResponse { Source = Wire.Source(source) });
    }

    private static async Task<IResult> UpdateAsync(string owner, string sourceName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<UpdateSourceRequest>(request).ConfigureAwait(false);
        var fields = body.Source ?? throw ApiError.BadRequest("'source' is required.");
        var source = data.UpdateSource(owner, sourceName, Wire.Changes(fields));
        return ApiJson.Ok(new UpdateSourceResponse { Source = Wire.Source(source) });
    }
}
