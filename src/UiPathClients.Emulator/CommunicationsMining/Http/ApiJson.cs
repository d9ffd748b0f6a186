using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using UiPathClients.Emulator.CommunicationsMining.Contracts;
using UiPathClients.Runtime.Serialization;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>
/// JSON as the service speaks it. Bodies are the classes our generator emits from the bundled description,
/// read and written with the metadata it emits (<see cref="CommunicationsMiningJsonMetadata"/>), so client and
/// emulator agree on every member name by construction. One rule the metadata does not carry is added here:
/// a member the description lists as <c>required</c> is written even when null (<c>"updated_at": null</c>,
/// <c>"prediction": null</c>); the others are left out when null, as the service leaves out what it does not have.
/// </summary>
internal static class ApiJson
{
    private static readonly ConcurrentDictionary<Type, string[]> RequiredMembers = new();

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static IResult Ok<T>(T body)
        where T : class => Results.Json(body, Options, "application/json", StatusCodes.Status200OK);

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string message)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new ErrorResponse { Message = message }, Options, "application/json", context.RequestAborted);
    }

    /// <summary>Reads a JSON object body, or answers 400 saying what is wrong with it.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            throw ApiError.BadRequest($"The request body must be JSON (Content-Type: application/json); got '{request.ContentType}'.");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted).ConfigureAwait(false)
                ?? throw ApiError.BadRequest("The request body must be a JSON object, not null.");
        }
        catch (JsonException exception)
        {
            // The serializer's own message names CLR types; say where the body is wrong in JSON terms.
            throw ApiError.BadRequest(
                $"The request body is not valid at '{exception.Path ?? "$"}' (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}): malformed JSON or a value of the wrong type.");
        }
    }

    /// <summary>
    /// A part of a request as JSON, for the store, which keeps taxonomies, filters and messages as sent; null when
    /// the request leaves it out. A value the description does not define (an enum member it does not list) is a 400.
    /// </summary>
    public static JsonElement? ToElement<T>(T? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.SerializeToElement(value, Options);
        }
        catch (JsonException)
        {
            throw ApiError.BadRequest($"'{field}' has a value the API does not define.");
        }
    }

    /// <summary>The service's spelling of an enum member read from a request (<c>english</c>, <c>_kind</c>'s <c>call</c>).</summary>
    public static string? ToWireName<TEnum>(TEnum? value, string field)
        where TEnum : struct, Enum =>
        ToElement(value, field)?.GetString();

    /// <summary>What the store keeps as JSON, as the generated type the response declares.</summary>
    public static T FromElement<T>(JsonElement element) =>
        element.Deserialize<T>(Options) ?? throw new InvalidOperationException($"Stored JSON for {typeof(T).Name} is null.");

    /// <summary>An enum member from the service's spelling, as the store keeps it.</summary>
    public static TEnum FromWireName<TEnum>(string name)
        where TEnum : struct, Enum =>
        FromElement<TEnum>(JsonSerializer.SerializeToElement(name, Options));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            // The generated metadata first; the runtime's primitives (as the generated client uses them); then
            // reflection for the few bodies of routes the description does not have (Contracts/NotInTheSpec.cs).
            TypeInfoResolver = JsonTypeInfoResolver.Combine(
                    CommunicationsMiningJsonMetadata.Default,
                    ODataPrimitiveJsonResolver.Instance,
                    new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(LeaveOutNullsUnlessRequired),

            // Only the hand-written bodies use it: generated members carry the description's names.
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,

            // Bodies go to API clients, never into HTML: '+' in "+00:00" stays readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// The generator carries the description's <c>required</c> list into C# as <c>required</c> members; the
    /// service always sends those, so a null one is written as <c>null</c>; any other null is left out.
    /// </summary>
    private static void LeaveOutNullsUnlessRequired(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.GetCustomAttribute<System.CodeDom.Compiler.GeneratedCodeAttribute>() is null)
        {
            return;
        }

        var required = RequiredMembers.GetOrAdd(info.Type, static type =>
        [
            .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.IsDefined(typeof(RequiredMemberAttribute), inherit: false))
                .Select(property => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name),
        ]);
        foreach (var property in info.Properties.Where(property => !property.IsExtensionData && !required.Contains(property.Name, StringComparer.Ordinal)))
        {
            property.ShouldSerialize = static (_, value) => value is not null;
        }
    }
}
