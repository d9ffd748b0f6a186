using System;
using System.Collections.Generic;

namespace UiPathClients.Emulator.Identity;

/// <summary>
/// Who may call the emulator, and how long what they are given lasts. Orchestrator and Communications Mining
/// routes answer <c>401</c> without an <c>Authorization: Bearer</c> header the emulator accepts: one of
/// <see cref="PersonalAccessTokens"/>, or an access token it issued itself, not yet expired on the emulator's clock.
/// </summary>
public sealed class EmulatorIdentityOptions
{
    /// <summary>The personal access token accepted unless the test configures others.</summary>
    public const string DefaultPersonalAccessToken = "rt_emulator_personal_access_token";

    /// <summary>The External Application (client credentials) accepted unless the test configures others.</summary>
    public static readonly EmulatorClientApplication DefaultClientApplication = new("emulator-client", "emulator-secret");

    /// <summary>The on-premises user (<c>api/Account/Authenticate</c>) accepted unless the test configures others.</summary>
    public static readonly EmulatorUser DefaultUser = new("Default", "admin", "emulator-password");

    /// <summary>Bearer tokens accepted as they are, as the service accepts a personal access token; never expire.</summary>
    public IList<string> PersonalAccessTokens { get; } = new List<string> { DefaultPersonalAccessToken };

    /// <summary>Client id and secret pairs the token endpoint (<c>identity_/connect/token</c>) accepts.</summary>
    public IList<EmulatorClientApplication> ClientApplications { get; } = new List<EmulatorClientApplication> { DefaultClientApplication };

    /// <summary>The refresh token accepted unless the test configures others (for <see cref="DefaultClientApplication"/>'s id).</summary>
    public static readonly EmulatorRefreshToken DefaultRefreshToken = new(DefaultClientApplication.ClientId, "emulator-refresh-token");

    /// <summary>
    /// Refresh tokens the token endpoints accept (<c>grant_type=refresh_token</c>). Each is single-use: the answer carries
    /// its successor, which the next refresh must use.
    /// </summary>
    public IList<EmulatorRefreshToken> RefreshTokens { get; } = new List<EmulatorRefreshToken> { DefaultRefreshToken };

    /// <summary>Users <c>api/Account/Authenticate</c> accepts (on-premises login).</summary>
    public IList<EmulatorUser> Users { get; } = new List<EmulatorUser> { DefaultUser };

    /// <summary>How long an issued access token is valid on the emulator's clock (the service's is one hour).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>An External Application: what a client sends as <c>client_id</c> and <c>client_secret</c>.</summary>
/// <param name="ClientId">The application's id.</param>
/// <param name="ClientSecret">Its secret.</param>
public sealed record EmulatorClientApplication(string ClientId, string ClientSecret)
{
    /// <summary>Keeps the secret out of logs and test output.</summary>
    public override string ToString() => $"EmulatorClientApplication({ClientId}, ***)";
}

/// <summary>A refresh token and the client it was issued to.</summary>
/// <param name="ClientId">The client id the refresh must name (<c>client_id</c>).</param>
/// <param name="RefreshToken">The refresh token.</param>
public sealed record EmulatorRefreshToken(string ClientId, string RefreshToken)
{
    /// <summary>Keeps the token out of logs and test output.</summary>
    public override string ToString() => $"EmulatorRefreshToken({ClientId}, ***)";
}

/// <summary>An on-premises user: what a client sends to <c>api/Account/Authenticate</c>.</summary>
/// <param name="TenancyName">The tenant's name (<c>TenancyName</c>).</param>
/// <param name="UserNameOrEmailAddress">The user's name or e-mail address (<c>UsernameOrEmailAddress</c>).</param>
/// <param name="Password">The password.</param>
public sealed record EmulatorUser(string TenancyName, string UserNameOrEmailAddress, string Password)
{
    /// <summary>Keeps the password out of logs and test output.</summary>
    public override string ToString() => $"EmulatorUser({TenancyName}\\{UserNameOrEmailAddress}, ***)";
}
