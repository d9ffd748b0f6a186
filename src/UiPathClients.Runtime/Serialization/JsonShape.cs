using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// One level of a JSON value against a type's metadata, without reading anything below that level: how many of an
/// object's properties, a dictionary's values or an array's items could not be read as the declared type. Unions use
/// it to choose an alternative from one look instead of reading the value as each alternative in turn.
/// </summary>
/// <remarks>
/// Only clear mismatches count (an object where a string is declared, a word where a number is): what a custom
/// converter might accept is given the benefit of the doubt, and a nested union or untyped JSON accepts anything.
/// </remarks>
internal sealed class JsonShape
{
    private readonly JsonTypeInfoKind _kind;
    private readonly Dictionary<string, Type>? _properties;
    private readonly Type? _elementType;

    private JsonShape(JsonTypeInfo typeInfo)
    {
        Options = typeInfo.Options;
        _kind = typeInfo.Kind;
        _elementType = ElementTypeOf(typeInfo);
        if (_kind == JsonTypeInfoKind.Object)
        {
            _properties = new Dictionary<string, Type>(typeInfo.Options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            foreach (var property in typeInfo.Properties)
            {
                if (!property.IsExtensionData && !_properties.ContainsKey(property.Name))
                {
                    _properties.Add(property.Name, property.PropertyType);
                }
            }
        }
    }

    /// <summary>The options the shape was read from; a shape is valid for them only.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>The shape of <paramref name="typeInfo"/>'s type.</summary>
    public static JsonShape Of(JsonTypeInfo typeInfo) => new(typeInfo);

    /// <summary>How many values one level below <paramref name="element"/> cannot be read as this shape declares them.</summary>
    public int Mismatches(JsonElement element)
    {
        var count = 0;
        switch (_kind)
        {
            case JsonTypeInfoKind.Object when element.ValueKind == JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (_properties!.TryGetValue(property.Name, out var type) && !Fits(property.Value, type, Options))
                    {
                        count++;
                    }
                }

                break;
            case JsonTypeInfoKind.Dictionary when element.ValueKind == JsonValueKind.Object && _elementType is not null:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Fits(property.Value, _elementType, Options))
                    {
                        count++;
                    }
                }

                break;
            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array && _elementType is not null:
                foreach (var item in element.EnumerateArray())
                {
                    if (!Fits(item, _elementType, Options))
                    {
                        count++;
                    }
                }

                break;
        }

        return count;
    }

    /// <summary>Whether <paramref name="value"/>'s own kind (not what is inside it) can be read as <paramref name="type"/>.</summary>
    internal static bool Fits(JsonElement value, Type type, JsonSerializerOptions options)
    {
        var kind = value.ValueKind;
        if (kind == JsonValueKind.Null)
        {
            return true;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(object) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type) || typeof(JsonUnion).IsAssignableFrom(type))
        {
            return true;
        }

        if (type == typeof(string))
        {
            return kind == JsonValueKind.String;
        }

        if (type == typeof(bool))
        {
            return kind is JsonValueKind.True or JsonValueKind.False;
        }

        if (IsNumber(type))
        {
            // IEEE754Compatible services send 64-bit and decimal numbers as strings; a word is no number either way.
            return kind == JsonValueKind.Number
                || (kind == JsonValueKind.String && (double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _) || value.GetString() is "NaN" or "Infinity" or "-Infinity"));
        }

        if (type.IsEnum || type.IsValueType)
        {
            // Enums, dates, durations, GUIDs: strings or numbers, depending on the wire format.
            return kind is JsonValueKind.String or JsonValueKind.Number;
        }

        // Classes: as their metadata reads them. One a converter reads (Kind None: a URI, binary, a custom format)
        // is given the benefit of the doubt.
        if (!options.TryGetTypeInfo(type, out var typeInfo))
        {
            return true;
        }

        return typeInfo.Kind switch
        {
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => kind == JsonValueKind.Object,
            JsonTypeInfoKind.Enumerable => kind == JsonValueKind.Array,
            _ => true,
        };
    }

    private static bool IsNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(sbyte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(byte)
        || type == typeof(double) || type == typeof(float) || type == typeof(decimal);

    /// <summary>A collection's item type or a dictionary's value type; <see langword="null"/> when it cannot be told.</summary>
    private static Type? ElementTypeOf(JsonTypeInfo typeInfo)
    {
#if NET9_0_OR_GREATER || NETSTANDARD
        return typeInfo.ElementType;
#else
        // System.Text.Json 8 does not say; generated metadata uses arrays, IList<T>, List<T> and IDictionary<string, T>.
        var type = typeInfo.Type;
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var arguments = type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
        var index = typeInfo.Kind == JsonTypeInfoKind.Dictionary ? 1 : 0;
        return index < arguments.Length ? arguments[index] : null;
#endif
    }
}
