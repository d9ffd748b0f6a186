using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using UiPathClients.Runtime.CommunicationsMining;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Resilience;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.CommunicationsMining;

public sealed class CommunicationsMiningResponseHandlerTests
{
    private const string Token = "reinfer-token-must-not-leak";

    private static HttpClient Client(LoopbackServer server, HttpMessageHandler? inner = null) =>
        new(new CommunicationsMiningResponseHandler { InnerHandler = inner ?? new HttpClientHandler() }) { BaseAddress = server.BaseAddress };

    [Fact]
    public async Task An_error_body_becomes_a_CommunicationsMiningException_with_status_message_uri_and_timing()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/api/v1/nonexistent_page", (HttpResponse response) =>
        {
            response.Headers["Server-Timing"] = "total;dur=37.7";
            return Results.Json(new { message = "404 Not Found", status = "error" }, statusCode: 404);
        }));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<CommunicationsMiningException>(() => client.GetAsync("api/v1/nonexistent_page"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("404 Not Found", error.ServiceMessage);
        Assert.Equal(new Uri(server.BaseAddress, "api/v1/nonexistent_page"), error.RequestUri);
        Assert.Equal(TimeSpan.FromTicks(377_000), error.ServerTiming.Total);
        Assert.Contains("404 Not Found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5xx_with_an_error_body_came_from_the_service()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/api/v1/datasets/acme/invoices/query", () =>
            Results.Json(new { status = "error", message = "Internal error" }, statusCode: 500)));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<CommunicationsMiningException>(() => client.PostAsync("api/v1/datasets/acme/invoices/query", new StringContent("{}")));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("Internal error", error.ServiceMessage);
        Assert.Null(error.ServerTiming.Total);
    }

    [Fact]
    public async Task An_HTML_502_from_a_gateway_is_a_transport_failure()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/api/v1/datasets", () =>
            Results.Content("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", statusCode: 502)));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<CommunicationsMiningTransportException>(() => client.GetAsync("api/v1/datasets"));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal("text/html", error.ContentType);
        Assert.Equal(new Uri(server.BaseAddress, "api/v1/datasets"), error.RequestUri);
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
        Assert.Same(ServerTiming.Empty, error.ServerTiming);
    }

    [Theory]
    [InlineData(401, "application/json", "{\"error\":\"invalid_token\"}")]
    [InlineData(500, "text/plain", "upstream connect error")]
    [InlineData(503, "application/json", "[\"status\",\"error\"]")]
    public async Task Error_answers_without_the_service_envelope_are_transport_failures(int status, string contentType, string body)
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/api/v1/datasets", () => Results.Content(body, contentType, statusCode: status)));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<CommunicationsMiningTransportException>(() => client.GetAsync("api/v1/datasets"));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
    }

    [Fact]
    public async Task An_empty_404_from_a_route_the_server_does_not_know_is_a_transport_failure()
    {
        await using var server = await LoopbackServer.StartAsync(_ => { });
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<CommunicationsMiningTransportException>(() => client.GetAsync("api/v1/datasets"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("empty body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_that_fails_is_a_transport_failure_with_the_network_error_inside()
    {
        Uri address;
        await using (var gone = await LoopbackServer.StartAsync(_ => { }))
        {
            address = gone.BaseAddress;
        }

        using var client = new HttpClient(new CommunicationsMiningResponseHandler { InnerHandler = new HttpClientHandler() }) { BaseAddress = address };

        var error = await Assert.ThrowsAsync<CommunicationsMiningTransportException>(() => client.GetAsync("api/v1/datasets"));

        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task A_success_passes_untouched_and_carries_every_Server_Timing_metric()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/api/v1/datasets", (HttpResponse response) =>
        {
            response.Headers.Append("Server-Timing", "db;dur=53, app;dur=47.2;desc=\"Application, all steps\"");
            response.Headers.Append("Server-Timing", "total;dur=100.5");
            return Results.Json(new { status = "ok", datasets = Array.Empty<object>() });
        }));
        using var client = Client(server);

        using var response = await client.GetAsync("api/v1/datasets");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"ok\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var timing = response.GetServerTiming();
        Assert.Equal(new[] { "db", "app", "total" }, timing.Metrics.Select(metric => metric.Name));
        Assert.Equal(TimeSpan.FromMilliseconds(53), timing.Find("db")?.Duration);
        Assert.Equal("Application, all steps", timing.Find("APP")?.Description);
        Assert.Equal(TimeSpan.FromTicks(1_005_000), timing.Total);
    }

    [Fact]
    public async Task Exceptions_carry_no_token_and_mask_secret_query_parameters()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/api/v1/datasets", () =>
            Results.Json(new { status = "error", message = "Unauthorized" }, statusCode: 401)));
        using var client = Client(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/datasets?api_key=" + Token + "&limit=5");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var error = await Assert.ThrowsAsync<CommunicationsMiningException>(() => client.SendAsync(request));

        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.RequestUri!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("api_key=***&limit=5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_the_resilience_step_only_the_final_answer_is_judged()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/api/v1/datasets", (HttpResponse response) =>
        {
            response.Headers["Server-Timing"] = "total;dur=1.5";
            return Interlocked.Increment(ref calls) == 1
                ? Results.Json(new { status = "error", message = "Service unavailable" }, statusCode: 503)
                : Results.Json(new { status = "ok" });
        }));
        var resilience = new UiPathResilienceHandler(new UiPathResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(10) }) { InnerHandler = new HttpClientHandler() };
        using var client = Client(server, resilience);

        using var response = await client.GetAsync("api/v1/datasets");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromTicks(15_000), response.GetServerTiming().Total);
        Assert.Equal(2, server.CountOf("/api/v1/datasets"));
    }
}
