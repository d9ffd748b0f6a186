using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using UiPathClients.Runtime.Auth;
using UiPathClients.Runtime.Http;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Http;

public sealed class BearerTokenHandlerTests
{
    private const string TokenPath = "/identity_/connect/token";

    /// <summary>Identity and Orchestrator in one loopback server; the API accepts only the newest token.</summary>
    private static Task<LoopbackServer> ServiceAsync()
    {
        var issued = 0;
        return LoopbackServer.StartAsync(app =>
        {
            app.MapPost(TokenPath, () => Results.Json(new { access_token = "token-" + Interlocked.Increment(ref issued), expires_in = 3600 }));
            app.MapPost("/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs", (HttpRequest request) =>
                request.Headers.Authorization == "Bearer token-" + Volatile.Read(ref issued) && Volatile.Read(ref issued) >= 2
                    ? Results.Json(new { value = Array.Empty<object>() })
                    : Results.StatusCode(401));
        });
    }

    private static (HttpClient Api, HttpClient Identity) Clients(LoopbackServer server, IAccessTokenProvider? tokens = null)
    {
        var identity = new HttpClient();
        tokens ??= TestIdentity.ClientCredentials(identity, server.BaseAddress);
        var api = new HttpClient(new BearerTokenHandler(tokens) { InnerHandler = new HttpClientHandler() }) { BaseAddress = server.BaseAddress };
        return (api, identity);
    }

    [Fact]
    public async Task A_401_gets_a_new_token_and_the_same_request_is_sent_once_more()
    {
        await using var server = await ServiceAsync();
        var (api, identity) = Clients(server);
        using (api)
        using (identity)
        {
            using var response = await api.PostAsync("odata/Jobs/UiPath.Server.Configuration.OData.StartJobs", new StringContent("{\"startInfo\":{\"ReleaseKey\":\"k\"}}", System.Text.Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var calls = server.Requests.Where(request => request.PathAndQuery.StartsWith("/odata/", StringComparison.Ordinal)).ToList();
            Assert.Equal(new[] { "Bearer token-1", "Bearer token-2" }, calls.Select(call => call.Authorization));
            Assert.All(calls, call => Assert.Equal("{\"startInfo\":{\"ReleaseKey\":\"k\"}}", call.Body));
            Assert.Equal(2, server.CountOf(TokenPath));
        }
    }

    [Fact]
    public async Task A_token_that_cannot_be_renewed_returns_the_401_without_a_second_attempt()
    {
        await using var server = await ServiceAsync();
        var (api, identity) = Clients(server, new StaticAccessTokenProvider("personal-access-token"));
        using (api)
        using (identity)
        {
            using var response = await api.PostAsync("odata/Jobs/UiPath.Server.Configuration.OData.StartJobs", new StringContent("{}"));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(1, server.CountOf("/odata/"));
            Assert.Equal("Bearer personal-access-token", server.Requests.Single().Authorization);
        }
    }

    [Fact]
    public async Task Refuses_to_send_a_token_over_plain_http_to_another_host()
    {
        var handler = new BearerTokenHandler(new StaticAccessTokenProvider("secret-token")) { InnerHandler = new ThrowingHandler() };
        using var api = new HttpClient(handler);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => api.GetAsync(new Uri("http://orchestrator.example.com/odata/Jobs")));

        Assert.Contains("Refusing to send a bearer token", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://cloud.uipath.com/org/tenant/orchestrator_/", true)]
    [InlineData("http://127.0.0.1:5000/", true)]
    [InlineData("http://localhost:5000/", true)]
    [InlineData("http://[::1]:5000/", true)]
    [InlineData("http://orchestrator.contoso.local/", false)]
    [InlineData("ftp://cloud.uipath.com/", false)]
    public void Secrets_travel_only_over_https_or_to_loopback(string uri, bool allowed) =>
        Assert.Equal(allowed, EndpointSecurity.AllowsSecrets(new Uri(uri)));

    /// <summary>Proves nothing reached the network: any send fails the test.</summary>
    private sealed class ThrowingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The request must not be sent.");
    }
}
