using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.BodyByte;
using UiPathClients.AutoRest.Tests.TestSupport;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.AutoRest.Tests.Scenarios;

[Collection(AutoRestTestServerCollection.Name)]
public sealed class BodyByteTests(AutoRestTestServer server)
{
    private static readonly byte[] NonAscii = [0xFF, 0xFE, 0xFD, 0xFC, 0xFB, 0xFA, 0xF9, 0xF8, 0xF7, 0xF6];

    private readonly BodyByteClient _client = new(server.CreateHttpClient());

    [Fact]
    public async Task GetNull() => Assert.Null(await _client.ByteOperations.ByteGetNullAsync());

    [Fact]
    public async Task GetEmpty() => Assert.Empty(await _client.ByteOperations.ByteGetEmptyAsync());

    [Fact]
    public async Task GetNonAscii() => Assert.Equal(NonAscii, await _client.ByteOperations.ByteGetNonAsciiAsync());

    [Fact]
    public async Task PutNonAscii() => Assert.Equal(200, (int)(await _client.ByteOperations.BytePutNonAsciiWithResponseAsync(NonAscii)).StatusCode);

    [Fact]
    public async Task GetInvalid()
    {
        // '::::SWAGGER::::' is not base64: reading fails rather than yielding some bytes.
        var exception = await Assert.ThrowsAsync<RestApiException>(() => _client.ByteOperations.ByteGetInvalidAsync());
        Assert.Equal(200, (int)exception.StatusCode);
        Assert.Contains("::::SWAGGER::::", exception.ResponseBody);
    }
}
