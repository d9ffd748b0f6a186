using System;
using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.BodyDate;
using UiPathClients.AutoRest.Tests.TestSupport;

namespace UiPathClients.AutoRest.Tests.Scenarios;

[Collection(AutoRestTestServerCollection.Name)]
public sealed class BodyDateTests(AutoRestTestServer server)
{
    private readonly BodyDateClient _client = new(server.CreateHttpClient());

    [Fact]
    public async Task GetNull() => Assert.Null(await _client.Date.GetNullAsync());

    [Fact]
    public Task GetInvalid() => ServerAnswer.UnreadableAsync(() => _client.Date.GetInvalidAsync());

    [Fact]
    public Task GetOverflow() => ServerAnswer.UnreadableAsync(() => _client.Date.GetOverflowAsync());

    [Fact]
    public Task GetUnderflow() => ServerAnswer.UnreadableAsync(() => _client.Date.GetUnderflowAsync());

    [Fact]
    public Task PutMax() => ServerAnswer.OkAsync(_client.Date.PutMaxWithResponseAsync(new DateOnly(9999, 12, 31)));

    [Fact]
    public async Task GetMax() => Assert.Equal(new DateOnly(9999, 12, 31), await _client.Date.GetMaxAsync());

    [Fact]
    public Task PutMin() => ServerAnswer.OkAsync(_client.Date.PutMinWithResponseAsync(new DateOnly(1, 1, 1)));

    // The description's answer is the constant "0000-01-01" (a year 0 no calendar type holds, so the client reads the
    // constant as its text); the server answers "0001-01-01", another value than its own description's.
    [Fact]
    public async Task ServerQuirk_GetMin() => Assert.Equal("0001-01-01", await _client.Date.GetMinAsync());
}
