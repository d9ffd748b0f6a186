using System;
using System.Collections.Generic;
using System.Text.Json;

namespace UiPathClients.Emulator.CommunicationsMining;

/// <summary>
/// A Communications Mining dataset: a view over one or more sources that streams read from. Taxonomy parts
/// (label and entity definitions, general fields, model settings) are kept as the client sent them.
/// </summary>
public sealed record Dataset
{
    /// <summary>The dataset's unique id.</summary>
    public required string Id { get; init; }

    /// <summary>The project that owns the dataset.</summary>
    public required string Owner { get; init; }

    /// <summary>The API name that appears in URLs.</summary>
    public required string Name { get; init; }

    /// <summary>A short description.</summary>
    public required string Title { get; init; }

    /// <summary>A longer description.</summary>
    public required string Description { get; init; }

    /// <summary>The ids of the sources the dataset contains.</summary>
    public required IReadOnlyList<string> SourceIds { get; init; }

    /// <summary>The model family, e.g. <c>english</c>.</summary>
    public required string ModelFamily { get; init; }

    /// <summary>Whether labels carry sentiment.</summary>
    public required bool HasSentiment { get; init; }

    /// <summary>The IANA time zone the web app shows times in (<c>_timezone</c>).</summary>
    public required string TimeZone { get; init; }

    /// <summary>Label definitions as sent (a JSON array).</summary>
    public required JsonElement LabelDefs { get; init; }

    /// <summary>Label groups as sent (a JSON array).</summary>
    public required JsonElement LabelGroups { get; init; }

    /// <summary>Entity definitions as sent (a JSON array).</summary>
    public required JsonElement EntityDefs { get; init; }

    /// <summary>General field definitions as sent (a JSON array).</summary>
    public required JsonElement GeneralFields { get; init; }

    /// <summary>Label properties as sent (<c>_label_properties</c>, a JSON array).</summary>
    public required JsonElement LabelProperties { get; init; }

    /// <summary>Dataset flags as sent (<c>_dataset_flags</c>, a JSON array).</summary>
    public required JsonElement DatasetFlags { get; init; }

    /// <summary>Preferred locales (<c>_preferred_locales</c>, a JSON object).</summary>
    public required JsonElement PreferredLocales { get; init; }

    /// <summary>Model settings (<c>_model_config</c>, a JSON object).</summary>
    public required JsonElement ModelConfig { get; init; }

    /// <summary>The debug configuration, when set.</summary>
    public string? DebugConfigJson { get; init; }

    /// <summary>When the dataset was created, by the emulator's clock.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>When the dataset was last changed.</summary>
    public required DateTimeOffset LastModified { get; init; }
}
