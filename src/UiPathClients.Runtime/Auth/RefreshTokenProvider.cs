using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Runtime.Auth;

/// <summary>
/// The refresh-token grant of UiPath's older cloud sign-in: <c>POST {endpoint}</c> with JSON
/// <c>{"grant_type":"refresh_token","client_id":…,"refresh_token":…}</c>, answered with
/// <c>access_token</c> and <c>expires_in</c> (86400). When the answer carries a new refresh token
/// (rotation), later refreshes use it.
/// </summary>
public sealed class RefreshTokenProvider : CachingAccessTokenProvider
{
    /// <summary>The token endpoint of UiPath's legacy cloud account service.</summary>
    public static readonly Uri LegacyCloudTokenEndpoint = new("https://account.uipath.com/oauth/token");

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _clientId;
    private string _refreshToken;

    /// <summary>Creates the provider.</summary>
    /// <param name="http">The client used for token requests only.</param>
    /// <param name="clientId">The client ID the refresh token was issued to.</param>
    /// <param name="refreshToken">The refresh token ("user key"). Treat as a secret.</param>
    /// <param name="tokenEndpoint">The token endpoint; <see cref="LegacyCloudTokenEndpoint"/> when omitted.</param>
    /// <param name="timeProvider">The clock; tests pass a fake one.</param>
    public RefreshTokenProvider(HttpClient http, string clientId, string refreshToken, Uri? tokenEndpoint = null, TimeProvider? timeProvider = null)
        : base(timeProvider)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _clientId = string.IsNullOrWhiteSpace(clientId) ? throw new ArgumentException("The client ID is required.", nameof(clientId)) : clientId;
        _refreshToken = string.IsNullOrWhiteSpace(refreshToken) ? throw new ArgumentException("The refresh token is required.", nameof(refreshToken)) : refreshToken;
        _endpoint = tokenEndpoint ?? LegacyCloudTokenEndpoint;
        EndpointSecurity.RequireSecure(_endpoint, "a refresh token");
    }

    /// <inheritdoc />
    protected override async Task<AccessToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        string? rotated = null;
        var token = await TokenEndpoint.RequestJsonAsync(
            _http,
            _endpoint,
            writer =>
            {
                writer.WriteString("grant_type", "refresh_token");
                writer.WriteString("client_id", _clientId);
                writer.WriteString("refresh_token", Volatile.Read(ref _refreshToken));
            },
            "access_token",
            fallbackLifetime: TimeSpan.FromHours(24),
            Clock,
            cancellationToken,
            onAnswer: answer => rotated = answer.RefreshToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(rotated))
        {
            Volatile.Write(ref _refreshToken, rotated!);
        }

        return token;
    }

    /// <inheritdoc />
    public override string ToString() => $"RefreshTokenProvider({_endpoint}, client {_clientId})";
}
