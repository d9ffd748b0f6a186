using System;
using System.Globalization;
using System.Text;

namespace UiPathClients.Runtime.Querying;

/// <summary>
/// Formats .NET values as OData URL literals (OData 4.01 ABNF, <c>primitiveLiteral</c>), for <c>$filter</c>,
/// keys and function parameters. The results are not URL-encoded: the query builder encodes the whole
/// option once, so a literal is never encoded twice.
/// </summary>
/// <remarks>Every format is checked in tests by parsing it back with Microsoft.OData.Core's <c>ODataUriParser</c>.</remarks>
public static class ODataLiteral
{
    /// <summary>The <c>null</c> literal.</summary>
    public const string Null = "null";

    /// <summary><c>'text'</c> with single quotes doubled: <c>O'Neil</c> → <c>'O''Neil'</c>.</summary>
    public static string Format(string? value) =>
        value is null ? Null : "'" + value.Replace("'", "''") + "'";

    /// <summary>Writes what <see cref="Format(string)"/> returns, without the intermediate strings.</summary>
    internal static void Write(ref TextBuffer buffer, string? value)
    {
        if (value is null)
        {
            buffer.Append(Null);
            return;
        }

        buffer.Append('\'');
        var rest = value.AsSpan();
        for (var quote = rest.IndexOf('\''); quote >= 0; quote = rest.IndexOf('\''))
        {
            buffer.Append(rest.Slice(0, quote + 1));
            buffer.Append('\'');
            rest = rest.Slice(quote + 1);
        }

        buffer.Append(rest);
        buffer.Append('\'');
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>An integer, invariant culture.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A 64-bit integer, invariant culture (no suffix: OData 4 infers the type from the property).</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A decimal without exponent or suffix (OData 4 has no <c>M</c>), invariant culture.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A double that round-trips; <c>NaN</c>, <c>INF</c> and <c>-INF</c> for the special values.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "INF" : "-INF";
        }

