using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.Runtime.CommunicationsMining;
using UiPathClients.Runtime.Rest;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Rest;

/// <summary>Successful answers: typed, text, unbuffered stream, and what every <see cref="RestResponse"/> exposes.</summary>
public sealed class RestResponseTests
{
    private const string ThingsUri = RestTest.BaseAddress + "/api/v1/things";

    private static RestRequest Request(Func<HttpResponseMessage> respond) =>
        RestTest.Connection(new RecordingHandler(_ => respond())).CreateRequest("GET", "/api/v1/things");

    [Fact]
    public async Task SendAsync_of_T_reads_the_body_with_the_generated_metadata()
    {
        var response = await Request(() => RecordingHandler.Json("{\"items\":[\"a\",\"b\"],\"next\":\"t2\",\"extra\":1}")).SendAsync<Page>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { "a", "b" }, response.Value.Items);
        Assert.Equal("t2", response.Value.Next);
        Assert.Equal("1", response.Value.AdditionalData!["extra"].GetRawText());
    }

    [Fact]
    public async Task SendAsync_of_T_reads_enums_in_the_service_spelling()
    {
        var response = await Request(() => RecordingHandler.Json("\"light-blue\"")).SendAsync<Shade>();

        Assert.Equal(Shade.LightBlue, response.Value);
    }

    [Fact]
    public async Task A_204_is_the_default_value()
    {
        var page = await Request(RecordingHandler.NoContent).SendAsync<Page?>();
        var number = await Request(RecordingHandler.NoContent).SendAsync<int>();

        Assert.Equal(HttpStatusCode.NoContent, page.StatusCode);
        Assert.Null(page.Value);
        Assert.Equal(0, number.Value);
    }

    [Fact]
    public async Task An_empty_200_is_the_default_value()
    {
        var response = await Request(() => RecordingHandler.Text(string.Empty, "application/json")).SendAsync<Page?>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Value);
    }

    [Fact]
    public async Task A_JSON_null_is_null()
    {
        var response = await Request(() => RecordingHandler.Json("null")).SendAsync<Page?>();

        Assert.Null(response.Value);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"items\":5}")]
    [InlineData("{\"items\":[\"a\"]")]
    public async Task A_body_that_is_not_a_T_is_a_RestApiException_with_the_JsonException_inside(string body)
    {
        HttpResponseMessage? answer = null;
        var request = Request(() => answer = RecordingHandler.Text(body, "application/json"));

        var error = await Assert.ThrowsAsync<RestApiException>(() => request.SendAsync<Page>());

        Assert.Equal(typeof(RestApiException), error.GetType());
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(body, error.ResponseBody);
        Assert.Equal("application/json", error.ContentType);
        Assert.Equal(new Uri(ThingsUri), error.RequestUri);
        Assert.StartsWith("GET " + ThingsUri + " answered 200 (OK) with a body that is not a Page: ", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => answer!.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("[1, null, 0]", "$[1]")]
    [InlineData("[1, \"integer\", 0]", "$[1]")]
    public async Task An_item_that_is_not_the_item_type_is_refused_naming_the_collection_type_and_the_items_path(string body, string path)
    {
        var request = Request(() => RecordingHandler.Text(body, "application/json"));

        var error = await Assert.ThrowsAsync<RestApiException>(() => request.SendAsync<IList<long>>());

        // Not "IList`1", and the converter's own message ("Expected Edm.Int64 …") gains the path of the item it refused.
        Assert.StartsWith("GET " + ThingsUri + " answered 200 (OK) with a body that is not a IList<long>: Expected Edm.Int64 ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" Path: " + path + ".", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, ((JsonException)error.InnerException!).Path);
    }

    [Fact]
    public async Task A_map_value_that_is_not_the_value_type_is_refused_naming_the_map_type_and_the_values_path()
    {
        var request = Request(() => RecordingHandler.Json("{\"0\": \"2000-12-01T00:00:01Z\", \"1\": \"date-time\"}"));

        var error = await Assert.ThrowsAsync<RestApiException>(() => request.SendAsync<IDictionary<string, DateTimeOffset>>());

        Assert.Equal(
            "GET " + ThingsUri + " answered 200 (OK) with a body that is not a IDictionary<string, DateTimeOffset>: 'date-time' is not an RFC 3339 date-time. Path: $.1.",
            error.Message);
    }

    [Fact]
    public async Task SendForTextAsync_reads_the_body_in_its_charset()
    {
        var response = await Request(() =>
        {
            var content = new ByteArrayContent(Encoding.Latin1.GetBytes("héllo"));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain; charset=iso-8859-1");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }).SendForTextAsync();

        Assert.Equal("héllo", response.Value);
    }

    [Fact]
    public async Task SendForTextAsync_of_no_content_is_empty()
    {
        var response = await Request(RecordingHandler.NoContent).SendForTextAsync();

        Assert.Equal(string.Empty, response.Value);
    }

    [Fact]
    public async Task SendAsync_without_a_type_exposes_status_headers_request_and_server_timing()
    {
        var response = await Request(() =>
        {
            var answer = RecordingHandler.Json("{\"ignored\":true}", HttpStatusCode.Created);
            answer.Headers.Location = new Uri("https://api.test/reinfer_/api/v1/things/7");
            answer.Headers.Add("Server-Timing", "total;dur=37.7, db;dur=12;desc=\"Database\"");
            answer.Headers.Add("X-Request-Id", "r-1");
            return answer;
        }).SendAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new Uri("https://api.test/reinfer_/api/v1/things/7"), response.Headers.Location);
        Assert.Equal("r-1", Assert.Single(response.Headers.GetValues("X-Request-Id")));
        Assert.Equal("application/json", response.ContentHeaders!.ContentType!.MediaType);
        Assert.Equal(new Uri(ThingsUri), response.RequestUri);
        Assert.Equal(TimeSpan.FromMilliseconds(37.7), response.ServerTiming.Total);
        Assert.Equal(TimeSpan.FromMilliseconds(12), response.ServerTiming.Find("db")!.Duration);
        Assert.Equal("Database", response.ServerTiming.Find("db")!.Description);
    }

    [Fact]
    public async Task Without_a_Server_Timing_header_the_timing_is_empty()
    {
        var response = await Request(RecordingHandler.NoContent).SendAsync<Page?>();

        Assert.Same(ServerTiming.Empty, response.ServerTiming);
        Assert.Null(response.ServerTiming.Total);
    }

    [Fact]
    public async Task SendForStreamAsync_hands_over_the_body_without_buffering_it()
    {
        var body = new TrackingStream(Encoding.UTF8.GetBytes("a,b\n1,2\n"));

        using var response = await Request(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) }).SendForStreamAsync();

        Assert.Equal(0, body.BytesRead);
        using var reader = new StreamReader(response.Content);
        Assert.Equal("a,b\n1,2\n", await reader.ReadToEndAsync());
        Assert.Equal(8, body.BytesRead);
    }

    [Fact]
    public async Task Disposing_a_stream_response_disposes_the_answer_and_its_body()
    {
        var body = new TrackingStream(Encoding.UTF8.GetBytes("data"));
        HttpResponseMessage? answer = null;
        var response = await Request(() => answer = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) }).SendForStreamAsync();
        Assert.False(body.Disposed);

        response.Dispose();

        Assert.True(body.Disposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => answer!.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("attachment; filename=\"report.csv\"", "report.csv")]
    [InlineData("attachment; filename=report.csv", "report.csv")]
    [InlineData("attachment; filename=\"fallback.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf", "résumé.pdf")]
    [InlineData("inline", null)]
    [InlineData(null, null)]
    public async Task A_stream_response_names_its_file_from_Content_Disposition(string? disposition, string? expected)
    {
        using var response = await Request(() =>
        {
            var content = new ByteArrayContent(new byte[] { 1, 2, 3 });
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
            if (disposition is not null)
            {
                content.Headers.ContentDisposition = ContentDispositionHeaderValue.Parse(disposition);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }).SendForStreamAsync();

        Assert.Equal(expected, response.FileName);
        Assert.Equal("text/csv", response.ContentType);
        Assert.Equal(3, response.ContentLength);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_error_answer_to_a_download_is_thrown_and_its_body_disposed()
    {
        var body = new TrackingStream(Encoding.UTF8.GetBytes("{\"code\":\"gone\"}"));
        var request = Request(() => new HttpResponseMessage(HttpStatusCode.Gone) { Content = new StreamContent(body) }).WithError<ApiError>("410");

        var error = await Assert.ThrowsAsync<RestApiException<ApiError>>(() => request.SendForStreamAsync());

        Assert.Equal("gone", error.Error.Code);
        Assert.True(body.Disposed);
    }

    [Fact]
    public void The_response_types_refuse_null()
    {
        Assert.Equal("response", Assert.Throws<ArgumentNullException>(() => new RestResponse(null!)).ParamName);
        using var answer = new HttpResponseMessage(HttpStatusCode.OK);
        Assert.Equal("content", Assert.Throws<ArgumentNullException>(() => new RestStreamResponse(answer, null!)).ParamName);
    }
}
