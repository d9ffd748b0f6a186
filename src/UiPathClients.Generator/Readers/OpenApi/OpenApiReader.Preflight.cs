using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Input;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// What the document must be before Microsoft.OpenApi reads it: an object with a version field, and no <c>$ref</c> that
/// leads back to itself through other <c>$ref</c>s. Microsoft.OpenApi throws on those (or silently reads nothing), which
/// would be reported as a generator bug (UIPC0099) or not at all; here each is a UIPC0010 at the node at fault.
/// </summary>
internal sealed partial class OpenApiReader
{
    /// <returns><see langword="false"/> when the document cannot be read; the reason is reported.</returns>
    private bool Preflight(JsonNode? root)
    {
        if (root is not JsonObject document)
        {
            ReportInvalid(SpecPosition.StartOf(_file.Path), "its root is not an object (a JSON object or YAML mapping holding 'openapi' or 'swagger', 'info' and 'paths')");
            return false;
        }

        if (document.TryGetPropertyValue("openapi", out var openapi))
        {
            if (openapi is not JsonValue value || !value.TryGetValue<string>(out _))
            {
                // YAML reads an unquoted 3.0 as a number, which is the usual way to get here.
                var hint = _file.Kind == SpecKind.OpenApiYaml ? " (in YAML, quote it: openapi: '3.0.3')" : string.Empty;
                ReportInvalid(Tree.Locate("#/openapi"), $"'openapi' is {openapi?.ToJsonString() ?? "null"}; it must be a version string such as \"3.0.3\" or \"3.1.0\"{hint}");
                return false;
            }
        }
        else if (document.TryGetPropertyValue("swagger", out var swagger))
        {
            if (Text(swagger) != "2.0")
            {
                ReportInvalid(Tree.Locate("#/swagger"), $"'swagger' is {swagger?.ToJsonString() ?? "null"}; the only Swagger version is \"2.0\" (OpenAPI 3 documents say 'openapi')");
                return false;
            }
        }
        else
        {
            ReportInvalid(SpecPosition.StartOf(_file.Path), "it has neither an 'openapi' nor a 'swagger' field, so its version is unknown");
            return false;
        }

        var (cycle, longChain) = ReferenceChains(document);
        if (cycle is not null)
        {
            ReportInvalid(Tree.Locate(cycle[0]), "its $refs go round in a circle (" + string.Join(" → ", cycle) + "), so they name no value");
            return false;
        }

        if (longChain is not null)
        {
            ReportLimit(Tree.Locate(longChain), $"its $refs name $refs more than {SpecLimits.MaxReferenceChain.ToString(System.Globalization.CultureInfo.InvariantCulture)} times in a row, from {longChain}");
            return false;
        }

        return true;
    }

    /// <summary>
    /// The first chain of <c>$ref</c>s that comes back to where it started, as the pointers it goes through, or else the
    /// first pointer from which <c>$ref</c>s name <c>$ref</c>s more than <see cref="SpecLimits.MaxReferenceChain"/> times
    /// (Microsoft.OpenApi resolves such a chain again for every use: 10,000 of them took minutes). A <c>$ref</c> inside
    /// the schema it names (a recursive type) is no chain. Iterative, and each <c>$ref</c> object is followed once.
    /// </summary>
    private static (List<string>? Cycle, string? LongChain) ReferenceChains(JsonObject root)
    {
        // The $refs in a row from each $ref object already followed, its own included.
        var lengths = new Dictionary<JsonObject, int>();
        var pending = new Stack<JsonNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        pending.Push(item);
                    }
                }

                continue;
            }

            if (node is not JsonObject obj)
            {
                continue;
            }

            if (LocalReference(obj) is not null && !lengths.ContainsKey(obj))
            {
                var chain = new List<JsonObject>();
                var inChain = new HashSet<JsonObject>();
                var pointers = new List<string>();
                var known = 0;
                for (JsonObject? current = obj; current is not null && LocalReference(current) is { } target;)
                {
                    if (lengths.TryGetValue(current, out known))
                    {
                        break;
                    }

                    if (!inChain.Add(current))
                    {
                        // From the pointer naming the object the circle closes on, round to it again.
                        var start = chain.IndexOf(current);
                        var cycle = new List<string> { pointers[pointers.Count - 1] };
                        cycle.AddRange(pointers.GetRange(start, pointers.Count - start));
                        return (cycle, null);
                    }

                    chain.Add(current);
                    pointers.Add(target);
                    current = JsonPointer.Resolve(root, target) as JsonObject;
                }

                for (var k = chain.Count - 1; k >= 0; k--)
                {
                    lengths[chain[k]] = known + (chain.Count - k);
                }

                if (lengths[obj] > SpecLimits.MaxReferenceChain)
                {
                    return (null, pointers[0]);
                }
            }

            foreach (var member in obj)
            {
                if (member.Value is not null)
                {
                    pending.Push(member.Value);
                }
            }
        }

        return (null, null);
    }

    /// <summary>The pointer of an object's <c>$ref</c> into this document (<c>#/…</c>); other references are not followed.</summary>
    private static string? LocalReference(JsonObject obj) =>
        obj.TryGetPropertyValue("$ref", out var reference) && Text(reference) is { } text && text.StartsWith("#/", StringComparison.Ordinal) ? text : null;

    private void ReportInvalid(SpecPosition position, string reason) =>
        Report(DiagnosticDescriptors.InvalidOpenApiDocument, position, _file.Path, reason);

    private void ReportLimit(SpecPosition position, string reason) =>
        Report(DiagnosticDescriptors.SpecLimitExceeded, position, _file.Path, reason);
}
