using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using UiPathClients.Emulator;
using UiPathClients.Emulator.Identity;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.Runtime.Auth;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Http;

namespace UiPathClients.EndToEnd.Tests.Identity;

/// <summary>
/// The runtime's token providers against the emulator's identity slice, with tokens expiring on the emulator's clock:
/// every renewal path runs end to end, over HTTP, with nothing faked on either side.
/// </summary>
public sealed class TokenRenewalTests : IAsyncLifetime
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly List<IDisposable> _clients = [];
    private OrchestratorEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        var options = new OrchestratorEmulatorOptions { TimeProvider = _clock };
        options.Identity.AccessTokenLifetime = Lifetime;
        _emulator = await OrchestratorEmulator.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        _clients.ForEach(client => client.Dispose());
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Client_credentials_renew_before_the_token_expires_on_the_shared_clock()
    {
        var orchestrator = ClientWith(http => ClientCredentials(http, _clock));

        await orchestrator.Folders.Top(1).ToListAsync();
        _clock.Advance(Lifetime + TimeSpan.FromMinutes(1));
        await orchestrator.Folders.Top(1).ToListAsync();

        // One token per lifetime, and no request was refused on the way (renewed before use, not after a 401).
        Assert.Equal(2, _emulator.IssuedTokenCount);
        Assert.DoesNotContain(_emulator.Requests, request => request.StatusCode == 401);
        Assert.Equal(2, _emulator.Requests.Count(request => request.PathAndQuery.EndsWith("identity_/connect/token", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_token_that_expired_on_the_server_only_is_renewed_after_the_401_and_the_call_succeeds()
    {
        // The client's clock stands still: it believes its token is fresh; the emulator's says it expired.
        var orchestrator = ClientWith(http => ClientCredentials(http, new FakeTimeProvider(_clock.GetUtcNow())));
        await orchestrator.Folders.Top(1).ToListAsync();
        _clock.Advance(Lifetime + TimeSpan.FromSeconds(1));

        var folders = await orchestrator.Folders.Top(1).ToListAsync();

        Assert.Single(folders);
        Assert.Equal(2, _emulator.IssuedTokenCount);
        Assert.Single(_emulator.Requests, request => request.StatusCode == 401 && request.PathAndQuery.Contains("odata/Folders", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refresh_token_rotates_on_every_renewal_and_the_used_one_is_refused()
    {
        var endpoint = new Uri(_emulator.BaseAddress, "/oauth/token");
        var refresh = EmulatorIdentityOptions.DefaultRefreshToken;
        var orchestrator = ClientWith(http => new RefreshTokenProvider(http, refresh.ClientId, refresh.RefreshToken, endpoint, _clock));

        await orchestrator.Folders.Top(1).ToListAsync();
        _clock.Advance(Lifetime + TimeSpan.FromMinutes(1));
        await orchestrator.Folders.Top(1).ToListAsync();

        Assert.Equal(2, _emulator.IssuedTokenCount);
        // The configured refresh token was used once; a second use (a stolen copy) is refused.
        using var replay = new HttpClient();
        var refused = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            new RefreshTokenProvider(replay, refresh.ClientId, refresh.RefreshToken, endpoint, _clock).GetTokenAsync(null, default));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_grant", refused.Error);
    }

    [Fact]
    public async Task On_premises_login_signs_in_again_when_its_token_lifetime_is_over()
    {
        var user = EmulatorIdentityOptions.DefaultUser;
        var orchestrator = ClientWith(http =>
            new OnPremisesTokenProvider(http, _emulator.BaseAddress, user.TenancyName, user.UserNameOrEmailAddress, user.Password, _clock) { TokenLifetime = Lifetime });

        await orchestrator.Folders.Top(1).ToListAsync();
        _clock.Advance(Lifetime + TimeSpan.FromMinutes(1));
        await orchestrator.Folders.Top(1).ToListAsync();

        Assert.Equal(2, _emulator.IssuedTokenCount);
        Assert.Equal(2, _emulator.Requests.Count(request => request.PathAndQuery == "/api/Account/Authenticate"));
    }

    [Fact]
    public async Task A_wrong_client_secret_fails_with_the_identity_error_and_sends_nothing_to_Orchestrator()
    {
        var orchestrator = ClientWith(http => ClientCredentials(http, _clock, secret: "wrong"));

        var failure = await Assert.ThrowsAsync<AuthenticationFailedException>(() => orchestrator.Folders.Top(1).ToListAsync());

        Assert.Equal("invalid_client", failure.Error);
        Assert.Equal(0, _emulator.IssuedTokenCount);
        Assert.DoesNotContain(_emulator.Requests, request => request.PathAndQuery.Contains("odata/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_token_endpoint_refuses_what_the_identity_service_refuses()
    {
        using var http = new HttpClient { BaseAddress = _emulator.IdentityAddress };
        var cases = new (Dictionary<string, string> Form, string Error)[]
        {
            (new() { ["grant_type"] = "password", ["username"] = "admin", ["password"] = "x" }, "unsupported_grant_type"),
            (new() { ["client_id"] = "emulator-client" }, "invalid_request"),
            (new() { ["grant_type"] = "refresh_token", ["client_id"] = "other-client", ["refresh_token"] = EmulatorIdentityOptions.DefaultRefreshToken.RefreshToken }, "invalid_grant"),
        };
        foreach (var (form, error) in cases)
        {
            using var content = new FormUrlEncodedContent(form);
            using var response = await http.PostAsync("identity_/connect/token", content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(error, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        }

        // JSON is not a token request at identity_/connect/token: the service reads forms only.
        using var json = new StringContent("{\"grant_type\":\"client_credentials\"}", System.Text.Encoding.UTF8, "application/json");
        using var refused = await http.PostAsync("identity_/connect/token", json);
        Assert.Equal("invalid_request", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal(0, _emulator.IssuedTokenCount);
    }

    private ClientCredentialsTokenProvider ClientCredentials(HttpClient http, TimeProvider clock, string? secret = null)
    {
        var application = EmulatorIdentityOptions.DefaultClientApplication;
        var options = new ClientCredentialsOptions { IdentityBaseUri = _emulator.IdentityAddress, ClientId = application.ClientId, ClientSecret = secret ?? application.ClientSecret };
        options.Scopes.Add("OR.Folders.Read");
        return new ClientCredentialsTokenProvider(http, options, clock);
    }

    /// <summary>The generated client at the emulator's cloud address, authenticated by the provider <paramref name="tokens"/> makes.</summary>
    private OrchestratorClient ClientWith(Func<HttpClient, IAccessTokenProvider> tokens)
    {
        var tokenHttp = new HttpClient();
        var http = new HttpClient(new BearerTokenHandler(tokens(tokenHttp)) { InnerHandler = new HttpClientHandler() }) { BaseAddress = _emulator.CloudBaseAddress };
        _clients.Add(tokenHttp);
        _clients.Add(http);
        return new OrchestratorClient(http);
    }
}
