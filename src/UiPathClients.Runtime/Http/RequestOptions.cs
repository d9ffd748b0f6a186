using System.Net.Http;

namespace UiPathClients.Runtime.Http;

/// <summary>
/// Per-request values that pipeline steps read: <c>HttpRequestMessage.Options</c> where it exists (.NET 5+),
/// the older <c>Properties</c> bag on netstandard2.0. Values live on the request, so concurrent calls never share them.
/// </summary>
internal static class RequestOptions
{
    public static void Set<T>(HttpRequestMessage request, string key, T value)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(new HttpRequestOptionsKey<T>(key), value);
#else
        request.Properties[key] = value;
#endif
    }

    public static bool TryGet<T>(HttpRequestMessage request, string key, out T? value)
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<T>(key), out value);
#else
        if (request.Properties.TryGetValue(key, out var stored) && stored is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
#endif
    }
}
