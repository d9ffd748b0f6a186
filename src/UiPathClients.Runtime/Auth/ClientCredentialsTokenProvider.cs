using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Runtime.Auth;

/// <summary>Settings of a confidential "External Application" registered in UiPath Identity.</summary>
public sealed class ClientCredentialsOptions
{
    /// <summary>
    /// The identity service's base URL, e.g. <c>https://cloud.uipath.com/</c> or an Automation Suite host;
    /// tokens are requested from <c>{IdentityBaseUri}/identity_/connect/token</c>.
    /// </summary>
    public Uri? IdentityBaseUri { get; set; }

    /// <summary>The application ID.</summary>
    public string? ClientId { get; set; }

    /// <summary>The application secret. Treat as a secret: it is never logged or shown.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scopes to request, e.g. <c>OR.Jobs</c>, <c>OR.Folders.Read</c>; sent space-separated.</summary>
    public IList<string> Scopes { get; } = new List<string>();

    /// <summary>The token endpoint these options point at.</summary>
    public Uri TokenEndpoint => new(Validated().IdentityBaseUri!, "identity_/connect/token");

    /// <summary>Describes the options without the secret.</summary>
    public override string ToString() => $"ClientCredentialsOptions(IdentityBaseUri={IdentityBaseUri}, ClientId={ClientId}, ClientSecret=***, Scopes={string.Join(" ", Scopes)})";

    internal ClientCredentialsOptions Validated()
    {
        if (IdentityBaseUri is null || !IdentityBaseUri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("ClientCredentialsOptions.IdentityBaseUri must be an absolute URL such as https://cloud.uipath.com/.");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new InvalidOperationException("ClientCredentialsOptions.ClientId is required: the External Application's ID.");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            throw new InvalidOperationException("ClientCredentialsOptions.ClientSecret is required: the External Application's secret.");
        }

        if (Scopes.Count == 0)
        {
            throw new InvalidOperationException("ClientCredentialsOptions.Scopes is empty: request the scopes the application was granted, e.g. OR.Jobs.");
        }

        return this;
    }
}

/// <summary>
/// OAuth 2.0 client credentials against UiPath Identity (<c>grant_type=client_credentials</c>), for
/// Orchestrator (<c>OR.*</c> scopes) and Communications Mining (<c>PM.User PM.User.Read Ixp.ApiAccess</c>).
/// </summary>
public sealed class ClientCredentialsTokenProvider : CachingAccessTokenProvider
{
    private readonly HttpClient _http;
    private readonly ClientCredentialsOptions _options;
    private readonly Uri _endpoint;

    /// <summary>Creates the provider.</summary>
    /// <param name="http">The client used for token requests only (not the API pipeline, which would recurse).</param>
    /// <param name="options">The application's credentials.</param>
    /// <param name="timeProvider">The clock; tests pass a fake one.</param>
    /// <exception cref="InvalidOperationException">The options are incomplete or the endpoint is not https.</exception>
    public ClientCredentialsTokenProvider(HttpClient http, ClientCredentialsOptions options, TimeProvider? timeProvider = null)
        : base(timeProvider)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validated();
        _endpoint = options.TokenEndpoint;
        EndpointSecurity.RequireSecure(_endpoint, "client credentials");
    }

    /// <inheritdoc />
    protected override Task<AccessToken> RequestTokenAsync(CancellationToken cancellationToken) =>
        TokenEndpoint.RequestFormAsync(
            _http,
            _endpoint,
            new[]
            {
                new KeyValuePair<string, string>("grant_type", "client_credentials"),
                new KeyValuePair<string, string>("client_id", _options.ClientId!),
                new KeyValuePair<string, string>("client_secret", _options.ClientSecret!),
                new KeyValuePair<string, string>("scope", string.Join(" ", _options.Scopes)),
            },
            Clock,
            cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"ClientCredentialsTokenProvider({_endpoint}, client {_options.ClientId})";
}
