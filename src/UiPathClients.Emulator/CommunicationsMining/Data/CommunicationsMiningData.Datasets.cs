using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace UiPathClients.Emulator.CommunicationsMining;

public sealed partial class CommunicationsMiningData
{
    private static readonly string[] ModelFamilies = ["english", "english-dev", "german", "german-dev", "random", "transformer-english", "transformer-xlm"];

    private static readonly JsonElement DefaultPreferredLocales = JsonDocument.Parse("""{"default":"en","preferences":[]}""").RootElement.Clone();

    private static readonly JsonElement DefaultModelConfig = JsonDocument.Parse("""{"flags":[],"attribution_method":"word_ids"}""").RootElement.Clone();

    /// <summary>The datasets of one project (every dataset when <paramref name="owner"/> is null).</summary>
    internal IReadOnlyList<Dataset> ListDatasets(string? owner)
    {
        lock (_gate)
        {
            if (owner is null)
            {
                return Datasets;
            }

            RequireProject(owner);
            return [.. _datasets.Values.Where(dataset => dataset.Owner == owner).OrderBy(dataset => dataset.Name, System.StringComparer.Ordinal)];
        }
    }

    internal Dataset GetDataset(string owner, string name)
    {
        lock (_gate)
        {
            return RequireDataset(owner, name);
        }
    }

    internal Dataset CreateDataset(string owner, string name, DatasetChanges fields)
    {
        RequireApiName(name, "dataset");
        lock (_gate)
        {
            RequireProject(owner);
            if (_datasets.ContainsKey((owner, name)))
            {
                throw ApiError.Conflict($"Dataset '{owner}/{name}' already exists.");
            }

            var now = Now;
            var dataset = new Dataset
            {
                Id = NewId(),
                Owner = owner,
                Name = name,
                Title = fields.Title ?? string.Empty,
                Description = fields.Description ?? string.Empty,
                SourceIds = RequireSourceIds(fields.SourceIds ?? []),
                ModelFamily = OneOf(fields.ModelFamily, "english", "model_family", ModelFamilies),
                HasSentiment = fields.HasSentiment ?? false,
                TimeZone = fields.TimeZone ?? "UTC",
                LabelDefs = ArrayOrEmpty(fields.LabelDefs, "label_defs"),
                LabelGroups = ArrayOrEmpty(fields.LabelGroups, "label_groups"),
                EntityDefs = ArrayOrEmpty(fields.EntityDefs, "entity_defs"),
                GeneralFields = ArrayOrEmpty(fields.GeneralFields, "general_fields"),
                LabelProperties = ArrayOrEmpty(fields.LabelProperties, "_label_properties"),
                DatasetFlags = ArrayOrEmpty(fields.DatasetFlags, "_dataset_flags"),
                PreferredLocales = ObjectOr(fields.PreferredLocales, DefaultPreferredLocales, "_preferred_locales"),
                ModelConfig = ObjectOr(fields.ModelConfig, DefaultModelConfig, "_model_config"),
                DebugConfigJson = fields.DebugConfigJson,
                Created = now,
                LastModified = now,
            };
            _datasets.Add((owner, name), dataset);
            return dataset;
        }
    }

    /// <summary>Applies the fields the request carries; the others keep their values.</summary>
    internal Dataset UpdateDataset(string owner, string name, DatasetChanges fields)
    {
        lock (_gate)
        {
            var dataset = RequireDataset(owner, name);
            dataset = dataset with
            {
                Title = fields.Title ?? dataset.Title,
                Description = fields.Description ?? dataset.Description,
                SourceIds = fields.SourceIds is { } sourceIds ? RequireSourceIds(sourceIds) : dataset.SourceIds,
                ModelFamily = OneOf(fields.ModelFamily, dataset.ModelFamily, "model_family", ModelFamilies),
                HasSentiment = fields.HasSentiment ?? dataset.HasSentiment,
                TimeZone = fields.TimeZone ?? dataset.TimeZone,
                LabelDefs = fields.LabelDefs is null ? dataset.LabelDefs : ArrayOrEmpty(fields.LabelDefs, "label_defs"),
                LabelGroups = fields.LabelGroups is null ? dataset.LabelGroups : ArrayOrEmpty(fields.LabelGroups, "label_groups"),
                EntityDefs = fields.EntityDefs is null ? dataset.EntityDefs : ArrayOrEmpty(fields.EntityDefs, "entity_defs"),
                GeneralFields = fields.GeneralFields is null ? dataset.GeneralFields : ArrayOrEmpty(fields.GeneralFields, "general_fields"),
                LabelProperties = fields.LabelProperties is null ? dataset.LabelProperties : ArrayOrEmpty(fields.LabelProperties, "_label_properties"),
                DatasetFlags = fields.DatasetFlags is null ? dataset.DatasetFlags : ArrayOrEmpty(fields.DatasetFlags, "_dataset_flags"),
                PreferredLocales = ObjectOr(fields.PreferredLocales, dataset.PreferredLocales, "_preferred_locales"),
                ModelConfig = ObjectOr(fields.ModelConfig, dataset.ModelConfig, "_model_config"),
                DebugConfigJson = fields.DebugConfigJson ?? dataset.DebugConfigJson,
                LastModified = Now,
            };
            _datasets[(owner, name)] = dataset;
            return dataset;
        }
    }

    internal void DeleteDataset(string owner, string name)
    {
        lock (_gate)
        {
            RemoveDataset(RequireDataset(owner, name));
        }
    }

    internal void DeleteDatasetById(string id)
    {
        lock (_gate)
        {
            RemoveDataset(_datasets.Values.FirstOrDefault(dataset => dataset.Id == id) ?? throw ApiError.NotFound($"Dataset with id '{id}' does not exist."));
        }
    }

    private Dataset RequireDataset(string owner, string name) =>
        _datasets.GetValueOrDefault((owner, name)) ?? throw ApiError.NotFound($"Dataset '{owner}/{name}' does not exist.");

    /// <summary>A dataset goes with its streams; its sources and their comments stay.</summary>
    private void RemoveDataset(Dataset dataset)
    {
        _datasets.Remove((dataset.Owner, dataset.Name));
        _streams.Remove(dataset.Id);
    }

    private List<string> RequireSourceIds(IEnumerable<string> sourceIds)
    {
        var ids = sourceIds.Distinct(System.StringComparer.Ordinal).ToList();
        var unknown = ids.Where(id => !_sources.Values.Any(source => source.Id == id)).ToList();
        return unknown.Count == 0
            ? ids
            : throw ApiError.BadRequest($"'source_ids' names sources that do not exist: {string.Join(", ", unknown)}.");
    }
}
