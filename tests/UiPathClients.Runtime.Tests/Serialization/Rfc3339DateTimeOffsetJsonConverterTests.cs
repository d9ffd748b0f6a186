using System;
using System.Linq;
using System.Text.Json;
using UiPathClients.Runtime.Rest;
using UiPathClients.Runtime.Serialization;
using UiPathClients.Runtime.Tests.Rest;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Serialization;

/// <summary>RFC 3339 date-times: UTC written as <c>Z</c>, offsets kept, lower-case <c>t</c>/<c>z</c> read.</summary>
public sealed class Rfc3339DateTimeOffsetJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = ODataPrimitiveJsonResolver.Instance };

    [Theory]
    [InlineData(0L, 0, "\"2024-05-01T10:00:00Z\"")]
    [InlineData(1_230_000L, 0, "\"2024-05-01T10:00:00.123Z\"")]
    [InlineData(1L, 0, "\"2024-05-01T10:00:00.0000001Z\"")]
    [InlineData(0L, 120, "\"2024-05-01T10:00:00+02:00\"")]
    [InlineData(5_000_000L, -330, "\"2024-05-01T10:00:00.5-05:30\"")]
    public void Writes_UTC_as_Z_keeps_other_offsets_and_only_the_fractional_digits_needed(long extraTicks, int offsetMinutes, string expected)
    {
        var value = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(extraTicks);

        Assert.Equal(expected, JsonSerializer.Serialize(value, Options));
        Assert.Equal(expected, JsonSerializer.Serialize<DateTimeOffset?>(value, Options));
    }

    [Theory]
    [InlineData("\"2024-05-01t10:00:00z\"", 0)]
    [InlineData("\"2024-05-01t10:00:00Z\"", 0)]
    [InlineData("\"2024-05-01T10:00:00z\"", 0)]
    [InlineData("\"2024-05-01t10:00:00.25+02:00\"", 120)]
    [InlineData("\"2024-05-01T10:00:00+00:00\"", 0)]
    public void Reads_upper_and_lower_case_T_and_Z(string json, int offsetMinutes)
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>(json, Options);

        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0), value.DateTime.AddTicks(-(value.DateTime.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Offset);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-13-01t10:00:00z")]
    [InlineData("2024-05-01x10:00:00z")]
    public void Refuses_text_that_is_not_a_date_time_naming_it(string text)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>("\"" + text + "\"", Options));

        Assert.Contains("'" + text + "'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_number()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>("12", Options));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_date_time_parameter_and_body_are_sent_with_Z()
    {
        var (handler, connection) = RestTest.Recording();
        var utc = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

        var request = connection.CreateRequest("PUT", "/at/{when}")
            .WithPath("when", utc)
            .WithQuery("since", utc)
            .WithHeader("x-since", utc)
            .WithJsonBody(utc);
        await request.SendAsync();

        var sent = handler.Requests.Single();
        Assert.Equal("at/2024-05-01T10%3A00%3A00Z?since=2024-05-01T10%3A00%3A00Z", RestTest.Sent(sent));
        Assert.Equal("2024-05-01T10:00:00Z", sent.Header("x-since"));
        Assert.Equal("\"2024-05-01T10:00:00Z\"", sent.Body);
    }
}
