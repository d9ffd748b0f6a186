using System;

namespace UiPathClients.Runtime.Auth;

/// <summary>A bearer token and the moment it stops being accepted.</summary>
/// <remarks><see cref="ToString"/> never shows the token: values of this type end up in logs and debuggers.</remarks>
public readonly struct AccessToken : IEquatable<AccessToken>
{
    /// <summary>Creates a token.</summary>
    /// <param name="token">The bearer token value.</param>
    /// <param name="expiresOn">When the token expires; <see cref="DateTimeOffset.MaxValue"/> for tokens that do not.</param>
    public AccessToken(string token, DateTimeOffset expiresOn)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("The access token is empty.", nameof(token));
        }

        Token = token;
        ExpiresOn = expiresOn;
    }

    /// <summary>The bearer token value. Treat it as a secret.</summary>
    public string Token { get; }

    /// <summary>When the token expires.</summary>
    public DateTimeOffset ExpiresOn { get; }

    /// <inheritdoc />
    public bool Equals(AccessToken other) => string.Equals(Token, other.Token, StringComparison.Ordinal) && ExpiresOn == other.ExpiresOn;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AccessToken other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Token ?? string.Empty) ^ ExpiresOn.GetHashCode();

    /// <summary>Describes the token without revealing it.</summary>
    public override string ToString() => $"AccessToken(expires {ExpiresOn:O})";

    /// <summary>Compares two tokens.</summary>
    public static bool operator ==(AccessToken left, AccessToken right) => left.Equals(right);

    /// <summary>Compares two tokens.</summary>
    public static bool operator !=(AccessToken left, AccessToken right) => !left.Equals(right);
}
