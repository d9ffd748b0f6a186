using System;
using System.Collections.Generic;
using System.Text.Json;

namespace UiPathClients.Runtime.Metadata;

/// <summary>
/// A generated entity or complex type. Whatever the client does not know — properties a newer service
/// added, instance annotations such as <c>@odata.etag</c> — is kept in <see cref="AdditionalData"/>, so an
/// older client neither fails nor loses data.
/// </summary>
public interface IODataObject
{
    /// <summary>Properties and annotations of the JSON object that have no C# property, by name.</summary>
    IDictionary<string, JsonElement>? AdditionalData { get; set; }
}

/// <summary>Reads OData instance annotations kept in <see cref="IODataObject.AdditionalData"/>.</summary>
public static class ODataObjectExtensions
{
    /// <summary>The entity's <c>@odata.etag</c>, sent back as <c>If-Match</c> on update and delete; <see langword="null"/> when the service sent none.</summary>
    public static string? GetETag(this IODataObject entity) =>
        entity is null
            ? throw new ArgumentNullException(nameof(entity))
            : entity.AdditionalData is { } data && data.TryGetValue("@odata.etag", out var etag) && etag.ValueKind == JsonValueKind.String
                ? etag.GetString()
                : null;
}
