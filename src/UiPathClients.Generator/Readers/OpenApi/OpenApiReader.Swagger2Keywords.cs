using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// <c>multipleOf</c> is valid on a Swagger 2.0 non-body parameter (and its <c>items</c>), but Microsoft.OpenApi's 2.0
/// reader does not know it: it reported "multipleOf is not a valid property" (with no pointer of its own).
/// </summary>
internal sealed partial class OpenApiReader
{

    /// <summary>Where a Swagger 2.0 parameter's <c>multipleOf</c> is kept for the reader (an extension, which it accepts).</summary>
    internal const string Swagger2MultipleOfExtension = "x-uipathclients-multipleOf";

    /// <summary>
    /// Moves <c>multipleOf</c> on Swagger 2.0 parameters of the document Microsoft.OpenApi reads to an extension
    /// (<see cref="Swagger2MultipleOfExtension"/>), so a valid document draws no warning and the constraint is still
    /// there for client-side validation.
    /// </summary>
    /// <param name="root">The document Microsoft.OpenApi reads, changed in place.</param>
    /// <param name="dryRun">Only say whether it would change anything.</param>
    /// <returns>Whether the document changes.</returns>
    private static bool MoveSwagger2ParameterMultipleOfToExtension(JsonObject root, bool dryRun)
    {
        if (Text(root["swagger"]) is not { } version || !version.StartsWith("2.", StringComparison.Ordinal))
        {
            return false;
        }

        var changed = false;
        void Clean(JsonNode? node)
        {
            if (node is not JsonObject parameter || Text(parameter["in"]) == "body")
            {
                return;
            }

            for (var items = parameter; items is not null; items = items["items"] as JsonObject)
            {
                if (items["multipleOf"] is { } value)
                {
                    changed = true;
                    if (dryRun)
                    {
                        return;
                    }

                    items.Remove("multipleOf");
                    items[Swagger2MultipleOfExtension] = value;
                }
            }
        }

        foreach (var shared in (root["parameters"] as JsonObject ?? new JsonObject()).Select(entry => entry.Value))
        {
            Clean(shared);
        }

        foreach (var item in (root["paths"] as JsonObject ?? new JsonObject()).Select(entry => entry.Value).OfType<JsonObject>())
        {
            var lists = new[] { item["parameters"] }.Concat(item.Where(member => OperationMethods.Contains(member.Key)).Select(member => (member.Value as JsonObject)?["parameters"]));
            foreach (var parameter in lists.OfType<JsonArray>().SelectMany(list => list))
            {
                Clean(parameter);
            }
        }

        return changed;
    }
}
