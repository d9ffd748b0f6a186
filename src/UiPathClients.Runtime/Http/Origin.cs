using System;

namespace UiPathClients.Runtime.Http;

/// <summary>
/// The one rule for URLs a server hands the client (next links, Location headers): the request's credentials and
/// tenant/folder headers go wherever such a URL points, so it is followed only on the origin (scheme, host, port)
/// the client was configured for, and only over http or https.
/// </summary>
internal static class Origin
{
    /// <summary>Whether both URIs have the same scheme, host and port (a default port counts as written out).</summary>
    public static bool AreSame(Uri left, Uri right) =>
        Uri.Compare(left, right, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>Whether <paramref name="uri"/> is an absolute http or https URI.</summary>
    public static bool IsHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The origin as text for messages, e.g. <c>https://cloud.uipath.com</c>.</summary>
    public static string Of(Uri uri) => uri.IsAbsoluteUri ? uri.GetLeftPart(UriPartial.Authority) : uri.OriginalString;
}
