using System.Collections.Generic;
using System.Linq;

namespace UiPathClients.Emulator.CommunicationsMining;

public sealed partial class CommunicationsMiningData
{
    private static readonly string[] SourceKinds = ["call", "chat", "unknown", "ixp_design", "ixp_runtime"];

    private static readonly string[] Languages = ["en", "de", "xlm"];

    /// <summary>The sources of one project (every source when <paramref name="owner"/> is null).</summary>
    internal IReadOnlyList<Source> ListSources(string? owner)
    {
        lock (_gate)
        {
            if (owner is null)
            {
                return Sources;
            }

            RequireProject(owner);
            return [.. _sources.Values.Where(source => source.Owner == owner).OrderBy(source => source.Name, System.StringComparer.Ordinal)];
        }
    }

    internal Source GetSource(string owner, string name)
    {
        lock (_gate)
        {
            return RequireSource(owner, name);
        }
    }

    internal Source GetSourceById(string id)
    {
        lock (_gate)
        {
            return RequireSourceById(id);
        }
    }

    internal Source CreateSource(string owner, string name, SourceChanges fields)
    {
        RequireApiName(name, "source");
        lock (_gate)
        {
            RequireProject(owner);
            if (_sources.ContainsKey((owner, name)))
            {
                throw ApiError.Conflict($"Source '{owner}/{name}' already exists.");
            }

            var now = Now;
            var source = new Source
            {
                Id = NewId(),
                Owner = owner,
                Name = name,
                Kind = OneOf(fields.Kind, "unknown", "_kind", SourceKinds),
                Language = OneOf(fields.Language, "en", "language", Languages),
                Title = fields.Title ?? string.Empty,
                Description = fields.Description ?? string.Empty,
                ShouldTranslate = fields.ShouldTranslate ?? false,
                SensitiveProperties = fields.SensitiveProperties ?? [],
                BucketId = fields.BucketId,
                EmailTransformTag = fields.EmailTransformTag,
                EmailTransformVersion = fields.EmailTransformVersion,
                CreatedAt = now,
                UpdatedAt = now,
            };
            _sources.Add((owner, name), source);
            _comments.Add(source.Id, new Dictionary<string, Comment>(System.StringComparer.Ordinal));
            return source;
        }
    }

    /// <summary>Applies the fields the request carries; the others keep their values.</summary>
    internal Source UpdateSource(string owner, string name, SourceChanges fields)
    {
        lock (_gate)
        {
            var source = RequireSource(owner, name);
            source = source with
            {
                Kind = OneOf(fields.Kind, source.Kind, "_kind", SourceKinds),
                Language = OneOf(fields.Language, source.Language, "language", Languages),
                Title = fields.Title ?? source.Title,
                Description = fields.Description ?? source.Description,
                ShouldTranslate = fields.ShouldTranslate ?? source.ShouldTranslate,
                SensitiveProperties = fields.SensitiveProperties ?? source.SensitiveProperties,
                BucketId = fields.BucketId ?? source.BucketId,
                EmailTransformTag = fields.EmailTransformTag ?? source.EmailTransformTag,
                EmailTransformVersion = fields.EmailTransformVersion ?? source.EmailTransformVersion,
                UpdatedAt = Now,
            };
            _sources[(owner, name)] = source;
            return source;
        }
    }

    internal void DeleteSource(string owner, string name)
    {
        lock (_gate)
        {
            RemoveSource(RequireSource(owner, name));
        }
    }

    internal void DeleteSourceById(string id)
    {
        lock (_gate)
        {
            RemoveSource(RequireSourceById(id));
        }
    }

    private Source RequireSource(string owner, string name) =>
        _sources.GetValueOrDefault((owner, name)) ?? throw ApiError.NotFound($"Source '{owner}/{name}' does not exist.");

    private Source RequireSourceById(string id) =>
        _sources.Values.FirstOrDefault(source => source.Id == id) ?? throw ApiError.NotFound($"Source with id '{id}' does not exist.");

    /// <summary>A source goes with its comments, and leaves every dataset that contained it.</summary>
    private void RemoveSource(Source source)
    {
        _sources.Remove((source.Owner, source.Name));
        _comments.Remove(source.Id);
        foreach (var dataset in _datasets.Values.Where(dataset => dataset.SourceIds.Contains(source.Id)).ToList())
        {
            _datasets[(dataset.Owner, dataset.Name)] = dataset with
            {
                SourceIds = [.. dataset.SourceIds.Where(id => id != source.Id)],
                LastModified = Now,
            };
        }
    }
}
