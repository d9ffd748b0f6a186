using System;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UiPathClients.Runtime.Rest;

/// <summary>
/// An OpenAPI <c>format: decimal</c> number exactly as the service wrote it: any number of digits at any scale
/// (<c>2.5976931e+101</c>, <c>2.5976931e-101</c>, <c>99999999.99</c>), read and written without rounding.
/// </summary>
/// <remarks>
/// <see cref="decimal"/> holds 28–29 digits between ±7.9e28 and 1e-28: <c>2.5976931e+101</c> does not fit and
/// <c>2.5976931e-101</c> would become <c>0</c>, and <see cref="double"/> would round decimal fractions. A decimal of the
/// description is exact by intent, so this keeps the digits (a <see cref="BigInteger"/> significand and a power of ten)
/// and converts to <see cref="decimal"/> only explicitly, throwing <see cref="OverflowException"/> where that would
/// change the value. Equal values are equal whatever their spelling (<c>2.50</c> = <c>2.5</c> = <c>25e-1</c>).
/// </remarks>
public readonly struct ExactDecimal : IEquatable<ExactDecimal>, IComparable<ExactDecimal>
{
    private static readonly BigInteger Ten = new(10);
    private static readonly BigInteger DecimalSignificandLimit = BigInteger.Pow(2, 96);

    /// <summary>Creates the value <paramref name="significand"/> × 10^<paramref name="exponent"/>.</summary>
    public ExactDecimal(BigInteger significand, int exponent)
    {
        // Normalized (no trailing zeros in the significand; zero has exponent 0) so equality is structural.
        if (significand.IsZero)
        {
            exponent = 0;
        }
        else
        {
            while ((significand % Ten).IsZero)
            {
                significand /= Ten;
                exponent++;
            }
        }

        Significand = significand;
        Exponent = exponent;
    }

    /// <summary>The digits, without trailing zeros: the value is <see cref="Significand"/> × 10^<see cref="Exponent"/>.</summary>
    public BigInteger Significand { get; }

    /// <summary>The power of ten <see cref="Significand"/> is scaled by.</summary>
    public int Exponent { get; }

    /// <summary>Converts a <see cref="decimal"/>; every one is exact.</summary>
    public static implicit operator ExactDecimal(decimal value) => Parse(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Converts a <see cref="long"/>.</summary>
    public static implicit operator ExactDecimal(long value) => new(value, 0);

    /// <summary>The same value as a <see cref="decimal"/>.</summary>
    /// <exception cref="OverflowException">The value is out of <see cref="decimal"/>'s range or has more digits than it keeps.</exception>
    public static explicit operator decimal(ExactDecimal value) => value.ToDecimal();

    /// <summary>The nearest <see cref="double"/>: binary floating point cannot hold most decimal fractions exactly.</summary>
    public static explicit operator double(ExactDecimal value) => double.Parse(value.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Whether two values are equal.</summary>
    public static bool operator ==(ExactDecimal left, ExactDecimal right) => left.Equals(right);

    /// <summary>Whether two values differ.</summary>
    public static bool operator !=(ExactDecimal left, ExactDecimal right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    public static bool operator <(ExactDecimal left, ExactDecimal right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    public static bool operator >(ExactDecimal left, ExactDecimal right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    public static bool operator <=(ExactDecimal left, ExactDecimal right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    public static bool operator >=(ExactDecimal left, ExactDecimal right) => left.CompareTo(right) >= 0;

    /// <summary>Reads a JSON number's text: <c>-12.5</c>, <c>2.5976931e+101</c>, <c>1E-3</c>.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a JSON number.</exception>
    public static ExactDecimal Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a decimal number.");

    /// <summary>Reads a JSON number's text; <see langword="false"/> when it is not one.</summary>
    public static bool TryParse(string? text, out ExactDecimal value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var index = 0;
        var negative = text![0] == '-';
        if (negative || text[0] == '+')
        {
            index++;
        }

        var digits = new StringBuilder(text.Length);
        var fractionDigits = 0;
        var seenPoint = false;
        for (; index < text.Length && (char.IsDigit(text[index]) || (text[index] == '.' && !seenPoint)); index++)
        {
            if (text[index] == '.')
            {
                seenPoint = true;
                continue;
            }

            digits.Append(text[index]);
            fractionDigits += seenPoint ? 1 : 0;
        }

        if (digits.Length == 0 || text[index - 1] == '.')
        {
            return false;
        }

        var exponent = 0;
        if (index < text.Length)
        {
            if (text[index] is not ('e' or 'E')
                || !int.TryParse(text.Remove(0, index + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return false;
            }
        }

        var scaledExponent = (long)exponent - fractionDigits;
        if (scaledExponent < int.MinValue)
        {
            return false;
        }

        var significand = BigInteger.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        value = new ExactDecimal(negative ? -significand : significand, (int)scaledExponent);
        return true;
    }

    /// <summary>The same value as a <see cref="decimal"/>.</summary>
    /// <exception cref="OverflowException">The value is out of <see cref="decimal"/>'s range or has more digits than it keeps.</exception>
    public decimal ToDecimal()
    {
        var magnitude = BigInteger.Abs(Significand);
        var scale = 0;
        if (Exponent > 28)
        {
            // The significand has no trailing zeros, so the value is at least 10^29: past decimal's range. Checked
            // before scaling, which for a hostile 1e2000000000 would allocate without end.
            throw new OverflowException($"{this} cannot be a System.Decimal without changing its value.");
        }

        if (Exponent > 0)
        {
            magnitude *= BigInteger.Pow(Ten, Exponent);
        }
        else
        {
            scale = -Exponent;
        }

        if (scale > 28 || magnitude >= DecimalSignificandLimit)
        {
            throw new OverflowException($"{this} cannot be a System.Decimal without changing its value.");
        }

        var bytes = magnitude.ToByteArray();
        var words = new int[3];
        for (var i = 0; i < bytes.Length && i < 12; i++)
        {
            words[i / 4] |= bytes[i] << (8 * (i % 4));
        }

        return new decimal(words[0], words[1], words[2], Significand.Sign < 0, (byte)scale);
    }

    /// <summary>
    /// The value as JSON number text, plain when the decimal point is near the digits (<c>99999999.99</c>), otherwise in
    /// exponent form (<c>2.5976931e+101</c>) — the forms JavaScript writes, so a service in it reads back what it sent.
    /// </summary>
    public override string ToString()
    {
        var digits = BigInteger.Abs(Significand).ToString(CultureInfo.InvariantCulture);
        var sign = Significand.Sign < 0 ? "-" : string.Empty;
        var pointPosition = digits.Length + Exponent;
        var adjusted = pointPosition - 1;
        if (adjusted >= -7 && adjusted < 21)
        {
            if (Exponent >= 0)
            {
                return sign + digits + new string('0', Exponent);
            }

            return pointPosition > 0
                ? sign + digits.Insert(pointPosition, ".")
                : sign + "0." + new string('0', -pointPosition) + digits;
        }

        var mantissa = digits.Length == 1 ? digits : digits.Insert(1, ".");
        return sign + mantissa + "e" + (adjusted < 0 ? "-" : "+") + Math.Abs(adjusted).ToString(CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public bool Equals(ExactDecimal other) => Exponent == other.Exponent && Significand.Equals(other.Significand);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ExactDecimal other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Significand.GetHashCode() ^ Exponent;

    /// <inheritdoc />
    public int CompareTo(ExactDecimal other)
    {
        if (Significand.Sign != other.Significand.Sign)
        {
            return Significand.Sign.CompareTo(other.Significand.Sign);
        }

        if (Significand.IsZero)
        {
            return 0;
        }

        // Orders of magnitude first: scaling to a common exponent is only done when they are equal, where the
        // exponents differ by no more than the digit counts (1e2000000000 against 1 must not build a 2-billion-digit number).
        var magnitude = DigitCount(Significand) + (long)Exponent;
        var otherMagnitude = DigitCount(other.Significand) + (long)other.Exponent;
        if (magnitude != otherMagnitude)
        {
            return magnitude.CompareTo(otherMagnitude) * Significand.Sign;
        }

        var common = Math.Min(Exponent, other.Exponent);
        var left = Significand * BigInteger.Pow(Ten, Exponent - common);
        var right = other.Significand * BigInteger.Pow(Ten, other.Exponent - common);
        return left.CompareTo(right);
    }

    private static int DigitCount(BigInteger value) => BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture).Length;
}

/// <summary>Reads <see cref="ExactDecimal"/> from a JSON number (or a numeric string, as IEEE754-compatible services send) and writes a JSON number.</summary>
public sealed class ExactDecimalJsonConverter : JsonConverter<ExactDecimal>
{
    /// <summary>The shared instance.</summary>
    public static ExactDecimalJsonConverter Instance { get; } = new();

    /// <inheritdoc />
    public override ExactDecimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
            JsonTokenType.String => reader.GetString(),
            _ => null,
        };

        return ExactDecimal.TryParse(text, out var value)
            ? value
            : throw new JsonException($"Expected a decimal as a JSON number, found {reader.TokenType}{(text is null ? "." : $" '{text}'.")}");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ExactDecimal value, JsonSerializerOptions options) =>
        (writer ?? throw new ArgumentNullException(nameof(writer))).WriteRawValue(value.ToString(), skipInputValidation: true);
}
