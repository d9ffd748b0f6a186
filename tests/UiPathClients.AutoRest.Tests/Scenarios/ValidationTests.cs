using System.Net;
using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.TestSupport;
using UiPathClients.AutoRest.Tests.Validation;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.AutoRest.Tests.Scenarios;

[Collection(AutoRestTestServerCollection.Name)]
public sealed class ValidationTests(AutoRestTestServer server)
{
    private readonly ValidationClient _client = new(server.CreateHttpClient());

    [Fact]
    public async Task GetWithConstantInPath()
    {
        // The path parameter is a one-value enum: the client fills in 'constant' and the method asks for nothing.
        var response = await _client.Validation.GetWithConstantInPathWithResponseAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/validation/constantsInPath/constant/value", response.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task PostWithConstantInBody()
    {
        // The server answers 200 only when every constant (constString, constInt, child.constProperty,
        // constChild.constProperty and constProperty2) is in the body, and echoes the body back.
        var echoed = await _client.Validation.PostWithConstantInBodyAsync(new Product { Child = new ChildProduct(), ConstChild = new ConstantProduct() });
        Assert.Equal(("constant", 0L), (echoed.ConstString, echoed.ConstInt));
        Assert.Equal("constant", echoed.Child.ConstProperty);
        Assert.Equal(("constant", "constant2"), (echoed.ConstChild.ConstProperty, echoed.ConstChild.ConstProperty2));
    }

    [Fact]
    public async Task ServerQuirk_ValidationOfMethodParameters()
    {
        // The document says "No server backend exists for these tests": GET /fakepath/... is not served (404). Its
        // scenarios are client-side constraint checks, which the client does not do unless asked (see README).
        var exception = await Assert.ThrowsAnyAsync<RestApiException>(() => _client.Redis.ValidationOfMethodParametersAsync("123", "rg", 150, "12-34-5678"));
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    [Fact]
    public async Task ServerQuirk_ValidationOfBody()
    {
        var exception = await Assert.ThrowsAnyAsync<RestApiException>(() => _client.Redis.ValidationOfBodyAsync("123", "rg", 150, "12-34-5678", new Product { Child = new ChildProduct(), ConstChild = new ConstantProduct() }));
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }
}
