using System;
using System.Text.Json;

namespace UiPathClients.Emulator.CommunicationsMining;

/// <summary>A stream of a dataset (the API's <c>Trigger</c>): which comments it hands out, not where it stands.</summary>
public sealed record StreamDefinition
{
    /// <summary>The stream's unique id.</summary>
    public required string Id { get; init; }

    /// <summary>The id of the dataset the stream reads.</summary>
    public required string DatasetId { get; init; }

    /// <summary>The API name that appears in URLs.</summary>
    public required string Name { get; init; }

    /// <summary>A short description.</summary>
    public required string Title { get; init; }

    /// <summary>A longer description.</summary>
    public required string Description { get; init; }

    /// <summary>The comment filter as sent (stored and returned; the emulator does not apply it).</summary>
    public JsonElement? CommentFilter { get; init; }

    /// <summary>The model and label thresholds as sent (stored and returned; the emulator predicts nothing).</summary>
    public JsonElement? Model { get; init; }

    /// <summary>When the stream was created, by the emulator's clock.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the stream was last updated; <see langword="null"/> until then.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
