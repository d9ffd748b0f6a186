using System.Text.Json.Serialization;

namespace UiPathClients.Runtime.Webhooks;

/// <summary>Source-generated (trim- and AOT-safe) metadata for the webhook payloads; names are read case-insensitively.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(UiPathJobWebhookEvent))]
[JsonSerializable(typeof(UiPathQueueItemWebhookEvent))]
[JsonSerializable(typeof(UiPathQueueWebhookEvent))]
[JsonSerializable(typeof(UiPathProcessWebhookEvent))]
[JsonSerializable(typeof(UiPathRobotWebhookEvent))]
[JsonSerializable(typeof(UiPathPingWebhookEvent))]
[JsonSerializable(typeof(UiPathUnknownWebhookEvent))]
internal sealed partial class UiPathWebhookJsonContext : JsonSerializerContext
{
}
