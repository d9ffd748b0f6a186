using System;
using System.Net.Http;
using UiPathClients.Runtime.Auth;

namespace UiPathClients.Runtime.Tests.TestSupport;

/// <summary>A client-credentials provider pointed at a loopback identity endpoint.</summary>
internal static class TestIdentity
{
    public static ClientCredentialsTokenProvider ClientCredentials(HttpClient http, Uri identityBaseUri, string clientSecret = "secret") =>
        new(http, new ClientCredentialsOptions { IdentityBaseUri = identityBaseUri, ClientId = "app-id", ClientSecret = clientSecret, Scopes = { "OR.Jobs" } });
}
