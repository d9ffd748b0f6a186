using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.RequiredOptional;
using UiPathClients.AutoRest.Tests.TestSupport;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.AutoRest.Tests.Scenarios;

/// <summary>
/// required-optional.json: optional parameters left out must not be sent (the server checks the body, query and
/// header are absent); required ones given as null must fail in the client before anything is sent.
/// </summary>
[Collection(AutoRestTestServerCollection.Name)]
public sealed class RequiredOptionalTests(AutoRestTestServer server)
{
    private readonly ReqoptClient _client = new RequiredOptionalClient(server.CreateHttpClient()).Reqopt;

    // Implicit (parameters declared on the operation).

    [Fact]
    public async Task ImplicitGetRequiredPath() =>
        Assert.Equal("pathParameter", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.ImplicitGetRequiredPathAsync(null!))).ParamName);

    [Fact]
    public async Task ImplicitPutOptionalQuery() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ImplicitPutOptionalQueryWithResponseAsync(queryParameter: null)).StatusCode);

    [Fact]
    public async Task ImplicitPutOptionalHeader() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ImplicitPutOptionalHeaderWithResponseAsync(queryParameter: null)).StatusCode);

    [Fact]
    public async Task ImplicitPutOptionalBody() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ImplicitPutOptionalBodyWithResponseAsync(body: null)).StatusCode);

    [Fact]
    public async Task ImplicitPutOptionalBinaryBody() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ImplicitPutOptionalBinaryBodyWithResponseAsync(body: null)).StatusCode);

    // Global parameters (declared once at the document's top, referenced by the operation).

    [Fact]
    public async Task ImplicitGetRequiredGlobalPath() =>
        Assert.Equal("requiredGlobalPath", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.ImplicitGetRequiredGlobalPathAsync(null!))).ParamName);

    [Fact]
    public async Task ImplicitGetRequiredGlobalQuery() =>
        Assert.Equal("requiredGlobalQuery", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.ImplicitGetRequiredGlobalQueryAsync(null!))).ParamName);

    [Fact]
    public async Task ImplicitGetOptionalGlobalQuery() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ImplicitGetOptionalGlobalQueryWithResponseAsync(optionalGlobalQuery: null)).StatusCode);

    // Explicit binary bodies.

    [Fact]
    public async Task ExplicitPutOptionalBinaryBody() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ExplicitPutOptionalBinaryBodyWithResponseAsync(body: null)).StatusCode);

    [Fact]
    public async Task ExplicitPutRequiredBinaryBody()
    {
        // The server checks only that the body is not empty; null must not get that far.
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.ExplicitPutRequiredBinaryBodyAsync(null!))).ParamName);
        using var content = new MemoryStream(new byte[] { 1, 2, 3 });
        Assert.Equal(HttpStatusCode.OK, (await _client.ExplicitPutRequiredBinaryBodyWithResponseAsync(content)).StatusCode);
    }

    // Explicit optional parameters: each left out.

    [Fact]
    public async Task ExplicitPostOptionalIntegerParameter() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ExplicitPostOptionalIntegerParameterWithResponseAsync(body: null)).StatusCode);

    [Fact]
    public async Task ExplicitPostOptionalIntegerProperty() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ExplicitPostOptionalIntegerPropertyWithResponseAsync(new IntOptionalWrapper { Value = null })).StatusCode);

    [Fact]
    public async Task ExplicitPostOptionalIntegerHeader() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ExplicitPostOptionalIntegerHeaderWithResponseAsync(headerParameter: null)).StatusCode);

    [Fact]
    public async Task ExplicitPostOptionalStringParameter() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ExplicitPostOptionalStringParameterWithResponseAsync(body: null)).StatusCode);

    [Fact]
    public async Task ExplicitPostOptionalStringProperty() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ExplicitPostOptionalStringPropertyWithResponseAsync(new StringOptionalWrapper { Value = null })).StatusCode);

    [Fact]
    public async Task ExplicitPostOptionalStringHeader() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ExplicitPostOptionalStringHeaderWithResponseAsync(bodyParameter: null)).StatusCode);

    [Fact]
    public async Task ExplicitPostOptionalClassParameter() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ExplicitPostOptionalClassParameterWithResponseAsync(body: null)).StatusCode);

    [Fact]
    public async Task ExplicitPostOptionalClassProperty() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ExplicitPostOptionalClassPropertyWithResponseAsync(new ClassOptionalWrapper { Value = null })).StatusCode);

    [Fact]
    public async Task ExplicitPostOptionalArrayParameter() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ExplicitPostOptionalArrayParameterWithResponseAsync(body: null)).StatusCode);

    [Fact]
    public async Task ExplicitPostOptionalArrayProperty() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ExplicitPostOptionalArrayPropertyWithResponseAsync(new ArrayOptionalWrapper { Value = null })).StatusCode);

    [Fact]
    public async Task ExplicitPostOptionalArrayHeader() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.ExplicitPostOptionalArrayHeaderWithResponseAsync(headerParameter: null)).StatusCode);

    // Explicit required parameters given as null: refused before sending. (The server's routes for these are spelled
    // "/reqopt/requied/…" in the swagger and served, for PUT only, as "/reqopt/required/…": nothing must reach them.)

    [Fact]
    public async Task ExplicitPostRequiredIntegerProperty() =>
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.ExplicitPostRequiredIntegerPropertyAsync(null!))).ParamName);

    [Fact]
    public async Task ExplicitPostRequiredStringParameter() =>
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.ExplicitPostRequiredStringParameterAsync(null!))).ParamName);

    [Fact]
    public async Task ExplicitPostRequiredStringProperty() =>
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.ExplicitPostRequiredStringPropertyAsync(null!))).ParamName);

    [Fact]
    public async Task ExplicitPostRequiredStringHeader() =>
        Assert.Equal("headerParameter", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.ExplicitPostRequiredStringHeaderAsync(null!))).ParamName);

    [Fact]
    public async Task ExplicitPostRequiredClassParameter() =>
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.ExplicitPostRequiredClassParameterAsync(null!))).ParamName);

    [Fact]
    public async Task ExplicitPostRequiredClassProperty() =>
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.ExplicitPostRequiredClassPropertyAsync(null!))).ParamName);

    [Fact]
    public async Task ExplicitPostRequiredArrayParameter() =>
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.ExplicitPostRequiredArrayParameterAsync(null!))).ParamName);

    [Fact]
    public async Task ExplicitPostRequiredArrayProperty() =>
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.ExplicitPostRequiredArrayPropertyAsync(null!))).ParamName);

    [Fact]
    public async Task ExplicitPostRequiredArrayHeader() =>
        Assert.Equal("headerParameter", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.ExplicitPostRequiredArrayHeaderAsync(null!))).ParamName);

    // A required integer is a C# long: "null" cannot be written, so the scenario (the client refusing a missing
    // value) is enforced by the compiler. A real value goes to the swagger's route, which the server does not serve.

    [Fact]
    public async Task ServerQuirk_ExplicitPostRequiredIntegerParameter() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<RestApiException>(() => _client.ExplicitPostRequiredIntegerParameterAsync(1))).StatusCode);

    [Fact]
    public async Task ServerQuirk_ExplicitPostRequiredIntegerHeader() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<RestApiException>(() => _client.ExplicitPostRequiredIntegerHeaderAsync(1))).StatusCode);
}
