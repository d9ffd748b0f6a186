using System.Net.Http;

namespace UiPathClients.Runtime.Http;

/// <summary>
/// Marks a request that must go out without a bearer token, e.g. an API-trigger redirect to another
/// origin. <see cref="BearerTokenHandler"/> honours the mark.
/// </summary>
public static class AuthenticationScope
{
    private const string Key = "UiPathClients.Anonymous";

#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<bool> OptionsKey = new(Key);
#endif

    /// <summary>Sends <paramref name="request"/> without a bearer token.</summary>
    public static HttpRequestMessage WithoutToken(this HttpRequestMessage request)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(OptionsKey, true);
#else
        request.Properties[Key] = true;
#endif
        return request;
    }

    /// <summary>Whether <paramref name="request"/> was marked with <see cref="WithoutToken"/>.</summary>
    public static bool IsAnonymous(this HttpRequestMessage request)
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(OptionsKey, out var anonymous) && anonymous;
#else
        return request.Properties.TryGetValue(Key, out var value) && value is true;
#endif
    }
}
