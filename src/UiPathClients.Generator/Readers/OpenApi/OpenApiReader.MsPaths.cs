using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using UiPathClients.Generator.Diagnostics;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// AutoRest's <c>x-ms-paths</c>: path items that <c>paths</c> cannot hold (OpenAPI keys paths by their template alone),
/// read as if they were in <c>paths</c>. A key with a query part (<c>/items?op=restart</c>) would need that query sent as
/// constants, which is not supported: such an entry costs only its own operations, with a located UIPC0011.
/// </summary>
internal sealed partial class OpenApiReader
{
    /// <summary>Paths that came from <c>x-ms-paths</c>, so that diagnostics point into it rather than into <c>paths</c>.</summary>
    private readonly HashSet<string> _pathsFromMsPaths = new(StringComparer.Ordinal);

    /// <summary>Moves the usable <c>x-ms-paths</c> entries of the document Microsoft.OpenApi reads into its <c>paths</c>.</summary>
    private void MergeMsPaths(JsonObject root)
    {
        if (root["x-ms-paths"] is not JsonObject msPaths || msPaths.Count == 0)
        {
            return;
        }

        if (root["paths"] is not JsonObject paths)
        {
            paths = new JsonObject();
            root["paths"] = paths;
        }

        foreach (var entry in msPaths.ToList())
        {
            var pointer = PointerOf("x-ms-paths", entry.Key);
            if (entry.Key.IndexOf('?') >= 0)
            {
                Report(DiagnosticDescriptors.OpenApiWarning, Tree.Locate(pointer), _file.Path, $"x-ms-paths entry '{entry.Key}' has a query part, which is not supported, so its operations are not generated");
                continue;
            }

            if (paths.ContainsKey(entry.Key))
            {
                Report(DiagnosticDescriptors.OpenApiWarning, Tree.Locate(pointer), _file.Path, $"x-ms-paths entry '{entry.Key}' repeats a path of 'paths', so its operations are not generated");
                continue;
            }

            msPaths.Remove(entry.Key);
            paths[entry.Key] = entry.Value;
            _pathsFromMsPaths.Add(entry.Key);
        }

        root.Remove("x-ms-paths");
    }
}
