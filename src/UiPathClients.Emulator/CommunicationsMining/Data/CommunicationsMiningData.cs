using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;

namespace UiPathClients.Emulator.CommunicationsMining;

/// <summary>
/// The in-memory Communications Mining tenant: projects, the datasets and sources they own, the comments of
/// each source and the streams of each dataset. Thread-safe; reads return snapshots.
/// </summary>
/// <remarks>
/// Tests read it to compare what a client saw with what the server holds; only the emulator's endpoints
/// change it, so the rules (conflicts, upserts, stream positions) live in one place.
/// </remarks>
public sealed partial class CommunicationsMiningData
{
    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement.Clone();
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, Project> _projects = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Owner, string Name), Dataset> _datasets = [];
    private readonly Dictionary<(string Owner, string Name), Source> _sources = [];

    internal CommunicationsMiningData(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>Every project, by name.</summary>
    public IReadOnlyList<Project> Projects
    {
        get
        {
            lock (_gate)
            {
                return [.. _projects.Values.OrderBy(project => project.Name, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Every dataset, by owner and name.</summary>
    public IReadOnlyList<Dataset> Datasets
    {
        get
        {
            lock (_gate)
            {
                return [.. OrderByOwnerAndName(_datasets.Values, dataset => (dataset.Owner, dataset.Name))];
            }
        }
    }

    /// <summary>Every source, by owner and name.</summary>
    public IReadOnlyList<Source> Sources
    {
        get
        {
            lock (_gate)
            {
                return [.. OrderByOwnerAndName(_sources.Values, source => (source.Owner, source.Name))];
            }
        }
    }

    /// <summary>The project called <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The project's API name.</param>
    public Project? FindProject(string name)
    {
        lock (_gate)
        {
            return _projects.GetValueOrDefault(name);
        }
    }

    /// <summary>The dataset <paramref name="owner"/>/<paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="owner">The owning project.</param>
    /// <param name="name">The dataset's API name.</param>
    public Dataset? FindDataset(string owner, string name)
    {
        lock (_gate)
        {
            return _datasets.GetValueOrDefault((owner, name));
        }
    }

    /// <summary>The source <paramref name="owner"/>/<paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="owner">The owning project.</param>
    /// <param name="name">The source's API name.</param>
    public Source? FindSource(string owner, string name)
    {
        lock (_gate)
        {
            return _sources.GetValueOrDefault((owner, name));
        }
    }

    private DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>Ids look like the service's: 16 lower-case hex digits.</summary>
    private static string NewId() => RandomNumberGenerator.GetHexString(16, lowercase: true);

    private static IEnumerable<T> OrderByOwnerAndName<T>(IEnumerable<T> items, Func<T, (string Owner, string Name)> key) =>
        items.OrderBy(item => key(item).Owner, StringComparer.Ordinal).ThenBy(item => key(item).Name, StringComparer.Ordinal);

    private static void RequireApiName(string? name, string kind)
    {
        if (string.IsNullOrEmpty(name) || !ApiName().IsMatch(name))
        {
            throw ApiError.BadRequest($"'{name}' is not a valid {kind} name: use letters, digits, '-' and '_'.");
        }
    }

    private static JsonElement ArrayOrEmpty(JsonElement? value, string field) => value switch
    {
        null => EmptyArray,
        { ValueKind: JsonValueKind.Array } array => array,
        _ => throw ApiError.BadRequest($"'{field}' must be an array."),
    };

    private static JsonElement ObjectOr(JsonElement? value, JsonElement fallback, string field) => value switch
    {
        null => fallback,
        { ValueKind: JsonValueKind.Object } json => json,
        _ => throw ApiError.BadRequest($"'{field}' must be an object."),
    };

    private static string OneOf(string? value, string fallback, string field, params string[] allowed)
    {
        if (value is null)
        {
            return fallback;
        }

        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw ApiError.BadRequest($"'{value}' is not a valid {field}; expected one of: {string.Join(", ", allowed)}.");
    }

    private Project RequireProject(string name) =>
        _projects.GetValueOrDefault(name) ?? throw ApiError.NotFound($"Project '{name}' does not exist.");

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiName();
}
