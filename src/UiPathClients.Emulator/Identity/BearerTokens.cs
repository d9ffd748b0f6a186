using System;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace UiPathClients.Emulator.Identity;

/// <summary>Reads the bearer token of a request; the Orchestrator and Communications Mining slices refuse requests without an accepted one.</summary>
internal static class BearerTokens
{
    /// <summary>Whether the request carries <c>Authorization: Bearer {token}</c> with a token <paramref name="tokens"/> accepts now.</summary>
    public static bool IsAuthorized(HttpRequest request, EmulatorTokens tokens) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var value)
        && string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(value.Parameter)
        && tokens.Accepts(value.Parameter);

    /// <summary>Marks a refusal as the services do, so a client knows to (re)authenticate with a bearer token.</summary>
    public static void Challenge(HttpResponse response) => response.Headers.WWWAuthenticate = "Bearer";
}
