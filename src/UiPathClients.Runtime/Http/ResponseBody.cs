using System;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
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

    private ResponseBody(byte[] buffer, int length, bool isTruncated = false)
    {
        _buffer = buffer;
        _length = length;
        IsTruncated = isTruncated;
    }

    /// <summary>
    /// The most bytes of an error answer that are read. An error body goes into an exception and often a log: any
    /// service's error fits, while a proxy's 50 MB page is cut after this much instead of being held whole.
    /// </summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>Whether the answer went on after <see cref="Length"/> bytes and the rest was not read.</summary>
    public bool IsTruncated { get; }

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

    /// <summary>The body as UTF-8 text for an exception; a cut body ends visibly in <c>… (truncated, N bytes read)</c>.</summary>
    public string ToText() => ToText(_length);

    /// <summary>
    /// At most the first <paramref name="maxBytes"/> of the body as UTF-8 text, for an exception about a body read whole
    /// (a success answer that turned out unreadable): it ends visibly in <c>… (truncated, N bytes read)</c> when cut here or
    /// when reading stopped at a limit.
    /// </summary>
    public string ToText(int maxBytes)
    {
        var buffer = Buffer;
        var length = Math.Min(_length, maxBytes);
        var cut = IsTruncated || length < _length;

        // Without flushing, the bytes of a character cut in half stay in the decoder instead of becoming '\uFFFD'.
        var chars = new char[Encoding.UTF8.GetMaxCharCount(length)];
        var count = Encoding.UTF8.GetDecoder().GetChars(buffer, 0, length, chars, 0, flush: !cut);
        var text = new string(chars, 0, count);
        return cut ? text + string.Format(CultureInfo.InvariantCulture, "… (truncated, {0} bytes read)", _length) : text;
    }

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
    public static Task<ResponseBody> ReadAsync(HttpClient http, HttpContent? content, long sentAt, CancellationToken cancellationToken) =>
        ReadWithinTimeoutAsync(http, content, sentAt, truncateAfter: null, cancellationToken);

    /// <summary>
    /// Reads an error answer's body as <see cref="ReadAsync(HttpClient, HttpContent?, long, CancellationToken)"/> does, but
    /// only its first <see cref="MaxErrorBodyBytes"/>: the rest is neither read nor held (<see cref="IsTruncated"/>).
    /// </summary>
    public static Task<ResponseBody> ReadErrorAsync(HttpClient http, HttpContent? content, long sentAt, CancellationToken cancellationToken) =>
        ReadWithinTimeoutAsync(http, content, sentAt, MaxErrorBodyBytes, cancellationToken);

    /// <summary>
    /// Reads the first <see cref="MaxErrorBodyBytes"/> of an error answer's body where no <see cref="HttpClient"/> deadline
    /// applies (a pipeline step runs inside the client's own; callers with a clock of their own cancel through
    /// <paramref name="cancellationToken"/>).
    /// </summary>
    public static async Task<ResponseBody> ReadErrorAsync(HttpContent? content, CancellationToken cancellationToken) =>
        content is null ? Empty : await ReadToEndAsync(content, MaxErrorBodyBytes, truncate: true, cancellationToken).ConfigureAwait(false);

    private static async Task<ResponseBody> ReadWithinTimeoutAsync(HttpClient http, HttpContent? content, long sentAt, int? truncateAfter, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return Empty;
        }

        var maxLength = Math.Min(http.MaxResponseContentBufferSize, truncateAfter ?? long.MaxValue);
        var truncate = truncateAfter is not null;
        var timeout = http.Timeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await ReadToEndAsync(content, maxLength, truncate, cancellationToken).ConfigureAwait(false);
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
            return await ReadToEndAsync(content, maxLength, truncate, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(timeout, exception);
        }
    }

    /// <summary>
    /// Reads <paramref name="content"/> to its end into a pooled buffer of at most <paramref name="maxLength"/> bytes;
    /// a longer body fails, or with <paramref name="truncate"/> is cut there without reading further.
    /// </summary>
    private static async Task<ResponseBody> ReadToEndAsync(HttpContent content, long maxLength, bool truncate, CancellationToken cancellationToken)
    {
        var announced = content.Headers.ContentLength;
        if (announced > maxLength && !truncate)
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
        var buffer = ArrayPool<byte>.Shared.Rent(announced is { } length ? (int)Math.Min(Math.Min(length, maxLength) + 1, MaxFirstBuffer) : UnannouncedLengthBuffer);
        var filled = 0;
        var truncated = false;
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

                    // Never more than one byte past the limit: that byte tells a body of exactly the limit from a longer one.
                    var room = (int)Math.Min(buffer.Length - filled, maxLength + 1 - filled);
#if NET5_0_OR_GREATER
                    var read = await stream.ReadAsync(buffer.AsMemory(filled, room), cancellationToken).ConfigureAwait(false);
#else
                    var read = await stream.ReadAsync(buffer, filled, room, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        break;
                    }

                    filled += read;
                    if (filled > maxLength)
                    {
                        if (!truncate)
                        {
                            throw TooLong(maxLength);
                        }

                        filled = (int)maxLength;
                        truncated = true;
                        break;
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

        return new ResponseBody(buffer, filled, truncated);
    }

    private static byte[] Grow(byte[] buffer, long maxLength)
    {
        // Room for one byte past the limit, which tells a body of exactly the limit from a longer one.
        if (buffer.Length > maxLength || buffer.Length == int.MaxValue)
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
