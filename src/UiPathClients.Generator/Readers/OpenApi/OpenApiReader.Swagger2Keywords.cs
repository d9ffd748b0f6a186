using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// Swagger 2.0 keywords valid on a non-body parameter that Microsoft.OpenApi's 2.0 reader does not know: it reports
/// each as "not a valid property" (with no pointer of its own) though the 2.0 specification lists it.
/// </summary>
internal sealed partial class OpenApiReader
{
    /// <summary>Valid on a Swagger 2.0 parameter (and its <c>items</c>) but unknown to Microsoft.OpenApi 3.x's 2.0 reader.</summary>
    private static readonly string[] Swagger2ParameterKeywordsUnknownToReader = { "multipleOf" };

    /// <summary>
    /// The JSON to read without the keywords in <see cref="Swagger2ParameterKeywordsUnknownToReader"/> on Swagger 2.0
    /// parameters, so a valid document draws no warning. They only constrain values; nothing generated depends on them.
    /// </summary>
    private static string WithoutSwagger2ParameterKeywordsUnknownToReader(string json)
    {
        // Most documents have none of them: no second parse for those.
        if (!Swagger2ParameterKeywordsUnknownToReader.Any(keyword => json.IndexOf("\"" + keyword + "\"", StringComparison.Ordinal) >= 0)
            || JsonNode.Parse(json) is not JsonObject root
            || Text(root["swagger"]) is not { } version
            || !version.StartsWith("2.", StringComparison.Ordinal))
        {
            return json;
        }

        var removed = false;
        void Clean(JsonNode? node)
        {
            if (node is not JsonObject parameter || Text(parameter["in"]) == "body")
            {
                return;
            }

            for (var items = parameter; items is not null; items = items["items"] as JsonObject)
            {
                foreach (var keyword in Swagger2ParameterKeywordsUnknownToReader)
                {
                    removed |= items.Remove(keyword);
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

        return removed ? root.ToJsonString() : json;
    }
}
