using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// Reads and writes an enumeration the way OData JSON does: as the member name the service uses
/// (<c>"Faulted"</c>), flags as a comma-separated list (<c>"Read,Write"</c>). Generated code derives
/// one converter per enum type and supplies only the name table; converting values to and from numbers
/// is done here for any underlying type, so no reflection is involved.
/// </summary>
/// <typeparam name="TEnum">The generated enum type.</typeparam>
public abstract class ODataEnumJsonConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private const char FlagSeparator = ',';

    /// <summary>The enum's underlying type (<see cref="Type.GetTypeCode"/> answers it for an enum), decided once per enum type.</summary>
    private static readonly TypeCode Underlying = Type.GetTypeCode(typeof(TEnum));

    private readonly Dictionary<string, long> _valuesByName;
    private readonly Dictionary<long, string> _namesByValue;
    private readonly KeyValuePair<string, long>[] _members;
    private readonly bool _isFlags;
    private readonly long? _unknownValue;

    /// <summary>Creates the converter from the members' service names and numeric values.</summary>
    /// <param name="serviceNames">Each member's name as the service spells it.</param>
    /// <param name="values">Each member's numeric value, in the order of <paramref name="serviceNames"/>.</param>
    /// <param name="isFlags">Whether values combine as flags.</param>
    protected ODataEnumJsonConverter(IReadOnlyList<string> serviceNames, IReadOnlyList<long> values, bool isFlags)
        : this(serviceNames, values, isFlags, unknownValue: null)
    {
    }

    /// <summary>
    /// Creates a converter that reads names it does not know as <paramref name="unknownValue"/> instead of failing
    /// (OpenAPI models: a service adds enum values without a new contract, and one new value must not make a whole
    /// response unreadable). The unknown text cannot live in an enum value, so it is not kept, and writing
    /// <paramref name="unknownValue"/> fails rather than send the service a value it never sent.
    /// </summary>
    /// <param name="serviceNames">Each member's name as the service spells it.</param>
    /// <param name="values">Each member's numeric value, in the order of <paramref name="serviceNames"/>.</param>
    /// <param name="isFlags">Whether values combine as flags.</param>
    /// <param name="unknownValue">The value unknown names read as; <see langword="null"/> to fail on them.</param>
    protected ODataEnumJsonConverter(IReadOnlyList<string> serviceNames, IReadOnlyList<long> values, bool isFlags, long? unknownValue)
    {
        if (serviceNames is null || values is null)
        {
            throw new ArgumentNullException(serviceNames is null ? nameof(serviceNames) : nameof(values));
        }

        if (serviceNames.Count != values.Count)
        {
            throw new ArgumentException($"{serviceNames.Count} names for {values.Count} values of {typeof(TEnum).Name}.", nameof(values));
        }

        _unknownValue = unknownValue;
        _isFlags = isFlags;
        _members = new KeyValuePair<string, long>[serviceNames.Count];
        _valuesByName = new Dictionary<string, long>(serviceNames.Count, StringComparer.Ordinal);
        _namesByValue = new Dictionary<long, string>(serviceNames.Count);
        for (var i = 0; i < serviceNames.Count; i++)
        {
            _members[i] = new KeyValuePair<string, long>(serviceNames[i], values[i]);
            _valuesByName[serviceNames[i]] = values[i];
            if (!_namesByValue.ContainsKey(values[i]))
            {
                _namesByValue.Add(values[i], serviceNames[i]);
            }
        }
    }

    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return FromInt64(ParseName(reader.GetString()!));
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                // Some services (and older Orchestrator versions with some settings) send numbers.
                return FromInt64(number);
            default:
                throw new JsonException($"Expected a {typeof(TEnum).Name} name as a JSON string, found {reader.TokenType}.");
        }
    }

    /// <summary>The member name(s) the service uses for <paramref name="value"/>, e.g. <c>Faulted</c> or <c>Read,Write</c>; for URL literals.</summary>
    /// <exception cref="JsonException">The value is not a member (or combination of flags) the service knows.</exception>
    public string ToServiceName(TEnum value) => FormatName(ToInt64(value));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        writer.WriteStringValue(FormatName(ToInt64(value)));
    }

    private long ParseName(string text)
    {
        if (_valuesByName.TryGetValue(text, out var value))
        {
            return value;
        }

        if (_isFlags && text.IndexOf(FlagSeparator) >= 0)
        {
            long combined = 0;
            foreach (var part in text.Split(FlagSeparator))
            {
                combined |= ParseName(part.Trim());
            }

            return combined;
        }

        if (_unknownValue is { } unknown)
        {
            return unknown;
        }

        throw new JsonException($"'{text}' is not a member of {typeof(TEnum).Name}. The service may be newer than this client; regenerate it from the current $metadata.");
    }

    private string FormatName(long value)
    {
        if (_namesByValue.TryGetValue(value, out var name))
        {
            return name;
        }

        if (_isFlags)
        {
            var builder = new StringBuilder();
            var remaining = value;
            foreach (var member in _members)
            {
                if (member.Value != 0 && (remaining & member.Value) == member.Value)
                {
                    builder.Append(builder.Length == 0 ? string.Empty : ",").Append(member.Key);
                    remaining &= ~member.Value;
                }
            }

            if (remaining == 0 && builder.Length > 0)
            {
                return builder.ToString();
            }
        }

        if (value == _unknownValue)
        {
            throw new JsonException($"The unknown {typeof(TEnum).Name} value (read from a name this client does not know) cannot be written: the service's original spelling was not kept.");
        }

        throw new JsonException($"{value.ToString(CultureInfo.InvariantCulture)} is not a value of {typeof(TEnum).Name} that the service can read.");
    }

    /// <summary>The value as a number, as <c>(long)value</c> would give it: sign-extended for signed underlying types.</summary>
    private static long ToInt64(TEnum value) => Underlying switch
    {
        TypeCode.SByte => Unsafe.As<TEnum, sbyte>(ref value),
        TypeCode.Byte => Unsafe.As<TEnum, byte>(ref value),
        TypeCode.Int16 => Unsafe.As<TEnum, short>(ref value),
        TypeCode.UInt16 => Unsafe.As<TEnum, ushort>(ref value),
        TypeCode.Int32 => Unsafe.As<TEnum, int>(ref value),
        TypeCode.UInt32 => Unsafe.As<TEnum, uint>(ref value),
        _ => Unsafe.As<TEnum, long>(ref value),
    };

    /// <summary>The enum value of a number, as <c>(TEnum)value</c> would give it: truncated to the underlying type.</summary>
    private static TEnum FromInt64(long value)
    {
        switch (Underlying)
        {
            case TypeCode.SByte:
            case TypeCode.Byte:
                var oneByte = unchecked((byte)value);
                return Unsafe.As<byte, TEnum>(ref oneByte);
            case TypeCode.Int16:
            case TypeCode.UInt16:
                var twoBytes = unchecked((short)value);
                return Unsafe.As<short, TEnum>(ref twoBytes);
            case TypeCode.Int32:
            case TypeCode.UInt32:
                var fourBytes = unchecked((int)value);
                return Unsafe.As<int, TEnum>(ref fourBytes);
            default:
                return Unsafe.As<long, TEnum>(ref value);
        }
    }
}
