using System.Text.Json;
using System.Text.Json.Nodes;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Webhooks;

/// <summary>Queue items as the service's <c>queueItem.*</c> events carry them.</summary>
internal static class WebhookQueueItems
{
    /// <summary>
    /// <paramref name="item"/> with its data and output as the JSON objects <c>SpecificContent</c> and <c>Output</c>, as
    /// the service's events show them: the emulator keeps both as text (<c>SpecificData</c>, <c>OutputData</c>), so the
    /// OData serializer never meets an untyped member.
    /// </summary>
    public static JsonObject ForEvent(QueueItemDto item)
    {
        var node = JsonSerializer.SerializeToNode(item, WebhookDispatcher.Json)!.AsObject();
        AddObject(node, "SpecificContent", item.SpecificData);
        AddObject(node, "Output", item.OutputData);
        return node;
    }

    private static void AddObject(JsonObject node, string property, string? text)
    {
        if (!string.IsNullOrEmpty(text) && !node.ContainsKey(property) && JsonNode.Parse(text) is JsonObject value)
        {
            node[property] = value;
        }
    }
}
