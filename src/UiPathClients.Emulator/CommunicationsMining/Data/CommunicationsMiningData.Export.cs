using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace UiPathClients.Emulator.CommunicationsMining;

public sealed partial class CommunicationsMiningData
{
    /// <summary>
    /// One page of a dataset's comments (those of its sources) in the order they were first synced. The
    /// continuation names the last comment returned by its creation position, not an offset: comments synced
    /// between pages come after every existing one and an update keeps a comment's place, so a reader that
    /// follows the tokens sees each comment once, whatever is synced or deleted meanwhile.
    /// </summary>
    internal (IReadOnlyList<Comment> Page, string? Continuation) ExportComments(string owner, string datasetName, ExportQuery query)
    {
        lock (_gate)
        {
            var dataset = RequireDataset(owner, datasetName);
            var after = query.Continuation is null ? 0 : ReadExportContinuation(query.Continuation, dataset);
            var sourceIds = query.SourceIds ?? dataset.SourceIds;
            var foreign = sourceIds.Where(id => !dataset.SourceIds.Contains(id, StringComparer.Ordinal)).ToList();
            if (foreign.Count > 0)
            {
                throw ApiError.BadRequest($"'source_ids' names sources that are not in dataset '{owner}/{datasetName}': {string.Join(", ", foreign)}.");
            }

            var uids = query.CommentUids is null ? null : new HashSet<string>(query.CommentUids, StringComparer.Ordinal);
            var page = sourceIds.Distinct(StringComparer.Ordinal)
                .SelectMany(id => _comments.TryGetValue(id, out var comments) ? comments.Values : Enumerable.Empty<Comment>())
                .Where(comment => comment.Sequence > after
                    && (query.From is null || comment.Timestamp >= query.From)
                    && (query.To is null || comment.Timestamp < query.To)
                    && (uids is null || uids.Contains(comment.Uid)))
                .OrderBy(comment => comment.Sequence)
                .Take(query.Limit + 1)
                .ToList();
            if (page.Count <= query.Limit)
            {
                return (page, null);
            }

            page.RemoveAt(page.Count - 1);
            return (page, WriteExportContinuation(dataset, page[^1]));
        }
    }

    /// <summary>Bound to the dataset, so a token of another dataset (or a recreated one) is refused rather than misread.</summary>
    private static string WriteExportContinuation(Dataset dataset, Comment last) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes("export:" + dataset.Id + ":" + last.Sequence.ToString(CultureInfo.InvariantCulture)));

    private static long ReadExportContinuation(string token, Dataset dataset)
    {
        try
        {
            var prefix = "export:" + dataset.Id + ":";
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            if (text.StartsWith(prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                return sequence;
            }
        }
        catch (FormatException)
        {
        }

        throw ApiError.BadRequest($"'continuation' is not a token that an export of dataset '{dataset.Owner}/{dataset.Name}' returned: '{token}'.");
    }
}

/// <summary>What an export asks for: the page size, where to resume, and optional narrowing by source, comment and timestamp window.</summary>
internal sealed record ExportQuery(
    string? Continuation,
    int Limit,
    DateTimeOffset? From,
    DateTimeOffset? To,
    IReadOnlyList<string>? SourceIds,
    IReadOnlyCollection<string>? CommentUids);
