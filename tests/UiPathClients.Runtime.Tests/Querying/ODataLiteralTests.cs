using System;
using System.Collections.Generic;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using UiPathClients.Runtime.Querying;

namespace UiPathClients.Runtime.Tests.Querying;

/// <summary>
/// Every literal is parsed back by Microsoft.OData.Core's <see cref="ODataUriParser"/> in
/// <c>$filter=Property eq literal</c> against a model with a property of the matching type, and the
/// value the parser reads must be the value we formatted.
/// </summary>
public sealed class ODataLiteralTests
{
    private static readonly Lazy<IEdmModel> Model = new(BuildModel);

    [Theory]
    [InlineData("plain")]
    [InlineData("O'Neil")]
    [InlineData("''")]
    [InlineData("")]
    [InlineData("a & b # c % d + e ? f / g")]
    [InlineData("unicode é 日本")]
    public void Strings_escape_quotes(string value) => Assert.Equal(value, Parse("Text", ODataLiteral.Format(value)));

    [Fact]
    public void Booleans_and_integers() 
    {
        Assert.Equal(true, Parse("Flag", ODataLiteral.Format(true)));
        Assert.Equal(false, Parse("Flag", ODataLiteral.Format(false)));
        Assert.Equal(-5, Parse("Number", ODataLiteral.Format(-5)));
        Assert.Equal(int.MaxValue, Parse("Number", ODataLiteral.Format(int.MaxValue)));
        Assert.Equal(long.MaxValue, Parse("Big", ODataLiteral.Format(long.MaxValue)));
        Assert.Equal(long.MinValue, Parse("Big", ODataLiteral.Format(long.MinValue)));
    }

