using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using UiPathClients.Runtime.Auth;
using UiPathClients.Runtime.CallModes;
using UiPathClients.Runtime.Http;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.CallModes;

/// <summary>
/// Each call mode against a loopback Orchestrator that behaves as the call-mode documentation
/// describes, with faults injected. The trigger POST count is asserted in every case: a job must
/// never be started twice.
/// </summary>
public sealed class ApiTriggerClientTests
{
    private const string Trigger = "/t/invoices/process";
    private const string Token = "pat-token";

    private static readonly ApiTriggerOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(20) };

    private static ApiTriggerOptions Options(ApiTriggerCallMode mode, Action<ApiTriggerOptions>? configure = null)
    {
        var options = new ApiTriggerOptions
        {
            CallMode = mode,
            PollInterval = Fast.PollInterval,
            MaxPollInterval = Fast.MaxPollInterval,
            Timeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return options;
    }

    private static ApiTriggerClient Client(LoopbackServer server, IAccessTokenProvider? tokens = null) =>
        ApiTriggerClient.Create(tokens ?? new StaticAccessTokenProvider(Token), new Uri(server.BaseAddress, "org/tenant/orchestrator_"));

    private static string Path(string suffix) => "/org/tenant/orchestrator_" + suffix;

    private static IResult Redirect(int status, string location) =>
        Results.Extensions.Status(status, location);

    [Fact]
    public async Task AsyncRequestReply_polls_until_303_and_returns_the_output()
    {
        var polls = 0;
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(202, Path("/t/status/7")));
            app.MapGet(Path("/t/status/7"), () => Interlocked.Increment(ref polls) <= 3 ? Results.Ok() : Redirect(303, Path("/t/output/7")));
            app.MapGet(Path("/t/output/7"), () => Results.Content("{\"InvoiceTotal\":42}", "application/json"));
        });

        var result = await Client(server).InvokeAsync("invoices/process", new JsonObject { ["invoiceId"] = "INV-1" }, Options(ApiTriggerCallMode.AsyncRequestReply));

        Assert.Equal(42, result.Output!.Value.GetProperty("InvoiceTotal").GetInt32());
        Assert.Equal(1, server.CountOf(Path(Trigger)));
        Assert.Equal(6, result.Requests);
        Assert.Equal(new Uri(server.BaseAddress, Path("/t/status/7").TrimStart('/')), result.StatusUri);
        var trigger = server.Requests.First();
        Assert.Equal("{\"invoiceId\":\"INV-1\",\"$callMode\":\"AsyncRequestReply\"}", trigger.Body);
        Assert.All(server.Requests, request => Assert.Equal("Bearer " + Token, request.Authorization));
    }

    [Fact]
    public async Task AsyncRequestReply_resumes_polling_after_a_502_without_a_second_trigger()
    {
        var polls = 0;
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(202, Path("/t/status/8")));
            app.MapGet(Path("/t/status/8"), () => Interlocked.Increment(ref polls) switch
            {
                2 => Results.StatusCode(502),
                < 4 => Results.Ok(),
                _ => Redirect(303, Path("/t/output/8")),
            });
            app.MapGet(Path("/t/output/8"), () => Results.Json(new { done = true }));
        });

        var result = await Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.AsyncRequestReply));

        Assert.True(result.Output!.Value.GetProperty("done").GetBoolean());
        Assert.Equal(1, server.CountOf(Path(Trigger)));
        Assert.Equal(4, server.CountOf(Path("/t/status/8")));
    }

    [Fact]
    public async Task AsyncRequestReply_without_Location_is_a_protocol_error()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost(Path(Trigger), () => Results.StatusCode(202)));

        var failure = await Assert.ThrowsAsync<ApiTriggerException>(() => Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.AsyncRequestReply)));

        Assert.Contains("has no Location header", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.CountOf(Path(Trigger)));
    }

    [Fact]
    public async Task A_job_that_ends_in_error_raises_the_error_body()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(202, Path("/t/status/9")));
            app.MapGet(Path("/t/status/9"), () => Redirect(303, Path("/t/output/9")));
            app.MapGet(Path("/t/output/9"), () => Results.Json(new { message = "Invoice not found", errorCode = "BusinessRuleException" }, statusCode: 500));
        });

        var failure = await Assert.ThrowsAsync<ApiTriggerJobFailedException>(() => Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.AsyncRequestReply)));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Contains("Invoice not found", failure.ResponseBody, StringComparison.Ordinal);
        Assert.NotNull(failure.StatusUri);
    }

    [Theory]
    [InlineData(ApiTriggerCallMode.AsyncRequestReply)]
    [InlineData(ApiTriggerCallMode.LongPolling)]
    [InlineData(ApiTriggerCallMode.FireAndForget)]
    public async Task A_client_error_on_the_trigger_call_says_no_job_was_created(ApiTriggerCallMode mode)
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost(Path(Trigger), () => Results.Json(new { message = "Trigger not found" }, statusCode: 404)));

        var failure = await Assert.ThrowsAsync<ApiTriggerException>(() => Client(server).InvokeAsync("invoices/process", null, Options(mode)));

        Assert.IsNotType<ApiTriggerJobFailedException>(failure);
        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Contains("the job was not created", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Trigger not found", failure.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_that_is_not_JSON_is_kept_in_the_exception_up_to_64_KB()
    {
        var output = new string('x', 200_000);
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(202, Path("/t/status/4")));
            app.MapGet(Path("/t/status/4"), () => Redirect(303, Path("/t/output/4")));
            app.MapGet(Path("/t/output/4"), () => Results.Text(output, "text/plain"));
        });

        var failure = await Assert.ThrowsAsync<ApiTriggerException>(() => Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.AsyncRequestReply)));

        // Before: all 200,000 characters; an output is read whole (within the client's buffer limit) but not kept whole.
        Assert.Contains("is not JSON", failure.Message, StringComparison.Ordinal);
        Assert.StartsWith(new string('x', 65_536) + "… (truncated, 200000 bytes read)", failure.ResponseBody, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests.Count(request => request.Method == "POST"));
    }

    [Fact]
    public async Task A_JSON_output_with_a_byte_order_mark_is_read()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(202, Path("/t/status/5")));
            app.MapGet(Path("/t/status/5"), () => Redirect(303, Path("/t/output/5")));
            app.MapGet(Path("/t/output/5"), () => Results.Bytes(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' }, "application/json"));
        });

        var result = await Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.AsyncRequestReply));

        Assert.Equal(JsonValueKind.Object, result.Output!.Value.ValueKind);
    }

    [Fact]
    public async Task FireAndForget_returns_once_the_job_is_created()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost(Path(Trigger), () => Results.Ok()));

        var result = await Client(server).InvokeAsync("invoices/process", new JsonObject { ["n"] = 1 }, Options(ApiTriggerCallMode.FireAndForget));

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Null(result.Output);
        Assert.Equal("{\"n\":1,\"$callMode\":\"FireAndForget\"}", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task GET_triggers_carry_arguments_in_the_query_string_and_no_content_type()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet(Path(Trigger), () => Results.Ok()));

        await Client(server).InvokeAsync("invoices/process", new JsonObject { ["invoice id"] = "A&B", ["count"] = 3 }, Options(ApiTriggerCallMode.FireAndForget, options => options.Method = HttpMethod.Get));

        var request = Assert.Single(server.Requests);
        Assert.Equal(Path(Trigger) + "?invoice%20id=A%26B&count=3&%24callMode=FireAndForget", request.PathAndQuery);
        Assert.Null(request.ContentType);
        Assert.Equal(string.Empty, request.Body);
    }

    [Fact]
    public async Task LongPolling_follows_the_redirect_loop_with_the_token_on_every_hop()
    {
        var hops = 0;
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(303, Path("/t/status/1")));
            app.MapGet(Path("/t/status/1"), () => Interlocked.Increment(ref hops) < 3 ? Redirect(303, Path("/t/status/1")) : Results.Json(new { approved = true }));
        });

        var result = await Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.LongPolling));

        Assert.True(result.Output!.Value.GetProperty("approved").GetBoolean());
        Assert.Equal(1, server.CountOf(Path(Trigger)));
        Assert.Equal(3, server.CountOf(Path("/t/status/1")));
        Assert.All(server.Requests, request => Assert.Equal("Bearer " + Token, request.Authorization));
    }

    [Fact]
    public async Task LongPolling_that_finishes_at_once_needs_one_call()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost(Path(Trigger), () => Results.Json(new { quick = 1 })));

        var result = await Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.LongPolling));

        Assert.Equal(1, result.Output!.Value.GetProperty("quick").GetInt32());
        Assert.Equal(1, result.Requests);
    }

    [Fact]
    public async Task LongPolling_redirects_can_go_without_the_token_when_the_tenant_allows()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(303, Path("/t/status/2")));
            app.MapGet(Path("/t/status/2"), (HttpRequest request) => Results.Json(new { anonymous = !request.Headers.ContainsKey("Authorization") }));
        });

        var result = await Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.LongPolling, options => options.AuthenticateRedirects = false));

        Assert.True(result.Output!.Value.GetProperty("anonymous").GetBoolean());
        Assert.Equal("Bearer " + Token, server.Requests.First().Authorization);
    }

    [Fact]
    public async Task A_202_Location_on_another_origin_is_refused_and_nothing_goes_there()
    {
        await using var elsewhere = await LoopbackServer.StartAsync(app => app.MapGet("/status/3", () => Results.Json(new { ok = true })));
        var refused = new Uri(elsewhere.BaseAddress, "status/3").AbsoluteUri;
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost(Path(Trigger), () => Redirect(202, refused)));

        var failure = await Assert.ThrowsAsync<ApiTriggerProtocolException>(() => Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.AsyncRequestReply)));

        Assert.Empty(elsewhere.Requests);
        Assert.Equal(1, server.CountOf(Path(Trigger)));
        Assert.Equal(refused, failure.RefusedLocation);
        Assert.Equal(HttpStatusCode.Accepted, failure.StatusCode);
        Assert.Null(failure.StatusUri);
        Assert.Contains("another origin", failure.Message, StringComparison.Ordinal);
        Assert.Contains("The job was started and may still be running", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_polling_hop_to_another_origin_is_refused_with_the_status_uri_to_follow()
    {
        await using var elsewhere = await LoopbackServer.StartAsync(app => app.MapGet("/status/3", () => Results.Json(new { ok = true })));
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(303, Path("/t/status/3")));
            app.MapGet(Path("/t/status/3"), () => Redirect(303, new Uri(elsewhere.BaseAddress, "status/3").AbsoluteUri));
        });

        var failure = await Assert.ThrowsAsync<ApiTriggerProtocolException>(() => Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.LongPolling)));

        Assert.Empty(elsewhere.Requests);
        Assert.Equal(1, server.CountOf(Path(Trigger)));
        Assert.Equal(new Uri(server.BaseAddress, Path("/t/status/3").TrimStart('/')), failure.StatusUri);
        Assert.Contains("its status can be followed at", failure.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> ForeignLocations() => new()
    {
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ftp://127.0.0.1/status",
        // Same host, other scheme or port: another origin.
        "https://{host}/org/tenant/orchestrator_/t/status/1",
        "http://{hostname}:1/org/tenant/orchestrator_/t/status/1",
    };

    [Theory]
    [MemberData(nameof(ForeignLocations))]
    public async Task A_Location_that_is_not_http_on_Orchestrators_origin_is_a_protocol_error(string location)
    {
        await using var server = await LoopbackServer.StartAsync(_ => { });
        var actual = location.Replace("{host}", server.BaseAddress.Authority, StringComparison.Ordinal).Replace("{hostname}", server.BaseAddress.Host, StringComparison.Ordinal);
        await using var trigger = await LoopbackServer.StartAsync(app => app.MapPost(Path(Trigger), () => Redirect(303, actual)));
        var client = ApiTriggerClient.Create(new StaticAccessTokenProvider(Token), new Uri(trigger.BaseAddress, "org/tenant/orchestrator_"));

        var failure = await Assert.ThrowsAsync<ApiTriggerProtocolException>(() => client.InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.LongPolling)));

        Assert.Equal(1, trigger.CountOf(Path(Trigger)));
        Assert.Single(trigger.Requests);
        Assert.Equal(HttpStatusCode.SeeOther, failure.StatusCode);
        Assert.Contains("The Location of the long-polling redirect", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_uri_that_redirects_to_itself_is_a_protocol_error_not_a_failed_job()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(202, Path("/t/status/13")));
            app.MapGet(Path("/t/status/13"), () => Redirect(303, Path("/t/status/13")));
        });

        var failure = await Assert.ThrowsAsync<ApiTriggerProtocolException>(() => Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.AsyncRequestReply)));

        Assert.Contains("redirects in a circle", failure.Message, StringComparison.Ordinal);
        Assert.Equal(new Uri(server.BaseAddress, Path("/t/status/13").TrimStart('/')), failure.StatusUri);
        Assert.Equal(1, server.CountOf(Path("/t/status/13")));
        Assert.Equal(1, server.CountOf(Path(Trigger)));
    }

    [Fact]
    public async Task Redirects_between_status_and_output_in_a_circle_are_a_protocol_error()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(202, Path("/t/status/14")));
            app.MapGet(Path("/t/status/14"), () => Redirect(303, Path("/t/output/14")));
            app.MapGet(Path("/t/output/14"), () => Redirect(303, Path("/t/status/14")));
        });

        var failure = await Assert.ThrowsAsync<ApiTriggerProtocolException>(() => Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.AsyncRequestReply)));

        Assert.Contains("redirects in a circle", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.CountOf(Path("/t/status/14")));
        Assert.Equal(1, server.CountOf(Path("/t/output/14")));
        Assert.Equal(1, server.CountOf(Path(Trigger)));
    }

    [Fact]
    public async Task A_chain_of_new_redirects_towards_the_output_stops_at_MaxRedirects()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(202, Path("/t/status/17")));
            app.MapGet(Path("/t/status/17"), () => Redirect(303, Path("/t/output/17/1")));
            app.MapGet(Path("/t/output/17/{hop:int}"), (int hop) => Redirect(303, Path("/t/output/17/" + (hop + 1))));
        });

        var failure = await Assert.ThrowsAsync<ApiTriggerProtocolException>(() => Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.AsyncRequestReply, options => options.MaxRedirects = 3)));

        Assert.Contains("more than 3 redirects", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.CountOf(Path("/t/output/17/")));
        Assert.Equal(1, server.CountOf(Path(Trigger)));
    }

    [Fact]
    public async Task A_redirect_where_the_output_was_expected_is_not_reported_as_a_failed_job()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(202, Path("/t/status/15")));
            app.MapGet(Path("/t/status/15"), () => Redirect(303, Path("/t/output/15")));
            app.MapGet(Path("/t/output/15"), () => Redirect(307, Path("/t/elsewhere/15")));
        });

        var failure = await Assert.ThrowsAsync<ApiTriggerProtocolException>(() => Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.AsyncRequestReply)));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, failure.StatusCode);
        Assert.Contains("where the job's output was expected", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.CountOf(Path("/t/elsewhere/15")));
    }

    [Fact]
    public async Task An_HttpClient_that_follows_redirects_itself_ends_with_a_protocol_error_and_one_trigger()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(303, Path("/t/status/16")));
            app.MapGet(Path("/t/status/16"), () => Results.Json(new { done = true }));
        });
        using var http = new HttpClient(new HttpClientHandler());
        var client = new ApiTriggerClient(http, new Uri(server.BaseAddress, "org/tenant/orchestrator_"));

        var failure = await Assert.ThrowsAsync<ApiTriggerProtocolException>(() => client.InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.LongPolling)));

        Assert.Contains("followed a redirect", failure.Message, StringComparison.Ordinal);
        Assert.Contains("The job was started", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.CountOf(Path(Trigger)));
    }

    [Fact]
    public async Task A_redirect_loop_over_the_cap_stops_with_the_status_uri()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(303, Path("/t/status/4")));
            app.MapGet(Path("/t/status/4"), () => Redirect(303, Path("/t/status/4")));
        });

        var failure = await Assert.ThrowsAsync<ApiTriggerException>(() => Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.LongPolling, options => options.MaxRedirects = 5)));

        Assert.Contains("after 5 long-polling redirects", failure.Message, StringComparison.Ordinal);
        Assert.NotNull(failure.StatusUri);
        Assert.Equal(5, server.CountOf(Path("/t/status/4")));
        Assert.Equal(1, server.CountOf(Path(Trigger)));
    }

    [Theory]
    [InlineData(ApiTriggerCallMode.LongPolling, 502)]
    [InlineData(ApiTriggerCallMode.LongPolling, 503)]
    [InlineData(ApiTriggerCallMode.LongPolling, 504)]
    [InlineData(ApiTriggerCallMode.AsyncRequestReply, 502)]
    [InlineData(ApiTriggerCallMode.AsyncRequestReply, 504)]
    [InlineData(ApiTriggerCallMode.FireAndForget, 504)]
    [InlineData(ApiTriggerCallMode.FireAndForget, 500)]
    public async Task A_gateway_failure_on_the_trigger_call_is_outcome_unknown_and_never_retried(ApiTriggerCallMode mode, int status)
    {
        // None of these says whether the job was created; a 504 used to read as the job's own failure in LongPolling.
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost(Path(Trigger), () => Results.StatusCode(status)));

        var failure = await Assert.ThrowsAsync<TriggerOutcomeUnknownException>(() => Client(server).InvokeAsync("invoices/process", null, Options(mode)));

        Assert.Contains("a job may have been started", failure.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Null(failure.StatusUri);
        Assert.Equal(1, server.CountOf(Path(Trigger)));
    }

    [Fact]
    public async Task A_trigger_call_cut_by_the_HttpClient_timeout_is_outcome_unknown_not_cancellation()
    {
        // The service holds the call past HttpClient.Timeout: the job may well have started, and the caller did not cancel.
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost(Path(Trigger), async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            return Results.Ok();
        }));
        using var http = new HttpClient(new BearerTokenHandler(new StaticAccessTokenProvider(Token)) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } })
        {
            Timeout = TimeSpan.FromMilliseconds(200),
        };
        var client = new ApiTriggerClient(http, new Uri(server.BaseAddress, "org/tenant/orchestrator_/"));

        var failure = await Assert.ThrowsAsync<TriggerOutcomeUnknownException>(() => client.InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.FireAndForget)));

        Assert.IsAssignableFrom<OperationCanceledException>(failure.InnerException);
        Assert.Equal(1, server.CountOf(Path(Trigger)));
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(429)]
    public async Task A_gateway_failure_while_long_polling_a_known_status_uri_is_resumed(int status)
    {
        var hops = 0;
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(303, Path("/t/status/5")));
            app.MapGet(Path("/t/status/5"), () => Interlocked.Increment(ref hops) == 1 ? Results.StatusCode(status) : Results.Json(new { value = 5 }));
        });

        var result = await Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.LongPolling));

        Assert.Equal(5, result.Output!.Value.GetProperty("value").GetInt32());
        Assert.Equal(1, server.CountOf(Path(Trigger)));
        Assert.Equal(2, server.CountOf(Path("/t/status/5")));
    }

    [Fact]
    public async Task A_503_on_the_status_uri_waits_its_Retry_After_before_asking_again()
    {
        // A lower bound only: the client may ask later than Retry-After on a loaded machine, never sooner. Without the
        // header it would ask again after the 5 ms poll interval.
        var polled = new System.Collections.Concurrent.ConcurrentQueue<long>();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(303, Path("/t/status/6")));
            app.MapGet(Path("/t/status/6"), (HttpContext context) =>
            {
                polled.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
                if (polled.Count == 1)
                {
                    context.Response.Headers.RetryAfter = "1";
                    return Results.StatusCode(503);
                }

                return Results.Json(new { value = 6 });
            });
        });

        var result = await Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.LongPolling, options => options.MaxPollInterval = TimeSpan.FromSeconds(30)));

        Assert.Equal(6, result.Output!.Value.GetProperty("value").GetInt32());
        var times = polled.ToArray();
        Assert.Equal(2, times.Length);
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(times[0], times[1]) >= TimeSpan.FromMilliseconds(950), "The second poll came before the Retry-After of 1 s.");
    }

    [Fact]
    public async Task Gateway_failures_on_the_status_uri_past_the_limit_end_as_outcome_unknown_with_the_status_uri()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(303, Path("/t/status/7")));
            app.MapGet(Path("/t/status/7"), () => Results.StatusCode(504));
        });

        var failure = await Assert.ThrowsAsync<TriggerOutcomeUnknownException>(() => Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.LongPolling, options => options.MaxBadGatewayRetries = 3)));

        Assert.Equal(HttpStatusCode.GatewayTimeout, failure.StatusCode);
        Assert.NotNull(failure.StatusUri);
        Assert.Equal(4, server.CountOf(Path("/t/status/7")));
        Assert.Equal(1, server.CountOf(Path(Trigger)));
    }

    [Fact]
    public async Task A_token_that_expires_during_a_long_poll_is_renewed_and_the_hop_repeated()
    {
        var issued = 0;
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/identity_/connect/token", () => Results.Json(new { access_token = "token-" + Interlocked.Increment(ref issued), expires_in = 3600 }));
            app.MapPost(Path(Trigger), () => Redirect(303, Path("/t/status/6")));
            // The first token expires while the job runs: the status URI only accepts the second.
            app.MapGet(Path("/t/status/6"), (HttpRequest request) => request.Headers.Authorization == "Bearer token-2" ? Results.Json(new { value = 6 }) : Results.StatusCode(401));
        });
        using var identity = new HttpClient();
        var tokens = TestIdentity.ClientCredentials(identity, server.BaseAddress);

        var result = await Client(server, tokens).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.LongPolling));

        Assert.Equal(6, result.Output!.Value.GetProperty("value").GetInt32());
        Assert.Equal(1, server.CountOf(Path(Trigger)));
        Assert.Equal(2, server.CountOf("/identity_/connect/token"));
    }

    [Fact]
    public async Task A_job_slower_than_the_timeout_ends_with_the_status_uri_to_follow()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(202, Path("/t/status/10")));
            app.MapGet(Path("/t/status/10"), () => Results.Ok());
        });

        var failure = await Assert.ThrowsAsync<ApiTriggerTimeoutException>(() => Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.AsyncRequestReply, options => options.Timeout = TimeSpan.FromMilliseconds(300))));

        Assert.Contains("may still be running", failure.Message, StringComparison.Ordinal);
        Assert.NotNull(failure.StatusUri);
        Assert.Equal(1, server.CountOf(Path(Trigger)));
    }

    [Fact]
    public async Task Cancelling_while_polling_stops_with_OperationCanceledException()
    {
        // Cancelled once the first status answer is on its way, so the job was started and the client is polling: a
        // timer (200 ms) could fire before the trigger was sent on a loaded machine, and the count below would be 0.
        using var cancel = new CancellationTokenSource();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(Path(Trigger), () => Redirect(202, Path("/t/status/11")));
            app.MapGet(Path("/t/status/11"), () =>
            {
                cancel.Cancel();
                return Results.Ok();
            });
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.AsyncRequestReply), cancel.Token));

        Assert.Equal(1, server.CountOf(Path(Trigger)));
    }

    public static TheoryData<string> Stages() => new() { "trigger", "status", "output" };

    /// <summary>Cancellation while each kind of request is held open by the service.</summary>
    [Theory]
    [MemberData(nameof(Stages))]
    public async Task Cancelling_while_a_request_is_held_open_stops_at_once(string stage)
    {
        using var release = new CancellationTokenSource();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            async Task<IResult> Hold(IResult result, string name)
            {
                if (name == stage)
                {
                    await Task.Delay(Timeout.Infinite, release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                return result;
            }

            app.MapPost(Path(Trigger), () => Hold(Redirect(303, Path("/t/status/12")), "trigger"));
            app.MapGet(Path("/t/status/12"), () => Hold(Redirect(303, Path("/t/output/12")), "status"));
            app.MapGet(Path("/t/output/12"), () => Hold(Results.Json(new { late = true }), "output"));
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var invocation = Client(server).InvokeAsync("invoices/process", null, Options(ApiTriggerCallMode.LongPolling), cancel.Token);
        // A watchdog, not a speed check: without cancellation the held request would never end.
        var first = await Task.WhenAny(invocation, Task.Delay(TimeSpan.FromSeconds(60)));

        release.Cancel();
        Assert.Same(invocation, first);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => invocation);
        Assert.Equal(1, server.CountOf(Path(Trigger)));
    }

    [Fact]
    public async Task Typed_output_is_deserialized_with_source_generated_metadata()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost(Path(Trigger), () => Results.Content("{\"InvoiceTotal\":99.5,\"Approved\":true}", "application/json")));

        var output = await Client(server).InvokeAsync("invoices/process", null, TriggerJsonContext.Default.InvoiceOutput, Options(ApiTriggerCallMode.LongPolling));

        Assert.Equal(99.5m, output!.InvoiceTotal);
        Assert.True(output.Approved);
    }

    [Fact]
    public void A_transport_that_follows_redirects_is_refused()
    {
        var failure = Assert.Throws<ArgumentException>(() => ApiTriggerClient.Create(new StaticAccessTokenProvider(Token), new Uri("https://cloud.uipath.com/org/tenant/orchestrator_/"), new HttpClientHandler()));

        Assert.Contains("AllowAutoRedirect = false", failure.Message, StringComparison.Ordinal);
    }

    public static TheoryData<Func<HttpMessageHandler>> AutoRedirectingChains() => new()
    {
        () => new PassThrough { InnerHandler = new HttpClientHandler() },
        () => new PassThrough { InnerHandler = new PassThrough { InnerHandler = new HttpClientHandler() } },
        () => new SocketsHttpHandler(),
        () => new PassThrough { InnerHandler = new SocketsHttpHandler() },
    };

    [Theory]
    [MemberData(nameof(AutoRedirectingChains))]
    public void A_transport_chain_with_a_redirect_following_handler_anywhere_is_refused(Func<HttpMessageHandler> transport)
    {
        var failure = Assert.Throws<ArgumentException>(() => ApiTriggerClient.Create(new StaticAccessTokenProvider(Token), new Uri("https://cloud.uipath.com/org/tenant/orchestrator_/"), transport()));

        Assert.Contains("follows redirects itself", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transport_chain_that_does_not_follow_redirects_is_accepted()
    {
        var transport = new PassThrough { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } };

        Assert.NotNull(ApiTriggerClient.Create(new StaticAccessTokenProvider(Token), new Uri("https://cloud.uipath.com/org/tenant/orchestrator_/"), transport));
    }

    private sealed class PassThrough : DelegatingHandler;
}

public sealed class InvoiceOutput
{
    public decimal InvoiceTotal { get; set; }

    public bool Approved { get; set; }
}

[JsonSerializable(typeof(InvoiceOutput))]
internal sealed partial class TriggerJsonContext : JsonSerializerContext;

/// <summary>Status codes with a Location header, as the call-mode protocol uses them.</summary>
internal static class StatusWithLocation
{
    public static IResult Status(this IResultExtensions _, int status, string location) => new LocationResult(status, location);

    private sealed class LocationResult(int status, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
