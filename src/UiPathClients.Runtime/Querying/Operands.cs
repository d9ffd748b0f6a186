using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;

namespace UiPathClients.Runtime.Querying;

/// <summary>The part every operand shares: the OData expression it stands for (a property path or a function call).</summary>
public abstract class Operand : IPropertyPath
{
    /// <summary>Creates an operand.</summary>
    /// <param name="expression">The OData expression, e.g. <c>Robot/Name</c> or <c>tolower(Name)</c>.</param>
    protected Operand(string expression) => Expression = expression ?? throw new ArgumentNullException(nameof(expression));

    /// <summary>The OData expression this operand stands for.</summary>
    public string Expression { get; }

    /// <inheritdoc />
    string IPropertyPath.Path => Expression;

    /// <summary>Builds <c>{expression} {op} {literal}</c>.</summary>
    protected Filter Compare(string op, string literal) => new(new ComparisonFilterNode(Expression, op, literal));

    /// <summary>What a member that exists only to refuse an untranslatable call throws if reached by reflection.</summary>
    private protected static NotSupportedException Untranslated() =>
        new("This member is not translated to OData; the compiler refuses calls to it (see its [Obsolete] message).");

    /// <summary>Builds <c>{expression} in ({literals})</c>.</summary>
    protected Filter In(IEnumerable<string> literals) => new(Expression + " in (" + string.Join(",", literals) + ")");

    /// <inheritdoc />
    public override string ToString() => Expression;

    /// <inheritdoc />
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc />
    public override int GetHashCode() => Expression.GetHashCode();
}

/// <summary>An <c>Edm.String</c> operand with the OData string functions.</summary>
public sealed class StringOperand : Operand
{
    private const string CaseInsensitiveHint =
        "OData string functions take no StringComparison; the service compares as it does (usually case-sensitively). " +
        "For a case-insensitive match write p.Name.ToLower().Contains(\"text\") (the value in lower case).";

    /// <summary>Creates the operand for an expression.</summary>
    public StringOperand(string expression)
        : base(expression)
    {
    }

    /// <summary><c>contains(expression,'value')</c>.</summary>
    public Filter Contains(string value) => new(new StringFunctionFilterNode("contains", Expression, value));

    /// <summary><c>startswith(expression,'value')</c>.</summary>
    public Filter StartsWith(string value) => new(new StringFunctionFilterNode("startswith", Expression, value));

    /// <summary><c>endswith(expression,'value')</c>.</summary>
    public Filter EndsWith(string value) => new(new StringFunctionFilterNode("endswith", Expression, value));

    /// <summary><c>tolower(expression)</c>.</summary>
    public StringOperand ToLower() => new("tolower(" + Expression + ")");

    /// <summary><c>toupper(expression)</c>.</summary>
    public StringOperand ToUpper() => new("toupper(" + Expression + ")");

    /// <summary><c>trim(expression)</c>.</summary>
    public StringOperand Trim() => new("trim(" + Expression + ")");

    /// <summary><c>length(expression)</c>.</summary>
    public NumberOperand<int> Length => new("length(" + Expression + ")");

    /// <summary><c>indexof(expression,'value')</c>.</summary>
    public NumberOperand<int> IndexOf(string value) => new("indexof(" + Expression + "," + ODataLiteral.Format(value) + ")");

    /// <summary><c>substring(expression,start)</c>.</summary>
    public StringOperand Substring(int start) => new("substring(" + Expression + "," + ODataLiteral.Format(start) + ")");

    /// <summary><c>substring(expression,start,length)</c>.</summary>
    public StringOperand Substring(int start, int length) => new("substring(" + Expression + "," + ODataLiteral.Format(start) + "," + ODataLiteral.Format(length) + ")");

    /// <summary><c>concat(expression,'value')</c>.</summary>
    public StringOperand Concat(string value) => new("concat(" + Expression + "," + ODataLiteral.Format(value) + ")");

    /// <summary><c>expression in ('a','b')</c>.</summary>
    public Filter In(params string[] values) => base.In(values.Select(ODataLiteral.Format));

    /// <summary><c>expression in ('a','b')</c>, from any collection of values.</summary>
    public new Filter In(IEnumerable<string> values) => base.In((values ?? throw new ArgumentNullException(nameof(values))).Select(ODataLiteral.Format).ToList());

    // The near misses below are what C# habit writes; each fails to compile with a message saying what OData can do,
    // instead of "no overload takes 2 arguments". They never run (error: true), so their bodies only guard reflection.

