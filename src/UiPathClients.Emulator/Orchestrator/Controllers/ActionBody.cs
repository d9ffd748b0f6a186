using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Runtime.Serialization;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>
/// Reads an action's JSON body with the generated JSON metadata. The queue actions carry <c>Edm.Untyped</c>
/// members (<c>SpecificContent</c>, <c>Output</c>, <c>Analytics</c>), which ASP.NET Core OData's action-parameter
/// binding cannot put into the generated <c>JsonElement?</c> properties (the whole parameter then fails to bind).
/// </summary>
internal static class ActionBody
{
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(OrchestratorJsonMetadata.Default, ODataPrimitiveJsonResolver.Instance),
    };

    /// <summary>The body's top-level object, or null when the body is not a JSON object.</summary>
    public static async Task<JsonElement?> ReadAsync(HttpRequest request)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            return body.RootElement.ValueKind == JsonValueKind.Object ? body.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The parameter <paramref name="name"/> of <paramref name="body"/> as a <typeparamref name="T"/>; null when absent or not of that shape.</summary>
    public static T? Parameter<T>(JsonElement? body, string name)
    {
        if (body is not { } root || !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        try
        {
            return value.Deserialize(ODataJsonMetadata.Resolve<T>(Options));
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
