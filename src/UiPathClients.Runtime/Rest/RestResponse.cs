using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using UiPathClients.Runtime.CommunicationsMining;

namespace UiPathClients.Runtime.Rest;

/// <summary>
/// An answer of a REST operation whose body the method does not return (or returns separately): a 2xx, or a status
/// the operation declares as one of its answers (<see cref="RestRequest.WithExpectedStatus(int)"/>).
/// </summary>
public class RestResponse
{
    /// <summary>Copies what callers may need from <paramref name="response"/>; the message itself may be disposed afterwards.</summary>
    /// <param name="response">The answer.</param>
    public RestResponse(HttpResponseMessage response)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        StatusCode = response.StatusCode;
        Headers = response.Headers;
        ContentHeaders = response.Content?.Headers;
        RequestUri = response.RequestMessage?.RequestUri;
        ServerTiming = response.GetServerTiming();
    }

    /// <summary>The HTTP status, e.g. 200 or 201.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Whether the status is 2xx; <see langword="false"/> for an answer the operation declares otherwise (a <c>HEAD</c>'s 404).</summary>
    public bool IsSuccessStatusCode => (int)StatusCode is >= 200 and <= 299;

    /// <summary>The response headers.</summary>
    public HttpResponseHeaders Headers { get; }

    /// <summary>The content headers (<c>Content-Type</c>, <c>Content-Length</c> …), when there was content.</summary>
    public HttpContentHeaders? ContentHeaders { get; }

    /// <summary>The URI the request was sent to.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The answer's <c>Server-Timing</c> metrics (empty when the service sends none).</summary>
    public ServerTiming ServerTiming { get; }

    /// <summary>
    /// Resolves a link the answer carries (a next page's) against the URI the request was sent to, as a browser
    /// resolves a relative reference (RFC 3986 §5): <c>/items?page=2</c> keeps the host, <c>page/2</c> the directory.
    /// </summary>
    /// <param name="link">The link as the service wrote it.</param>
    /// <returns>The absolute link; <see langword="null"/> when <paramref name="link"/> is null or empty (there is no next page).</returns>
    /// <exception cref="InvalidOperationException"><paramref name="link"/> is relative and the request URI is unknown.</exception>
    /// <exception cref="UriFormatException"><paramref name="link"/> is not a URI reference.</exception>
    public Uri? ResolveLink(string? link)
    {
        if (string.IsNullOrEmpty(link))
        {
            return null;
        }

        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return absolute;
        }

        if (RequestUri is null)
        {
            throw new InvalidOperationException($"The relative link '{link}' cannot be resolved: the answer has no request URI.");
        }

        return new Uri(RequestUri, link);
    }
}

/// <summary>A successful answer of a REST operation with its body read as <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The body's type.</typeparam>
public sealed class RestResponse<T> : RestResponse
{
    /// <summary>Creates the response.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="value">Its body.</param>
    public RestResponse(HttpResponseMessage response, T value)
        : base(response) => Value = value;

    /// <summary>The body.</summary>
    public T Value { get; }
}
