using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

// Response bodies as the endpoint index names them (snake_case through the serializer's naming policy).
// Members the index marks optional are left out when null; required-but-nullable ones are always written.
namespace UiPathClients.Emulator.CommunicationsMining.Contracts;

/// <summary>Every successful answer carries <c>"status": "ok"</c>, first.</summary>
internal abstract record OkResponse
{
    [JsonPropertyOrder(-1)]
    public string Status { get; } = "ok";
}

internal sealed record StatusResponse : OkResponse;

/// <summary>The error body: <c>{"message": "404 Not Found", "status": "error"}</c>, in that order.</summary>
internal sealed record ErrorResponse(string Message)
{
    [JsonPropertyOrder(1)]
    public string Status { get; } = "error";
}

internal sealed record ProjectJson(string Id, string Name, string Title, string Description, string CreatedAt, string UpdatedAt, bool UserAutoJoin);

internal sealed record ProjectV1Json(string Name, string Title, string Description);

internal sealed record ProjectResponse(ProjectJson Project) : OkResponse;

internal sealed record ProjectsResponse(IReadOnlyList<ProjectJson> Projects) : OkResponse;

internal sealed record ProjectsV1Response(IReadOnlyList<ProjectV1Json> Projects) : OkResponse;

internal sealed record DatasetJson(
    string Id,
    string Owner,
    string Name,
    string Title,
    string Description,
    string Created,
    string LastModified,
    string ModelFamily,
    IReadOnlyList<string> SourceIds,
    bool HasSentiment,
    bool LimitedAccess,
    JsonElement EntityDefs,
    JsonElement GeneralFields,
    JsonElement LabelGroups,
    JsonElement LabelDefs,
    [property: JsonPropertyName("_label_properties")] JsonElement LabelProperties,
    [property: JsonPropertyName("_timezone")] string TimeZone,
    [property: JsonPropertyName("_preferred_locales")] JsonElement PreferredLocales,
    [property: JsonPropertyName("_dataset_flags")] JsonElement DatasetFlags,
    [property: JsonPropertyName("debug_config_json"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DebugConfigJson,
    [property: JsonPropertyName("_model_config")] JsonElement ModelConfig);

internal sealed record DatasetResponse(DatasetJson Dataset) : OkResponse;

internal sealed record DatasetsResponse(IReadOnlyList<DatasetJson> Datasets) : OkResponse;

internal sealed record SourceJson(
    string Id,
    [property: JsonPropertyName("_kind")] string Kind,
    string Owner,
    string Name,
    string Language,
    string Title,
    string Description,
    bool ShouldTranslate,
    IReadOnlyList<string> SensitiveProperties,
    string CreatedAt,
    string UpdatedAt,
    string LastModified,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BucketId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EmailTransformTag,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EmailTransformVersion);

internal sealed record SourceResponse(SourceJson Source) : OkResponse;

internal sealed record SourcesResponse(IReadOnlyList<SourceJson> Sources) : OkResponse;

internal sealed record CommentJson(
    string Uid,
    string Id,
    string Timestamp,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ThreadId,
    JsonElement UserProperties,
    JsonElement Messages,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? TextFormat,
    JsonElement Attachments,
    string SourceId,
    string LastModified,
    string CreatedAt);

internal sealed record CommentResponse(CommentJson Comment) : OkResponse;

internal sealed record CommentsResponse(
    IReadOnlyList<CommentJson> Comments,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Continuation) : OkResponse;

/// <summary>
/// <c>updated</c> counts every changed comment; it splits into <c>updated_text_changed</c> (a message
/// changed: the billable kind) and <c>updated_properties_only</c>.
/// </summary>
internal sealed record SyncCommentsResponse(int New, int Updated, int UpdatedPropertiesOnly, int UpdatedTextChanged, int Unchanged) : OkResponse;

/// <summary>The API's <c>Trigger</c>.</summary>
internal sealed record StreamJson(
    string Id,
    string DatasetId,
    string Name,
    string Title,
    string Description,
    string CreatedAt,
    string? UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? CommentFilter,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Model);

internal sealed record StreamResponse(StreamJson Stream) : OkResponse;

internal sealed record StreamsResponse(IReadOnlyList<StreamJson> Streams) : OkResponse;

internal sealed record StreamCommentResultJson(CommentJson Comment, string SequenceId);

internal sealed record FetchFromStreamResponse(int Filtered, string SequenceId, IReadOnlyList<StreamCommentResultJson> Results, bool IsEndSequence) : OkResponse;

internal sealed record StreamResultJson(CommentJson Comment, StreamPredictionJson? Prediction, string Continuation);

/// <summary>Never produced: the emulator has no model. Declared so <c>prediction</c> is written as <c>null</c>.</summary>
internal sealed record StreamPredictionJson;

internal sealed record StreamResultsResponse(IReadOnlyList<StreamResultJson> Results, int NumFiltered, bool MoreResults, string Continuation) : OkResponse;

internal sealed record AdvanceStreamResponse(string SequenceId) : OkResponse;

internal sealed record ResetStreamResponse(string SequenceId, StreamJson Stream) : OkResponse;

/// <summary>
/// The API's <c>ExportedComment</c>. The emulator has no labelling and no model, so <c>annotations</c> and
/// <c>predictions</c> are present (the spec requires them) with empty label lists; <c>thread_properties</c> is left out.
/// </summary>
internal sealed record ExportedCommentJson(CommentJson Comment, ExportedAnnotationsJson Annotations, ExportedPredictionsJson Predictions);

internal sealed record ExportedAnnotationsJson(ExportedLabelsJson Labels);

internal sealed record ExportedLabelsJson(IReadOnlyList<JsonElement> Assigned);

internal sealed record ExportedPredictionsJson(IReadOnlyList<JsonElement> Labels);

internal sealed record ExportDatasetResponse(
    IReadOnlyList<ExportedCommentJson> Comments,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Continuation) : OkResponse;
