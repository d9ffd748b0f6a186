using System;
using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.BodyInteger;
using UiPathClients.AutoRest.Tests.TestSupport;

namespace UiPathClients.AutoRest.Tests.Scenarios;

[Collection(AutoRestTestServerCollection.Name)]
public sealed class BodyIntegerTests(AutoRestTestServer server)
{
    private static readonly DateTimeOffset UnixTime1460505600 = new(2016, 4, 13, 0, 0, 0, TimeSpan.Zero);

    private readonly BodyIntegerClient _client = new(server.CreateHttpClient());

    [Fact]
    public async Task GetNull() => Assert.Null(await _client.Int.GetNullAsync());

    [Fact]
    public Task GetInvalid() => ServerAnswer.UnreadableAsync(() => _client.Int.GetInvalidAsync());

    // 2147483656 and -2147483656 do not fit an int32, 9223372036854775910 and its negative no int64: refused, not wrapped.
    [Fact]
    public Task GetOverflow32() => ServerAnswer.UnreadableAsync(() => _client.Int.GetOverflow32Async());

    [Fact]
    public Task GetUnderflow32() => ServerAnswer.UnreadableAsync(() => _client.Int.GetUnderflow32Async());

    [Fact]
    public Task GetOverflow64() => ServerAnswer.UnreadableAsync(() => _client.Int.GetOverflow64Async());

    [Fact]
    public Task GetUnderflow64() => ServerAnswer.UnreadableAsync(() => _client.Int.GetUnderflow64Async());

    [Fact]
    public Task PutMax32() => ServerAnswer.OkAsync(_client.Int.PutMax32WithResponseAsync(int.MaxValue));

    [Fact]
    public Task PutMax64() => ServerAnswer.OkAsync(_client.Int.PutMax64WithResponseAsync(long.MaxValue));

    [Fact]
    public Task PutMin32() => ServerAnswer.OkAsync(_client.Int.PutMin32WithResponseAsync(int.MinValue));

    [Fact]
    public Task PutMin64() => ServerAnswer.OkAsync(_client.Int.PutMin64WithResponseAsync(long.MinValue));

    [Fact]
    public async Task GetUnixTime() => Assert.Equal(UnixTime1460505600, await _client.Int.GetUnixTimeAsync());

    [Fact]
    public Task PutUnixTimeDate() => ServerAnswer.OkAsync(_client.Int.PutUnixTimeDateWithResponseAsync(UnixTime1460505600));

    [Fact]
    public Task GetInvalidUnixTime() => ServerAnswer.UnreadableAsync(() => _client.Int.GetInvalidUnixTimeAsync());

    [Fact]
    public async Task GetNullUnixTime() => Assert.Null(await _client.Int.GetNullUnixTimeAsync());
}
