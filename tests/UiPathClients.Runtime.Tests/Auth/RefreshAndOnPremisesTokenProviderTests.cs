using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using UiPathClients.Runtime.Auth;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Auth;

public sealed class RefreshAndOnPremisesTokenProviderTests
{
    [Fact]
    public async Task Refresh_grant_posts_json_and_uses_a_rotated_refresh_token_next_time()
    {
        var issued = 0;
        await using var account = await LoopbackServer.StartAsync(app => app.MapPost("/oauth/token", () =>
        {
            var number = Interlocked.Increment(ref issued);
            return Results.Json(new { access_token = "access-" + number, id_token = "id", expires_in = 86400, token_type = "Bearer", refresh_token = "rotated-" + number });
        }));
        using var http = new HttpClient();
        var clock = new FakeTimeProvider();
        var provider = new RefreshTokenProvider(http, "client-id", "user-key", new Uri(account.BaseAddress, "oauth/token"), clock);

        var first = await provider.GetTokenAsync(null, default);
        var second = await provider.GetTokenAsync(first, default);

        Assert.Equal("access-1", first.Token);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(86400), first.ExpiresOn);
        Assert.Equal("access-2", second.Token);
        var requests = account.Requests;
        Assert.StartsWith("application/json", requests[0].ContentType, StringComparison.Ordinal);
        using var firstBody = JsonDocument.Parse(requests[0].Body);
        Assert.Equal("refresh_token", firstBody.RootElement.GetProperty("grant_type").GetString());
        Assert.Equal("client-id", firstBody.RootElement.GetProperty("client_id").GetString());
        Assert.Equal("user-key", firstBody.RootElement.GetProperty("refresh_token").GetString());
        using var secondBody = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("rotated-1", secondBody.RootElement.GetProperty("refresh_token").GetString());
        Assert.DoesNotContain("user-key", provider.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_premises_sign_in_posts_the_account_and_lasts_the_configured_lifetime()
    {
        await using var orchestrator = await LoopbackServer.StartAsync(app => app.MapPost("/api/Account/Authenticate", () =>
            Results.Json(new { result = "onprem-token", targetUrl = (string?)null, success = true })));
        using var http = new HttpClient();
        var clock = new FakeTimeProvider();
        var provider = new OnPremisesTokenProvider(http, orchestrator.BaseAddress, "Default", "admin", "p@ss-never-shown", clock);

        var token = await provider.GetTokenAsync(null, default);

        Assert.Equal("onprem-token", token.Token);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(30), token.ExpiresOn);
        using var body = JsonDocument.Parse(Assert.Single(orchestrator.Requests).Body);
        Assert.Equal("Default", body.RootElement.GetProperty("tenancyName").GetString());
        Assert.Equal("admin", body.RootElement.GetProperty("usernameOrEmailAddress").GetString());
        Assert.Equal("p@ss-never-shown", body.RootElement.GetProperty("password").GetString());
        Assert.DoesNotContain("p@ss-never-shown", provider.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_token_can_come_from_REINFER_TOKEN()
    {
        var variable = "UIPATHCLIENTS_TEST_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "dev-api-token");
        try
        {
            var provider = StaticAccessTokenProvider.FromEnvironment(variable);

            Assert.Equal("dev-api-token", (await provider.GetTokenAsync(null, default)).Token);
            Assert.DoesNotContain("dev-api-token", provider.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        var missing = Assert.Throws<InvalidOperationException>(() => StaticAccessTokenProvider.FromEnvironment(variable));
        Assert.Contains(variable, missing.Message, StringComparison.Ordinal);
        Assert.Equal("REINFER_TOKEN", StaticAccessTokenProvider.CommunicationsMiningTokenVariable);
    }
}
