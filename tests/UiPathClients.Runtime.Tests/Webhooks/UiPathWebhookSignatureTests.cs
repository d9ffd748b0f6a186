using System;
using System.Security.Cryptography;
using System.Text;
using UiPathClients.Runtime.Webhooks;

namespace UiPathClients.Runtime.Tests.Webhooks;

public sealed class UiPathWebhookSignatureTests
{
    private const string Secret = "1234567890";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"Type\":\"job.started\",\"EventId\":\"e1\"}");

    [Fact]
    public void Compute_matches_the_RFC_4231_known_answer()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        var expected = Convert.ToBase64String(Convert.FromHexString("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));

        Assert.Equal(expected, UiPathWebhookSignature.Compute(Encoding.UTF8.GetBytes("what do ya want for nothing?"), "Jefe"));
        Assert.True(UiPathWebhookSignature.Verify(Encoding.UTF8.GetBytes("what do ya want for nothing?"), expected, "Jefe"));
    }

    [Fact]
    public void A_signature_computed_independently_over_the_raw_body_is_valid()
    {
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body));

        Assert.Equal(UiPathWebhookSignatureStatus.Valid, UiPathWebhookSignature.Check(Body, signature, Secret));
    }

    [Fact]
    public void The_secret_is_keyed_as_UTF8()
    {
        const string secret = "clé-секрет";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Body));

        Assert.True(UiPathWebhookSignature.Verify(Body, signature, secret));
        Assert.False(UiPathWebhookSignature.Verify(Body, signature, "cl?-??????"));
    }

    [Fact]
    public void A_tampered_body_is_a_mismatch()
    {
        var signature = UiPathWebhookSignature.Compute(Body, Secret);
        var tampered = (byte[])Body.Clone();
        tampered[^2] ^= 1;

        Assert.Equal(UiPathWebhookSignatureStatus.Mismatch, UiPathWebhookSignature.Check(tampered, signature, Secret));
    }

    [Fact]
    public void A_wrong_secret_is_a_mismatch()
    {
        var signature = UiPathWebhookSignature.Compute(Body, "another secret");

        Assert.Equal(UiPathWebhookSignatureStatus.Mismatch, UiPathWebhookSignature.Check(Body, signature, Secret));
        Assert.False(UiPathWebhookSignature.Verify(Body, signature, Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_header_is_missing(string? header) =>
        Assert.Equal(UiPathWebhookSignatureStatus.Missing, UiPathWebhookSignature.Check(Body, header, Secret));

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("sha256=abcdef")]
    [InlineData("AAAA")] // Base64, but 3 bytes
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")] // 44 characters, not Base64
    public void A_header_that_is_not_a_Base64_HMAC_is_malformed_without_throwing(string header) =>
        Assert.Equal(UiPathWebhookSignatureStatus.Malformed, UiPathWebhookSignature.Check(Body, header, Secret));

    [Fact]
    public void A_hex_signature_of_the_right_hash_is_not_accepted()
    {
        var hex = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body));

        Assert.False(UiPathWebhookSignature.Verify(Body, hex, Secret));
    }

    [Fact]
    public void An_empty_secret_is_a_programming_error_whose_message_holds_no_secret()
    {
        var exception = Assert.Throws<ArgumentException>(() => UiPathWebhookSignature.Compute(Body, ""));
        Assert.Equal("secret", exception.ParamName);
    }

    // The netstandard2.0 comparison (CryptographicOperations does not exist there), run here on net10.0 with the BCL's
    // FixedTimeEquals as the oracle. Its constant time is a property of the code (no early exit), not measured here.
    [Theory]
    [InlineData("", "", true)]
    [InlineData("00", "00", true)]
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", true)]
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "5adcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", false)] // first byte
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "5bdcc146bf60754e6a042426089575c75b003f089d2739839dec58b964ec3843", false)] // a middle byte
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3842", false)] // last byte
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "a4233eb9409f8ab195fbdbd9f76a8a38a5ffc0f762d8c67c6213a7469b13c7bc", false)] // every bit
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec38", false)] // a prefix, one byte short
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec38", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", false)] // one byte longer
    [InlineData("", "00", false)]
    [InlineData("0000", "00", false)]
    public void The_netstandard_comparison_agrees_with_CryptographicOperations(string leftHex, string rightHex, bool equal)
    {
        var left = Convert.FromHexString(leftHex);
        var right = Convert.FromHexString(rightHex);

        Assert.Equal(equal, CryptographicOperations.FixedTimeEquals(left, right));
        Assert.Equal(equal, UiPathWebhookSignature.FixedTimeEqualsWithoutCryptographicOperations(left, right));
        Assert.Equal(equal, UiPathWebhookSignature.FixedTimeEqualsWithoutCryptographicOperations(right, left));
    }

    [Fact]
    public void The_netstandard_comparison_sees_a_flip_of_any_one_bit_of_a_signature()
    {
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body);

        for (var bit = 0; bit < signature.Length * 8; bit++)
        {
            var flipped = (byte[])signature.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));

            Assert.False(CryptographicOperations.FixedTimeEquals(signature, flipped));
            Assert.False(UiPathWebhookSignature.FixedTimeEqualsWithoutCryptographicOperations(signature, flipped), $"bit {bit}");
        }
        Assert.True(UiPathWebhookSignature.FixedTimeEqualsWithoutCryptographicOperations(signature, (byte[])signature.Clone()));
    }
}
