using System;
using System.Collections.Generic;

namespace UiPathClients.Emulator.CommunicationsMining;

/// <summary>A Communications Mining source: a collection of comments, synced by the comment's own id.</summary>
public sealed record Source
{
    /// <summary>The source's unique id (comments carry it as <c>source_id</c>, datasets list it in <c>source_ids</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The project that owns the source.</summary>
    public required string Owner { get; init; }

    /// <summary>The API name that appears in URLs.</summary>
    public required string Name { get; init; }

    /// <summary>The source kind (<c>_kind</c>), e.g. <c>unknown</c>, <c>call</c>, <c>chat</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The language of the messages, e.g. <c>en</c>.</summary>
    public required string Language { get; init; }

    /// <summary>A short description.</summary>
    public required string Title { get; init; }

    /// <summary>A longer description.</summary>
    public required string Description { get; init; }

    /// <summary>Whether messages are translated automatically.</summary>
    public required bool ShouldTranslate { get; init; }

    /// <summary>User properties that need extra permissions to view.</summary>
    public required IReadOnlyList<string> SensitiveProperties { get; init; }

    /// <summary>The bucket the source reads emails from, when it has one.</summary>
    public string? BucketId { get; init; }

    /// <summary>The email parsing tag, when set.</summary>
    public string? EmailTransformTag { get; init; }

    /// <summary>The email parsing version, when set.</summary>
    public int? EmailTransformVersion { get; init; }

    /// <summary>When the source was created, by the emulator's clock.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the source was last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
