using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// Reads and writes an enumeration the way OData JSON does: as the member name the service uses
/// (<c>"Faulted"</c>), flags as a comma-separated list (<c>"Read,Write"</c>). Generated code derives
/// one converter per enum type and supplies the name table, so no reflection is involved.
/// </summary>
/// <typeparam name="TEnum">The generated enum type.</typeparam>
public abstract class ODataEnumJsonConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private const char FlagSeparator = ',';

    private readonly Dictionary<string, long> _valuesByName;
    private readonly Dictionary<long, string> _namesByValue;
    private readonly KeyValuePair<string, long>[] _members;
    private readonly bool _isFlags;
    private readonly long? _unknownValue;

    /// <summary>Creates the converter from the members' service names and numeric values.</summary>
    /// <param name="members">Each member's name as the service spells it and its numeric value.</param>
    /// <param name="isFlags">Whether values combine as flags.</param>
    protected ODataEnumJsonConverter(IReadOnlyList<KeyValuePair<string, long>> members, bool isFlags)
        : this(members, isFlags, unknownValue: null)
    {
    }

    /// <summary>
    /// Creates a converter that reads names it does not know as <paramref name="unknownValue"/> instead of failing
    /// (OpenAPI models: a service adds enum values without a new contract, and one new value must not make a whole
    /// response unreadable). The unknown text cannot live in an enum value, so it is not kept, and writing
    /// <paramref name="unknownValue"/> fails rather than send the service a value it never sent.
    /// </summary>
    /// <param name="members">Each member's name as the service spells it and its numeric value.</param>
    /// <param name="isFlags">Whether values combine as flags.</param>
    /// <param name="unknownValue">The value unknown names read as; <see langword="null"/> to fail on them.</param>
    protected ODataEnumJsonConverter(IReadOnlyList<KeyValuePair<string, long>> members, bool isFlags, long? unknownValue)
    {
        _unknownValue = unknownValue;
        if (members is null)
        {
            throw new ArgumentNullException(nameof(members));
        }

        _isFlags = isFlags;
        _members = new KeyValuePair<string, long>[members.Count];
        _valuesByName = new Dictionary<string, long>(members.Count, StringComparer.Ordinal);
        _namesByValue = new Dictionary<long, string>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            _members[i] = members[i];
            _valuesByName[members[i].Key] = members[i].Value;
            if (!_namesByValue.ContainsKey(members[i].Value))
            {
                _namesByValue.Add(members[i].Value, members[i].Key);
            }
        }
    }

    /// <summary>Converts a value to its number; generated as a plain cast.</summary>
    protected abstract long ToInt64(TEnum value);

    /// <summary>Converts a number to the enum; generated as a plain cast.</summary>
    protected abstract TEnum FromInt64(long value);

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
}
