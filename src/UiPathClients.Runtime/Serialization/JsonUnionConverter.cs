using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// Reads and writes a generated <see cref="JsonUnion"/> wrapper. Reading picks the alternative in this order:
/// the one the discriminator value names (when the union has a discriminator and the JSON carries it; a value no
/// alternative claims is unknown); otherwise the first one, in the
/// generated order, whose JSON kind fits and that reads without error, object alternatives sharing more property
/// names with the JSON first. When none fits the JSON is kept in <see cref="JsonUnion.UnknownJson"/> instead of
/// failing: a newer service must not break an older client.
/// </summary>
/// <remarks>Generated code derives one converter per union (so <c>[JsonConverter]</c> can name it) and passes the alternatives.</remarks>
/// <typeparam name="TUnion">The generated union wrapper.</typeparam>
public class JsonUnionConverter<TUnion> : JsonConverter<TUnion>
    where TUnion : JsonUnion
{
    private readonly Func<TUnion> _create;
    private readonly string? _discriminatorProperty;
    private readonly JsonUnionMember<TUnion>[] _members;

    /// <summary>Creates the converter.</summary>
    /// <param name="create">Creates an empty wrapper.</param>
    /// <param name="discriminatorProperty">The JSON property whose value names the alternative, or <see langword="null"/>.</param>
    /// <param name="members">The alternatives, most specific first (an enum before a string, an integer before a number).</param>
    public JsonUnionConverter(Func<TUnion> create, string? discriminatorProperty, IReadOnlyList<JsonUnionMember<TUnion>> members)
    {
        _create = create ?? throw new ArgumentNullException(nameof(create));
        _discriminatorProperty = discriminatorProperty;
        _members = (members ?? throw new ArgumentNullException(nameof(members))).ToArray();
    }

    /// <inheritdoc />
    public override TUnion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The serializer buffers a converter's whole value before calling it, so parsing it here is safe.
        var element = JsonElement.ParseValue(ref reader);
        var union = _create();
        IEnumerable<JsonUnionMember<TUnion>> candidates = _members;
        if (_discriminatorProperty is not null
            && element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty(_discriminatorProperty, out var tag)
            && tag.ValueKind == JsonValueKind.String)
        {
            var value = tag.GetString();
            foreach (var member in _members)
            {
                if (member.DiscriminatorValues.Contains(value!, StringComparer.Ordinal) && member.TryRead(element, union, options))
                {
                    return union;
                }
            }

            // The discriminator is authoritative: a value no alternative claims is a type this client does not know,
            // not a reason to guess among the alternatives that declare their values.
            candidates = _members.Where(member => member.DiscriminatorValues.Count == 0);
        }

        var kind = KindOf(element.ValueKind);
        candidates = candidates.Where(member => (member.Kinds & kind) != 0);
        if (kind == JsonUnionKinds.Objects)
        {
            var names = element.EnumerateObject().Select(property => property.Name).ToList();
            // OrderByDescending is stable: equal scores keep the generated order.
            candidates = candidates.OrderByDescending(member => names.Count(member.PropertyNames.Contains));
        }

        foreach (var member in candidates)
        {
            if (member.TryRead(element, union, options))
            {
                return union;
            }
        }

        union.UnknownJson = element;
        return union;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TUnion value, JsonSerializerOptions options)
    {
        if (writer is null || value is null)
        {
            throw new ArgumentNullException(writer is null ? nameof(writer) : nameof(value));
        }

        foreach (var member in _members)
        {
            if (member.TryWrite(writer, value, options))
            {
                return;
            }
        }

        if (value.UnknownJson is { } json)
        {
            json.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static JsonUnionKinds KindOf(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => JsonUnionKinds.Objects,
        JsonValueKind.Array => JsonUnionKinds.Arrays,
        JsonValueKind.String => JsonUnionKinds.Strings,
        JsonValueKind.Number => JsonUnionKinds.Numbers,
        JsonValueKind.True or JsonValueKind.False => JsonUnionKinds.Booleans,
        _ => JsonUnionKinds.None,
    };
}
