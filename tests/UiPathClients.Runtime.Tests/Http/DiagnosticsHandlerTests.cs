using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using UiPathClients.Runtime.Auth;
using UiPathClients.Runtime.Http;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Http;

public sealed class DiagnosticsHandlerTests
{
    private const string Secret = "client-secret-must-not-leak";

    [Fact]
    public async Task Logs_and_traces_each_call_without_tokens_or_secrets()
    {
        var issued = 0;
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/identity_/connect/token", () => Results.Json(new { access_token = "access-token-" + Interlocked.Increment(ref issued) + "-must-not-leak", expires_in = 3600 }));
            app.MapGet("/odata/Jobs", (HttpResponse response) =>
            {
                response.Headers["Server-Timing"] = "total;dur=37.7";
                return Results.Json(new { value = Array.Empty<object>() });
            });
        });
        var logs = new CapturingLogger();
        var activities = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DiagnosticsHandler.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var identity = new HttpClient(new DiagnosticsHandler(logs) { InnerHandler = new HttpClientHandler() });
        var tokens = TestIdentity.ClientCredentials(identity, server.BaseAddress, Secret);
        using var api = new HttpClient(new DiagnosticsHandler(logs) { InnerHandler = new BearerTokenHandler(tokens) { InnerHandler = new HttpClientHandler() } });

        using var response = await api.GetAsync(new Uri(server.BaseAddress, "odata/Jobs?$top=5&access_token=abc123"));

        Assert.Contains(logs.At(LogLevel.Information), message => message.Contains("GET ", StringComparison.Ordinal) && message.Contains("/odata/Jobs?$top=***&access_token=*** answered 200", StringComparison.Ordinal) && message.Contains("total;dur=37.7", StringComparison.Ordinal));
        Assert.Contains(logs.At(LogLevel.Information), message => message.Contains("POST ", StringComparison.Ordinal) && message.Contains("/identity_/connect/token answered 200", StringComparison.Ordinal));
        Assert.Contains(logs.At(LogLevel.Debug), message => message.Contains("GET ", StringComparison.Ordinal) && message.Contains("/odata/Jobs?$top=5&access_token=***", StringComparison.Ordinal));
        Assert.All(logs.Messages, message =>
        {
            Assert.DoesNotContain("must-not-leak", message, StringComparison.Ordinal);
            Assert.DoesNotContain("abc123", message, StringComparison.Ordinal);
        });
        var call = Assert.Single(activities, activity => activity.GetTagItem("url.full") is string url && url.Contains("/odata/Jobs?$top=***&access_token=***", StringComparison.Ordinal));
        Assert.Equal("GET", call.GetTagItem("http.request.method"));
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));
        Assert.Equal("total;dur=37.7", call.GetTagItem("uipath.server_timing"));
    }

    [Fact]
    public async Task A_failed_call_logs_the_exception_type_only()
    {
        var logs = new CapturingLogger();
        using var api = new HttpClient(new DiagnosticsHandler(logs) { InnerHandler = new FailingHandler() });

        await Assert.ThrowsAsync<HttpRequestException>(() => api.GetAsync(new Uri("https://user:pa55@orchestrator.example.com/odata/Jobs")));

        var message = Assert.Single(logs.Messages);
        Assert.Contains("GET https://orchestrator.example.com/odata/Jobs failed after", message, StringComparison.Ordinal);
        Assert.Contains("HttpRequestException", message, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55", message, StringComparison.Ordinal);
        Assert.DoesNotContain("connection details", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_values_are_logged_only_at_Debug_so_filter_literals_stay_out_of_Information_logs()
    {
        var logs = new CapturingLogger();
        using var api = new HttpClient(new DiagnosticsHandler(logs) { InnerHandler = new AnsweringHandler() });

        using var response = await api.GetAsync(new Uri("https://orchestrator.example.com/odata/Robots?$filter=Username%20eq%20'jane.doe'&$top=50"));

        var information = Assert.Single(logs.At(LogLevel.Information));
        Assert.Contains("GET https://orchestrator.example.com/odata/Robots?$filter=***&$top=*** answered 200", information, StringComparison.Ordinal);
        var debug = Assert.Single(logs.At(LogLevel.Debug));
        Assert.Contains("$filter=Username%20eq%20'jane.doe'&$top=50", debug, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_Debug_enabled_no_query_line_is_written()
    {
        var logs = new CapturingLogger(minimum: LogLevel.Information);
        using var api = new HttpClient(new DiagnosticsHandler(logs) { InnerHandler = new AnsweringHandler() });

        using var response = await api.GetAsync(new Uri("https://orchestrator.example.com/odata/Robots?$filter=Username%20eq%20'jane.doe'"));

        var only = Assert.Single(logs.Messages);
        Assert.DoesNotContain("jane.doe", only, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://x.example.com/a/b?$filter=Name%20eq%20'x'&$top=5", "https://x.example.com/a/b?$filter=***&$top=***")]
    [InlineData("https://me:pw@x.example.com/a/b?flag", "https://x.example.com/a/b?flag")]
    [InlineData("https://x.example.com/a/b", "https://x.example.com/a/b")]
    public void RedactQueryValues_keeps_names_and_drops_values_and_user_info(string uri, string expected) =>
        Assert.Equal(expected, DiagnosticsHandler.RedactQueryValues(new Uri(uri)));

    [Fact]
    public void RedactQueryValues_handles_relative_uris() =>
        Assert.Equal("odata/Jobs?$filter=***", DiagnosticsHandler.RedactQueryValues(new Uri("odata/Jobs?$filter=Id%20eq%201", UriKind.Relative)));

    [Theory]
    [InlineData("https://x.example.com/a/b?$filter=Name%20eq%20'x'", "https://x.example.com/a/b?$filter=Name%20eq%20'x'")]
    [InlineData("https://x.example.com/a?client_secret=s&scope=OR.Jobs", "https://x.example.com/a?client_secret=***&scope=OR.Jobs")]
    [InlineData("https://me:pw@x.example.com/a@b", "https://x.example.com/a@b")]
    public void Redact_masks_secret_query_values_and_user_info(string uri, string expected) =>
        Assert.Equal(expected, DiagnosticsHandler.Redact(new Uri(uri)));

    private sealed class AnsweringHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { RequestMessage = request });
    }

    private sealed class FailingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection details that may carry secrets");
    }
}