        return WithDecimalPoint(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>A single-precision number that round-trips; <c>NaN</c>, <c>INF</c> and <c>-INF</c> for the special values.</summary>
    public static string Format(float value)
    {
        if (float.IsNaN(value))
        {
            return "NaN";
        }

        if (float.IsInfinity(value))
        {
            return value > 0 ? "INF" : "-INF";
        }

        return WithDecimalPoint(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>A GUID in its 8-4-4-4-12 form, unquoted.</summary>
    public static string Format(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with offset (<c>Z</c> for UTC) and only the fractional digits needed: <c>2026-11-22T10:30:00+02:00</c>.</summary>
    public static string Format(DateTimeOffset value)
    {
        var buffer = new TextBuffer(stackalloc char[MaxDateTimeOffsetLength]);
        Write(ref buffer, value);
        return buffer.ToString();
    }

    /// <summary>
    /// Writes what <see cref="Format(DateTimeOffset)"/> returns: the clock time as <c>yyyy-MM-ddTHH:mm:ss</c>, the
    /// fraction of a second without trailing zeros (none at all for whole seconds), then <c>Z</c> or the offset as
    /// <c>±hh:mm</c>. Digit by digit: a custom format string is parsed on every call, and this runs once per filter clause.
    /// </summary>
    internal static void Write(ref TextBuffer buffer, DateTimeOffset value)
    {
        var clock = value.DateTime;
        var text = buffer.Reserve(MaxDateTimeOffsetLength);
        WriteDigits(text, clock.Year, 4);
        text[4] = '-';
        WriteDigits(text.Slice(5), clock.Month, 2);
        text[7] = '-';
        WriteDigits(text.Slice(8), clock.Day, 2);
        text[10] = 'T';
        WriteDigits(text.Slice(11), clock.Hour, 2);
        text[13] = ':';
        WriteDigits(text.Slice(14), clock.Minute, 2);
        text[16] = ':';
        WriteDigits(text.Slice(17), clock.Second, 2);
        var length = 19;
        var fraction = (int)(clock.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            text[length] = '.';
            WriteDigits(text.Slice(length + 1), fraction, 7);
            length += 8;
            while (text[length - 1] == '0')
            {
                length--;
            }
        }

        var offsetMinutes = (int)(value.Offset.Ticks / TimeSpan.TicksPerMinute);
        if (offsetMinutes == 0)
        {
            text[length++] = 'Z';
        }
        else
        {
            text[length] = offsetMinutes < 0 ? '-' : '+';
            offsetMinutes = Math.Abs(offsetMinutes);
            WriteDigits(text.Slice(length + 1), offsetMinutes / 60, 2);
            text[length + 3] = ':';
            WriteDigits(text.Slice(length + 4), offsetMinutes % 60, 2);
            length += 6;
        }

        buffer.Commit(length);
    }

    /// <summary>An <c>Edm.Date</c> held in a <see cref="DateTime"/> (targets without DateOnly): <c>yyyy-MM-dd</c>, the time ignored.</summary>
    public static string FormatDate(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An <c>Edm.TimeOfDay</c> held in a <see cref="TimeSpan"/>: <c>HH:mm:ss</c> plus only the fractional digits needed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or a day or longer.</exception>
    public static string FormatTimeOfDay(TimeSpan value)
    {
        if (value < TimeSpan.Zero || value >= TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A time of day is at least 00:00:00 and less than 24:00:00.");
        }

        return new DateTime(value.Ticks, DateTimeKind.Unspecified).ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
    }

#if NET6_0_OR_GREATER
    /// <summary>A date, <c>yyyy-MM-dd</c>.</summary>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A time of day, <c>HH:mm:ss</c> plus only the fractional digits needed.</summary>
    public static string Format(TimeOnly value) => FormatTimeOfDay(value.ToTimeSpan());
#endif

    /// <summary>An <c>Edm.Duration</c>, ISO 8601: <c>duration'P1DT2H3M4.5S'</c>, negative ones as <c>duration'-P…'</c>.</summary>
    public static string Format(TimeSpan value)
    {
        var builder = new StringBuilder("duration'");
        if (value < TimeSpan.Zero)
        {
            builder.Append('-');
            value = value.Negate();
        }

        builder.Append('P');
        if (value.Days > 0)
        {
            builder.Append(value.Days.ToString(CultureInfo.InvariantCulture)).Append('D');
        }

        builder.Append('T')
            .Append(value.Hours.ToString(CultureInfo.InvariantCulture)).Append('H')
            .Append(value.Minutes.ToString(CultureInfo.InvariantCulture)).Append('M');
        var seconds = value.Seconds + ((value.Ticks % TimeSpan.TicksPerSecond) / (decimal)TimeSpan.TicksPerSecond);
        builder.Append(seconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append("S'");
        return builder.ToString();
    }

    /// <summary><c>binary'…'</c> with base64url content (OData 4.01).</summary>
    public static string Format(byte[]? value)
    {
        if (value is null)
        {
            return Null;
        }

        var base64Url = Convert.ToBase64String(value).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return "binary'" + base64Url + "'";
    }

    /// <summary>
    /// An enumeration member. Qualified (<c>NS.Color'Red'</c>) is the standard form; the plain form
    /// (<c>'Red'</c>) is what Orchestrator also accepts and what most of its examples use.
    /// </summary>
    /// <param name="qualifiedTypeName">The enum type's namespace-qualified name in the metadata.</param>
    /// <param name="memberNames">The member name, or several for a flags value (joined with commas).</param>
    /// <param name="qualified">Whether to prefix the type name.</param>
    public static string FormatEnum(string qualifiedTypeName, string memberNames, bool qualified = true) =>
        (qualified ? qualifiedTypeName : string.Empty) + "'" + memberNames.Replace("'", "''") + "'";

    /// <summary><c>yyyy-MM-ddTHH:mm:ss.fffffffzzz</c>, the longest <see cref="Format(DateTimeOffset)"/> writes.</summary>
    private const int MaxDateTimeOffsetLength = 33;

    /// <summary>Writes <paramref name="value"/> (not negative) as exactly <paramref name="count"/> digits, zero-padded.</summary>
    private static void WriteDigits(Span<char> destination, int value, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private static string WithDecimalPoint(string number) =>
        number.IndexOfAny(DecimalMarkers) >= 0 ? number : number + ".0";

    private static readonly char[] DecimalMarkers = { '.', 'E', 'e' };
}