    [Theory]
    [InlineData("0.1")]
    [InlineData("-12345.6789")]
    [InlineData("12345678901234567890.123456789")]
    [InlineData("7922816251426433759354395033")]
    public void Decimals_keep_every_digit(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(value, Convert.ToDecimal(Parse("Amount", ODataLiteral.Format(value)), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(1.0)]
    [InlineData(1e-7)]
    [InlineData(1e300)]
    [InlineData(double.MaxValue)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Doubles_round_trip_including_special_values(double value) =>
        Assert.Equal(value, Convert.ToDouble(Parse("Ratio", ODataLiteral.Format(value)), System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Singles_round_trip() =>
        Assert.Equal(3.25f, Convert.ToSingle(Parse("Weight", ODataLiteral.Format(3.25f)), System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Guids_are_unquoted()
    {
        var value = System.Guid.Parse("8a3f2c1e-0000-4000-8000-000000000001");

        Assert.Equal(value, Parse("Key", ODataLiteral.Format(value)));
    }

    [Theory]
    [InlineData("2026-11-22T10:30:00Z")]
    [InlineData("2026-11-22T10:30:00.1234567Z")]
    [InlineData("2026-11-22T10:30:00+02:00")]
    [InlineData("2026-01-01T00:00:00-05:30")]
    public void DateTimeOffsets_keep_offset_and_precision(string text)
    {
        var value = System.DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var literal = ODataLiteral.Format(value);

        Assert.Equal(value, Parse("Created", literal));
        Assert.Equal(text, literal);
    }

    [Fact]
    public void DateTimeOffsets_are_written_as_the_custom_format_writes_them()
    {
        // The oracle is the format string the literal was first written with; the writer now puts the digits down itself.
        static string Oracle(System.DateTimeOffset value) =>
            value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)
            + (value.Offset == TimeSpan.Zero ? "Z" : value.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture));

        var random = new Random(1309);
        var values = new List<System.DateTimeOffset>
        {
            System.DateTimeOffset.MinValue,
            System.DateTimeOffset.MaxValue,
            new(99, 1, 2, 3, 4, 5, TimeSpan.Zero),
            new System.DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.FromHours(14)).AddTicks(5_000_000),
            new System.DateTimeOffset(2026, 3, 14, 9, 26, 53, new TimeSpan(-9, -30, 0)).AddTicks(1),
            new System.DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.FromMinutes(-30)).AddTicks(9_999_990),
        };
        for (var i = 0; i < 2_000; i++)
        {
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, (14 * 60) + 1));
            var ticks = (long)(random.NextDouble() * (System.DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay)) + TimeSpan.TicksPerDay;
            // Whole seconds, whole milliseconds and full precision, as real timestamps come.
            ticks -= (i % 3) switch { 0 => ticks % TimeSpan.TicksPerSecond, 1 => ticks % TimeSpan.TicksPerMillisecond, _ => 0 };
            values.Add(new System.DateTimeOffset(ticks, offset));
        }

        foreach (var value in values)
        {
            Assert.Equal(Oracle(value), ODataLiteral.Format(value));
        }
    }

    [Fact]
    public void Dates_and_times_of_day()
    {
#pragma warning disable CS0618 // ODL 8 still reads Edm.Date/TimeOfDay into its own (obsolete) types; they are the oracle's values.
        Assert.Equal(new Date(2026, 11, 22), Parse("Day", ODataLiteral.Format(new DateOnly(2026, 11, 22))));
        Assert.Equal(new Date(2026, 11, 22), Parse("Day", ODataLiteral.FormatDate(new DateTime(2026, 11, 22, 23, 59, 0))));
        Assert.Equal(new TimeOfDay(10, 30, 0, 0), Parse("At", ODataLiteral.Format(new TimeOnly(10, 30))));
        Assert.Equal(new TimeOfDay(TimeSpan.FromDays(1).Ticks - 1), Parse("At", ODataLiteral.FormatTimeOfDay(TimeSpan.FromDays(1) - TimeSpan.FromTicks(1))));
#pragma warning restore CS0618
        Assert.Throws<ArgumentOutOfRangeException>(() => ODataLiteral.FormatTimeOfDay(TimeSpan.FromHours(24)));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("1.02:03:04.5")]
    [InlineData("-00:00:01")]
    [InlineData("100.00:00:00.0000001")]
    public void Durations_use_ISO_8601(string text)
    {
        var value = TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(value, Parse("Took", ODataLiteral.Format(value)));
        Assert.StartsWith("duration'", ODataLiteral.Format(value), StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_uses_base64url()
    {
        var value = new byte[] { 0, 255, 62, 63, 251, 239 };

        Assert.Equal(value, Parse("Blob", ODataLiteral.Format(value)));
        Assert.Equal("binary'AP8-P_vv'", ODataLiteral.Format(value));
    }

    [Fact]
    public void Enums_qualified_plain_and_flags()
    {
        // The parser reports a qualified member by its value (Faulted = 1) and a promoted plain string by name.
        var qualified = ((ODataEnumValue)Parse("State", ODataLiteral.FormatEnum("Test.JobState", "Faulted"))!).Value;
        var plain = ((ODataEnumValue)Parse("State", ODataLiteral.FormatEnum("Test.JobState", "Faulted", qualified: false))!).Value;
        Assert.Equal(("1", "Faulted"), (qualified, plain));
        Assert.Contains(((ODataEnumValue)Parse("Access", ODataLiteral.FormatEnum("Test.Access", "Read,Write"))!).Value, new[] { "Read, Write", "Read,Write", "3" });
        Assert.Equal("Test.JobState'O''Brien'", ODataLiteral.FormatEnum("Test.JobState", "O'Brien"));
    }

    [Fact]
    public void Null_is_the_null_literal()
    {
        Assert.Null(Parse("Text", ODataLiteral.Null));
        Assert.Equal("null", ODataLiteral.Format((string?)null));
        Assert.Equal("null", ODataLiteral.Format((byte[]?)null));
    }

    /// <summary>Parses <c>$filter={property} eq {literal}</c> and returns the constant the parser read.</summary>
    private static object? Parse(string property, string literal)
    {
        var query = new Uri("http://service.example/Items?$filter=" + Uri.EscapeDataString(property + " eq " + literal));
        var filter = new ODataUriParser(Model.Value, new Uri("http://service.example/"), query).ParseFilter();
        var comparison = Assert.IsType<BinaryOperatorNode>(filter.Expression);
        var right = comparison.Right is ConvertNode convert ? convert.Source : comparison.Right;
        return Assert.IsType<ConstantNode>(right).Value;
    }

    private static IEdmModel BuildModel()
    {
        var model = new EdmModel();
        var state = new EdmEnumType("Test", "JobState");
        state.AddMember("Pending", new EdmEnumMemberValue(0));
        state.AddMember("Faulted", new EdmEnumMemberValue(1));
        model.AddElement(state);
        var access = new EdmEnumType("Test", "Access", isFlags: true);
        access.AddMember("Read", new EdmEnumMemberValue(1));
        access.AddMember("Write", new EdmEnumMemberValue(2));
        model.AddElement(access);

        var item = new EdmEntityType("Test", "Item");
        item.AddKeys(item.AddStructuralProperty("Id", EdmPrimitiveTypeKind.Int32, isNullable: false));
        item.AddStructuralProperty("Text", EdmPrimitiveTypeKind.String);
        item.AddStructuralProperty("Flag", EdmPrimitiveTypeKind.Boolean);
        item.AddStructuralProperty("Number", EdmPrimitiveTypeKind.Int32);
        item.AddStructuralProperty("Big", EdmPrimitiveTypeKind.Int64);
        item.AddStructuralProperty("Amount", EdmPrimitiveTypeKind.Decimal);
        item.AddStructuralProperty("Ratio", EdmPrimitiveTypeKind.Double);
        item.AddStructuralProperty("Weight", EdmPrimitiveTypeKind.Single);
        item.AddStructuralProperty("Key", EdmPrimitiveTypeKind.Guid);
        item.AddStructuralProperty("Created", EdmPrimitiveTypeKind.DateTimeOffset);
        item.AddStructuralProperty("Day", EdmPrimitiveTypeKind.Date);
        item.AddStructuralProperty("At", EdmPrimitiveTypeKind.TimeOfDay);
        item.AddStructuralProperty("Took", EdmPrimitiveTypeKind.Duration);
        item.AddStructuralProperty("Blob", EdmPrimitiveTypeKind.Binary);
        item.AddStructuralProperty("State", new EdmEnumTypeReference(state, isNullable: true));
        item.AddStructuralProperty("Access", new EdmEnumTypeReference(access, isNullable: true));
        model.AddElement(item);

        var container = new EdmEntityContainer("Test", "Container");
        container.AddEntitySet("Items", item);
        model.AddElement(container);
        return model;
    }
}
