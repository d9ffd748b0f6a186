using System;
using System.Numerics;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.Runtime.Rest;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Rest;

/// <summary>
/// OpenAPI <c>format: decimal</c> as <see cref="ExactDecimal"/>: values <see cref="decimal"/> cannot hold (AutoRest's
/// 2.5976931e+101, and 2.5976931e-101 which decimal would make 0) are read, kept and written unchanged.
/// </summary>
public sealed class ExactDecimalTests
{
    [Theory]
    [InlineData("2.5976931e+101", "2.5976931e+101")]
    [InlineData("2.5976931E+101", "2.5976931e+101")]
    [InlineData("2.5976931e-101", "2.5976931e-101")]
    [InlineData("99999999.99", "99999999.99")]
    [InlineData("-99999999.99", "-99999999.99")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("1.50", "1.5")]
    [InlineData("25e-1", "2.5")]
    [InlineData("1e3", "1000")]
    [InlineData("-0", "0")]
    [InlineData("123456789012345678901234567890.123456789", "1.23456789012345678901234567890123456789e+29")]
    public void Parses_any_JSON_number_and_writes_the_same_value(string text, string written)
    {
        var value = ExactDecimal.Parse(text);

        Assert.Equal(written, value.ToString());
        Assert.Equal(value, ExactDecimal.Parse(written));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.")]
    [InlineData("e5")]
    [InlineData("1e")]
    [InlineData("9223372036854775910.980089k")]
    public void Refuses_text_that_is_not_a_number(string text) => Assert.False(ExactDecimal.TryParse(text, out _));

    [Theory]
    [InlineData("1e2000000000", "1", 1)]
    [InlineData("-1e2000000000", "1", -1)]
    [InlineData("1e-2000000000", "1", -1)]
    [InlineData("-1e-2000000000", "-1", 1)]
    [InlineData("9.99", "10", -1)]
    [InlineData("-10", "-9.99", -1)]
    [InlineData("2.50", "25e-1", 0)]
    [InlineData("0", "-1e-2000000000", 1)]
    public void Compares_by_value_without_scaling_far_apart_exponents(string left, string right, int expected) =>
        Assert.Equal(expected, Math.Sign(ExactDecimal.Parse(left).CompareTo(ExactDecimal.Parse(right))));

    [Fact]
    public void A_huge_exponent_is_refused_as_a_decimal_at_once_and_an_exponent_past_int_is_not_a_number()
    {
        Assert.Throws<OverflowException>(() => (decimal)ExactDecimal.Parse("1e2000000000"));
        Assert.False(ExactDecimal.TryParse("1.5e-2147483648", out _));
    }

    [Fact]
    public void Equal_values_are_equal_whatever_their_spelling_and_order_by_value()
    {
        Assert.Equal(ExactDecimal.Parse("2.50"), ExactDecimal.Parse("25e-1"));
        Assert.Equal(ExactDecimal.Parse("2.50").GetHashCode(), ExactDecimal.Parse("25e-1").GetHashCode());
        Assert.True(ExactDecimal.Parse("2.5976931e-101") > 0L);
        Assert.True(ExactDecimal.Parse("-1e101") < ExactDecimal.Parse("1e-101"));
        Assert.Equal(new ExactDecimal(new BigInteger(25), -1), (ExactDecimal)2.5m);
    }

    [Fact]
    public void Converts_to_decimal_only_when_the_value_stays_the_same()
    {
        Assert.Equal(99999999.99m, (decimal)ExactDecimal.Parse("99999999.99"));
        Assert.Equal(decimal.MaxValue, (decimal)(ExactDecimal)decimal.MaxValue);
        Assert.Equal(decimal.MinValue, (decimal)(ExactDecimal)decimal.MinValue);
        Assert.Equal(0.0000000000000000000000000001m, (decimal)ExactDecimal.Parse("1e-28"));
        Assert.Throws<OverflowException>(() => (decimal)ExactDecimal.Parse("2.5976931e+101"));
        Assert.Throws<OverflowException>(() => (decimal)ExactDecimal.Parse("2.5976931e-101"));
        Assert.Equal(2.5976931e+101, (double)ExactDecimal.Parse("2.5976931e+101"));
    }

    [Fact]
    public async Task Reads_and_writes_JSON_numbers_through_the_connection_unchanged()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("2.5976931e-101"));
        var connection = RestTest.Connection(handler);

        var answer = await connection.CreateRequest("PUT", "/numbers").WithJsonBody(ExactDecimal.Parse("2.5976931e+101")).SendAsync<ExactDecimal>();

        Assert.Equal("2.5976931e+101", Assert.Single(handler.Requests).Body);
        Assert.Equal(ExactDecimal.Parse("2.5976931e-101"), answer.Value);
        Assert.Equal(ExactDecimal.Parse("12.5"), JsonSerializer.Deserialize("\"12.5\"", connection.TypeInfo<ExactDecimal>()));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("true", connection.TypeInfo<ExactDecimal>()));
    }
}
