using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using UiPathClients.Runtime.Rest;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Rest;

/// <summary>Request bodies as they reach the handler: media type and exact bytes.</summary>
public sealed class RestRequestBodyTests
{
    private static async Task<RecordedRequest> SendAsync(Func<RestRequest, RestRequest> build)
    {
        var (handler, connection) = RestTest.Recording();
        await build(connection.CreateRequest("POST", "/api/v1/things")).SendAsync();
        return Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_JSON_body_uses_the_service_names_and_leaves_out_null_properties()
    {
        var sent = await SendAsync(request => request.WithJsonBody(new SearchQuery { Filter = "a \"b\"", Shade = Shade.LightBlue }));

        Assert.Equal("application/json; charset=utf-8", sent.ContentType);
        Assert.Equal("{\"filter\":\"a \\u0022b\\u0022\",\"shade\":\"light-blue\"}", sent.Body);
    }

    [Fact]
    public async Task A_JSON_body_keeps_additional_data_the_caller_set()
    {
        var query = new SearchQuery
        {
            Limit = 3,
            AdditionalData = new Dictionary<string, System.Text.Json.JsonElement> { ["extra"] = System.Text.Json.JsonDocument.Parse("[1]").RootElement },
        };

        var sent = await SendAsync(request => request.WithJsonBody(query));

        JsonAssert.Equal("{\"limit\":3,\"extra\":[1]}", sent.Body);
    }

    [Fact]
    public async Task A_JSON_body_may_have_its_own_media_type()
    {
        var sent = await SendAsync(request => request.WithJsonBody(new SearchQuery { Limit = 1 }, "application/merge-patch+json"));

        Assert.Equal("application/merge-patch+json; charset=utf-8", sent.ContentType);
        Assert.Equal("{\"limit\":1}", sent.Body);
    }

    [Fact]
    public async Task A_JSON_body_that_is_not_an_object_is_sent_as_is()
    {
        var sent = await SendAsync(request => request.WithJsonBody((IList<Shade>)new List<Shade> { Shade.Red, Shade.LightBlue }));

        Assert.Equal("application/json; charset=utf-8", sent.ContentType);
        Assert.Equal("[\"red\",\"light-blue\"]", sent.Body);
    }

    [Fact]
    public async Task A_JSON_string_body_is_a_JSON_string()
    {
        var sent = await SendAsync(request => request.WithJsonBody("hi"));

        Assert.Equal("\"hi\"", sent.Body);
    }

    [Fact]
    public async Task A_null_JSON_body_sends_no_content()
    {
        var sent = await SendAsync(request => request.WithJsonBody<SearchQuery?>(null));

        Assert.Null(sent.Body);
        Assert.Null(sent.ContentType);
    }

    [Fact]
    public async Task WithJsonBodyProperty_sets_a_property_on_the_sent_body_but_not_on_the_callers_object()
    {
        var query = new SearchQuery { Filter = "x", ContinuationToken = "old" };

        var sent = await SendAsync(request => request.WithJsonBody(query).WithJsonBodyProperty("continuation", "next"));

        Assert.Equal("{\"filter\":\"x\",\"continuation\":\"next\"}", sent.Body);
        Assert.Equal("old", query.ContinuationToken);
        Assert.Equal("x", query.Filter);
    }

    [Fact]
    public async Task WithJsonBodyProperty_null_removes_the_property()
    {
        var query = new SearchQuery { Filter = "x", ContinuationToken = "old" };

        var sent = await SendAsync(request => request.WithJsonBody(query).WithJsonBodyProperty("continuation", null));

        Assert.Equal("{\"filter\":\"x\"}", sent.Body);
        Assert.Equal("old", query.ContinuationToken);
    }

    [Fact]
    public async Task WithJsonBodyProperty_without_a_body_starts_an_object()
    {
        var sent = await SendAsync(request => request.WithJsonBodyProperty("continuation", "t1"));

        Assert.Equal("application/json; charset=utf-8", sent.ContentType);
        Assert.Equal("{\"continuation\":\"t1\"}", sent.Body);
    }

    [Fact]
    public async Task Two_requests_from_one_body_object_do_not_share_their_properties()
    {
        var (handler, connection) = RestTest.Recording();
        var query = new SearchQuery { Filter = "x" };

        await connection.CreateRequest("POST", "/q").WithJsonBody(query).WithJsonBodyProperty("continuation", "a").SendAsync();
        await connection.CreateRequest("POST", "/q").WithJsonBody(query).SendAsync();

        Assert.Equal(new[] { "{\"filter\":\"x\",\"continuation\":\"a\"}", "{\"filter\":\"x\"}" }, handler.Requests.Select(request => request.Body));
    }

    [Fact]
    public async Task A_text_body_is_UTF8_with_its_media_type()
    {
        var sent = await SendAsync(request => request.WithTextBody("é,ü\n1,2", "text/csv"));

        Assert.Equal("text/csv; charset=utf-8", sent.ContentType);
        Assert.Equal("é,ü\n1,2", sent.Body);
    }

    [Fact]
    public async Task A_text_body_defaults_to_text_plain()
    {
        var sent = await SendAsync(request => request.WithTextBody("hello"));

        Assert.Equal("text/plain; charset=utf-8", sent.ContentType);
        Assert.Equal("hello", sent.Body);
    }

    [Fact]
    public async Task A_stream_body_is_sent_raw_and_the_callers_stream_stays_open()
    {
        using var stream = new TrackingStream(Encoding.UTF8.GetBytes("raw bytes"));

        var sent = await SendAsync(request => request.WithStreamBody(stream, "application/pdf"));

        Assert.Equal("application/pdf", sent.ContentType);
        Assert.Equal("raw bytes", sent.Body);
        Assert.False(stream.Disposed);
        stream.Position = 0;
        Assert.Equal((byte)'r', stream.ReadByte());
    }

    [Fact]
    public async Task A_callers_stream_can_be_rewound_and_sent_again()
    {
        var (handler, connection) = RestTest.Recording();
        using var stream = new TrackingStream(Encoding.UTF8.GetBytes("again"));

        await connection.CreateRequest("PUT", "/blob").WithStreamBody(stream).SendAsync();
        stream.Position = 0;
        await connection.CreateRequest("PUT", "/blob").WithStreamBody(stream).SendAsync();

        Assert.Equal(new[] { "again", "again" }, handler.Requests.Select(request => request.Body));
        Assert.False(stream.Disposed);
    }

    [Fact]
    public async Task A_stream_body_defaults_to_octet_stream()
    {
        using var stream = new MemoryStream(new byte[] { 1, 2, 3 });

        var sent = await SendAsync(request => request.WithStreamBody(stream));

        Assert.Equal("application/octet-stream", sent.ContentType);
    }

    [Fact]
    public async Task A_null_text_or_stream_body_sends_no_content()
    {
        Assert.Null((await SendAsync(request => request.WithTextBody(null))).Body);
        Assert.Null((await SendAsync(request => request.WithStreamBody(null))).Body);
    }

    [Fact]
    public async Task A_form_body_repeats_array_fields_uses_plus_for_spaces_and_leaves_out_nulls()
    {
        var sent = await SendAsync(request => request
            .WithFormField("name", "a b+c&d=e")
            .WithFormField("tags", (IList<string>)new List<string> { "x", "y z" })
            .WithFormField<string?>("missing", null)
            .WithFormField("shade", Shade.LightBlue)
            .WithFormField("count", 3)
            .WithFormField("on", true)
            .WithFormField("é", "ü"));

        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", sent.ContentType);
        Assert.Equal("name=a+b%2Bc%26d%3De&tags=x&tags=y+z&shade=light-blue&count=3&on=true&%C3%A9=%C3%BC", sent.Body);
    }

    [Fact]
    public async Task A_form_object_field_is_its_JSON()
    {
        var sent = await SendAsync(request => request.WithFormField("member", new Member { Role = "admin" }));

        Assert.Equal("member=%7B%22role%22%3A%22admin%22%7D", sent.Body);
    }

    [Fact]
    public async Task A_multipart_body_carries_fields_a_JSON_object_field_and_files()
    {
        using var report = new TrackingStream(Encoding.UTF8.GetBytes("col1,col2\n1,2"));
        using var blob = new TrackingStream(new byte[] { 0x41, 0x42 });

        var sent = await SendAsync(request => request
            .WithMultipartField("title", "Q1 report")
            .WithMultipartField("tags", (IList<string>)new List<string> { "a", "b" })
            .WithMultipartField<string?>("missing", null)
            .WithMultipartField("shade", Shade.LightBlue)
            .WithMultipartField("member", new Member { Role = "admin", FirstName = "Alex" })
            .WithMultipartFile("file", new RestFile(report, "report.csv", "text/csv"))
            .WithMultipartFile("missing-file", null)
            .WithMultipartFiles("attachments", new[] { new RestFile(blob, "blob.bin") }));

        Assert.StartsWith("multipart/form-data; boundary=", sent.ContentType, StringComparison.Ordinal);
        var parts = await ReadMultipartAsync(sent);
        Assert.Equal(
            new[]
            {
                new Part("title", null, "text/plain; charset=utf-8", "Q1 report"),
                new Part("tags", null, "text/plain; charset=utf-8", "a"),
                new Part("tags", null, "text/plain; charset=utf-8", "b"),
                new Part("shade", null, "text/plain; charset=utf-8", "light-blue"),
                new Part("member", null, "application/json; charset=utf-8", "{\"role\":\"admin\",\"firstName\":\"Alex\"}"),
                new Part("file", "report.csv", "text/csv", "col1,col2\n1,2"),
                new Part("attachments", "blob.bin", "application/octet-stream", "AB"),
            },
            parts);
        Assert.False(report.Disposed);
        Assert.False(blob.Disposed);
    }

    [Fact]
    public async Task A_multipart_file_part_names_its_file_in_filename_and_filename_star_without_quotes_inside()
    {
        using var content = new MemoryStream(new byte[] { 1 });

        var sent = await SendAsync(request => request.WithMultipartFile("file", new RestFile(content, "report 2024.csv", "text/csv")));

        Assert.Contains(
            "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report 2024.csv\"; filename*=utf-8''report%202024.csv\r\n",
            sent.Body,
            StringComparison.Ordinal);
        var part = Assert.Single(await ReadMultipartAsync(sent));
        Assert.Equal("file", part.Name);
        Assert.Equal("report 2024.csv", part.FileName);
    }

    [Fact]
    public async Task A_multipart_file_name_with_non_ASCII_letters_reaches_the_server_intact()
    {
        using var content = new MemoryStream(new byte[] { 1 });

        var sent = await SendAsync(request => request.WithMultipartFile("file", new RestFile(content, "résumé 2024.pdf", "application/pdf")));

        Assert.Contains("; filename*=utf-8''r%C3%A9sum%C3%A9%202024.pdf\r\n", sent.Body, StringComparison.Ordinal);
        var part = Assert.Single(await ReadMultipartAsync(sent));
        Assert.Equal("résumé 2024.pdf", part.FileName);
    }

    [Fact]
    public void A_RestFile_needs_content_and_a_file_name()
    {
        Assert.Equal("content", Assert.Throws<ArgumentNullException>(() => new RestFile(null!, "a.txt")).ParamName);
        Assert.Equal("fileName", Assert.Throws<ArgumentException>(() => new RestFile(Stream.Null, string.Empty)).ParamName);
        Assert.Equal("application/octet-stream", new RestFile(Stream.Null, "a.bin", string.Empty).ContentType);
    }

    public static TheoryData<string, string> MixedBodies => new()
    {
        { "json", "text" },
        { "json", "stream" },
        { "json", "form" },
        { "json", "multipart" },
        { "json", "file" },
        { "text", "json" },
        { "text", "property" },
        { "text", "form" },
        { "text", "multipart" },
        { "stream", "text" },
        { "stream", "property" },
        { "form", "json" },
        { "form", "multipart" },
        { "form", "file" },
        { "form", "property" },
        { "multipart", "json" },
        { "multipart", "form" },
        { "multipart", "stream" },
        { "file", "form" },
        { "property", "text" },
        { "property", "form" },
        { "property", "multipart" },
    };

    [Theory]
    [MemberData(nameof(MixedBodies))]
    public void Two_kinds_of_body_are_an_InvalidOperationException(string first, string second)
    {
        var (_, connection) = RestTest.Recording();
        var request = AddBody(connection.CreateRequest("POST", "/x"), first);

        Assert.Throws<InvalidOperationException>(() => AddBody(request, second));
    }

    [Fact]
    public void A_second_JSON_body_is_an_InvalidOperationException()
    {
        var request = RestTest.Recording().Connection.CreateRequest("POST", "/x").WithJsonBody(new SearchQuery());

        Assert.Throws<InvalidOperationException>(() => request.WithJsonBody(new SearchQuery()));
    }

    [Fact]
    public async Task A_request_is_sent_once()
    {
        var (handler, connection) = RestTest.Recording();
        var request = connection.CreateRequest("POST", "/x").WithJsonBody(new SearchQuery { Limit = 1 });
        await request.SendAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => request.SendAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => request.SendAsync<Page>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => request.SendForTextAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => request.SendForStreamAsync());

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_request_that_failed_is_not_sent_again_either()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Text("no", "text/plain", System.Net.HttpStatusCode.BadGateway));
        var request = RestTest.Connection(handler).CreateRequest("GET", "/x");
        await Assert.ThrowsAsync<RestApiException>(() => request.SendAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => request.SendAsync());

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task The_method_is_sent_as_given()
    {
        var (handler, connection) = RestTest.Recording();

        await connection.CreateRequest("PATCH", "/x").SendAsync();

        Assert.Equal("PATCH", Assert.Single(handler.Requests).Method.Method);
    }

