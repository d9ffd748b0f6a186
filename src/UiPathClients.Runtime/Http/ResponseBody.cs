using System;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace UiPathClients.Runtime.Http;

/// <summary>
/// A response body read whole into an array rented from <see cref="ArrayPool{T}.Shared"/>, to be parsed in place and
/// given back with <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// <see cref="HttpCompletionOption.ResponseContentRead"/> followed by <c>ReadAsByteArrayAsync</c> copies a body into
/// two fresh arrays (HttpClient's buffer, then the array it hands out). A 1,000-item Orchestrator page is megabytes, so
/// both land on the large object heap and every page read brings a full collection nearer. Read here, a page costs
/// one copy into a reused array. What <see cref="HttpClient"/> enforces while it buffers is kept:
/// <see cref="HttpClient.MaxResponseContentBufferSize"/> and, through <see cref="ReadAsync"/>'s deadline,
/// <see cref="HttpClient.Timeout"/> over the whole exchange.
/// </remarks>
internal sealed class ResponseBody : IDisposable
{
    /// <summary>The first buffer when the length is not announced (chunked); it doubles as the body grows.</summary>
    private const int UnannouncedLengthBuffer = 16 * 1024;

    /// <summary>
    /// The largest first buffer an announced length gets, as HttpClient caps its own: a server announcing gigabytes
    /// gets that much memory only by sending it.
    /// </summary>
    private const int MaxFirstBuffer = 16 * 1024 * 1024;

    private readonly int _length;
    private byte[]? _buffer;

    private ResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>An empty body; nothing rented.</summary>
    public static ResponseBody Empty => new(Array.Empty<byte>(), 0);

    /// <summary>The body's length in bytes.</summary>
    public int Length => _length;

    /// <summary>The body; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Span => new(Buffer, 0, _length);

    /// <summary>The body; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> Memory => new(Buffer, 0, _length);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(ResponseBody));

    /// <summary>A copy that outlives this body (error messages, exceptions).</summary>
    public byte[] ToArray() => Span.ToArray();

    /// <summary>Gives the buffer back to the pool; the body is unreadable afterwards.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = null;
        if (buffer is { Length: > 0 })
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads <paramref name="content"/> to its end. <paramref name="http"/>'s <see cref="HttpClient.Timeout"/> counts
    /// from <paramref name="sentAt"/> (a <see cref="Stopwatch"/> timestamp taken before the request was sent), as it
    /// would had HttpClient buffered the body itself.
    /// </summary>
    /// <exception cref="HttpRequestException">The body is longer than <see cref="HttpClient.MaxResponseContentBufferSize"/>, or the connection failed.</exception>
    /// <exception cref="TaskCanceledException">The timeout elapsed (its inner exception is a <see cref="TimeoutException"/>), or <paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ResponseBody> ReadAsync(HttpClient http, HttpContent? content, long sentAt, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return Empty;
        }

        var timeout = http.Timeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await ReadToEndAsync(content, http.MaxResponseContentBufferSize, cancellationToken).ConfigureAwait(false);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var remaining = timeout - Elapsed(sentAt);
        if (remaining <= TimeSpan.Zero)
        {
            throw TimedOut(timeout, null);
        }

        deadline.CancelAfter(remaining);
        try
        {
            return await ReadToEndAsync(content, http.MaxResponseContentBufferSize, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(timeout, exception);
        }
    }

    /// <summary>Reads <paramref name="content"/> to its end into a pooled buffer of at most <paramref name="maxLength"/> bytes.</summary>
    private static async Task<ResponseBody> ReadToEndAsync(HttpContent content, long maxLength, CancellationToken cancellationToken)
    {
        var announced = content.Headers.ContentLength;
        if (announced > maxLength)
        {
            throw TooLong(maxLength);
        }

        if (announced == 0)
        {
            return Empty;
        }

#if NET5_0_OR_GREATER
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        // One byte more than announced, so the read that finds the end needs no bigger buffer.
        var buffer = ArrayPool<byte>.Shared.Rent(announced is { } length ? (int)Math.Min(length + 1, MaxFirstBuffer) : UnannouncedLengthBuffer);
        var filled = 0;
        try
        {
            using (stream)
            {
                while (true)
                {
                    if (filled == buffer.Length)
                    {
                        buffer = Grow(buffer, maxLength);
                    }

#if NET5_0_OR_GREATER
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
#else
                    var read = await stream.ReadAsync(buffer, filled, buffer.Length - filled, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        break;
                    }

                    filled += read;
                    if (filled > maxLength)
                    {
                        throw TooLong(maxLength);
                    }
                }
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            ArrayPool<byte>.Shared.Return(buffer);

            // As HttpClient reports a connection lost while it buffers, so callers keep catching one exception type.
            throw new HttpRequestException("Error while copying content to a stream.", exception);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new ResponseBody(buffer, filled);
    }

    private static byte[] Grow(byte[] buffer, long maxLength)
    {
        if (buffer.Length >= maxLength || buffer.Length == int.MaxValue)
        {
            throw TooLong(maxLength);
        }

        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Min((long)buffer.Length * 2, maxLength + 1), int.MaxValue));
        System.Buffer.BlockCopy(buffer, 0, grown, 0, buffer.Length);
        ArrayPool<byte>.Shared.Return(buffer);
        return grown;
    }

    private static TimeSpan Elapsed(long since) =>
        TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - since) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));

    // HttpClient's own words for the same two failures, so callers that match on them see no difference.
    private static HttpRequestException TooLong(long maxLength) =>
        new(string.Format(CultureInfo.InvariantCulture, "Cannot write more bytes to the buffer than the configured maximum buffer size: {0}.", maxLength));

    private static TaskCanceledException TimedOut(TimeSpan timeout, Exception? inner) =>
        new(
            string.Format(CultureInfo.InvariantCulture, "The request was canceled due to the configured HttpClient.Timeout of {0} seconds elapsing.", timeout.TotalSeconds),
            new TimeoutException(inner?.Message ?? "The operation has timed out.", inner));
}
