using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace UiPathClients.Runtime.Http;

/// <summary>
/// Reads response bodies on both targets: .NET 5+ has cancellable overloads, netstandard2.0 does not,
/// so there the token is checked before reading.
/// </summary>
internal static class HttpContentReading
{
    public static async Task<byte[]> ReadBytesAsync(HttpContent content, CancellationToken cancellationToken)
    {
#if NET5_0_OR_GREATER
        return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return await content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
    }

    public static async Task<string> ReadTextAsync(HttpContent content, CancellationToken cancellationToken)
    {
#if NET5_0_OR_GREATER
        return await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return await content.ReadAsStringAsync().ConfigureAwait(false);
#endif
    }
}