    /// <summary>Not translated: OData <c>contains</c> takes no comparison. Compare lower-cased text instead.</summary>
    [Obsolete(CaseInsensitiveHint, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Filter Contains(string value, StringComparison comparisonType) => throw Untranslated();

    /// <summary>Not translated: OData <c>startswith</c> takes no comparison. Compare lower-cased text instead.</summary>
    [Obsolete(CaseInsensitiveHint, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Filter StartsWith(string value, StringComparison comparisonType) => throw Untranslated();

    /// <summary>Not translated: OData <c>endswith</c> takes no comparison. Compare lower-cased text instead.</summary>
    [Obsolete(CaseInsensitiveHint, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Filter EndsWith(string value, StringComparison comparisonType) => throw Untranslated();

    /// <summary>Not translated: OData <c>indexof</c> takes no comparison. Compare lower-cased text instead.</summary>
    [Obsolete(CaseInsensitiveHint, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public NumberOperand<int> IndexOf(string value, StringComparison comparisonType) => throw Untranslated();

    /// <summary>Not translated: write <c>p.Name == "text"</c>, which sends <c>eq</c>.</summary>
    [Obsolete("Equals is not translated to OData. Write p.Name == \"text\", which sends eq.", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Filter Equals(string? value) => throw Untranslated();

    /// <summary>Not translated: OData <c>eq</c> takes no comparison. Compare lower-cased text instead.</summary>
    [Obsolete("OData eq takes no StringComparison. For a case-insensitive match write p.Name.ToLower() == \"text\" (the value in lower case).", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Filter Equals(string? value, StringComparison comparisonType) => throw Untranslated();

    /// <summary>Not translated: use <see cref="ToLower"/>, which sends <c>tolower</c>.</summary>
    [Obsolete("ToLowerInvariant is not translated to OData. Use ToLower(), which sends tolower(...).", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public StringOperand ToLowerInvariant() => throw Untranslated();

    /// <summary>Not translated: use <see cref="ToUpper"/>, which sends <c>toupper</c>.</summary>
    [Obsolete("ToUpperInvariant is not translated to OData. Use ToUpper(), which sends toupper(...).", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public StringOperand ToUpperInvariant() => throw Untranslated();

    /// <summary><c>eq</c>; <see langword="null"/> compares with <c>null</c>.</summary>
    public static Filter operator ==(StringOperand left, string? right) => left.CompareString("eq", right);

    /// <summary><c>ne</c>; <see langword="null"/> compares with <c>null</c>.</summary>
    public static Filter operator !=(StringOperand left, string? right) => left.CompareString("ne", right);

    /// <summary><c>expression gt 'value'</c> (ordinal order, as OData services compare strings).</summary>
    public static Filter operator >(StringOperand left, string right) => left.CompareString("gt", right);

    /// <summary><c>expression ge 'value'</c>.</summary>
    public static Filter operator >=(StringOperand left, string right) => left.CompareString("ge", right);

    /// <summary><c>expression lt 'value'</c>.</summary>
    public static Filter operator <(StringOperand left, string right) => left.CompareString("lt", right);

    /// <summary><c>expression le 'value'</c>.</summary>
    public static Filter operator <=(StringOperand left, string right) => left.CompareString("le", right);

    /// <summary><c>eq</c> between two string expressions (a method: as an operator, <c>== null</c> would be ambiguous).</summary>
    public Filter EqualTo(StringOperand other) => Compare("eq", (other ?? throw new ArgumentNullException(nameof(other))).Expression);

    /// <summary><c>ne</c> between two string expressions.</summary>
    public Filter NotEqualTo(StringOperand other) => Compare("ne", (other ?? throw new ArgumentNullException(nameof(other))).Expression);

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();

    // The literal is written with the rest of the filter, not formatted into a string of its own first.
    private Filter CompareString(string op, string? value) => new(new StringComparisonFilterNode(Expression, op, value));
}

/// <summary>A comparable operand (numbers, dates, times, GUIDs, enums) whose literals a format function writes.</summary>
/// <typeparam name="T">The .NET type of the values.</typeparam>
public class ComparableOperand<T> : Operand
    where T : struct
{
    private readonly Func<T, string> _format;

    /// <summary>Creates the operand.</summary>
    /// <param name="expression">The OData expression.</param>
    /// <param name="format">Writes a value as an OData literal.</param>
    public ComparableOperand(string expression, Func<T, string> format)
        : base(expression) => _format = format ?? throw new ArgumentNullException(nameof(format));

    private protected string Literal(T? value) => value is { } actual ? _format(actual) : ODataLiteral.Null;

    /// <summary><c>{expression} {op} {literal of value}</c>; operands whose literals need no string of their own override it.</summary>
    private protected virtual Filter CompareValue(string op, T? value) => Compare(op, Literal(value));

    /// <summary><c>expression in (…)</c>.</summary>
    public Filter In(params T[] values) => In(values.Select(value => _format(value)));

    /// <summary><c>expression in (…)</c>, from any collection of values.</summary>
    public Filter In(IEnumerable<T> values) => In((values ?? throw new ArgumentNullException(nameof(values))).Select(value => _format(value)).ToList());

    /// <summary><c>eq</c>; <see langword="null"/> compares with <c>null</c>.</summary>
    public static Filter operator ==(ComparableOperand<T> left, T? right) => left.CompareValue("eq", right);

    /// <summary><c>ne</c>; <see langword="null"/> compares with <c>null</c>.</summary>
    public static Filter operator !=(ComparableOperand<T> left, T? right) => left.CompareValue("ne", right);

    /// <summary><c>gt</c>.</summary>
    public static Filter operator >(ComparableOperand<T> left, T right) => left.CompareValue("gt", right);

    /// <summary><c>ge</c>.</summary>
    public static Filter operator >=(ComparableOperand<T> left, T right) => left.CompareValue("ge", right);

    /// <summary><c>lt</c>.</summary>
    public static Filter operator <(ComparableOperand<T> left, T right) => left.CompareValue("lt", right);

    /// <summary><c>le</c>.</summary>
    public static Filter operator <=(ComparableOperand<T> left, T right) => left.CompareValue("le", right);

    /// <summary><c>eq</c> between two expressions (a method: as an operator, <c>== null</c> would be ambiguous).</summary>
    public Filter EqualTo(ComparableOperand<T> other) => Compare("eq", (other ?? throw new ArgumentNullException(nameof(other))).Expression);

    /// <summary><c>ne</c> between two expressions.</summary>
    public Filter NotEqualTo(ComparableOperand<T> other) => Compare("ne", (other ?? throw new ArgumentNullException(nameof(other))).Expression);

    /// <summary><c>gt</c> between two expressions.</summary>
    public static Filter operator >(ComparableOperand<T> left, ComparableOperand<T> right) => left.Compare("gt", right.Expression);

    /// <summary><c>lt</c> between two expressions.</summary>
    public static Filter operator <(ComparableOperand<T> left, ComparableOperand<T> right) => left.Compare("lt", right.Expression);

    /// <summary><c>ge</c> between two expressions.</summary>
    public static Filter operator >=(ComparableOperand<T> left, ComparableOperand<T> right) => left.Compare("ge", right.Expression);

    /// <summary><c>le</c> between two expressions.</summary>
    public static Filter operator <=(ComparableOperand<T> left, ComparableOperand<T> right) => left.Compare("le", right.Expression);

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>A numeric operand with OData arithmetic (<c>add sub mul div mod</c>).</summary>
/// <typeparam name="T">int, long, decimal, double or float.</typeparam>
public sealed class NumberOperand<T> : ComparableOperand<T>
    where T : struct
{
    /// <summary>Creates the operand.</summary>
    public NumberOperand(string expression)
        : base(expression, FormatNumber)
    {
    }

    /// <summary><c>(expression add value)</c>.</summary>
    public static NumberOperand<T> operator +(NumberOperand<T> left, T right) => left.Arithmetic("add", right);

    /// <summary><c>(expression sub value)</c>.</summary>
    public static NumberOperand<T> operator -(NumberOperand<T> left, T right) => left.Arithmetic("sub", right);

    /// <summary><c>(expression mul value)</c>.</summary>
    public static NumberOperand<T> operator *(NumberOperand<T> left, T right) => left.Arithmetic("mul", right);

    /// <summary><c>(expression div value)</c>.</summary>
    public static NumberOperand<T> operator /(NumberOperand<T> left, T right) => left.Arithmetic("div", right);

    /// <summary><c>(expression mod value)</c>.</summary>
    public static NumberOperand<T> operator %(NumberOperand<T> left, T right) => left.Arithmetic("mod", right);

    /// <summary>Same as <c>+</c>.</summary>
    public NumberOperand<T> Add(T value) => this + value;

    /// <summary>Same as <c>-</c>.</summary>
    public NumberOperand<T> Subtract(T value) => this - value;

    /// <summary>Same as <c>*</c>.</summary>
    public NumberOperand<T> Multiply(T value) => this * value;

    /// <summary>Same as <c>/</c>.</summary>
    public NumberOperand<T> Divide(T value) => this / value;

    /// <summary>Same as <c>%</c>.</summary>
    public NumberOperand<T> Mod(T value) => this % value;

    private NumberOperand<T> Arithmetic(string op, T value) => new("(" + Expression + " " + op + " " + Literal(value) + ")");

    // A type switch, not reflection: the generic parameter is one of a handful of numeric types.
    private static string FormatNumber(T value) => value switch
    {
        int number => ODataLiteral.Format(number),
        long number => ODataLiteral.Format(number),
        decimal number => ODataLiteral.Format(number),
        double number => ODataLiteral.Format(number),
        float number => ODataLiteral.Format(number),
        short number => ODataLiteral.Format(number),
        byte number => ODataLiteral.Format(number),
        sbyte number => ODataLiteral.Format(number),
        _ => throw new NotSupportedException($"{typeof(T).Name} is not an OData number type."),
    };
}

/// <summary>An <c>Edm.DateTimeOffset</c> operand with the date and time functions.</summary>
public sealed class DateTimeOffsetOperand : ComparableOperand<DateTimeOffset>
{
    /// <summary>Creates the operand.</summary>
    public DateTimeOffsetOperand(string expression)
        : base(expression, ODataLiteral.Format)
    {
    }

    /// <summary><c>year(expression)</c>.</summary>
    public NumberOperand<int> Year => Function("year");

    /// <summary><c>month(expression)</c>.</summary>
    public NumberOperand<int> Month => Function("month");

    /// <summary><c>day(expression)</c>.</summary>
    public NumberOperand<int> Day => Function("day");

    /// <summary><c>hour(expression)</c>.</summary>
    public NumberOperand<int> Hour => Function("hour");

    /// <summary><c>minute(expression)</c>.</summary>
    public NumberOperand<int> Minute => Function("minute");

    /// <summary><c>second(expression)</c>.</summary>
    public NumberOperand<int> Second => Function("second");

#if NET6_0_OR_GREATER
    /// <summary><c>date(expression)</c>: the date part, compared with <see cref="DateOnly"/> values.</summary>
    public ComparableOperand<DateOnly> Date => new("date(" + Expression + ")", static value => ODataLiteral.Format(value));

    /// <summary><c>time(expression)</c>: the time-of-day part, compared with <see cref="TimeOnly"/> values.</summary>
    public ComparableOperand<TimeOnly> Time => new("time(" + Expression + ")", static value => ODataLiteral.Format(value));
#endif

    /// <summary><c>now()</c>, the service's current time.</summary>
    public static DateTimeOffsetOperand Now { get; } = new("now()");

    private NumberOperand<int> Function(string name) => new(name + "(" + Expression + ")");

    /// <inheritdoc />
    private protected override Filter CompareValue(string op, DateTimeOffset? value) =>
        value is { } actual ? new Filter(new DateTimeOffsetComparisonFilterNode(Expression, op, actual)) : Compare(op, ODataLiteral.Null);
}

/// <summary>An <c>Edm.Boolean</c> operand; usable directly as a filter.</summary>
public sealed class BooleanOperand : ComparableOperand<bool>
{
    /// <summary>Creates the operand.</summary>
    public BooleanOperand(string expression)
        : base(expression, ODataLiteral.Format)
    {
    }

    /// <summary><c>expression</c> itself as a condition.</summary>
    public static implicit operator Filter(BooleanOperand operand) => new(operand?.Expression ?? throw new ArgumentNullException(nameof(operand)));

    /// <summary><c>not (expression)</c>: <c>!j.Enabled</c>.</summary>
    public static Filter operator !(BooleanOperand operand) => !(Filter)operand;

    /// <summary>The operand as a condition.</summary>
    public Filter ToFilter() => this;
}

/// <summary>An enumeration operand; the generated code supplies how members are written.</summary>
/// <typeparam name="TEnum">The generated enum.</typeparam>
public sealed class EnumOperand<TEnum> : ComparableOperand<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Creates the operand.</summary>
    /// <param name="expression">The OData expression.</param>
    /// <param name="format">Writes a member as a literal, e.g. <c>NS.JobState'Faulted'</c> or <c>'Faulted'</c>.</param>
    public EnumOperand(string expression, Func<TEnum, string> format)
        : base(expression, format)
    {
    }

    /// <summary><c>expression has NS.Type'Flag'</c>, for flags enumerations.</summary>
    public Filter Has(TEnum flag) => Compare("has", Literal(flag));
}
