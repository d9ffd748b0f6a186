using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

// Request bodies as the endpoint index names them. Every member is nullable: the endpoints say which are
// required, with a message naming the field, rather than failing deserialization with a generic one.
// Parts the emulator only stores (taxonomies, filters, messages) stay JsonElement so nothing is lost.
namespace UiPathClients.Emulator.CommunicationsMining.Contracts;

internal sealed class CreateProjectRequest
{
    public ProjectNew? Project { get; set; }

    public List<string>? UserIds { get; set; }

    public List<string>? UipathUserIds { get; set; }
}

internal sealed class UpdateProjectRequest
{
    public ProjectNew? Project { get; set; }
}

internal sealed class ProjectNew
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public bool? UserAutoJoin { get; set; }
}

/// <summary>The body of create (<c>DatasetNew</c>) and update (<c>DatasetUpdate</c>): the union of both.</summary>
internal sealed class DatasetRequest
{
    public DatasetFields? Dataset { get; set; }
}

internal sealed class DatasetFields
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public List<string>? SourceIds { get; set; }

    public string? ModelFamily { get; set; }

    public bool? HasSentiment { get; set; }

    public JsonElement? LabelDefs { get; set; }

    public JsonElement? LabelGroups { get; set; }

    public JsonElement? EntityDefs { get; set; }

    public List<string>? EntityKinds { get; set; }

    public JsonElement? GeneralFields { get; set; }

    [JsonPropertyName("_label_properties")]
    public JsonElement? LabelProperties { get; set; }

    [JsonPropertyName("_timezone")]
    public string? TimeZone { get; set; }

    [JsonPropertyName("_preferred_locales")]
    public JsonElement? PreferredLocales { get; set; }

    [JsonPropertyName("_dataset_flags")]
    public JsonElement? DatasetFlags { get; set; }

    [JsonPropertyName("_model_config")]
    public JsonElement? ModelConfig { get; set; }

    public string? DebugConfigJson { get; set; }

    public string? CopyAnnotationsFrom { get; set; }
}

/// <summary>The body of create and update source: both carry a <c>SourceUpdate</c>.</summary>
internal sealed class SourceRequest
{
    public SourceFields? Source { get; set; }
}

internal sealed class SourceFields
{
    [JsonPropertyName("_kind")]
    public string? Kind { get; set; }

    public string? Language { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public bool? ShouldTranslate { get; set; }

    public List<string>? SensitiveProperties { get; set; }

    public string? BucketId { get; set; }

    public string? EmailTransformTag { get; set; }

    public int? EmailTransformVersion { get; set; }
}

internal sealed class SyncCommentsRequest
{
    public List<CommentNew?>? Comments { get; set; }
}

internal sealed class CommentNew
{
    public string? Id { get; set; }

    public string? Timestamp { get; set; }

    public string? ThreadId { get; set; }

    public JsonElement? UserProperties { get; set; }

    public JsonElement? Messages { get; set; }

    public JsonElement? TextFormat { get; set; }

    public JsonElement? Attachments { get; set; }
}

/// <summary>The body of create stream and update stream: both carry a <c>TriggerNew</c>.</summary>
internal sealed class StreamRequest
{
    public StreamFields? Stream { get; set; }
}

internal sealed class StreamFields
{
    public string? Name { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public JsonElement? CommentFilter { get; set; }

    public JsonElement? Model { get; set; }
}

internal sealed class FetchFromStreamRequest
{
    public int? Size { get; set; }

    public int? MaxFiltered { get; set; }
}

internal sealed class AdvanceStreamRequest
{
    public string? SequenceId { get; set; }
}

internal sealed class ResetStreamRequest
{
    public string? ToCommentCreatedAt { get; set; }
}

/// <summary>The body of <c>exportDataset</c>.</summary>
internal sealed class ExportDatasetRequest
{
    public List<string>? CommentUids { get; set; }

    public List<string>? SourceIds { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Continuation { get; set; }

    public string? OrderBy { get; set; }

    public int? Limit { get; set; }
}
