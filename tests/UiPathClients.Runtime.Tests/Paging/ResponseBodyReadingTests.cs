using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Paging;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Paging;

/// <summary>
/// The client reads answers itself (headers first, then the body into a pooled buffer) instead of letting HttpClient
/// buffer them: bodies of any size and framing arrive whole, what HttpClient enforces while buffering still holds
/// (its size limit, its timeout), cancellation reaches the body, and nothing read keeps pointing into a buffer that
/// the next answer reuses.
/// </summary>
public sealed class ResponseBodyReadingTests
{
    private static readonly Uri Jobs = new("odata/Jobs", UriKind.Relative);

    [Fact]
    public async Task A_page_of_megabytes_sent_in_chunks_without_a_length_is_read_whole()
    {
        var page = PageJson(Enumerable.Range(1, 5000));
        Assert.True(page.Length > 1_000_000, $"{page.Length} bytes");
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", (HttpContext context) => WriteInChunksAsync(context, page, chunk: 4096)));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var read = await ODataCollectionReader.GetPageAsync(http, Jobs, ReadingJsonContext.Default.NamedRow);

        Assert.Equal(Enumerable.Range(1, 5000).Select(id => (long)id), read.Items.Select(row => row.Id));
        Assert.All(read.Items, row => Assert.Equal(NameOf(row.Id), row.Name));
        Assert.Equal(5000, read.Count);
    }

    [Fact]
    public async Task A_page_announced_with_its_length_and_delivered_a_few_bytes_at_a_time_is_read_whole()
    {
        var page = PageJson(Enumerable.Range(1, 300));
        using var handler = new RecordingHandler(_ => Answer(new TrickleStream(page, maxRead: 7), page.Length));
        using var http = handler.CreateClient();

        var read = await ODataCollectionReader.GetPageAsync(http, Jobs, ReadingJsonContext.Default.NamedRow);

        Assert.Equal(Enumerable.Range(1, 300).Select(id => (long)id), read.Items.Select(row => row.Id));
        Assert.All(read.Items, row => Assert.Equal(NameOf(row.Id), row.Name));
    }

    [Fact]
    public async Task A_length_of_a_power_of_two_leaves_no_room_and_still_reads_to_the_end()
    {
        // Pooled arrays come in powers of two: a body exactly that long fills the first buffer before the end is seen.
        var page = Padded(PageJson(Enumerable.Range(1, 40)), 16 * 1024);
        using var handler = new RecordingHandler(_ => Answer(new TrickleStream(page, maxRead: 4096), page.Length));
        using var http = handler.CreateClient();

        var read = await ODataCollectionReader.GetPageAsync(http, Jobs, ReadingJsonContext.Default.NamedRow);

        Assert.Equal(40, read.Items.Count);
    }

