using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UiPathClients.Emulator.CommunicationsMining.Contracts;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>
/// Triggers: the earlier name of streams, still in the description under <c>v1/datasets/{owner}/{dataset_name}/triggers</c>.
/// Both names address the same store (the description gives both the one <c>Trigger</c> type), so a stream made
/// under one name is read, fetched, advanced and reset under the other; only the bodies' member is <c>trigger</c>.
/// </summary>
internal static class TriggerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        const string Triggers = "/v1/datasets/{owner}/{datasetName}/triggers";
        const string Trigger = Triggers + "/{triggerName}";

        api.MapGet(Triggers, (string owner, string datasetName, CommunicationsMiningData data) =>
            ApiJson.Ok(new GetAllTriggersInDatasetResponse { Triggers = [.. data.ListStreams(owner, datasetName).Select(Wire.Stream)] }));
        api.MapPut(Triggers, CreateAsync);
        api.MapGet(Trigger, (string owner, string datasetName, string triggerName, CommunicationsMiningData data) =>
            ApiJson.Ok(new GetTriggerResponse { Trigger = Wire.Stream(data.GetStream(owner, datasetName, triggerName)) }));
        api.MapPost(Trigger, UpdateAsync);
        api.MapDelete(Trigger, (string owner, string datasetName, string triggerName, CommunicationsMiningData data) =>
        {
            data.DeleteStream(owner, datasetName, triggerName);
            return ApiJson.Ok(new DeleteTriggerResponse());
        });
        api.MapPost(Trigger + "/fetch", PollAsync);
        api.MapPost(Trigger + "/advance", AdvanceAsync);
        api.MapPost(Trigger + "/reset", ResetAsync);
    }

    private static async Task<IResult> CreateAsync(string owner, string datasetName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<CreateTriggerRequest>(request).ConfigureAwait(false);
        var fields = body.Trigger ?? throw ApiError.BadRequest("'trigger' is required.");
        var trigger = data.CreateStream(owner, datasetName, Wire.Changes(fields));
        return ApiJson.Ok(new CreateTriggerResponse { Trigger = Wire.Stream(trigger) });
    }

    private static async Task<IResult> UpdateAsync(string owner, string datasetName, string triggerName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<UpdateTriggerRequest>(request).ConfigureAwait(false);
        var fields = body.Trigger ?? throw ApiError.BadRequest("'trigger' is required.");
        var trigger = data.UpdateStream(owner, datasetName, triggerName, Wire.Changes(fields));
        return ApiJson.Ok(new UpdateTriggerResponse { Trigger = Wire.Stream(trigger) });
    }

    private static async Task<IResult> PollAsync(string owner, string datasetName, string triggerName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<PollTriggerRequest>(request).ConfigureAwait(false);
        var (sequenceId, results, isEndSequence) = StreamEndpoints.Fetch(owner, datasetName, triggerName, body.Size, data);
        return ApiJson.Ok(new PollTriggerResponse { Filtered = 0, SequenceId = sequenceId, Results = results, IsEndSequence = isEndSequence });
    }

    private static async Task<IResult> AdvanceAsync(string owner, string datasetName, string triggerName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<AdvanceTriggerRequest>(request).ConfigureAwait(false);
        return ApiJson.Ok(new AdvanceTriggerResponse { SequenceId = StreamEndpoints.Advance(owner, datasetName, triggerName, body.SequenceId, data) });
    }

    private static async Task<IResult> ResetAsync(string owner, string datasetName, string triggerName, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<ResetTriggerRequest>(request).ConfigureAwait(false);
        var (trigger, sequenceId) = StreamEndpoints.Reset(owner, datasetName, triggerName, body.ToCommentCreatedAt, data);
        return ApiJson.Ok(new ResetTriggerResponse { SequenceId = sequenceId, Trigger = Wire.Stream(trigger) });
    }
}
