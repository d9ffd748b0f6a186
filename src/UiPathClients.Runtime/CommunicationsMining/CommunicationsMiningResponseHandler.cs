using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Errors;

namespace UiPathClients.Runtime.CommunicationsMining;

/// <summary>
/// Pipeline step for Communications Mining clients that turns error answers into exceptions (see
/// <see cref="CommunicationsMiningResponse.EnsureSuccessAsync"/>) and network failures into
/// <see cref="CommunicationsMiningTransportException"/>. Put it outside the resilience step, so that only the
/// final outcome of the retries is judged. Successful responses pass untouched; read their timing with
/// <see cref="ServerTimingExtensions.GetServerTiming"/>.
/// </summary>
public sealed class CommunicationsMiningResponseHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            // The inner exception keeps the socket-level detail; its message names hosts, never credentials.
            throw new CommunicationsMiningTransportException(
                $"{request.Method.Method} {CommunicationsMiningResponse.RedactedUri(request.RequestUri)} failed before Communications Mining answered: {exception.Message}",
                statusCode: null,
                contentType: null,
                CommunicationsMiningResponse.RedactedUri(request.RequestUri),
                ServerTiming.Empty,
                exception);
        }

        await CommunicationsMiningResponse.EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return response;
    }
}