    private static RestRequest AddBody(RestRequest request, string kind) => kind switch
    {
        "json" => request.WithJsonBody(new SearchQuery { Limit = 1 }),
        "property" => request.WithJsonBodyProperty("continuation", "t"),
        "text" => request.WithTextBody("t"),
        "stream" => request.WithStreamBody(new MemoryStream()),
        "form" => request.WithFormField("f", "v"),
        "multipart" => request.WithMultipartField("f", "v"),
        "file" => request.WithMultipartFile("f", new RestFile(new MemoryStream(), "f.txt")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private sealed record Part(string? Name, string? FileName, string? ContentType, string Body);

    private static async Task<List<Part>> ReadMultipartAsync(RecordedRequest sent)
    {
        var boundary = MediaTypeHeaderValue.Parse(sent.ContentType!).Parameters.Single(parameter => parameter.Name == "boundary").Value!.Trim('"');
        var reader = new MultipartReader(boundary, new MemoryStream(Encoding.UTF8.GetBytes(sent.Body!)));
        var parts = new List<Part>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            Assert.Equal("form-data", disposition.DispositionType.Value);

            // filename (MIME-decoded when encoded) and filename* (RFC 5987, decoded, taken literally: a lenient reader
            // would strip quotes that a strict one keeps) must name the same file.
            var fileName = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            if (disposition.FileNameStar.HasValue)
            {
                Assert.Equal(fileName, disposition.FileNameStar.Value);
            }

            using var body = new StreamReader(section.Body);
            parts.Add(new Part(
                Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(disposition.Name).Value,
                string.IsNullOrEmpty(fileName) ? null : fileName,
                section.ContentType,
                await body.ReadToEndAsync()));
        }

        return parts;
    }
}

/// <summary>
/// A memory stream that remembers being disposed and counts the bytes read from it. MemoryStream's asynchronous
/// reads call its synchronous ones, so counting there sees every read once.
/// </summary>
internal sealed class TrackingStream(byte[] bytes) : MemoryStream(bytes)
{
    public bool Disposed { get; private set; }

    public int BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = base.Read(buffer, offset, count);
        BytesRead += read;
        return read;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = base.Read(buffer);
        BytesRead += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
