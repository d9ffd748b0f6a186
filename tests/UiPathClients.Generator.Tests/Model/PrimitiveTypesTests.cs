using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OData.Edm;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Readers.Edmx;
using Xunit;

namespace UiPathClients.Generator.Tests.Model;

/// <summary>
/// Invariants of the primitive table that a wrong row would break: checked against Microsoft.OData.Edm's list of
/// primitives and against the real CLR types the rows name, not against the table itself.
/// </summary>
public sealed class PrimitiveTypesTests
{
    private static readonly Dictionary<string, Type> Keywords = new()
    {
        ["string"] = typeof(string), ["bool"] = typeof(bool), ["byte"] = typeof(byte), ["sbyte"] = typeof(sbyte),
        ["short"] = typeof(short), ["int"] = typeof(int), ["long"] = typeof(long), ["float"] = typeof(float),
        ["double"] = typeof(double), ["decimal"] = typeof(decimal), ["byte[]"] = typeof(byte[]),
    };

    [Fact]
    public void Every_Edm_primitive_kind_is_a_primitive_the_EDMX_reader_accepts()
    {
        var kinds = Enum.GetValues<EdmPrimitiveTypeKind>().Where(kind => kind != EdmPrimitiveTypeKind.None).ToList();

        Assert.NotEmpty(kinds);
        Assert.All(kinds, kind => Assert.True(EdmPrimitiveTypes.IsPrimitive("Edm." + kind), $"Edm.{kind} has no row"));
    }

    [Fact]
    public void OpenApi_formats_are_rows_but_not_EDMX_primitives()
    {
        foreach (var name in new[] { OpenApiPrimitives.ExactDecimal, OpenApiPrimitives.DateTimeRfc1123, OpenApiPrimitives.UnixTime, OpenApiPrimitives.Base64Url })
        {
            Assert.NotNull(PrimitiveTypes.Find(name));
            Assert.False(EdmPrimitiveTypes.IsPrimitive(name));
        }

        Assert.False(EdmPrimitiveTypes.IsPrimitive("Edm.NoSuchType"));
    }

    [Fact]
    public void Value_type_flag_matches_the_CLR_type_in_both_environments()
    {
        foreach (var row in PrimitiveTypes.All)
        {
            foreach (var clrType in new[] { row.ClrTypeFor(hasDateOnly: true), row.ClrTypeFor(hasDateOnly: false) })
            {
                Assert.True(row.IsValueType == Resolve(clrType).IsValueType, $"{row.QualifiedName}: {clrType}");
            }
        }
    }

    [Fact]
    public void Only_date_and_time_of_day_change_without_DateOnly()
    {
        var changing = PrimitiveTypes.All.Where(row => row.ClrTypeFor(true) != row.ClrTypeFor(false) || row.ODataLiteralMethodFor(true) != row.ODataLiteralMethodFor(false));

        Assert.Equal(new[] { "Edm.Date", "Edm.TimeOfDay" }, changing.Select(row => row.QualifiedName).OrderBy(name => name, StringComparer.Ordinal));
    }

    [Fact]
    public void Numeric_rows_are_JSON_numbers_and_only_they_take_constant_suffixes()
    {
        foreach (var row in PrimitiveTypes.All)
        {
            var isNumeric = row.FilterOperand == FilterOperandKind.Number || row.EnumRange is not null;
            if (isNumeric)
            {
                Assert.True(row.JsonKinds.ToString() == "Numbers", row.QualifiedName);
            }

            if (row.ConstantSuffix.Length > 0 || row.ConstantParsesText)
            {
                Assert.True(row.JsonKinds.ToString() == "Numbers", row.QualifiedName);
            }
        }
    }

    [Fact]
    public void Enum_ranges_are_the_CLR_type_ranges()
    {
        var withRanges = PrimitiveTypes.All.Where(row => row.EnumRange is not null).ToList();

        Assert.Equal(5, withRanges.Count);
        foreach (var row in withRanges)
        {
            var type = Resolve(row.ClrType);
            Assert.Equal(Convert.ToInt64(type.GetField("MinValue")!.GetValue(null)), row.EnumRange!.Value.Minimum);
            Assert.Equal(Convert.ToInt64(type.GetField("MaxValue")!.GetValue(null)), row.EnumRange!.Value.Maximum);
            Assert.True(EdmPrimitiveTypes.FitsEnumUnderlyingType(row.QualifiedName, row.EnumRange.Value.Maximum));
        }
    }

    [Fact]
    public void Typed_filter_operands_format_OData_literals_and_converters_are_OpenApi_only()
    {
        foreach (var row in PrimitiveTypes.All)
        {
            Assert.True(row.FilterOperand == FilterOperandKind.None || row.HasODataLiteral, row.QualifiedName);
            Assert.True(row.WireConverter is null || row.IsOpenApiFormat, row.QualifiedName);
            Assert.StartsWith("Edm.", row.QualifiedName, StringComparison.Ordinal);
        }
    }

    /// <summary>The CLR type a row's C# type name denotes.</summary>
    private static Type Resolve(string clrType)
    {
        if (Keywords.TryGetValue(clrType, out var keyword))
        {
            return keyword;
        }

        const string Global = "global::";
        Assert.StartsWith(Global, clrType, StringComparison.Ordinal);
        var name = clrType.Substring(Global.Length);
        var type = Type.GetType(name)
            ?? typeof(System.Text.Json.JsonElement).Assembly.GetType(name)
            ?? typeof(UiPathClients.Runtime.Rest.ExactDecimal).Assembly.GetType(name);
        Assert.True(type is not null, $"No CLR type {clrType}");
        return type!;
    }
}
