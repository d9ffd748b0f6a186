using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.CommunicationsMining;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Rest;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Rest;

/// <summary>Error answers: undeclared, declared (exact code, range, default), unreadable, and the service's own convention first.</summary>
public sealed class RestApiExceptionTests
{
    private const string ThingsUri = RestTest.BaseAddress + "/api/v1/things";

    private static RestRequest Request(Func<HttpResponseMessage> respond, Func<HttpResponseMessage, CancellationToken, Task>? ensureSuccess = null) =>
        RestTest.Connection(new RecordingHandler(_ => respond()), ensureSuccess: ensureSuccess).CreateRequest("GET", "/api/v1/things");

    /// <summary>Declared in the order least specific first, so a match by order would pick the wrong one.</summary>
    private static RestRequest WithDeclaredErrors(RestRequest request) => request
        .WithError<JsonElement>("default")
        .WithError<ValidationProblem>("4XX")
        .WithError<ApiError>("404");

    [Fact]
    public async Task An_undeclared_500_is_a_RestApiException_with_status_body_and_uri()
    {
        var request = Request(() =>
        {
            var answer = RecordingHandler.Text("boom", "text/plain", HttpStatusCode.InternalServerError);
            answer.Headers.Add("Server-Timing", "total;dur=12.5");
            return answer;
        });

        var error = await Assert.ThrowsAsync<RestApiException>(() => request.SendAsync());

        Assert.Equal(typeof(RestApiException), error.GetType());
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("boom", error.ResponseBody);
        Assert.Equal("text/plain", error.ContentType);
        Assert.Equal(new Uri(ThingsUri), error.RequestUri);
        Assert.Equal(TimeSpan.FromMilliseconds(12.5), error.ServerTiming.Total);
        Assert.Null(error.InnerException);
        Assert.Equal("GET " + ThingsUri + " failed with 500 (InternalServerError): boom", error.Message);
    }

    [Fact]
    public async Task An_error_without_a_body_says_so()
    {
        var error = await Assert.ThrowsAsync<RestApiException>(() => Request(() => new HttpResponseMessage(HttpStatusCode.Conflict)).SendAsync<Page>());

        Assert.Equal("GET " + ThingsUri + " failed with 409 (Conflict) and an empty body.", error.Message);
        Assert.Equal(string.Empty, error.ResponseBody);
        Assert.Null(error.ContentType);
    }

