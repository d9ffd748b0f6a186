using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using UiPathClients.Runtime.Webhooks;

namespace UiPathClients.Runtime.Tests.Webhooks;

public sealed class UiPathWebhookReaderTests
{
    private const string Secret = "s3cr3t-value";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"Type":"job.completed","EventId":"e9","Job":{"Id":5,"State":"Successful"}}""");

    [Fact]
    public async Task A_signed_body_is_accepted_and_parsed()
    {
        var result = await UiPathWebhookReader.ReadAsync(new MemoryStream(Body), UiPathWebhookSignature.Compute(Body, Secret), Secret);

        Assert.Equal(UiPathWebhookReadStatus.Accepted, result.Status);
        Assert.Equal(5, Assert.IsType<UiPathJobWebhookEvent>(result.Event).Job!.Id);
        Assert.DoesNotContain(Secret, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_signature_is_refused_before_the_body_is_read()
    {
        var stream = new CountingStream(Body);

        var result = await UiPathWebhookReader.ReadAsync(stream, null, Secret);

        Assert.Equal(UiPathWebhookReadStatus.SignatureMissing, result.Status);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task A_malformed_signature_is_refused_before_the_body_is_read()
    {
        var stream = new CountingStream(Body);

        var result = await UiPathWebhookReader.ReadAsync(stream, "garbage", Secret);

        Assert.Equal(UiPathWebhookReadStatus.SignatureMalformed, result.Status);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task A_signature_under_another_secret_is_a_mismatch_and_nothing_is_parsed()
    {
        var result = await UiPathWebhookReader.ReadAsync(new MemoryStream(Body), UiPathWebhookSignature.Compute(Body, "other"), Secret);

        Assert.Equal(UiPathWebhookReadStatus.SignatureMismatch, result.Status);
        Assert.Null(result.Event);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_a_payload_is_malformed()
    {
        var body = Encoding.UTF8.GetBytes("{\"Type\":");

        var result = await UiPathWebhookReader.ReadAsync(new MemoryStream(body), UiPathWebhookSignature.Compute(body, Secret), Secret);

        Assert.Equal(UiPathWebhookReadStatus.MalformedBody, result.Status);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_read_only_up_to_the_limit()
    {
        var body = new byte[100_000];
        var stream = new CountingStream(body);

        var result = await UiPathWebhookReader.ReadAsync(stream, UiPathWebhookSignature.Compute(body, Secret), Secret, maxBodyBytes: 1_000);

        Assert.Equal(UiPathWebhookReadStatus.BodyTooLarge, result.Status);
        Assert.Equal(1_001, stream.BytesRead);
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_read()
    {
        var bytes = await UiPathWebhookReader.ReadBodyAsync(new MemoryStream(Body), Body.Length);

        Assert.Equal(Body, bytes);
        Assert.Null(await UiPathWebhookReader.ReadBodyAsync(new MemoryStream(Body), Body.Length - 1));
        Assert.Equal(1024 * 1024, UiPathWebhookReader.DefaultMaxBodyBytes);
    }

    // MemoryStream's ReadAsync overloads read through these two, so every byte is counted once.
    private sealed class CountingStream(byte[] content) : MemoryStream(content)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Count(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(base.Read(buffer));

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
