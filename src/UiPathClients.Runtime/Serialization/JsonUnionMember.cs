using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace UiPathClients.Runtime.Serialization;

/// <summary>One alternative of a <see cref="JsonUnion"/>: how to recognise, read and write it.</summary>
/// <typeparam name="TUnion">The generated union wrapper.</typeparam>
public abstract class JsonUnionMember<TUnion>
    where TUnion : JsonUnion
{
    private protected JsonUnionMember(JsonUnionKinds kinds, string[]? discriminatorValues, string[]? propertyNames)
    {
        Kinds = kinds;
        DiscriminatorValues = discriminatorValues ?? System.Array.Empty<string>();
        PropertyNames = new HashSet<string>(propertyNames ?? System.Array.Empty<string>(), StringComparer.Ordinal);
    }

    /// <summary>The kinds of JSON value the alternative can be read from.</summary>
    public JsonUnionKinds Kinds { get; }

    /// <summary>The discriminator values that select this alternative; empty when there is no discriminator.</summary>
    public IReadOnlyList<string> DiscriminatorValues { get; }

    internal HashSet<string> PropertyNames { get; }

    internal abstract bool TryRead(JsonElement element, TUnion union, JsonSerializerOptions options);

    /// <summary>How many values one level below <paramref name="element"/> this alternative could not read (see <see cref="JsonShape"/>).</summary>
    internal abstract int Mismatches(JsonElement element, JsonSerializerOptions options);

    internal abstract bool TryWrite(Utf8JsonWriter writer, TUnion union, JsonSerializerOptions options);
}

/// <summary>Describes the alternatives of generated <see cref="JsonUnion"/> wrappers.</summary>
public static class JsonUnionMember
{
    /// <summary>Describes one alternative by the wrapper property that holds it.</summary>
    /// <typeparam name="TUnion">The generated union wrapper.</typeparam>
    /// <typeparam name="TMember">The alternative's type (not nullable); its metadata comes from the options.</typeparam>
    /// <param name="kinds">The kinds of JSON value it can be read from.</param>
    /// <param name="get">Reads the wrapper property (<see langword="null"/> when unset).</param>
    /// <param name="set">Sets the wrapper property.</param>
    /// <param name="discriminatorValues">Discriminator values that select it, or <see langword="null"/>.</param>
    /// <param name="propertyNames">For objects, the JSON property names it declares: without a discriminator, the object alternative sharing most names with the JSON is tried first.</param>
    public static JsonUnionMember<TUnion> Create<TUnion, TMember>(JsonUnionKinds kinds, Func<TUnion, object?> get, Action<TUnion, TMember> set, string[]? discriminatorValues = null, string[]? propertyNames = null)
        where TUnion : JsonUnion =>
        new Member<TUnion, TMember>(kinds, get ?? throw new ArgumentNullException(nameof(get)), set ?? throw new ArgumentNullException(nameof(set)), discriminatorValues, propertyNames);

    private sealed class Member<TUnion, TMember> : JsonUnionMember<TUnion>
        where TUnion : JsonUnion
    {
        private readonly Func<TUnion, object?> _get;
        private readonly Action<TUnion, TMember> _set;

        /// <summary>The shape for the options last used; replaced whole, so concurrent readers see one or the other.</summary>
        private JsonShape? _shape;

        public Member(JsonUnionKinds kinds, Func<TUnion, object?> get, Action<TUnion, TMember> set, string[]? discriminatorValues, string[]? propertyNames)
            : base(kinds, discriminatorValues, propertyNames)
        {
            _get = get;
            _set = set;
        }

        internal override bool TryRead(JsonElement element, TUnion union, JsonSerializerOptions options)
        {
            TMember? value;
            try
            {
                value = element.Deserialize(ODataJsonMetadata.Resolve<TMember>(options));
            }
            catch (Exception exception) when (exception is JsonException or FormatException or OverflowException)
            {
                // Not this alternative: the next one gets its chance.
                return false;
            }

            if (value is null)
            {
                return false;
            }

            _set(union, value);
            return true;
        }

        internal override int Mismatches(JsonElement element, JsonSerializerOptions options)
        {
            var shape = _shape;
            if (shape is null || !ReferenceEquals(shape.Options, options))
            {
                _shape = shape = JsonShape.Of(ODataJsonMetadata.Resolve<TMember>(options));
            }

            return shape.Mismatches(element);
        }

        internal override bool TryWrite(Utf8JsonWriter writer, TUnion union, JsonSerializerOptions options)
        {
            if (_get(union) is not TMember value)
            {
                return false;
            }

            JsonSerializer.Serialize(writer, value, ODataJsonMetadata.Resolve<TMember>(options));
            return true;
        }
    }
}
