using System;
using System.Text.Json;
using UiPathClients.Runtime.Serialization;

namespace UiPathClients.Runtime.Tests.Serialization;

/// <summary>ISO 8601 durations: day-time ones exactly, years and months refused rather than approximated.</summary>
public sealed class ODataDurationJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = ODataPrimitiveJsonResolver.Instance };

    [Theory]
    [InlineData("P4DT12H30M5S", 4, 12, 30, 5)]
    [InlineData("PT1M", 0, 0, 1, 0)]
    [InlineData("-P1DT2M", -1, 0, -2, 0)]
    [InlineData("PT36H", 1, 12, 0, 0)]
    public void Day_time_durations_read_exactly(string text, int days, int hours, int minutes, int seconds)
    {
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), JsonSerializer.Deserialize<TimeSpan>("\"" + text + "\"", Options));
    }

    [Theory]
    [InlineData("P3Y6M4DT12H30M5S")]
    [InlineData("P1M")]
    [InlineData("P2Y")]
    [InlineData("-P1Y2M")]
    public void Years_or_months_are_refused_naming_the_value_instead_of_being_approximated(string text)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TimeSpan?>("\"" + text + "\"", Options));

        var reason = Assert.IsType<FormatException>(error.InnerException);
        Assert.Contains("'" + text + "'", reason.Message, StringComparison.Ordinal);
        Assert.Contains("years or months", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Durations_are_written_as_ISO_8601()
    {
        Assert.Equal("\"P4DT12H30M5S\"", JsonSerializer.Serialize(new TimeSpan(4, 12, 30, 5), Options));
    }
}
