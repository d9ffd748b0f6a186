using System;
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

    /// <summary>A client that checks the description's constraints before sending (opt-in, see README).</summary>
    private readonly ValidationClient _validating = Validating(server);

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
        // scenarios are client-side constraint checks, which the client does not do unless asked (see README): the
        // two-character resource group breaks minLength 3 and is still sent.
        var exception = await Assert.ThrowsAnyAsync<RestApiException>(() => _client.Redis.ValidationOfMethodParametersAsync("123", "rg", 150, "12-34-5678"));
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    [Fact]
    public async Task ServerQuirk_ValidationOfBody()
    {
        var exception = await Assert.ThrowsAnyAsync<RestApiException>(() => _client.Redis.ValidationOfBodyAsync("123", "rg", 150, "12-34-5678", new Product { Child = new ChildProduct(), ConstChild = new ConstantProduct() }));
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    [Theory]
    [InlineData("resourceGroupName", "12", 150L, "12-34-5678", "fewer than the 3")]
    [InlineData("resourceGroupName", "12345678901", 150L, "12-34-5678", "more than the 10")]
    [InlineData("resourceGroupName", "@@@", 150L, "12-34-5678", "does not match the pattern")]
    [InlineData("id", "rg1", 90L, "12-34-5678", "below the minimum 100")]
    [InlineData("id", "rg1", 1010L, "12-34-5678", "above the maximum 1000")]
    [InlineData("id", "rg1", 105L, "12-34-5678", "not a multiple of 10")]
    [InlineData("apiVersion", "rg1", 150L, "2016", "does not match the pattern")]
    public async Task ValidationOfMethodParameters_when_opted_in_refuses_each_broken_constraint_before_sending(string parameter, string resourceGroupName, long id, string apiVersion, string reason)
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => _validating.Redis.ValidationOfMethodParametersAsync("123", resourceGroupName, id, apiVersion));

        Assert.Equal(parameter, exception.ParamName);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationOfMethodParameters_when_opted_in_sends_values_that_keep_every_constraint()
    {
        // Valid values pass the checks and reach the server, which has no route for them (the quirk above).
        var exception = await Assert.ThrowsAnyAsync<RestApiException>(() => _validating.Redis.ValidationOfMethodParametersAsync("123", "rg1", 150, "12-34-5678"));
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    [Theory]
    [InlineData("capacity", "exclusive maximum 100")]
    [InlineData("capacity0", "exclusive minimum 0")]
    [InlineData("display_names", "more than the 6")]
    [InlineData("unique", "unique items")]
    [InlineData("image", "does not match the pattern")]
    public async Task ValidationOfBody_when_opted_in_refuses_a_body_that_breaks_a_constraint(string broken, string reason)
    {
        var product = new Product { Child = new ChildProduct(), ConstChild = new ConstantProduct() };
        switch (broken)
        {
            case "capacity":
                product.Capacity = 100;
                break;
            case "capacity0":
                product.Capacity = 0;
                break;
            case "display_names":
                product.DisplayNames = ["a", "b", "c", "d", "e", "f", "g"];
                break;
            case "unique":
                product.DisplayNames = ["a", "b", "a"];
                break;
            default:
                product.Image = "ftp://example";
                break;
        }

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => _validating.Redis.ValidationOfBodyAsync("123", "rg1", 150, "12-34-5678", product));

        Assert.Equal("body", exception.ParamName);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostWithConstantInBody_when_opted_in_passes_a_body_that_keeps_every_constraint()
    {
        var product = new Product { Child = new ChildProduct(), ConstChild = new ConstantProduct(), Capacity = 99, DisplayNames = ["a", "b"], Image = "http://example" };

        var echoed = await _validating.Validation.PostWithConstantInBodyAsync(product);

        Assert.Equal(99, echoed.Capacity);
    }

    private static ValidationClient Validating(AutoRestTestServer server)
    {
        var client = new ValidationClient(server.CreateHttpClient());
        client.Connection.ValidatesConstraints = true;
        return client;
    }
}
