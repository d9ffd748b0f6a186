using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.CallModes;
using UiPathClients.Runtime.CommunicationsMining;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Paging;
using UiPathClients.Runtime.Rest;
using UiPathClients.Runtime.Tests.Paging;
using UiPathClients.Runtime.Tests.Rest;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Http;

/// <summary>
/// A 50 MB error answer is read only as far as its first 64 KB, wherever an error body is read (OData, REST,
/// Communications Mining, API triggers), and what reaches the exception says it was cut. The body is a stream that
/// makes its bytes up as they are read and counts them, so the test holds nothing and measures no time.
/// </summary>
public sealed class ErrorBodyCapTests
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;
    private const int Cap = 64 * 1024;

    /// <summary>An error body of <see cref="FiftyMegabytes"/>, announced or not, that counts what was read of it.</summary>
    private sealed class EndlessErrorBody : Stream
    {
        private long _position;

        public long BytesRead => _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, FiftyMegabytes - _position);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            _position += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = (int)Math.Min(buffer.Length, FiftyMegabytes - _position);
            buffer.Span.Slice(0, n).Fill((byte)'x');
            _position += n;
            return ValueTask.FromResult(n);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static HttpResponseMessage Answer(EndlessErrorBody body, HttpStatusCode status, bool announced)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/html");
        if (announced)
        {
            content.Headers.ContentLength = FiftyMegabytes;
        }

        return new HttpResponseMessage(status) { Content = content };
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OData_reads_64_KB_of_a_50_MB_error_and_says_so(bool announced)
    {
        var body = new EndlessErrorBody();
        using var handler = new RecordingHandler(_ => Answer(body, HttpStatusCode.InternalServerError, announced));
        using var http = handler.CreateClient();

        var failure = await Assert.ThrowsAsync<ODataRequestException>(() => ODataCollectionReader.GetPageAsync(http, new Uri("Jobs", UriKind.Relative), PagingJsonContext.Default.JobRow));

        Assert.InRange(body.BytesRead, Cap, Cap + 1);
        Assert.Equal(new string('x', Cap) + "… (truncated, 65536 bytes read)", failure.ResponseBody);
    }

    [Fact]
    public async Task REST_reads_64_KB_of_a_50_MB_error()
    {
        var body = new EndlessErrorBody();
        using var handler = new RecordingHandler(_ => Answer(body, HttpStatusCode.BadGateway, announced: false));
        var connection = RestTest.Connection(handler);

        var failure = await Assert.ThrowsAsync<RestApiException>(() => connection.CreateRequest("GET", "/api/v1/items").SendAsync<Page>());

        Assert.InRange(body.BytesRead, Cap, Cap + 1);
        Assert.Equal(new string('x', 4096) + "…", failure.ResponseBody);
    }

    [Fact]
    public async Task Communications_Mining_reads_64_KB_of_a_50_MB_error_and_says_so()
    {
        var body = new EndlessErrorBody();
        using var response = Answer(body, HttpStatusCode.BadGateway, announced: true);

        var failure = await Assert.ThrowsAsync<CommunicationsMiningTransportException>(() => CommunicationsMiningResponse.EnsureSuccessAsync(response));

        Assert.InRange(body.BytesRead, Cap, Cap + 1);
        Assert.Contains("longer than 65536 bytes; the rest was not read", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task API_triggers_read_64_KB_of_a_50_MB_error_and_say_so(HttpStatusCode status)
    {
        var body = new EndlessErrorBody();
        using var handler = new RecordingHandler(_ => Answer(body, status, announced: false));
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new ApiTriggerClient(http, new Uri("https://cloud.test/org/tenant/orchestrator_/"));

        var failure = await Assert.ThrowsAnyAsync<ApiTriggerException>(() => client.InvokeAsync("invoices/process", null, new ApiTriggerOptions { CallMode = ApiTriggerCallMode.LongPolling }));

        Assert.InRange(body.BytesRead, Cap, Cap + 1);
        Assert.Equal(new string('x', Cap) + "… (truncated, 65536 bytes read)", failure.ResponseBody);
    }

    [Fact]
    public async Task The_token_endpoint_reads_64_KB_of_a_50_MB_error()
    {
        var body = new EndlessErrorBody();
        using var handler = new RecordingHandler(_ => Answer(body, HttpStatusCode.BadGateway, announced: false));
        using var http = new HttpClient(handler);
        var tokens = TestIdentity.ClientCredentials(http, new Uri("https://cloud.test/"));

        var failure = await Assert.ThrowsAsync<AuthenticationFailedException>(() => tokens.GetTokenAsync(null, CancellationToken.None));

        Assert.InRange(body.BytesRead, Cap, Cap + 1);
        Assert.Equal(HttpStatusCode.BadGateway, failure.StatusCode);
    }
}
