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
