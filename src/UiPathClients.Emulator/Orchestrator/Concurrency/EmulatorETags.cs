using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Xml.Linq;
using Microsoft.AspNetCore.OData.Abstracts;
using Microsoft.AspNetCore.OData.Edm;
using Microsoft.Net.Http.Headers;
using Microsoft.OData.Edm;

namespace UiPathClients.Emulator.Orchestrator.Concurrency;

/// <summary>
/// Optimistic concurrency on a few entity sets: their entities carry <c>@odata.etag</c>, and PUT, PATCH and DELETE
/// with a stale <c>If-Match</c> answer 412. The bundled EDMX declares no concurrency token (the public description
/// has none), so the emulator adds <c>Core.OptimisticConcurrency</c> over every primitive non-key property to its own
/// copy of the model: the ETag changes whenever the entity does. The ETag is a hash of those values, so a value such
/// as a webhook's secret never shows in it.
/// </summary>
internal static class EmulatorETags
{
    /// <summary>The sets with ETags: entities users read, change and write back.</summary>
    public static readonly IReadOnlyList<string> Sets = new[] { "Webhooks", "Assets", "Releases" };

    private const string Edm = "http://docs.oasis-open.org/odata/ns/edm";

    /// <summary>Adds the concurrency annotation of each of <see cref="Sets"/> to the EDMX text.</summary>
    public static void Annotate(XDocument edmx)
    {
        XNamespace ns = Edm;
        var schemas = edmx.Descendants(ns + "Schema").ToList();
        var types = schemas
            .SelectMany(schema => schema.Elements(ns + "EntityType").Select(type => (Name: (string)schema.Attribute("Namespace")! + "." + (string)type.Attribute("Name")!, Type: type)))
            .ToDictionary(pair => pair.Name, pair => pair.Type, StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            if (schema.Element(ns + "EntityContainer") is not { } container)
            {
                continue;
            }

            var target = (string)schema.Attribute("Namespace")! + "." + (string)container.Attribute("Name")!;
            foreach (var set in container.Elements(ns + "EntitySet").Where(set => Sets.Contains((string)set.Attribute("Name")!)))
            {
                var type = types[(string)set.Attribute("EntityType")!];
                var keys = type.Elements(ns + "Key").Elements(ns + "PropertyRef").Select(key => (string)key.Attribute("Name")!).ToHashSet(StringComparer.Ordinal);
                var tokens = type.Elements(ns + "Property")
                    .Where(property => !keys.Contains((string)property.Attribute("Name")!) && !((string)property.Attribute("Type")!).StartsWith("Collection(", StringComparison.Ordinal))
                    .Select(property => new XElement(ns + "PropertyPath", (string)property.Attribute("Name")!));
                schema.Add(new XElement(
                    ns + "Annotations",
                    new XAttribute("Target", target + "/" + (string)set.Attribute("Name")!),
                    new XElement(ns + "Annotation", new XAttribute("Term", "Org.OData.Core.V1.OptimisticConcurrency"), new XElement(ns + "Collection", tokens))));
            }
        }
    }

    /// <summary>The ETag of <paramref name="entity"/> in <paramref name="set"/>, or <see langword="null"/> when the set has none.</summary>
    public static string? Of(IEdmModel model, IEdmNavigationSource set, object entity)
    {
        var properties = model.GetConcurrencyProperties(set)?.ToList();
        if (properties is null || properties.Count == 0)
        {
            return null;
        }

        var byJsonName = entity.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => (Property: property, Json: property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name))
            .GroupBy(pair => pair.Json, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Property, StringComparer.Ordinal);
        return Hash(properties.Select(property => new KeyValuePair<string, object?>(property.Name, byJsonName.TryGetValue(property.Name, out var clr) ? clr.GetValue(entity) : null)));
    }

    /// <summary>A weak ETag over the named values, in name order (the serializer hands them over sorted by name).</summary>
    public static string Hash(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var text = string.Join("\u001f", values
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Key + "=" + (pair.Value is null ? "\u0000" : Convert.ToString(pair.Value, CultureInfo.InvariantCulture))));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return "W/\"" + Convert.ToHexString(hash, 0, 12) + "\"";
    }

    /// <summary>Writes <c>@odata.etag</c> as <see cref="Hash"/> of the concurrency values the serializer hands over.</summary>
    internal sealed class HashETagHandler : IETagHandler
    {
        public EntityTagHeaderValue CreateETag(IDictionary<string, object> properties, TimeZoneInfo? timeZoneInfo = null) =>
            EntityTagHeaderValue.Parse(Hash((properties ?? throw new ArgumentNullException(nameof(properties))).Select(pair => new KeyValuePair<string, object?>(pair.Key, pair.Value))));

        /// <summary>A hash cannot be turned back into values; the controllers compare ETags themselves.</summary>
        public IDictionary<string, object> ParseETag(EntityTagHeaderValue etagHeaderValue) => new Dictionary<string, object>();
    }
}
