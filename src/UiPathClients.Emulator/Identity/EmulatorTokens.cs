using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography;

namespace UiPathClients.Emulator.Identity;

/// <summary>
/// The tokens the emulator has issued and the refresh tokens it still honours. Access tokens expire on the
/// emulator's clock (<see cref="OrchestratorEmulatorOptions.TimeProvider"/>), so a test that moves the clock sees a
/// client's token go stale and the client renew it. Refresh tokens are single-use: redeeming one returns its successor,
/// as UiPath's identity service rotates them.
/// </summary>
internal sealed class EmulatorTokens
{
    private readonly EmulatorIdentityOptions _options;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, IssuedToken> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);

    public EmulatorTokens(EmulatorIdentityOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        foreach (var grant in options.RefreshTokens)
        {
            _refreshTokens[grant.RefreshToken] = grant.ClientId;
        }
    }

    /// <summary>How many access tokens the emulator has issued (tests count renewals with it).</summary>
    public int IssuedCount => _accessTokens.Count;

    /// <summary>Whether <paramref name="token"/> may call the services now: a configured personal access token, or an issued token not yet expired.</summary>
    public bool Accepts(string token) =>
        _options.PersonalAccessTokens.Contains(token, StringComparer.Ordinal)
        || (_accessTokens.TryGetValue(token, out var issued) && _clock.GetUtcNow() < issued.ExpiresAt);

    /// <summary>A new access token for <paramref name="subject"/>, valid for <see cref="EmulatorIdentityOptions.AccessTokenLifetime"/>.</summary>
    public IssuedToken Issue(string subject, string scope)
    {
        var token = new IssuedToken(NewSecret(), subject, scope, _clock.GetUtcNow() + _options.AccessTokenLifetime, _options.AccessTokenLifetime);
        _accessTokens[token.Value] = token;
        return token;
    }

    /// <summary>
    /// Redeems a refresh token issued to <paramref name="clientId"/>: the refresh token it replaces, or null when it is
    /// unknown, already used or another client's. Once redeemed, the old refresh token is refused.
    /// </summary>
    public string? Redeem(string refreshToken, string clientId)
    {
        if (!_refreshTokens.TryGetValue(refreshToken, out var owner) || !string.Equals(owner, clientId, StringComparison.Ordinal)
            || !_refreshTokens.TryRemove(new System.Collections.Generic.KeyValuePair<string, string>(refreshToken, owner)))
        {
            return null;
        }

        var successor = NewSecret();
        _refreshTokens[successor] = clientId;
        return successor;
    }

    private static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>An access token the emulator issued.</summary>
/// <param name="Value">The bearer token.</param>
/// <param name="Subject">Who it was issued to (a client id or a user).</param>
/// <param name="Scope">The scopes asked for, space-separated (recorded, not enforced).</param>
/// <param name="ExpiresAt">When it stops being accepted, on the emulator's clock.</param>
/// <param name="Lifetime">How long it was issued for (<c>expires_in</c>).</param>
internal sealed record IssuedToken(string Value, string Subject, string Scope, DateTimeOffset ExpiresAt, TimeSpan Lifetime);
