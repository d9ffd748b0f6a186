using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace UiPathClients.Emulator.CommunicationsMining;

public sealed partial class CommunicationsMiningData
{
    /// <summary>The comments of each source (by source id), by comment id.</summary>
    private readonly Dictionary<string, Dictionary<string, Comment>> _comments = new(StringComparer.Ordinal);

    /// <summary>The <see cref="Comment.Sequence"/> of the newest comment.</summary>
    private long _lastSequence;

    /// <summary>The comments of a source in the order they were created.</summary>
    /// <param name="owner">The owning project.</param>
    /// <param name="sourceName">The source's API name.</param>
    /// <exception cref="KeyNotFoundException">The source does not exist.</exception>
    public IReadOnlyList<Comment> GetComments(string owner, string sourceName)
    {
        lock (_gate)
        {
            var source = _sources.GetValueOrDefault((owner, sourceName)) ?? throw new KeyNotFoundException($"Source '{owner}/{sourceName}' does not exist.");
            return [.. _comments[source.Id].Values.OrderBy(comment => comment.Sequence)];
        }
    }

    /// <summary>
    /// Upserts by comment id: a new id adds a comment, a known id replaces its content when anything changed.
    /// A comment keeps its creation time (and so its place in streams) across updates.
    /// </summary>
    internal SyncOutcome SyncComments(string owner, string sourceName, IReadOnlyList<CommentInput> inputs)
    {
        var duplicate = inputs.GroupBy(input => input.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw ApiError.BadRequest($"Comment id '{duplicate.Key}' appears more than once in the request.");
        }

        lock (_gate)
        {
            var source = RequireSource(owner, sourceName);
            var comments = _comments[source.Id];
            var now = Now;
            int created = 0, propertiesOnly = 0, textChanged = 0, unchanged = 0;
            foreach (var input in inputs)
            {
                if (!comments.TryGetValue(input.Id, out var existing))
                {
                    comments.Add(input.Id, new Comment
                    {
                        Id = input.Id,
                        SourceId = source.Id,
                        Timestamp = input.Timestamp ?? now,
                        ThreadId = input.ThreadId,
                        UserProperties = input.UserProperties ?? EmptyObject,
                        Messages = input.Messages ?? EmptyArray,
                        Attachments = input.Attachments ?? EmptyArray,
                        TextFormat = input.TextFormat,
                        CreatedAt = now,
                        LastModified = now,
                        Sequence = ++_lastSequence,
                    });
                    created++;
                    continue;
                }

                var replacement = existing with
                {
                    Timestamp = input.Timestamp ?? existing.Timestamp,
                    ThreadId = input.ThreadId,
                    UserProperties = input.UserProperties ?? EmptyObject,
                    Messages = input.Messages ?? EmptyArray,
                    Attachments = input.Attachments ?? EmptyArray,
                    TextFormat = input.TextFormat,
                };
                var sameText = SameJson(replacement.Messages, existing.Messages);
                if (sameText
                    && replacement.Timestamp == existing.Timestamp
                    && replacement.ThreadId == existing.ThreadId
                    && SameJson(replacement.UserProperties, existing.UserProperties)
                    && SameJson(replacement.Attachments, existing.Attachments)
                    && SameJson(replacement.TextFormat, existing.TextFormat))
                {
                    unchanged++;
                    continue;
                }

                comments[input.Id] = replacement with { LastModified = now };
                if (sameText)
                {
                    propertiesOnly++;
                }
                else
                {
                    textChanged++;
                }
            }

            return new SyncOutcome(created, propertiesOnly, textChanged, unchanged);
        }
    }

    internal Comment GetComment(string owner, string sourceName, string commentId)
    {
        lock (_gate)
        {
            var source = RequireSource(owner, sourceName);
            return _comments[source.Id].GetValueOrDefault(commentId)
                ?? throw ApiError.NotFound($"Comment '{commentId}' does not exist in source '{owner}/{sourceName}'.");
        }
    }

    /// <summary>Deletes the comments with these ids; ids the source does not hold are ignored.</summary>
    internal void DeleteComments(string owner, string sourceName, IReadOnlyCollection<string> commentIds)
    {
        lock (_gate)
        {
            var comments = _comments[RequireSource(owner, sourceName).Id];
            foreach (var id in commentIds)
            {
                comments.Remove(id);
            }
        }
    }

    /// <summary>
    /// One page of a source's comments in timestamp order (ties by id). The continuation token names the last
    /// comment returned, not an offset, so comments synced between pages neither repeat nor go missing.
    /// </summary>
    internal (IReadOnlyList<Comment> Page, string? Continuation) ListComments(string owner, string sourceName, CommentPageQuery query)
    {
        var after = query.After is null ? ((DateTimeOffset, string)?)null : ReadContinuation(query.After);
        lock (_gate)
        {
            var source = RequireSource(owner, sourceName);
            IEnumerable<Comment> comments = _comments[source.Id].Values
                .Where(comment => (query.From is null || comment.Timestamp >= query.From) && (query.To is null || comment.Timestamp < query.To));
            comments = query.Descending
                ? comments.OrderByDescending(comment => comment.Timestamp).ThenByDescending(comment => comment.Id, StringComparer.Ordinal)
                : comments.OrderBy(comment => comment.Timestamp).ThenBy(comment => comment.Id, StringComparer.Ordinal);
            if (after is { } key)
            {
                comments = comments.Where(comment => CompareKey(comment, key) * (query.Descending ? -1 : 1) > 0);
            }

            var page = comments.Take(query.Limit + 1).ToList();
            if (page.Count <= query.Limit)
            {
                return (page, null);
            }

            page.RemoveAt(page.Count - 1);
            return (page, WriteContinuation(page[^1]));
        }
    }

    private static int CompareKey(Comment comment, (DateTimeOffset Timestamp, string Id) key)
    {
        var byTime = comment.Timestamp.CompareTo(key.Timestamp);
        return byTime != 0 ? byTime : string.CompareOrdinal(comment.Id, key.Id);
    }

    private static string WriteContinuation(Comment last) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(last.Timestamp.UtcTicks.ToString(CultureInfo.InvariantCulture) + ":" + last.Id));

    private static (DateTimeOffset, string) ReadContinuation(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks)
            {
                return (new DateTimeOffset(ticks, TimeSpan.Zero), text[(colon + 1)..]);
            }
        }
        catch (FormatException)
        {
        }

        throw ApiError.BadRequest($"'after' is not a continuation token this API returned: '{token}'.");
    }

    private static bool SameJson(JsonElement? left, JsonElement? right) =>
        left is null || right is null ? left is null && right is null : JsonElement.DeepEquals(left.Value, right.Value);
}
