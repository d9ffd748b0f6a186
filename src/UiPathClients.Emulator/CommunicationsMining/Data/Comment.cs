using System;
using System.Text.Json;

namespace UiPathClients.Emulator.CommunicationsMining;

/// <summary>
/// A comment of a source, as the last sync left it. Messages, user properties and attachments are kept as
/// the client sent them, so what a client reads back is what it wrote.
/// </summary>
public sealed record Comment
{
    /// <summary>The comment's id, unique within its source (the client chooses it; sync upserts by it).</summary>
    public required string Id { get; init; }

    /// <summary>The id of the source that holds the comment.</summary>
    public required string SourceId { get; init; }

    /// <summary>The id unique across sources: <c>{source_id}.{id}</c>.</summary>
    public string Uid => SourceId + "." + Id;

    /// <summary>The comment's own timestamp (the client's; the emulator's clock when the client sent none).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The thread the comment belongs to, when given.</summary>
    public string? ThreadId { get; init; }

    /// <summary>User properties (a JSON object, e.g. <c>{"string:Country": "uk"}</c>).</summary>
    public required JsonElement UserProperties { get; init; }

    /// <summary>The messages (a JSON array of <c>{from, to, body: {text}, subject, …}</c>).</summary>
    public required JsonElement Messages { get; init; }

    /// <summary>The attachments' metadata (a JSON array).</summary>
    public required JsonElement Attachments { get; init; }

    /// <summary>The text format, when given.</summary>
    public JsonElement? TextFormat { get; init; }

    /// <summary>When the comment was first synced, by the emulator's clock; streams deliver comments in this order.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a sync last changed the comment.</summary>
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>Position in the order comments were created, across every source; streams move along it.</summary>
    internal long Sequence { get; init; }
}
