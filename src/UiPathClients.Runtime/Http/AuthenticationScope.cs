using System.Net.Http;

namespace UiPathClients.Runtime.Http;

/// <summary>
/// Marks a request that must go out without a bearer token, e.g. an API-trigger redirect to another
/// origin. <see cref="BearerTokenHandler"/> honours the mark.
/// </summary>
public static class AuthenticationScope
{
    private const string Key = "UiPathClients.Anonymous";

    /// <summary>Sends <paramref name="request"/> without a bearer token.</summary>
    public static HttpRequestMessage WithoutToken(this HttpRequestMessage request)
    {
        RequestOptions.Set(request, Key, true);
        return request;
    }

    /// <summary>Whether <paramref name="request"/> was marked with <see cref="WithoutToken"/>.</summary>
    public static bool IsAnonymous(this HttpRequestMessage request) =>
        RequestOptions.TryGet<bool>(request, Key, out var anonymous) && anonymous;
}
