using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UiPathClients.Emulator.CommunicationsMining.Contracts;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>
/// Datasets: <c>v1/datasets[/{owner}[/{dataset_name}]]</c> and <c>v1/datasets/id:{dataset_id}</c>, and
/// <c>v1/datasets/{owner}/{dataset_name}/export</c>, which pages through the comments of the dataset's sources.
/// </summary>
internal static class DatasetEndpoints
{
    /// <summary>Comments per export page when the request has no <c>limit</c>.</summary>
    public const int DefaultExportLimit = 32;

    /// <summary>The largest export page (<c>limit</c>): the emulator's bound, as the spec documents none.</summary>
    public const int MaxExportLimit = 1024;

    /// <summary>The one export order the emulator knows (and the default): the order comments were first synced.</summary>
    public const string ExportOrder = "created_at";

    public static void Map(RouteGroupBuilder api)
    {
        const string Dataset = "/v1/datasets/{owner}/{datasetName}";

        api.MapGet("/v1/datasets", (CommunicationsMiningData data) =>
            ApiJson.Ok(new GetAllDatasetsResponse { Datasets = [.. data.ListDatasets(owner: null).Select(Wire.Dataset)] }));
        api.MapGet("/v1/datasets/{owner}", (string owner, CommunicationsMiningData data) =>
            ApiJson.Ok(new GetAllDatasetsInProjectResponse { Datasets = [.. data.ListDatasets(owner).Select(Wire.Dataset)] }));
        api.MapPut(Dataset, CreateAsync);
        api.MapGet(Dataset, (string owner, string datasetName, CommunicationsMiningData data) =>
            ApiJson.Ok(new GetDatasetResponse { Dataset = Wire.Dataset(data.GetDataset(owner, datasetName)) }));
        api.MapPost(Dataset, UpdateAsync);
        api.MapDelete(Dataset, (string owner, string datasetName, CommunicationsMiningData data) =>
        {
            data.DeleteDataset(owner, datasetName);
            return ApiJson.Ok(new DeleteDatasetResponse());
        });
        api.MapDelete("/v1/datasets/id:{datasetId}", (string datasetId, CommunicationsMiningData data) =>
        {
            data.DeleteDatasetById(datasetId);
            return ApiJson.Ok(new DeleteDatasetByIdResponse());
        });
        api.MapPost(Dataset + "/export", ExportAsync);

        // The emulator trains no model, so a dataset has no tagged model version: the list is empty, not missing.
        api.MapGet(Dataset + "/model-tags", (string owner, string datasetName, CommunicationsMiningData data) =>
        {
            _ = data.GetDataset(owner, datasetName);
            return ApiJson.Ok(new GetModelTagsResponse { ModelTags = [] });
        });
    }

    private static async Task<IResult> ExportAsync(string owner, string datasetName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<ExportDatasetRequest>(request).ConfigureAwait(false);
        if (body.Limit is < 1 or > MaxExportLimit)
        {
            throw ApiError.BadRequest($"'limit' must be an integer from 1 to {MaxExportLimit}; got {body.Limit}.");
        }

        if (body.OrderBy is not (null or ExportOrder))
        {
            throw ApiError.BadRequest($"'order_by' must be '{ExportOrder}' (the order comments were first synced); got '{body.OrderBy}'.");
        }

        var query = new ExportQuery(
            body.Continuation,
            body.Limit ?? DefaultExportLimit,
            body.From is null ? null : Timestamps.Parse(body.From, "from"),
            body.To is null ? null : Timestamps.Parse(body.To, "to"),
            body.SourceIds?.ToList(),
            body.CommentUids?.ToList());
        var (page, continuation) = data.ExportComments(owner, datasetName, query);
        return ApiJson.Ok(new ExportDatasetResponse { Comments = [.. page.Select(Wire.ExportedComment)], Continuation = continuation });
    }

    private static async Task<IResult> CreateAsync(string owner, string datasetName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<CreateDatasetRequest>(request).ConfigureAwait(false);
        var fields = body.Dataset ?? throw ApiError.BadRequest("'dataset' is required.");
        var dataset = data.CreateDataset(owner, datasetName, Wire.Changes(fields));
        return ApiJson.Ok(new CreateDatasetResponse { Dataset = Wire.Dataset(dataset) });
    }

    private static async Task<IResult> UpdateAsync(string owner, string datasetName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<UpdateDatasetRequest>(request).ConfigureAwait(false);
        var fields = body.Dataset ?? throw ApiError.BadRequest("'dataset' is required.");
        var dataset = data.UpdateDataset(owner, datasetName, Wire.Changes(fields));
        return ApiJson.Ok(new UpdateDatasetResponse { Dataset = Wire.Dataset(dataset) });
    }
}
