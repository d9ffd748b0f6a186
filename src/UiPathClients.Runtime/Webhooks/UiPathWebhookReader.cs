using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace UiPathClients.Runtime.Webhooks;

/// <summary>The outcome of <see cref="UiPathWebhookReader.ReadAsync"/>, in the order the checks run.</summary>
public enum UiPathWebhookReadStatus
{
    /// <summary>The signature is valid and the body parsed: <see cref="UiPathWebhookReadResult.Event"/> is set.</summary>
    Accepted,
    /// <summary>No signature header; the body was not read.</summary>
    SignatureMissing,
    /// <summary>The signature header is not the Base64 of an HMAC-SHA256; the body was not read.</summary>
    SignatureMalformed,
    /// <summary>The body is larger than the limit; it was read only up to the limit.</summary>
    BodyTooLarge,
    /// <summary>The signature does not match the body (wrong secret or altered body); the body was not parsed.</summary>
    SignatureMismatch,
    /// <summary>The signature is valid but the body is not a well-formed webhook payload.</summary>
    MalformedBody,
}

/// <summary>What <see cref="UiPathWebhookReader.ReadAsync"/> found.</summary>
public sealed class UiPathWebhookReadResult
{
    internal UiPathWebhookReadResult(UiPathWebhookReadStatus status, UiPathWebhookEvent? webhookEvent = null, string? error = null)
    {
        Status = status;
        Event = webhookEvent;
        Error = error;
    }

    /// <summary>The outcome.</summary>
    public UiPathWebhookReadStatus Status { get; }
    /// <summary>The event, when <see cref="Status"/> is <see cref="UiPathWebhookReadStatus.Accepted"/>.</summary>
    public UiPathWebhookEvent? Event { get; }
    /// <summary>What is wrong with the body, when <see cref="Status"/> is <see cref="UiPathWebhookReadStatus.MalformedBody"/>.</summary>
    public string? Error { get; }

    /// <inheritdoc />
    public override string ToString() => Event is null ? Status.ToString() : $"{Status}: {Event}";
}

/// <summary>
/// Reads a webhook request from its body stream: refuses a missing or malformed signature before reading, reads at
/// most a bounded number of bytes, checks the HMAC over exactly those bytes, and only then parses them.
/// </summary>
public static class UiPathWebhookReader
{
    /// <summary>The largest body read by default (1 MiB); Orchestrator's payloads are a few kilobytes.</summary>
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>Verifies and parses one webhook request.</summary>
    /// <param name="body">The request body stream (not disposed).</param>
    /// <param name="signatureHeader">The <c>X-UiPath-Signature</c> header, or <see langword="null"/> when absent.</param>
    /// <param name="secret">The webhook's secret.</param>
    /// <param name="maxBodyBytes">The largest body accepted.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The outcome; bad input never throws.</returns>
    public static async Task<UiPathWebhookReadResult> ReadAsync(Stream body, string? signatureHeader, string secret, int maxBodyBytes = DefaultMaxBodyBytes, CancellationToken cancellationToken = default)
    {
        if (body is null) throw new ArgumentNullException(nameof(body));
        if (string.IsNullOrEmpty(secret)) throw new ArgumentException("The webhook secret must not be empty.", nameof(secret));
        switch (UiPathWebhookSignature.CheckFormat(signatureHeader))
        {
            case UiPathWebhookSignatureStatus.Missing: return new UiPathWebhookReadResult(UiPathWebhookReadStatus.SignatureMissing);
            case UiPathWebhookSignatureStatus.Malformed: return new UiPathWebhookReadResult(UiPathWebhookReadStatus.SignatureMalformed);
        }

        var bytes = await ReadBodyAsync(body, maxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null) return new UiPathWebhookReadResult(UiPathWebhookReadStatus.BodyTooLarge);
        if (UiPathWebhookSignature.Check(bytes, signatureHeader, secret) != UiPathWebhookSignatureStatus.Valid)
            return new UiPathWebhookReadResult(UiPathWebhookReadStatus.SignatureMismatch);
        return UiPathWebhookParser.TryParse(bytes, out var webhookEvent, out var error)
            ? new UiPathWebhookReadResult(UiPathWebhookReadStatus.Accepted, webhookEvent)
            : new UiPathWebhookReadResult(UiPathWebhookReadStatus.MalformedBody, error: error);
    }

    /// <summary>Reads <paramref name="body"/> to its end, or gives up once it holds more than <paramref name="maxBodyBytes"/>.</summary>
    /// <param name="body">The stream (not disposed).</param>
    /// <param name="maxBodyBytes">The largest body accepted.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The bytes, or <see langword="null"/> when the body is over the limit.</returns>
    public static async Task<byte[]?> ReadBodyAsync(Stream body, int maxBodyBytes, CancellationToken cancellationToken = default)
    {
        if (body is null) throw new ArgumentNullException(nameof(body));
#if NET8_0_OR_GREATER
        ArgumentOutOfRangeException.ThrowIfNegative(maxBodyBytes);
#else
        if (maxBodyBytes < 0) throw new ArgumentOutOfRangeException(nameof(maxBodyBytes));
#endif
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            // One byte past the limit is enough to know the body is too large.
            var wanted = (int)Math.Min(chunk.Length, (long)maxBodyBytes + 1 - buffer.Length);
#if NET8_0_OR_GREATER
            var read = await body.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken).ConfigureAwait(false);
#else
            var read = await body.ReadAsync(chunk, 0, wanted, cancellationToken).ConfigureAwait(false);
#endif
            if (read == 0) return buffer.ToArray();
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBodyBytes) return null;
        }
    }
}