    [Fact]
    public async Task Items_read_from_a_page_stay_intact_after_later_pages_reuse_its_buffer()
    {
        // Strings and kept unknown properties (JsonElement) of page 1 must not point into the buffer page 2 is read into.
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", (HttpRequest request) =>
        {
            var first = request.Query.TryGetValue("page", out var page) ? int.Parse(page!, System.Globalization.CultureInfo.InvariantCulture) : 1;
            var ids = Enumerable.Range((first - 1) * 200 + 1, 200);
            return Results.Bytes(PageJson(ids, nextLink: first < 4 ? "Jobs?page=" + (first + 1) : null), "application/json");
        }));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var rows = new List<NamedRow>();
        await foreach (var row in ODataCollectionReader.EnumerateAsync(http, Jobs, ReadingJsonContext.Default.NamedRow, pageSize: 200))
        {
            rows.Add(row);
        }

        Assert.Equal(800, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(NameOf(row.Id), row.Name);
            Assert.Equal(row.Id * 3, row.Unknown!["Extra"].GetProperty("Tripled").GetInt64());
        });
    }

    [Fact]
    public async Task A_body_beyond_the_clients_MaxResponseContentBufferSize_fails_as_HttpClient_would()
    {
        var page = PageJson(Enumerable.Range(1, 100));
        using var announced = new RecordingHandler(_ => Answer(new MemoryStream(page), page.Length));
        using var http = announced.CreateClient();
        http.MaxResponseContentBufferSize = 1024;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", (HttpContext context) => WriteInChunksAsync(context, page, chunk: 300)));
        using var chunked = new HttpClient { BaseAddress = server.BaseAddress, MaxResponseContentBufferSize = 1024 };

        var tooLong = await Assert.ThrowsAsync<HttpRequestException>(() => ODataCollectionReader.GetPageAsync(http, Jobs, ReadingJsonContext.Default.NamedRow));
        var tooLongChunked = await Assert.ThrowsAsync<HttpRequestException>(() => ODataCollectionReader.GetPageAsync(chunked, Jobs, ReadingJsonContext.Default.NamedRow));

        Assert.Contains("maximum buffer size: 1024", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("maximum buffer size: 1024", tooLongChunked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_clients_Timeout_covers_a_body_that_stops_arriving()
    {
        var sentHeaders = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", (HttpContext context) => StallAfterHalfAsync(context, sentHeaders)));
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(500) };

        var failure = await Assert.ThrowsAsync<TaskCanceledException>(() => ODataCollectionReader.GetPageAsync(http, Jobs, ReadingJsonContext.Default.NamedRow));

        Assert.True(sentHeaders.Task.IsCompleted, "The server never answered: the timeout did not come from reading the body.");
        Assert.IsType<TimeoutException>(failure.InnerException);
        Assert.Contains("HttpClient.Timeout of 0.5 seconds", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_while_the_body_arrives_stops_the_read()
    {
        var sentHeaders = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", (HttpContext context) => StallAfterHalfAsync(context, sentHeaders)));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var cancellation = new CancellationTokenSource();

        var reading = ODataCollectionReader.GetPageAsync(http, Jobs, ReadingJsonContext.Default.NamedRow, cancellation.Token);
        await sentHeaders.Task;
        await cancellation.CancelAsync();

        var failure = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.IsNotType<TimeoutException>(failure.InnerException);
    }

    [Fact]
    public async Task An_error_answer_sent_in_chunks_keeps_its_code_and_message_and_its_first_64_KB()
    {
        var trace = new string('x', 200_000);
        var error = "{\"error\":{\"code\":\"1002\",\"message\":\"The filter is invalid.\",\"innererror\":{\"trace\":\"" + trace + "\"}}}";
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", (HttpContext context) =>
        {
            context.Response.StatusCode = 400;
            return WriteInChunksAsync(context, Encoding.UTF8.GetBytes(error), chunk: 8192);
        }));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var failure = await Assert.ThrowsAsync<ODataRequestException>(() => ODataCollectionReader.GetPageAsync(http, Jobs, ReadingJsonContext.Default.NamedRow));

        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.Equal("1002", failure.ErrorCode);
        Assert.Equal("The filter is invalid.", failure.ServiceMessage);
        Assert.Equal(error.Substring(0, 64 * 1024) + "… (truncated, 65536 bytes read)", failure.ResponseBody);
    }

    [Fact]
    public async Task A_connection_lost_in_the_body_is_an_HttpRequestException_as_when_HttpClient_buffers()
    {
        var page = PageJson(Enumerable.Range(1, 50));
        using var handler = new RecordingHandler(_ => Answer(new BrokenStream(page, failAfter: page.Length / 2), page.Length));
        using var http = handler.CreateClient();

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => ODataCollectionReader.GetPageAsync(http, Jobs, ReadingJsonContext.Default.NamedRow));

        Assert.IsType<IOException>(failure.InnerException);
    }

    [Fact]
    public async Task A_malformed_body_names_what_was_received()
    {
        using var handler = new RecordingHandler(_ => RecordingHandler.Json("{\"value\":[{\"Id\":1,\"Name\":\"one\"},{\"Id\":"));
        using var http = handler.CreateClient();

        var failure = await Assert.ThrowsAsync<ODataResponseException>(() => ODataCollectionReader.GetPageAsync(http, Jobs, ReadingJsonContext.Default.NamedRow));

        Assert.Equal("{\"value\":[{\"Id\":1,\"Name\":\"one\"},{\"Id\":", failure.ResponseBody);
        Assert.IsAssignableFrom<JsonException>(failure.InnerException);
    }

    private static string NameOf(long id) => "job " + id + " " + new string((char)('a' + id % 26), 200);

    private static byte[] PageJson(IEnumerable<int> ids, string? nextLink = null)
    {
        var json = new StringBuilder("{\"@odata.context\":\"$metadata#Jobs\",\"@odata.count\":").Append(ids.Count()).Append(",\"value\":[");
        json.AppendJoin(",", ids.Select(id => "{\"Id\":" + id + ",\"Name\":\"" + NameOf(id) + "\",\"Extra\":{\"Tripled\":" + id * 3L + "}}"));
        json.Append(']');
        if (nextLink is not null)
        {
            json.Append(",\"@odata.nextLink\":\"").Append(nextLink).Append('"');
        }

        return Encoding.UTF8.GetBytes(json.Append('}').ToString());
    }

    /// <summary>The page with white space before its closing brace, so it is exactly <paramref name="length"/> bytes.</summary>
    private static byte[] Padded(byte[] page, int length)
    {
        Assert.True(page.Length < length);
        var padded = new byte[length];
        page.AsSpan(0, page.Length - 1).CopyTo(padded);
        padded.AsSpan(page.Length - 1, length - page.Length).Fill((byte)' ');
        padded[^1] = (byte)'}';
        return padded;
    }

    private static HttpResponseMessage Answer(Stream body, long length)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json;odata.metadata=minimal");
        content.Headers.ContentLength = length;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static async Task WriteInChunksAsync(HttpContext context, byte[] body, int chunk)
    {
        // No Content-Length: Kestrel sends the body chunked, one chunk per flush.
        context.Response.ContentType = "application/json";
        for (var offset = 0; offset < body.Length; offset += chunk)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(chunk, body.Length - offset)));
            await context.Response.Body.FlushAsync();
        }
    }

    private static async Task StallAfterHalfAsync(HttpContext context, TaskCompletionSource sentHeaders)
    {
        var page = PageJson(Enumerable.Range(1, 10));
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = page.Length;
        await context.Response.Body.WriteAsync(page.AsMemory(0, page.Length / 2));
        await context.Response.Body.FlushAsync();
        sentHeaders.SetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up and closed the connection, which is what the test wants.
        }
    }

    /// <summary>A body whose connection drops after <paramref name="failAfter"/> bytes.</summary>
    private sealed class BrokenStream(byte[] body, int failAfter) : MemoryStream(body, writable: false)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= failAfter
                ? throw new IOException("The connection was reset.")
                : base.ReadAsync(buffer[..Math.Min(buffer.Length, failAfter - (int)Position)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>A body that arrives a few bytes per read, as a slow network delivers it.</summary>
    private sealed class TrickleStream(byte[] body, int maxRead) : MemoryStream(body, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, maxRead));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, maxRead)]);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, maxRead), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, maxRead)], cancellationToken);
    }
}

public sealed class NamedRow
{
    public long Id { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

[JsonSerializable(typeof(NamedRow))]
internal sealed partial class ReadingJsonContext : JsonSerializerContext;
