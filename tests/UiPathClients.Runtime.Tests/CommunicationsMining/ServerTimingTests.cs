using System;
using System.Linq;
using UiPathClients.Runtime.CommunicationsMining;

namespace UiPathClients.Runtime.Tests.CommunicationsMining;

public sealed class ServerTimingTests
{
    [Fact]
    public void The_documented_header_gives_the_total_in_milliseconds_without_rounding()
    {
        var timing = ServerTiming.Parse("total;dur=37.7");

        Assert.Equal(TimeSpan.FromTicks(377_000), timing.Total);
        Assert.Equal("total;dur=37.7", timing.ToString());
    }

    [Fact]
    public void Several_metrics_with_descriptions_and_spaces_are_read_in_order()
    {
        var timing = ServerTiming.Parse(" cache ; desc=\"hit, warm\" , db ;dur= 12 ; desc=Postgres,total;dur=20.25");

        Assert.Equal(new[] { "cache", "db", "total" }, timing.Metrics.Select(metric => metric.Name));
        Assert.Null(timing.Find("cache")!.Duration);
        Assert.Equal("hit, warm", timing.Find("cache")!.Description);
        Assert.Equal(TimeSpan.FromMilliseconds(12), timing.Find("db")!.Duration);
        Assert.Equal("Postgres", timing.Find("db")!.Description);
        Assert.Equal(TimeSpan.FromTicks(202_500), timing.Total);
    }

    [Fact]
    public void The_first_dur_of_a_metric_wins_and_the_first_metric_of_a_name_is_found()
    {
        var timing = ServerTiming.Parse(new[] { "total;dur=5;dur=9", "total;dur=7" });

        Assert.Equal(2, timing.Metrics.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(5), timing.Total);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ;dur=5 ,")]
    public void Nothing_readable_is_empty(string? header)
    {
        Assert.Same(ServerTiming.Empty, ServerTiming.Parse(header));
        Assert.Null(ServerTiming.Parse(header).Total);
    }

    [Theory]
    [InlineData("total;dur=abc")]
    [InlineData("total;dur=-3")]
    [InlineData("total;dur")]
    public void A_malformed_duration_leaves_the_metric_without_one(string header)
    {
        var metric = Assert.Single(ServerTiming.Parse(header).Metrics);

        Assert.Equal("total", metric.Name);
        Assert.Null(metric.Duration);
    }
}
