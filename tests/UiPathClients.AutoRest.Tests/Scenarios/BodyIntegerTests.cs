using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.BodyInteger;
using UiPathClients.AutoRest.Tests.TestSupport;

namespace UiPathClients.AutoRest.Tests.Scenarios;

[Collection(AutoRestTestServerCollection.Name)]
public sealed class BodyIntegerTests(AutoRestTestServer server)
{
    private readonly BodyIntegerClient _client = new(server.CreateHttpClient());

    [Fact]
    public async Task GetNull() => Assert.Null(await _client.Int.GetNullAsync());
}
