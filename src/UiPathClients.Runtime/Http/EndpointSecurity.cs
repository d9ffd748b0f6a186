using System;
using System.Net;

namespace UiPathClients.Runtime.Http;

/// <summary>Where bearer tokens and secrets may be sent: https anywhere, plain http only to this machine.</summary>
public static class EndpointSecurity
{
    /// <summary>Whether <paramref name="uri"/> is https, or http to a loopback address (local emulators and tests).</summary>
    public static bool AllowsSecrets(Uri uri)
    {
        if (uri is null)
        {
            throw new ArgumentNullException(nameof(uri));
        }

        return uri.IsAbsoluteUri
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));
    }

    /// <summary>Throws when secrets must not be sent to <paramref name="uri"/>.</summary>
    /// <param name="uri">The endpoint.</param>
    /// <param name="what">What would be sent, for the message (e.g. "client credentials").</param>
    /// <exception cref="InvalidOperationException">The endpoint is not https and not loopback.</exception>
    public static void RequireSecure(Uri uri, string what)
    {
        if (!AllowsSecrets(uri))
        {
            throw new InvalidOperationException(
                $"Refusing to send {what} to '{uri.GetLeftPart(UriPartial.Authority)}': it must be an absolute https URL (plain http is allowed only for loopback addresses such as 127.0.0.1).");
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
