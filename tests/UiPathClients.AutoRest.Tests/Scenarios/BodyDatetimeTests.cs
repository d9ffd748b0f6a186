using System;
using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.BodyDatetime;
using UiPathClients.AutoRest.Tests.TestSupport;

namespace UiPathClients.AutoRest.Tests.Scenarios;

/// <remarks>
/// <see cref="DateTimeOffset"/> holds instants whose UTC time is within 0001-01-01 … 9999-12-31. Two scenario values are
/// outside that (9999-12-31T23:59:59.999-14:00 is 10000-01-01 in UTC, 0001-01-01T00:00:00+14:00 is year 0): reading
/// them throws, which is the client refusing rather than changing the value, and they cannot be written at all.
/// </remarks>
[Collection(AutoRestTestServerCollection.Name)]
public sealed class BodyDatetimeTests(AutoRestTestServer server)
{
    private static readonly DateTimeOffset MaxUtc = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_990_000);
    private static readonly DateTimeOffset MaxLocalPositiveOffset = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.FromHours(14)).AddTicks(9_990_000);

    private readonly BodyDatetimeClient _client = new(server.CreateHttpClient());

    [Fact]
    public async Task GetNull() => Assert.Null(await _client.Datetime.GetNullAsync());

    [Fact]
    public Task GetInvalid() => ServerAnswer.UnreadableAsync(() => _client.Datetime.GetInvalidAsync());

    [Fact]
    public Task GetOverflow() => ServerAnswer.UnreadableAsync(() => _client.Datetime.GetOverflowAsync());

    [Fact]
    public Task GetUnderflow() => ServerAnswer.UnreadableAsync(() => _client.Datetime.GetUnderflowAsync());

    [Fact]
    public Task PutUtcMaxDateTime() => ServerAnswer.OkAsync(_client.Datetime.PutUtcMaxDateTimeWithResponseAsync(MaxUtc));

    [Fact]
    public Task PutUtcMaxDateTime7Digits() =>
        ServerAnswer.OkAsync(_client.Datetime.PutUtcMaxDateTime7DigitsWithResponseAsync(DateTimeOffset.MaxValue));

    [Fact]
    public async Task GetUtcLowercaseMaxDateTime() => AssertExactly(MaxUtc, await _client.Datetime.GetUtcLowercaseMaxDateTimeAsync());

    [Fact]
    public async Task GetUtcUppercaseMaxDateTime() => AssertExactly(MaxUtc, await _client.Datetime.GetUtcUppercaseMaxDateTimeAsync());

    [Fact]
    public async Task GetUtcUppercaseMaxDateTime7Digits() =>
        AssertExactly(DateTimeOffset.MaxValue, await _client.Datetime.GetUtcUppercaseMaxDateTime7DigitsAsync());

    [Fact]
    public Task PutLocalPositiveOffsetMaxDateTime() =>
        ServerAnswer.OkAsync(_client.Datetime.PutLocalPositiveOffsetMaxDateTimeWithResponseAsync(MaxLocalPositiveOffset));

    [Fact]
    public async Task GetLocalPositiveOffsetLowercaseMaxDateTime() =>
        AssertExactly(MaxLocalPositiveOffset, await _client.Datetime.GetLocalPositiveOffsetLowercaseMaxDateTimeAsync());

    [Fact]
    public async Task GetLocalPositiveOffsetUppercaseMaxDateTime() =>
        AssertExactly(MaxLocalPositiveOffset, await _client.Datetime.GetLocalPositiveOffsetUppercaseMaxDateTimeAsync());

    // 9999-12-31T23:59:59.999-14:00 is past DateTimeOffset.MaxValue in UTC: no value of the parameter's type is it.
    [Fact]
    public void PutLocalNegativeOffsetMaxDateTime() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DateTimeOffset(9999, 12, 31, 23, 59, 59, 999, TimeSpan.FromHours(-14)));

    [Fact]
    public Task GetLocalNegativeOffsetLowercaseMaxDateTime() =>
        ServerAnswer.UnreadableAsync(() => _client.Datetime.GetLocalNegativeOffsetLowercaseMaxDateTimeAsync());

    [Fact]
    public Task GetLocalNegativeOffsetUppercaseMaxDateTime() =>
        ServerAnswer.UnreadableAsync(() => _client.Datetime.GetLocalNegativeOffsetUppercaseMaxDateTimeAsync());

    [Fact]
    public Task PutUtcMinDateTime() => ServerAnswer.OkAsync(_client.Datetime.PutUtcMinDateTimeWithResponseAsync(DateTimeOffset.MinValue));

    // The min answers are constants of the description, read as the text the server sent.
    [Fact]
    public async Task GetUtcMinDateTime() => Assert.Equal("0001-01-01T00:00:00Z", await _client.Datetime.GetUtcMinDateTimeAsync());

    // 0001-01-01T00:00:00+14:00 is before DateTimeOffset.MinValue in UTC: no value of the parameter's type is it.
    [Fact]
    public void PutLocalPositiveOffsetMinDateTime() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.FromHours(14)));

    // The constant is spelled "0001-01-01t00:00:00+14:00", the server sends "T": the same date-time (RFC 3339 5.6).
    [Fact]
    public async Task GetLocalPositiveOffsetMinDateTime() =>
        Assert.Equal("0001-01-01T00:00:00+14:00", await _client.Datetime.GetLocalPositiveOffsetMinDateTimeAsync());

    [Fact]
    public Task PutLocalNegativeOffsetMinDateTime() =>
        ServerAnswer.OkAsync(_client.Datetime.PutLocalNegativeOffsetMinDateTimeWithResponseAsync(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.FromHours(-14))));

    [Fact]
    public async Task GetLocalNegativeOffsetMinDateTime() =>
        Assert.Equal("0001-01-01T00:00:00-14:00", await _client.Datetime.GetLocalNegativeOffsetMinDateTimeAsync());

    [Fact]
    public async Task GetLocalNoOffsetMinDateTime() =>
        Assert.Equal(new DateTime(1, 1, 1, 0, 0, 0), (await _client.Datetime.GetLocalNoOffsetMinDateTimeAsync()).DateTime);

    /// <summary>Same instant and same offset: the client kept what the server wrote.</summary>
    private static void AssertExactly(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected, actual);
        Assert.Equal(expected.Offset, actual.Offset);
    }
}