    [Fact]
    public async Task A_large_error_body_is_cut_to_4096_bytes_in_the_exception_and_its_message()
    {
        var body = new string('x', 10_000);

        var error = await Assert.ThrowsAsync<RestApiException>(() => Request(() => RecordingHandler.Text(body, "text/html", HttpStatusCode.BadGateway)).SendForTextAsync());

        Assert.Equal(new string('x', 4096) + "…", error.ResponseBody);
        Assert.EndsWith(": " + new string('x', 4096) + "…", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cut_never_splits_a_character()
    {
        // 1 + 2 × 3000 bytes: byte 4096 falls in the middle of an 'é'.
        var body = "a" + new string('é', 3000);

        var error = await Assert.ThrowsAsync<RestApiException>(() => Request(() => RecordingHandler.Text(body, "text/plain", HttpStatusCode.BadGateway)).SendAsync());

        Assert.Equal("a" + new string('é', 2047) + "…", error.ResponseBody);
    }

    [Fact]
    public async Task A_body_of_exactly_4096_bytes_is_not_marked_as_cut()
    {
        var body = new string('y', 4096);

        var error = await Assert.ThrowsAsync<RestApiException>(() => Request(() => RecordingHandler.Text(body, "text/plain", HttpStatusCode.BadGateway)).SendAsync());

        Assert.Equal(body, error.ResponseBody);
    }

    [Fact]
    public async Task A_declared_exact_code_beats_a_range_and_default()
    {
        var error = await Assert.ThrowsAsync<RestApiException<ApiError>>(() =>
            WithDeclaredErrors(Request(() => RecordingHandler.Json("{\"code\":\"not_found\",\"message\":\"No such thing.\"}", HttpStatusCode.NotFound))).SendAsync());

        Assert.Equal("not_found", error.Error.Code);
        Assert.Equal("No such thing.", error.Error.Message);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("{\"code\":\"not_found\",\"message\":\"No such thing.\"}", error.ResponseBody);
        Assert.Equal(new Uri(ThingsUri), error.RequestUri);
        Assert.Equal("GET " + ThingsUri + " failed with 404 (NotFound): {\"code\":\"not_found\",\"message\":\"No such thing.\"}", error.Message);
    }

    [Fact]
    public async Task A_declared_range_beats_default()
    {
        var error = await Assert.ThrowsAsync<RestApiException<ValidationProblem>>(() =>
            WithDeclaredErrors(Request(() => RecordingHandler.Json("{\"errors\":[\"name is required\"]}", HttpStatusCode.UnprocessableEntity))).SendAsync<Page>());

        Assert.Equal(new[] { "name is required" }, error.Error.Errors);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
    }

    [Fact]
    public async Task Default_takes_what_nothing_else_declares()
    {
        var error = await Assert.ThrowsAsync<RestApiException<JsonElement>>(() =>
            WithDeclaredErrors(Request(() => RecordingHandler.Json("{\"oops\":1}", HttpStatusCode.ServiceUnavailable))).SendForTextAsync());

        Assert.Equal(1, error.Error.GetProperty("oops").GetInt32());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    [Theory]
    [InlineData("5XX")]
    [InlineData("5xx")]
    public async Task Ranges_match_in_either_case(string range)
    {
        var error = await Assert.ThrowsAsync<RestApiException<ApiError>>(() =>
            Request(() => RecordingHandler.Json("{\"code\":\"down\"}", HttpStatusCode.BadGateway)).WithError<ApiError>(range).SendAsync());

        Assert.Equal("down", error.Error.Code);
    }

    [Fact]
    public async Task A_declaration_for_another_code_does_not_match()
    {
        var error = await Assert.ThrowsAsync<RestApiException>(() =>
            Request(() => RecordingHandler.Json("{\"code\":\"x\"}", HttpStatusCode.BadRequest)).WithError<ApiError>("404").WithError<ApiError>("5XX").SendAsync());

        Assert.Equal(typeof(RestApiException), error.GetType());
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Theory]
    [InlineData("<html><body>Not Found</body></html>")]
    [InlineData("{\"code\":5}")]
    public async Task A_declared_error_whose_body_does_not_parse_is_a_RestApiException_with_the_reason_inside(string body)
    {
        var error = await Assert.ThrowsAsync<RestApiException>(() =>
            WithDeclaredErrors(Request(() => RecordingHandler.Text(body, "text/html", HttpStatusCode.NotFound))).SendAsync());

        Assert.Equal(typeof(RestApiException), error.GetType());
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(body, error.ResponseBody);
        Assert.Equal("text/html", error.ContentType);
        Assert.StartsWith("GET " + ThingsUri + " failed with 404 (NotFound); its body is not the declared error: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task A_declared_error_with_no_body_is_an_untyped_RestApiException(string body)
    {
        var error = await Assert.ThrowsAsync<RestApiException>(() =>
            WithDeclaredErrors(Request(() => RecordingHandler.Text(body, "application/json", HttpStatusCode.NotFound))).SendAsync());

        Assert.Equal(typeof(RestApiException), error.GetType());
        Assert.Null(error.InnerException);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task The_error_answer_is_disposed()
    {
        HttpResponseMessage? answer = null;

        await Assert.ThrowsAsync<RestApiException<ApiError>>(() =>
            WithDeclaredErrors(Request(() => answer = RecordingHandler.Json("{\"code\":\"x\"}", HttpStatusCode.NotFound))).SendAsync<Page>());

        await Assert.ThrowsAsync<ObjectDisposedException>(() => answer!.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_services_own_convention_runs_first_and_its_exception_propagates()
    {
        var request = WithDeclaredErrors(Request(
            () => RecordingHandler.Json("{\"status\":\"error\",\"message\":\"Dataset 'acme/x' not found.\"}", HttpStatusCode.NotFound),
            CommunicationsMiningResponse.EnsureSuccessAsync));

        var error = await Assert.ThrowsAsync<CommunicationsMiningException>(() => request.SendAsync<Page>());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Dataset 'acme/x' not found.", error.ServiceMessage);
        Assert.Equal(new Uri(ThingsUri), error.RequestUri);
    }

    [Fact]
    public async Task A_gateway_page_under_the_services_convention_is_its_transport_exception()
    {
        var request = Request(() => RecordingHandler.Text("<html>502</html>", "text/html", HttpStatusCode.BadGateway), CommunicationsMiningResponse.EnsureSuccessAsync);

        var error = await Assert.ThrowsAsync<CommunicationsMiningTransportException>(() => request.SendAsync());

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
    }

    [Fact]
    public async Task The_convention_sees_every_answer_once_before_the_declared_errors()
    {
        var seen = new List<HttpStatusCode>();
        Task Record(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            seen.Add(response.StatusCode);
            return Task.CompletedTask;
        }

        var success = await Request(() => RecordingHandler.Json("{\"next\":\"n\"}"), Record).SendAsync<Page>();
        var error = await Assert.ThrowsAsync<RestApiException<ApiError>>(() =>
            WithDeclaredErrors(Request(() => RecordingHandler.Json("{\"code\":\"c\"}", HttpStatusCode.NotFound), Record)).SendAsync());

        Assert.Equal("n", success.Value.Next);
        Assert.Equal("c", error.Error.Code);
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.NotFound }, seen);
    }

    [Fact]
    public async Task An_exception_of_the_convention_propagates_as_is_and_the_answer_is_disposed()
    {
        var thrown = new InvalidOperationException("convention");
        HttpResponseMessage? answer = null;
        var request = WithDeclaredErrors(Request(() => answer = RecordingHandler.Json("{\"code\":\"c\"}", HttpStatusCode.NotFound), (_, _) => throw thrown));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => request.SendAsync());

        Assert.Same(thrown, error);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => answer!.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Secret_query_parameters_are_masked_in_the_exception()
    {
        var request = RestTest.Connection(new RecordingHandler(_ => RecordingHandler.Text("no", "text/plain", HttpStatusCode.Unauthorized)))
            .CreateRequest("GET", "/api/v1/things")
            .WithQuery("api_key", "k-SECRET-1")
            .WithQuery("q", "visible")
            .WithQuery("access_token", "t-SECRET-2")
            .WithQuery("Signature", "s-SECRET-3");

        var error = await Assert.ThrowsAsync<RestApiException>(() => request.SendAsync());

        Assert.Equal(new Uri(ThingsUri + "?api_key=***&q=visible&access_token=***&Signature=***"), error.RequestUri);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_are_masked_in_typed_and_unreadable_answers_too()
    {
        RestRequest Build(Func<HttpResponseMessage> respond) =>
            RestTest.Connection(new RecordingHandler(_ => respond())).CreateRequest("GET", "/api/v1/things").WithQuery("token", "SECRET").WithError<ApiError>("404");

        var typed = await Assert.ThrowsAsync<RestApiException<ApiError>>(() => Build(() => RecordingHandler.Json("{\"code\":\"c\"}", HttpStatusCode.NotFound)).SendAsync());
        var undeclaredBody = await Assert.ThrowsAsync<RestApiException>(() => Build(() => RecordingHandler.Text("<html/>", "text/html", HttpStatusCode.NotFound)).SendAsync());
        var malformed = await Assert.ThrowsAsync<RestApiException>(() => Build(() => RecordingHandler.Json("[")).SendAsync<Page>());

        foreach (var error in new RestApiException[] { typed, undeclaredBody, malformed })
        {
            Assert.Equal(new Uri(ThingsUri + "?token=***"), error.RequestUri);
            Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_exception_normalizes_missing_parts()
    {
        var error = new RestApiException("m", HttpStatusCode.BadRequest, null, null!, null, null!);

        Assert.Equal(string.Empty, error.ResponseBody);
        Assert.Same(ServerTiming.Empty, error.ServerTiming);
        Assert.Null(error.RequestUri);
    }

    [Fact]
    public void The_typed_exception_is_a_RestApiException_carrying_its_error()
    {
        var body = new ApiError { Code = "c" };

        RestApiException error = new RestApiException<ApiError>("m", HttpStatusCode.NotFound, "application/json", "{}", new Uri(ThingsUri), ServerTiming.Empty, body);

        Assert.Same(body, ((RestApiException<ApiError>)error).Error);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }
}
