using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Auth;

namespace UiPathClients.Runtime.Http;

/// <summary>
/// Pipeline step that authenticates requests with a bearer token. It refuses to send a token anywhere
/// but https (or loopback http), and when the service answers 401 it gets a new token and sends the
/// request once more: the body is buffered before the first attempt, so resending it is safe.
/// </summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly IAccessTokenProvider _tokens;

    /// <summary>Creates the handler.</summary>
    /// <param name="tokens">Where tokens come from.</param>
    public BearerTokenHandler(IAccessTokenProvider tokens) => _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (request.IsAnonymous())
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        EndpointSecurity.RequireSecure(uri, "a bearer token");
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        var token = await _tokens.GetTokenAsync(rejectedToken: null, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var renewed = await _tokens.GetTokenAsync(token, cancellationToken).ConfigureAwait(false);
        if (renewed == token)
        {
            // Nothing new to try (a static token): the 401 is the answer.
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed.Token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
