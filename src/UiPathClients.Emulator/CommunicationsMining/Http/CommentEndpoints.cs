using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UiPathClients.Emulator.CommunicationsMining.Contracts;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>
/// Comments of a source: sync (upsert by id), read one, delete by ids, and list with continuation paging.
/// The index lists the listing as <c>_private/sources/{owner}/{source_name}/comments</c>; it is also served
/// under <c>v1/</c>, next to the other comment routes.
/// </summary>
internal static class CommentEndpoints
{
    /// <summary>Comments per page when the client does not say (<c>limit</c>).</summary>
    public const int DefaultPageSize = 32;

    /// <summary>The largest page (<c>limit</c>): the emulator's bound, not a documented one.</summary>
    public const int MaxPageSize = 1024;

    /// <summary>The most ids one delete takes, as the index documents for <c>id</c> and <c>ids</c>.</summary>
    public const int MaxDeleteIds = 128;

    public static void Map(RouteGroupBuilder api)
    {
        const string Source = "/v1/sources/{owner}/{sourceName}";

        api.MapPost(Source + "/sync", SyncAsync);
        api.MapGet(Source + "/comments/{commentId}", (string owner, string sourceName, string commentId, CommunicationsMiningData data) =>
            ApiJson.Ok(new GetCommentResponse { Comment = Wire.Comment(data.GetComment(owner, sourceName, commentId)) }));
        api.MapDelete(Source + "/comments", Delete);
        api.MapGet(Source + "/comments", List);
        api.MapGet("/_private/sources/{owner}/{sourceName}/comments", List);
    }

    private static async Task<IResult> SyncAsync(string owner, string sourceName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<SyncCommentsRequest>(request).ConfigureAwait(false);
        var comments = body.Comments ?? throw ApiError.BadRequest("'comments' is required.");
        var inputs = comments.Select((comment, index) => CommentInput.From(comment, index)).ToList();
        var outcome = data.SyncComments(owner, sourceName, inputs);
        return ApiJson.Ok(new SyncCommentsResponse
        {
            New = outcome.New,
            Updated = outcome.Updated,
            UpdatedPropertiesOnly = outcome.UpdatedPropertiesOnly,
            UpdatedTextChanged = outcome.UpdatedTextChanged,
            Unchanged = outcome.Unchanged,
        });
    }

    /// <summary><c>?id=a&amp;id=b</c> and/or <c>?ids=a,b</c>.</summary>
    private static IResult Delete(string owner, string sourceName, HttpRequest request, CommunicationsMiningData data)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in request.Query["id"])
        {
            if (!string.IsNullOrEmpty(id))
            {
                ids.Add(id);
            }
        }

        foreach (var list in request.Query["ids"])
        {
            foreach (var id in (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                ids.Add(id);
            }
        }

        if (ids.Count == 0)
        {
            throw ApiError.BadRequest("Name the comments to delete with 'id' (repeated) or 'ids' (comma-separated).");
        }

        if (ids.Count > MaxDeleteIds)
        {
            throw ApiError.BadRequest($"At most {MaxDeleteIds} comment ids can be deleted at once; got {ids.Count}.");
        }

        data.DeleteComments(owner, sourceName, ids);
        return ApiJson.Ok(new DeleteCommentResponse());
    }

    private static IResult List(string owner, string sourceName, HttpRequest request, CommunicationsMiningData data)
    {
        var direction = QueryParameters.String(request, "direction") ?? "ascending";
        if (direction is not ("ascending" or "descending"))
        {
            throw ApiError.BadRequest($"'direction' must be 'ascending' or 'descending'; got '{direction}'.");
        }

        var query = new CommentPageQuery(
            After: QueryParameters.String(request, "after"),
            Limit: QueryParameters.Int(request, "limit", DefaultPageSize, 1, MaxPageSize),
            From: QueryParameters.Timestamp(request, "from_timestamp"),
            To: QueryParameters.Timestamp(request, "to_timestamp"),
            Descending: direction == "descending");
        var (page, continuation) = data.ListComments(owner, sourceName, query);
        return ApiJson.Ok(new CommentsResponse([.. page.Select(Wire.Comment)], continuation));
    }
}
