using System;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace UiPathClients.Runtime.Webhooks;

/// <summary>What <see cref="UiPathWebhookSignature.Check"/> found in a request's signature header.</summary>
public enum UiPathWebhookSignatureStatus
{
    /// <summary>The header is the HMAC-SHA256 of the body under the secret.</summary>
    Valid,
    /// <summary>The request carries no signature header (or an empty one).</summary>
    Missing,
    /// <summary>The header is not the Base64 of a 32-byte HMAC-SHA256.</summary>
    Malformed,
    /// <summary>The header is well formed but is not the body's HMAC under this secret (wrong secret or altered body).</summary>
    Mismatch,
}

/// <summary>
/// Checks the <c>X-UiPath-Signature</c> header Orchestrator puts on every webhook request: the Base64 of
/// HMAC-SHA256 over the raw body bytes, keyed with the UTF-8 bytes of the webhook's <c>Secret</c>.
/// Bad input is answered with a status, never an exception; the comparison takes the same time wherever the
/// signatures differ, so a caller cannot learn a valid signature byte by byte.
/// </summary>
public static class UiPathWebhookSignature
{
    /// <summary>The request header that carries the signature.</summary>
    public const string HeaderName = "X-UiPath-Signature";

    private const int HashSizeInBytes = 32;

    /// <summary>The signature Orchestrator sends for <paramref name="body"/> under <paramref name="secret"/>.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="secret">The webhook's secret.</param>
    /// <returns>The Base64 of HMAC-SHA256(UTF-8(secret), body).</returns>
    public static string Compute(byte[] body, string secret) => Convert.ToBase64String(ComputeHash(body, secret));

    /// <summary>Whether <paramref name="signatureHeader"/> is the signature of <paramref name="body"/> under <paramref name="secret"/>.</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>X-UiPath-Signature</c> header, or <see langword="null"/> when absent.</param>
    /// <param name="secret">The webhook's secret.</param>
    /// <returns><see langword="true"/> only for <see cref="UiPathWebhookSignatureStatus.Valid"/>.</returns>
    public static bool Verify(byte[] body, string? signatureHeader, string secret) =>
        Check(body, signatureHeader, secret) == UiPathWebhookSignatureStatus.Valid;

    /// <summary>Checks <paramref name="signatureHeader"/> against <paramref name="body"/> and says what is wrong, if anything.</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>X-UiPath-Signature</c> header, or <see langword="null"/> when absent.</param>
    /// <param name="secret">The webhook's secret.</param>
    /// <returns>The verdict; never throws for any header value.</returns>
    public static UiPathWebhookSignatureStatus Check(byte[] body, string? signatureHeader, string secret)
    {
        if (body is null) throw new ArgumentNullException(nameof(body));
        var status = CheckFormat(signatureHeader, out var received);
        if (status != UiPathWebhookSignatureStatus.Valid) return status;
        return FixedTimeEquals(ComputeHash(body, secret), received!) ? UiPathWebhookSignatureStatus.Valid : UiPathWebhookSignatureStatus.Mismatch;
    }

    /// <summary>
    /// Checks only the header's shape (present, Base64 of 32 bytes), so a request without a usable signature can be
    /// refused before its body is read.
    /// </summary>
    /// <param name="signatureHeader">The header value, or <see langword="null"/> when absent.</param>
    /// <returns><see cref="UiPathWebhookSignatureStatus.Valid"/> when the shape is right (the HMAC is not checked).</returns>
    public static UiPathWebhookSignatureStatus CheckFormat(string? signatureHeader) => CheckFormat(signatureHeader, out _);

    private static UiPathWebhookSignatureStatus CheckFormat(string? signatureHeader, out byte[]? decoded)
    {
        decoded = null;
        if (string.IsNullOrWhiteSpace(signatureHeader)) return UiPathWebhookSignatureStatus.Missing;
        // A 32-byte hash is 44 Base64 characters; a longer header is refused before it is decoded.
        var trimmed = signatureHeader!.Trim();
        if (trimmed.Length != 44) return UiPathWebhookSignatureStatus.Malformed;
        try
        {
            decoded = Convert.FromBase64String(trimmed);
        }
        catch (FormatException)
        {
            return UiPathWebhookSignatureStatus.Malformed;
        }
        return decoded.Length == HashSizeInBytes ? UiPathWebhookSignatureStatus.Valid : UiPathWebhookSignatureStatus.Malformed;
    }

    private static byte[] ComputeHash(byte[] body, string secret)
    {
        if (body is null) throw new ArgumentNullException(nameof(body));
        if (string.IsNullOrEmpty(secret)) throw new ArgumentException("The webhook secret must not be empty.", nameof(secret));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return hmac.ComputeHash(body);
    }

    private static bool FixedTimeEquals(byte[] expected, byte[] received)
    {
#if NET8_0_OR_GREATER
        return CryptographicOperations.FixedTimeEquals(expected, received);
#else
        return FixedTimeEqualsWithoutCryptographicOperations(expected, received);
#endif
    }

    /// <summary>
    /// The comparison netstandard2.0 uses, where <c>CryptographicOperations.FixedTimeEquals</c> does not exist. Compiled on
    /// every target, so the tests (which run on a newer framework) check it against <c>CryptographicOperations</c>.
    /// </summary>
    /// <remarks>
    /// Constant time: there is no early exit. Every byte pair is compared and the differences are OR-ed together, so the
    /// time taken depends on the length only, never on where (or whether) the contents differ. The length is not secret
    /// (a signature is always 32 bytes, CheckFormat makes sure of it) and is compared first, as the BCL method does.
    /// Neither inlined nor optimised, as the BCL method, so the JIT cannot turn the loop into one that stops early.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    internal static bool FixedTimeEqualsWithoutCryptographicOperations(byte[] left, byte[] right)
    {
        if (left.Length != right.Length) return false;
        var difference = 0;
        for (var i = 0; i < left.Length; i++) difference |= left[i] ^ right[i];
        return difference == 0;
    }
}
