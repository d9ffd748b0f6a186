using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// Reads and writes a generated <see cref="JsonUnion"/> wrapper. Reading chooses the alternative from one look at
/// the JSON: the one the discriminator value names (when the union has a discriminator and the JSON carries it; a
/// value no alternative claims is unknown); otherwise among those whose JSON kind fits, for an object or array the
/// one whose first level fits best (fewest values of a kind it cannot read, then most property names in common, then
/// the generated order), and for a string, number or boolean the first, in the generated order, that reads it.
/// When none fits the JSON is kept in <see cref="JsonUnion.UnknownJson"/> instead of failing: a newer service must
/// not break an older client.
/// </summary>
/// <remarks>
/// <para>
/// An object or array is read once, as the chosen alternative; should that fail deeper down, the JSON is kept as
/// unknown rather than read again as the next alternative. Reading it again is what made nested unions exponential:
/// every level retried every alternative over the whole subtree (a 500-byte, 16-level payload took seconds). Now each
/// level looks at its own properties or items once and reads its subtree once, so the work grows with the size of
/// the JSON times its depth, which the serializer's <see cref="JsonSerializerOptions.MaxDepth"/> bounds.
/// </para>
/// <para>Generated code derives one converter per union (so <c>[JsonConverter]</c> can name it) and passes the alternatives.</para>
/// </remarks>
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
            var value = tag.GetString()!;
            var named = Array.Find(_members, member => member.DiscriminatorValues.Contains(value, StringComparer.Ordinal));
            if (named is not null)
            {
                if (!named.TryRead(element, union, options))
                {
                    union.UnknownJson = element;
                }

                return union;
            }

            // The discriminator is authoritative: a value no alternative claims is a type this client does not know,
            // not a reason to guess among the alternatives that declare their values.
            candidates = _members.Where(member => member.DiscriminatorValues.Count == 0);
        }

        var kind = KindOf(element.ValueKind);
        candidates = candidates.Where(member => (member.Kinds & kind) != 0);
        if (kind is JsonUnionKinds.Objects or JsonUnionKinds.Arrays)
        {
            if (BestFit(candidates, element, options) is not { } chosen || !chosen.TryRead(element, union, options))
            {
                union.UnknownJson = element;
            }

            return union;
        }

        // A string, number or boolean has nothing below it: trying each alternative costs one scalar read.
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

    /// <summary>
    /// The alternative whose first level fits <paramref name="element"/> best: fewest values it cannot read, then (for
    /// objects) most property names in common; the first in the generated order on a tie.
    /// </summary>
    private static JsonUnionMember<TUnion>? BestFit(IEnumerable<JsonUnionMember<TUnion>> candidates, JsonElement element, JsonSerializerOptions options)
    {
        List<string>? names = null;
        if (element.ValueKind == JsonValueKind.Object)
        {
            names = new List<string>();
            foreach (var property in element.EnumerateObject())
            {
                names.Add(property.Name);
            }
        }

        JsonUnionMember<TUnion>? best = null;
        (int Mismatches, int Shared) bestScore = default;
        foreach (var member in candidates)
        {
            var score = (member.Mismatches(element, options), names?.Count(member.PropertyNames.Contains) ?? 0);
            if (best is null || score.Item1 < bestScore.Mismatches || (score.Item1 == bestScore.Mismatches && score.Item2 > bestScore.Shared))
            {
                best = member;
                bestScore = score;
            }
        }

        return best;
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
