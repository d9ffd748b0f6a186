using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using UiPathClients.Runtime.Auth;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Auth;

public sealed class ClientCredentialsTokenProviderTests
{
    private const string TokenPath = "/identity_/connect/token";
    private const string Secret = "s3cr3t-value-never-logged";

    private static ClientCredentialsOptions Options(Uri identity) => new()
    {
        IdentityBaseUri = identity,
        ClientId = "app-id",
        ClientSecret = Secret,
        Scopes = { "OR.Jobs", "OR.Folders.Read" },
    };

    /// <summary>An identity service that hands out numbered tokens with the given lifetime.</summary>
    private static Task<LoopbackServer> IdentityAsync(int expiresInSeconds = 3600, int delayMilliseconds = 0)
    {
        var issued = 0;
        return LoopbackServer.StartAsync(app => app.MapPost(TokenPath, async () =>
        {
            await Task.Delay(delayMilliseconds);
            var number = Interlocked.Increment(ref issued);
            return Results.Json(new { access_token = "token-" + number, expires_in = expiresInSeconds, token_type = "Bearer" });
        }));
    }

    [Fact]
    public async Task Posts_the_client_credentials_grant_with_space_separated_scopes()
    {
        await using var identity = await IdentityAsync();
        using var http = new HttpClient();
        var provider = new ClientCredentialsTokenProvider(http, Options(identity.BaseAddress));

        var token = await provider.GetTokenAsync(null, CancellationToken.None);

        Assert.Equal("token-1", token.Token);
        var request = Assert.Single(identity.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(TokenPath, request.PathAndQuery);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("grant_type=client_credentials&client_id=app-id&client_secret=" + Secret + "&scope=OR.Jobs+OR.Folders.Read", request.Body);
    }

    [Fact]
    public async Task Caches_the_token_until_the_refresh_window()
    {
        await using var identity = await IdentityAsync(expiresInSeconds: 3600);
        using var http = new HttpClient();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-22T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var provider = new ClientCredentialsTokenProvider(http, Options(identity.BaseAddress), clock);

        Assert.Equal("token-1", (await provider.GetTokenAsync(null, default)).Token);
        clock.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("token-1", (await provider.GetTokenAsync(null, default)).Token);

        // A one-hour token is renewed five minutes before it expires.
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", (await provider.GetTokenAsync(null, default)).Token);
        Assert.Equal(2, identity.CountOf(TokenPath));
    }

    [Fact]
    public async Task Short_lived_tokens_are_renewed_a_tenth_of_their_lifetime_early()
    {
        await using var identity = await IdentityAsync(expiresInSeconds: 600);
        using var http = new HttpClient();
        var clock = new FakeTimeProvider();
        var provider = new ClientCredentialsTokenProvider(http, Options(identity.BaseAddress), clock);

        await provider.GetTokenAsync(null, default);
        clock.Advance(TimeSpan.FromSeconds(539));
        Assert.Equal("token-1", (await provider.GetTokenAsync(null, default)).Token);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("token-2", (await provider.GetTokenAsync(null, default)).Token);
    }

    [Fact]
    public async Task A_hundred_concurrent_callers_cause_one_token_request()
    {
        await using var identity = await IdentityAsync(delayMilliseconds: 200);
        using var http = new HttpClient();
        var provider = new ClientCredentialsTokenProvider(http, Options(identity.BaseAddress));

        var tokens = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => provider.GetTokenAsync(null, default))));

        Assert.All(tokens, token => Assert.Equal("token-1", token.Token));
        Assert.Equal(1, identity.CountOf(TokenPath));
    }

    [Fact]
    public async Task A_rejected_token_is_replaced_once_however_many_callers_report_it()
    {
        await using var identity = await IdentityAsync();
        using var http = new HttpClient();
        var provider = new ClientCredentialsTokenProvider(http, Options(identity.BaseAddress));
        var rejected = await provider.GetTokenAsync(null, default);

        var renewed = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetTokenAsync(rejected, default)));
        var later = await provider.GetTokenAsync(rejected, default);

        Assert.All(renewed, token => Assert.Equal("token-2", token.Token));
        Assert.Equal("token-2", later.Token);
        Assert.Equal(2, identity.CountOf(TokenPath));
    }

    [Fact]
    public async Task A_caller_that_cancels_does_not_fail_the_others()
    {
        await using var identity = await IdentityAsync(delayMilliseconds: 300);
        using var http = new HttpClient();
        var provider = new ClientCredentialsTokenProvider(http, Options(identity.BaseAddress));
        using var cancel = new CancellationTokenSource();

        var impatient = provider.GetTokenAsync(null, cancel.Token);
        var patient = provider.GetTokenAsync(null, CancellationToken.None);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        Assert.Equal("token-1", (await patient).Token);
        Assert.Equal(1, identity.CountOf(TokenPath));
    }

    [Fact]
    public async Task Refused_credentials_raise_a_typed_exception_without_the_secret()
    {
        await using var identity = await LoopbackServer.StartAsync(app => app.MapPost(TokenPath, () =>
            Results.Json(new { error = "invalid_client", error_description = "Client authentication failed." }, statusCode: 400)));
        using var http = new HttpClient();
        var provider = new ClientCredentialsTokenProvider(http, Options(identity.BaseAddress));

        var failure = await Assert.ThrowsAsync<AuthenticationFailedException>(() => provider.GetTokenAsync(null, default));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.Equal("invalid_client", failure.Error);
        Assert.Contains("HTTP 400 (invalid_client)", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_early_renewal_keeps_using_the_still_valid_token()
    {
        var fail = false;
        var issued = 0;
        await using var identity = await LoopbackServer.StartAsync(app => app.MapPost(TokenPath, () => fail
            ? Results.StatusCode(503)
            : Results.Json(new { access_token = "token-" + Interlocked.Increment(ref issued), expires_in = 3600 })));
        using var http = new HttpClient();
        var clock = new FakeTimeProvider();
        var provider = new ClientCredentialsTokenProvider(http, Options(identity.BaseAddress), clock);
        await provider.GetTokenAsync(null, default);

        fail = true;
        clock.Advance(TimeSpan.FromMinutes(57));
        Assert.Equal("token-1", (await provider.GetTokenAsync(null, default)).Token);

        // Once it has expired, the failure is the caller's to see.
        clock.Advance(TimeSpan.FromMinutes(4));
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => provider.GetTokenAsync(null, default));
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_refused_before_anything_is_sent()
    {
        using var http = new HttpClient();

        var failure = Assert.Throws<InvalidOperationException>(() => new ClientCredentialsTokenProvider(http, Options(new Uri("http://identity.example.com/"))));

        Assert.Contains("must be an absolute https URL", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_and_provider_never_show_the_secret()
    {
        var options = Options(new Uri("https://cloud.uipath.com/"));
        using var http = new HttpClient();

        Assert.DoesNotContain(Secret, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, new ClientCredentialsTokenProvider(http, options).ToString(), StringComparison.Ordinal);
        Assert.Equal(new Uri("https://cloud.uipath.com/identity_/connect/token"), options.TokenEndpoint);
        Assert.DoesNotContain("token-value", new AccessToken("token-value", DateTimeOffset.MaxValue).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Incomplete_options_say_what_is_missing()
    {
        using var http = new HttpClient();
        var options = Options(new Uri("https://cloud.uipath.com/"));
        options.Scopes.Clear();

        var failure = Assert.Throws<InvalidOperationException>(() => new ClientCredentialsTokenProvider(http, options));

        Assert.Contains("Scopes is empty", failure.Message, StringComparison.Ordinal);
    }
}
