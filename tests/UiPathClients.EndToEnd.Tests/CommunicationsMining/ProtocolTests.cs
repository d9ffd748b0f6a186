using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using UiPathClients.Emulator.Identity;
using UiPathClients.Emulator;
using UiPathClients.Runtime.CommunicationsMining;
using UiPathClients.Runtime.Errors;

namespace UiPathClients.EndToEnd.Tests.CommunicationsMining;

/// <summary>
/// What every answer shares, as the "using the API" page describes it: both base paths, the bearer token, the
/// <c>{"message", "status": "error"}</c> body with the right status, and <c>Server-Timing: total;dur=…</c>.
/// </summary>
public sealed class ProtocolTests(CommunicationsMiningSession session) : IClassFixture<CommunicationsMiningSession>
{
    private const string NotFoundBody = """{"message":"404 Not Found","status":"error"}""";

    [Theory]
    [InlineData("api/v1/nonexistent_page")]
    [InlineData("reinfer_/api/v1/nonexistent_page")]
    [InlineData("reinfer_/api/v1/datasets/a/b/c/d/e/f")]
    [InlineData("reinfer_/api/nothing")]
    [InlineData("emulator/DefaultTenant/reinfer_/api/v1/nonexistent_page")]
    public async Task An_unknown_route_answers_404_with_the_service_body(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);
        using var response = await session.Raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(NotFoundBody, await response.Content.ReadAsStringAsync());
        Assert.Equal("total;dur=0.0", Assert.Single(response.Headers.GetValues(ServerTimingExtensions.HeaderName)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer    ")]
    public async Task A_request_without_a_bearer_token_is_401_before_anything_else(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "reinfer_/api/v1/nonexistent_page");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await session.Raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"message":"401 Unauthorized","status":"error"}""", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.Contains(ServerTimingExtensions.HeaderName));
        Assert.DoesNotContain(session.Data.Projects, project => project.Name == "nonexistent_page");
    }

    [Fact]
    public async Task An_error_surfaces_through_the_runtime_handler_as_CommunicationsMiningException()
    {
        var error = await Assert.ThrowsAsync<CommunicationsMiningException>(() => session.Api.GetAsync("v1/datasets/missing-project/missing-dataset"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Dataset 'missing-project/missing-dataset' does not exist.", error.ServiceMessage);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.ServiceMessage!, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("/reinfer_/api/v1/datasets/missing-project/missing-dataset", error.RequestUri!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, error.ServerTiming.Total);
    }

    [Fact]
    public async Task The_unknown_route_body_surfaces_as_the_service_message()
    {
        var error = await Assert.ThrowsAsync<CommunicationsMiningException>(() => session.BareApi.GetAsync("v1/nonexistent_page"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("404 Not Found", error.ServiceMessage);
    }

    [Fact]
    public async Task A_known_route_with_another_method_is_405_in_the_service_shape()
    {
        var error = await Assert.ThrowsAsync<CommunicationsMiningException>(() => session.Api.PatchAsync("v1/datasets", new StringContent("{}", Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, error.StatusCode);
        Assert.Equal("405 Method Not Allowed", error.ServiceMessage);
    }

    [Fact]
    public async Task Both_base_paths_serve_the_same_tenant()
    {
        await session.BareApi.PutJsonAsync("v1/projects/shared", new { project = new { title = "Made under api/" } });

        var project = (await session.Api.GetJsonAsync("v1/projects/shared")).GetProperty("project");
        await session.Api.PutJsonAsync("v1/sources/shared/inbox", new { source = new { } });

        Assert.Equal("Made under api/", project.GetProperty("title").GetString());
        Assert.Equal("inbox", (await session.BareApi.GetJsonAsync("v1/sources/shared/inbox")).GetProperty("source").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Every_answer_carries_server_timing_that_the_runtime_parses()
    {
        using var ok = await session.Api.GetAsync("v1/projects");
        var error = await Assert.ThrowsAsync<CommunicationsMiningException>(() => session.Api.GetAsync("v1/sources/id:0000000000000000"));

        Assert.Equal("total;dur=0.0", Assert.Single(ok.Headers.GetValues(ServerTimingExtensions.HeaderName)));
        var timing = ok.GetServerTiming();
        Assert.Equal("total", Assert.Single(timing.Metrics).Name);
        Assert.Equal(TimeSpan.Zero, timing.Total);
        Assert.Equal(TimeSpan.Zero, error.ServerTiming.Total);
    }

    [Fact]
    public async Task On_the_system_clock_server_timing_is_milliseconds_with_one_decimal()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.CommunicationsMiningAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);

        using var ok = await http.GetAsync("v1/datasets");
        using var notFound = await http.GetAsync("v1/nonexistent_page");

        foreach (var response in new[] { ok, notFound })
        {
            var header = Assert.Single(response.Headers.GetValues(ServerTimingExtensions.HeaderName));
            Assert.Matches(@"^total;dur=\d+\.\d$", header);
            Assert.NotNull(response.GetServerTiming().Total);
        }
    }

    [Fact]
    public async Task Orchestrator_routes_are_untouched_by_the_communications_mining_rules()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "odata/Folders");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);
        using var response = await session.Raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(ServerTimingExtensions.HeaderName));
    }

    [Fact]
    public async Task Requests_are_recorded_like_orchestrator_ones()
    {
        using var _ = await session.Api.GetAsync("v1/sources");

        var recorded = session.Emulator.Requests.Last(request => request.PathAndQuery == "/reinfer_/api/v1/sources");
        Assert.Equal("Bearer " + EmulatorIdentityOptions.DefaultPersonalAccessToken, recorded.Headers["Authorization"]);
        Assert.Equal(200, recorded.StatusCode);
    }
}
