using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.BodyBoolean;
using UiPathClients.AutoRest.Tests.TestSupport;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.AutoRest.Tests.Scenarios;

[Collection(AutoRestTestServerCollection.Name)]
public sealed class BodyBooleanTests(AutoRestTestServer server)
{
    private readonly BodyBooleanClient _client = new(server.CreateHttpClient());

    [Fact]
    public async Task GetTrue() => Assert.True(await _client.BoolOperations.BoolGetTrueAsync());

    // The put operations declare a one-value enum ([true], [false]): a constant the client sends, no argument.
    [Fact]
    public async Task PutTrue() => Assert.Equal(200, (int)(await _client.BoolOperations.BoolPutTrueWithResponseAsync()).StatusCode);

    [Fact]
    public async Task GetFalse() => Assert.False(await _client.BoolOperations.BoolGetFalseAsync());

    [Fact]
    public async Task PutFalse() => Assert.Equal(200, (int)(await _client.BoolOperations.BoolPutFalseWithResponseAsync()).StatusCode);

    [Fact]
    public async Task GetNull() => Assert.Null(await _client.BoolOperations.BoolGetNullAsync());

    [Fact]
    public async Task GetInvalid()
    {
        // The server answers 200 with the JSON text `true1`: not a boolean, so reading it fails with the body kept.
        var exception = await Assert.ThrowsAsync<RestApiException>(() => _client.BoolOperations.BoolGetInvalidAsync());
        Assert.Equal(200, (int)exception.StatusCode);
        Assert.Equal("true1", exception.ResponseBody);
    }
}
