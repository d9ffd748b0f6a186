using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace UiPathClients.Runtime.Resilience;

/// <summary>
/// Buffers the request body before the resilience pipeline runs, so that every retry sends the same bytes even when
/// the caller gave a forward-only stream.
/// </summary>
internal sealed class RequestBufferingHandler : DelegatingHandler
{
    public static async Task BufferAsync(HttpRequestMessage request)
    {
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await BufferAsync(request).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
