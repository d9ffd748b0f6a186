using System;
using System.Text.Json;
using UiPathClients.Emulator.CommunicationsMining.Contracts;

namespace UiPathClients.Emulator.CommunicationsMining;

/// <summary>A comment of a sync request, checked: what the store upserts.</summary>
internal sealed record CommentInput(
    string Id,
    DateTimeOffset? Timestamp,
    string? ThreadId,
    JsonElement? UserProperties,
    JsonElement? Messages,
    JsonElement? Attachments,
    JsonElement? TextFormat)
{
    /// <summary>Checks the <paramref name="index"/>th comment of a request, or answers 400 naming it.</summary>
    public static CommentInput From(CommentNew? comment, int index)
    {
        var where = $"comments[{index}]";
        if (comment is null)
        {
            throw ApiError.BadRequest($"'{where}' must be an object.");
        }

        if (string.IsNullOrEmpty(comment.Id))
        {
            throw ApiError.BadRequest($"'{where}.id' is required.");
        }

        DateTimeOffset? timestamp = comment.Timestamp is null ? null : Timestamps.Parse(comment.Timestamp, where + ".timestamp");
        if (comment.Messages is { } messages)
        {
            for (var position = 0; position < messages.Count; position++)
            {
                // The body is the one part of a message the service requires: it is what models read.
                if (messages[position]?.Body?.Text is null)
                {
                    throw ApiError.BadRequest($"'{where}.messages[{position}]' must be an object with 'body': {{'text': string}}.");
                }
            }
        }

        return new CommentInput(
            comment.Id,
            timestamp,
            comment.ThreadId,
            ToElement(comment.UserProperties, where + ".user_properties"),
            ToElement(comment.Messages, where + ".messages"),
            ToElement(comment.Attachments, where + ".attachments"),
            comment.TextFormat);
    }

    private static JsonElement? ToElement<T>(T? value, string field) => Http.ApiJson.ToElement(value, field);
}

/// <summary>What a sync did, comment by comment (the response's counters).</summary>
internal sealed record SyncOutcome(int New, int UpdatedPropertiesOnly, int UpdatedTextChanged, int Unchanged)
{
    public int Updated => UpdatedPropertiesOnly + UpdatedTextChanged;
}

/// <summary>Which comments of a source to list, in which order, from where.</summary>
internal sealed record CommentPageQuery(string? After, int Limit, DateTimeOffset? From, DateTimeOffset? To, bool Descending);
