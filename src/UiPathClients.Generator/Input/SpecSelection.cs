using System;
using System.Collections.Generic;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Input;

/// <summary>
/// What to generate of a spec, from the item metadata <c>EntitySets</c>, <c>Operations</c> (OData) and <c>Tags</c>,
/// <c>Operations</c> (OpenAPI operation ids): names separated by <c>;</c> or <c>,</c>. Each is <see langword="null"/> when
/// not set; nothing set means the whole spec.
/// </summary>
/// <remarks>
/// Kept apart from <see cref="SpecFile"/> so that changing the list plans and emits again without reading the spec again.
/// </remarks>
/// <param name="EntitySets">The <c>EntitySets</c> metadata as written.</param>
/// <param name="Operations">The <c>Operations</c> metadata as written.</param>
/// <param name="Tags">The <c>Tags</c> metadata as written.</param>
internal sealed record SpecSelection(string? EntitySets, string? Operations, string? Tags)
{
    /// <summary>The whole spec.</summary>
    public static readonly SpecSelection Everything = new(null, null, null);

    private static readonly char[] Separators = [';', ','];

    /// <summary>Whether anything is chosen at all.</summary>
    public bool IsEverything => EntitySets is null && Operations is null && Tags is null;

    /// <summary>The names of one metadata value, in the order written, without blanks or repeats.</summary>
    public static EquatableArray<string> Names(string? value)
    {
        if (value is null)
        {
            return EquatableArray<string>.Empty;
        }

        var names = new List<string>();
        foreach (var part in value.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Trim();
            if (name.Length > 0 && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names.ToEquatableArray();
    }
}

/// <summary>The selection of one spec file, as the pipeline pairs it with the file's model.</summary>
/// <param name="FilePath">The spec file.</param>
/// <param name="Selection">What to generate of it.</param>
internal sealed record SpecFileSelection(string FilePath, SpecSelection Selection);
