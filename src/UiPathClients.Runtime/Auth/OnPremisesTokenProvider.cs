using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Runtime.Auth;

/// <summary>
/// Username/password sign-in of on-premises Orchestrator: <c>POST {orchestrator}/api/Account/Authenticate</c>
/// with <c>tenancyName</c>, <c>usernameOrEmailAddress</c> and <c>password</c>, answered with the bearer in
/// <c>result</c>. The answer has no lifetime, so <see cref="TokenLifetime"/> (30 minutes, Orchestrator's
/// default) decides when to sign in again; a 401 before then also triggers it.
/// </summary>
public sealed class OnPremisesTokenProvider : CachingAccessTokenProvider
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _tenancyName;
    private readonly string _userName;
    private readonly string _password;

    /// <summary>Creates the provider.</summary>
    /// <param name="http">The client used for sign-in requests only.</param>
    /// <param name="orchestratorBaseUri">Orchestrator's base URL, e.g. <c>https://orchestrator.example.com/</c>.</param>
    /// <param name="tenancyName">The tenant, e.g. <c>Default</c>.</param>
    /// <param name="userNameOrEmailAddress">The user.</param>
    /// <param name="password">The password. Treat as a secret.</param>
    /// <param name="timeProvider">The clock; tests pass a fake one.</param>
    public OnPremisesTokenProvider(HttpClient http, Uri orchestratorBaseUri, string tenancyName, string userNameOrEmailAddress, string password, TimeProvider? timeProvider = null)
        : base(timeProvider)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        if (orchestratorBaseUri is null || !orchestratorBaseUri.IsAbsoluteUri)
        {
            throw new ArgumentException("Orchestrator's base URL must be absolute.", nameof(orchestratorBaseUri));
        }

        _endpoint = new Uri(orchestratorBaseUri, "api/Account/Authenticate");
        _tenancyName = string.IsNullOrWhiteSpace(tenancyName) ? throw new ArgumentException("The tenancy name is required.", nameof(tenancyName)) : tenancyName;
        _userName = string.IsNullOrWhiteSpace(userNameOrEmailAddress) ? throw new ArgumentException("The user name is required.", nameof(userNameOrEmailAddress)) : userNameOrEmailAddress;
        _password = password ?? throw new ArgumentNullException(nameof(password));
        EndpointSecurity.RequireSecure(_endpoint, "a password");
    }

    /// <summary>How long a token is used before signing in again.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <inheritdoc />
    protected override Task<AccessToken> RequestTokenAsync(CancellationToken cancellationToken) =>
        TokenEndpoint.RequestJsonAsync(
            _http,
            _endpoint,
            writer =>
            {
                writer.WriteString("tenancyName", _tenancyName);
                writer.WriteString("usernameOrEmailAddress", _userName);
                writer.WriteString("password", _password);
            },
            "result",
            TokenLifetime,
            Clock,
            cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"OnPremisesTokenProvider({_endpoint}, tenant {_tenancyName}, user {_userName})";
}
