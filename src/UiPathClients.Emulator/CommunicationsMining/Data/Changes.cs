using System.Collections.Generic;
using System.Text.Json;

namespace UiPathClients.Emulator.CommunicationsMining;

// What a create or update request asks the store to set, read from the generated request classes by the
// endpoints. Null means "not in the request": create applies the service's default, update keeps the value.
// Taxonomies, filters and model settings are JSON because the store keeps them as sent.

/// <summary>The fields of a <c>DatasetNew</c> or <c>DatasetUpdate</c>.</summary>
internal sealed record DatasetChanges
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? SourceIds { get; init; }

    public string? ModelFamily { get; init; }

    public bool? HasSentiment { get; init; }

    public string? TimeZone { get; init; }

    public JsonElement? LabelDefs { get; init; }

    public JsonElement? LabelGroups { get; init; }

    public JsonElement? EntityDefs { get; init; }

    public JsonElement? GeneralFields { get; init; }

    public JsonElement? LabelProperties { get; init; }

    public JsonElement? DatasetFlags { get; init; }

    public JsonElement? PreferredLocales { get; init; }

    public JsonElement? ModelConfig { get; init; }

    public string? DebugConfigJson { get; init; }
}

/// <summary>The fields of a <c>SourceUpdate</c> (the body of create and update alike).</summary>
internal sealed record SourceChanges
{
    public string? Kind { get; init; }

    public string? Language { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public bool? ShouldTranslate { get; init; }

    public IReadOnlyList<string>? SensitiveProperties { get; init; }

    public string? BucketId { get; init; }

    public string? EmailTransformTag { get; init; }

    public int? EmailTransformVersion { get; init; }
}

/// <summary>The fields of a <c>TriggerNew</c> or <c>TriggerUpdate</c> (a stream's create and update bodies).</summary>
internal sealed record StreamChanges
{
    public string? Name { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public JsonElement? CommentFilter { get; init; }

    public JsonElement? Model { get; init; }
}
