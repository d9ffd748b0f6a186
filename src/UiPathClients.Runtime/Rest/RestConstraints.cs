using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace UiPathClients.Runtime.Rest;

/// <summary>
/// The value constraints an OpenAPI description declares for a parameter, a property or an array's items
/// (<c>minLength</c>, <c>maxLength</c>, <c>pattern</c>, <c>minimum</c>, <c>maximum</c>, <c>multipleOf</c>,
/// <c>minItems</c>, <c>maxItems</c>, <c>uniqueItems</c>), checked on the JSON form of a value before it is sent.
/// </summary>
/// <remarks>
/// Generated clients check them only when <see cref="RestConnection.ValidatesConstraints"/> is set: the service
/// validates anyway, and a description's constraints are often stricter or older than the service they describe.
/// </remarks>
public sealed class RestConstraints
{
    /// <summary>The fewest characters (Unicode code points) a string may have.</summary>
    public int? MinLength { get; set; }

    /// <summary>The most characters (Unicode code points) a string may have.</summary>
    public int? MaxLength { get; set; }

    /// <summary>A regular expression a string must match somewhere (not anchored, as in JSON Schema).</summary>
    public string? Pattern { get; set; }

    /// <summary>The smallest number allowed (excluded itself when <see cref="ExclusiveMinimum"/>).</summary>
    public double? Minimum { get; set; }

    /// <summary>Whether <see cref="Minimum"/> itself is excluded.</summary>
    public bool ExclusiveMinimum { get; set; }

    /// <summary>The largest number allowed (excluded itself when <see cref="ExclusiveMaximum"/>).</summary>
    public double? Maximum { get; set; }

    /// <summary>Whether <see cref="Maximum"/> itself is excluded.</summary>
    public bool ExclusiveMaximum { get; set; }

    /// <summary>A number the value must be a whole multiple of; decimal, so 0.1 is exact.</summary>
    public decimal? MultipleOf { get; set; }

    /// <summary>The fewest items an array may have.</summary>
    public int? MinItems { get; set; }

    /// <summary>The most items an array may have.</summary>
    public int? MaxItems { get; set; }

    /// <summary>Whether an array's items must all differ.</summary>
    public bool UniqueItems { get; set; }

    /// <summary>The constraints of each item of an array; a function, so recursive types can refer to themselves.</summary>
    public Func<RestConstraints>? Items { get; set; }

    /// <summary>The constraints of an object's members, by JSON name; functions, so recursive types can refer to themselves.</summary>
    public IReadOnlyDictionary<string, Func<RestConstraints>>? Properties { get; set; }

    /// <summary>Checks <paramref name="value"/> (a JSON value as it would be sent) and throws at the first violation.</summary>
    /// <param name="name">The parameter's name, reported in the exception (<see cref="ArgumentException.ParamName"/>).</param>
    /// <param name="value">The value's JSON form; <c>null</c> and absent values satisfy every constraint.</param>
    /// <exception cref="ArgumentException">The value breaks a constraint; the message names where (<c>body.child.count</c>) and which.</exception>
    public void Check(string name, JsonElement value) => Check(name, name ?? throw new ArgumentNullException(nameof(name)), value, depth: 0);

    private void Check(string name, string path, JsonElement value, int depth)
    {
        if (depth > 64)
        {
            // A value nested this deep is not what a description's constraints are about; its serializer refused deeper ones anyway.
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(name, path, value.GetString()!);
                break;
            case JsonValueKind.Number:
                CheckNumber(name, path, value);
                break;
            case JsonValueKind.Array:
                CheckArray(name, path, value, depth);
                break;
            case JsonValueKind.Object when Properties is not null:
                foreach (var member in value.EnumerateObject())
                {
                    if (Properties.TryGetValue(member.Name, out var constraints))
                    {
                        constraints().Check(name, path + "." + member.Name, member.Value, depth + 1);
                    }
                }

                break;
        }
    }

    private void CheckString(string name, string path, string text)
    {
        var length = CodePoints(text);
        if (MinLength is { } minLength && length < minLength)
        {
            throw Violation(name, path, $"has {length} characters, fewer than the {minLength} its description requires");
        }

        if (MaxLength is { } maxLength && length > maxLength)
        {
            throw Violation(name, path, $"has {length} characters, more than the {maxLength} its description allows");
        }

        if (Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            throw Violation(name, path, $"('{text}') does not match the pattern '{pattern}'");
        }
    }

    private void CheckNumber(string name, string path, JsonElement value)
    {
        var number = value.GetDouble();
        if (Minimum is { } minimum && (ExclusiveMinimum ? number <= minimum : number < minimum))
        {
            throw Violation(name, path, $"({value.GetRawText()}) is below the {(ExclusiveMinimum ? "exclusive " : string.Empty)}minimum {minimum.ToString("R", CultureInfo.InvariantCulture)}");
        }

        if (Maximum is { } maximum && (ExclusiveMaximum ? number >= maximum : number > maximum))
        {
            throw Violation(name, path, $"({value.GetRawText()}) is above the {(ExclusiveMaximum ? "exclusive " : string.Empty)}maximum {maximum.ToString("R", CultureInfo.InvariantCulture)}");
        }

        if (MultipleOf is { } multipleOf && multipleOf != 0 && !IsMultiple(value, multipleOf))
        {
            throw Violation(name, path, $"({value.GetRawText()}) is not a multiple of {multipleOf.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private void CheckArray(string name, string path, JsonElement value, int depth)
    {
        var count = value.GetArrayLength();
        if (MinItems is { } minItems && count < minItems)
        {
            throw Violation(name, path, $"has {count} items, fewer than the {minItems} its description requires");
        }

        if (MaxItems is { } maxItems && count > maxItems)
        {
            throw Violation(name, path, $"has {count} items, more than the {maxItems} its description allows");
        }

        if (UniqueItems)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in value.EnumerateArray())
            {
                if (!seen.Add(Canonical(item)))
                {
                    throw Violation(name, path, $"holds {item.GetRawText()} more than once; its description requires unique items");
                }
            }
        }

        if (Items is { } items)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                items().Check(name, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", item, depth + 1);
                index++;
            }
        }
    }

    private static bool IsMultiple(JsonElement value, decimal multipleOf)
    {
        // Decimal when the number fits (exact for 0.1 and friends), else the double remainder.
        if (value.TryGetDecimal(out var exact))
        {
            return exact % multipleOf == 0m;
        }

        var quotient = value.GetDouble() / (double)multipleOf;
        return Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }

    /// <summary>A JSON value in one spelling, so <c>1.0</c> and <c>1</c> or reordered members count as the same item.</summary>
    private static string Canonical(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.Object => "{" + string.Join(",", value.EnumerateObject().OrderBy(member => member.Name, StringComparer.Ordinal).Select(member => "\"" + JsonEncodedText.Encode(member.Name).ToString() + "\":" + Canonical(member.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", value.EnumerateArray().Select(Canonical)) + "]",
        _ => value.GetRawText(),
    };

    private static int CodePoints(string text)
    {
        var count = 0;
        for (var index = 0; index < text.Length; index++)
        {
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }

            count++;
        }

        return count;
    }

    private static ArgumentException Violation(string name, string path, string reason) =>
        new($"'{path}' {reason}.", name);
}
