using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UiPathClients.Emulator.CommunicationsMining.Contracts;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>Datasets: <c>v1/datasets[/{owner}[/{dataset_name}]]</c> and <c>v1/datasets/id:{dataset_id}</c>.</summary>
internal static class DatasetEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        const string Dataset = "/v1/datasets/{owner}/{datasetName}";

        api.MapGet("/v1/datasets", (CommunicationsMiningData data) =>
            ApiJson.Ok(new DatasetsResponse([.. data.ListDatasets(owner: null).Select(Wire.Dataset)])));
        api.MapGet("/v1/datasets/{owner}", (string owner, CommunicationsMiningData data) =>
            ApiJson.Ok(new DatasetsResponse([.. data.ListDatasets(owner).Select(Wire.Dataset)])));
        api.MapPut(Dataset, CreateAsync);
        api.MapGet(Dataset, (string owner, string datasetName, CommunicationsMiningData data) =>
            ApiJson.Ok(new DatasetResponse(Wire.Dataset(data.GetDataset(owner, datasetName)))));
        api.MapPost(Dataset, UpdateAsync);
        api.MapDelete(Dataset, (string owner, string datasetName, CommunicationsMiningData data) =>
        {
            data.DeleteDataset(owner, datasetName);
            return ApiJson.Ok(new StatusResponse());
        });
        api.MapDelete("/v1/datasets/id:{datasetId}", (string datasetId, CommunicationsMiningData data) =>
        {
            data.DeleteDatasetById(datasetId);
            return ApiJson.Ok(new StatusResponse());
        });
    }

    private static async Task<IResult> CreateAsync(string owner, string datasetName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<DatasetRequest>(request).ConfigureAwait(false);
        var dataset = data.CreateDataset(owner, datasetName, body.Dataset ?? throw ApiError.BadRequest("'dataset' is required."));
        return ApiJson.Ok(new DatasetResponse(Wire.Dataset(dataset)));
    }

    private static async Task<IResult> UpdateAsync(string owner, string datasetName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<DatasetRequest>(request).ConfigureAwait(false);
        var dataset = data.UpdateDataset(owner, datasetName, body.Dataset ?? throw ApiError.BadRequest("'dataset' is required."));
        return ApiJson.Ok(new DatasetResponse(Wire.Dataset(dataset)));
    }
}
