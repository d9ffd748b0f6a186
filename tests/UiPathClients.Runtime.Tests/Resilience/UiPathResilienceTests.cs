using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Timeout;
using UiPathClients.Runtime.Resilience;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Resilience;

public sealed class UiPathResilienceTests
{
    private const string Path = "/api/v1/datasets";
    private const string Body = "{\"name\":\"invoices\"}";

    /// <summary>An endpoint that answers the first call with 429 and <c>Retry-After</c>, then succeeds.</summary>
    private static Func<HttpResponse, IResult> TooManyRequestsOnce(string retryAfter)
    {
        var calls = 0;
        return response =>
        {
            if (Interlocked.Increment(ref calls) > 1)
            {
                return Results.Json(new { status = "ok" });
            }

            response.Headers.RetryAfter = retryAfter;
            return Results.StatusCode(429);
        };
    }

    /// <summary>Small real delays, so tests that run on the system clock stay fast.</summary>
    private static UiPathResilienceOptions Fast(Action<UiPathResilienceOptions>? change = null)
    {
        var options = new UiPathResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) };
        change?.Invoke(options);
        return options;
    }

    private static HttpClient Client(LoopbackServer server, UiPathResilienceOptions options, TimeProvider? time = null, RetryRecorder? recorder = null)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time ?? TimeProvider.System, TelemetryListener = recorder }
            .AddUiPathResilience(options)
            .Build();
        return new HttpClient(new UiPathResilienceHandler(pipeline) { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = server.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>A server whose <see cref="Path"/> answers with <paramref name="first"/> statuses in turn, then 200.</summary>
    private static Task<LoopbackServer> ServerAsync(params int[] first)
    {
        var calls = 0;
        return LoopbackServer.StartAsync(app => app.Map(Path, (HttpContext context) =>
        {
            var call = Interlocked.Increment(ref calls);
            return call <= first.Length ? Results.StatusCode(first[call - 1]) : Results.Json(new { status = "ok" });
        }));
    }

    private static StringContent Json() => new(Body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_429_with_Retry_After_seconds_waits_exactly_that_long()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet(Path, TooManyRequestsOnce("7")));
        var recorder = new RetryRecorder();
        using var client = Client(server, new UiPathResilienceOptions(), time, recorder);

        var call = client.GetAsync(Path.TrimStart('/'));
        await recorder.WaitForRetryAsync();
        Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(recorder.Delays));

        // Short of the seven seconds on the pipeline's clock, nothing is resent.
        time.Advance(TimeSpan.FromSeconds(6.5));
        await Task.Delay(200);
        Assert.Equal(1, server.CountOf(Path));

        using var response = await RetryRecorder.AdvanceUntilDoneAsync(call, time);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.CountOf(Path));
    }

    [Fact]
    public async Task A_429_with_Retry_After_as_an_HTTP_date_is_measured_on_the_pipeline_clock_and_retried_even_for_POST()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost(Path, TooManyRequestsOnce(time.GetUtcNow().AddSeconds(30).ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
        var recorder = new RetryRecorder();
        using var client = Client(server, new UiPathResilienceOptions(), time, recorder);

        var call = client.PostAsync(Path.TrimStart('/'), Json());
        await recorder.WaitForRetryAsync();
        // Polly's own ShouldRetryAfterHeader would measure the date against the system clock (years away here).
        Assert.Equal(TimeSpan.FromSeconds(30), Assert.Single(recorder.Delays));

        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(200);
        Assert.Equal(1, server.CountOf(Path));

        using var response = await RetryRecorder.AdvanceUntilDoneAsync(call, time);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { Body, Body }, server.Requests.Select(request => request.Body));
    }

    [Fact]
    public async Task A_Retry_After_date_in_the_past_retries_at_once()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet(Path, TooManyRequestsOnce("Tue, 01 Jan 2019 00:00:00 GMT")));
        var recorder = new RetryRecorder();
        using var client = Client(server, Fast(), recorder: recorder);

        using var response = await client.GetAsync(Path.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.Zero, Assert.Single(recorder.Delays));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_caller_accepts_returns_the_429()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet(Path, (HttpResponse response) =>
        {
            response.Headers.RetryAfter = "3600";
            return Results.StatusCode(429);
        }));
        using var client = Client(server, Fast());

        using var response = await client.GetAsync(Path.TrimStart('/'));

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, server.CountOf(Path));
    }

    [Fact]
    public async Task A_GET_answered_503_is_retried()
    {
        await using var server = await ServerAsync(503);
        using var client = Client(server, Fast());

        using var response = await client.GetAsync(Path.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.CountOf(Path));
    }

    [Fact]
    public async Task A_GET_answered_504_is_retried()
    {
        await using var server = await ServerAsync(504, 504);
        using var client = Client(server, Fast());

        using var response = await client.GetAsync(Path.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, server.CountOf(Path));
    }

    [Fact]
    public async Task A_POST_answered_503_is_not_resent()
    {
        await using var server = await ServerAsync(503);
        using var client = Client(server, Fast());

        using var response = await client.PostAsync(Path.TrimStart('/'), Json());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.CountOf(Path));
    }

    [Fact]
    public async Task A_PATCH_answered_502_is_not_resent()
    {
        await using var server = await ServerAsync(502);
        using var client = Client(server, Fast());

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod("PATCH"), Path.TrimStart('/')) { Content = Json() });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(1, server.CountOf(Path));
    }

    [Fact]
    public async Task A_POST_answered_503_is_resent_with_the_same_body_when_the_caller_opts_in()
    {
        await using var server = await ServerAsync(503);
        using var client = Client(server, Fast(options => options.RetryNonIdempotentRequests = true));

        using var response = await client.PostAsync(Path.TrimStart('/'), Json());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { Body, Body }, server.Requests.Select(request => request.Body));
    }

    [Fact]
    public async Task A_500_is_retried_for_an_idempotent_method_but_not_for_a_post_and_other_4xx_are_not()
    {
        await using var server = await ServerAsync(500);
        using var client = Client(server, Fast());
        using var first = await client.GetAsync(Path.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, server.CountOf(Path));

        await using var posted = await ServerAsync(500);
        using var poster = Client(posted, Fast());
        using var post = await poster.PostAsync(Path.TrimStart('/'), Json());
        Assert.Equal(HttpStatusCode.InternalServerError, post.StatusCode);
        Assert.Equal(1, posted.CountOf(Path));

        await using var notFound = await ServerAsync(404);
        using var other = Client(notFound, Fast());
        using var second = await other.GetAsync(Path.TrimStart('/'));
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal(1, notFound.CountOf(Path));
    }

    [Fact]
    public async Task When_retries_run_out_the_last_answer_is_returned()
    {
        await using var server = await ServerAsync(503, 503, 503, 503);
        using var client = Client(server, Fast(options => options.MaxRetryAttempts = 2));

        using var response = await client.GetAsync(Path.TrimStart('/'));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, server.CountOf(Path));
    }

    [Fact]
    public async Task Zero_retry_attempts_turns_retries_off()
    {
        await using var server = await ServerAsync(503);
        using var client = Client(server, Fast(options => options.MaxRetryAttempts = 0));

        using var response = await client.GetAsync(Path.TrimStart('/'));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.CountOf(Path));
    }

    [Fact]
    public async Task Backoff_without_Retry_After_is_jittered_exponential_and_capped()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var server = await ServerAsync(503, 503, 503);
        var recorder = new RetryRecorder();
        using var client = Client(server, new UiPathResilienceOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5) }, time, recorder);

        using var response = await RetryRecorder.AdvanceUntilDoneAsync(client.GetAsync(Path.TrimStart('/')), time);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, recorder.Delays.Count);
        Assert.All(recorder.Delays, delay => Assert.InRange(delay, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_for_GET_but_not_for_POST()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.Map(Path, (HttpContext context) =>
        {
            if (Interlocked.Increment(ref calls) % 2 == 1)
            {
                context.Abort();
                return Results.Empty;
            }

            return Results.Json(new { status = "ok" });
        }));
        using var client = Client(server, Fast());

        using var response = await client.GetAsync(Path.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.CountOf(Path));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(Path.TrimStart('/'), Json()));
        Assert.Equal(3, server.CountOf(Path));
    }

    [Fact]
    public async Task An_attempt_that_runs_past_the_attempt_timeout_is_cancelled_and_retried()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet(Path, async (HttpContext context) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.Empty;
            }

            return Results.Json(new { status = "ok" });
        }));
        using var client = Client(server, Fast(options => options.AttemptTimeout = TimeSpan.FromMilliseconds(300)));

        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(Path.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.CountOf(Path));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(280), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task The_total_timeout_ends_the_call()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet(Path, async (HttpContext context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Empty;
        }));
        using var client = Client(server, Fast(options =>
        {
            options.AttemptTimeout = null;
            options.TotalTimeout = TimeSpan.FromMilliseconds(300);
        }));

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.GetAsync(Path.TrimStart('/')));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(280), $"ended after {watch.Elapsed}");
        Assert.Equal(1, server.CountOf(Path));
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet(Path, async (HttpContext context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Empty;
        }));
        using var client = Client(server, Fast());
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(Path.TrimStart('/'), cancellation.Token));

        Assert.Equal(1, server.CountOf(Path));
    }

    [Fact]
    public async Task Through_IHttpClientFactory_a_forward_only_body_is_buffered_and_Retry_After_is_honoured()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost(Path, TooManyRequestsOnce("1")));
        var services = new ServiceCollection();
        services.AddHttpClient("cm", client => client.BaseAddress = server.BaseAddress)
            .AddUiPathResilience(options => options.BaseDelay = TimeSpan.FromMilliseconds(10));
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("cm");

        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync(Path.TrimStart('/'), new StreamContent(new ForwardOnlyStream(Encoding.UTF8.GetBytes(Body))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { Body, Body }, server.Requests.Select(request => request.Body));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Through_IHttpClientFactory_a_POST_answered_503_is_not_resent()
    {
        await using var server = await ServerAsync(503);
        var services = new ServiceCollection();
        services.AddHttpClient("cm", client => client.BaseAddress = server.BaseAddress).AddUiPathResilience();
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("cm");

        using var response = await client.PostAsync(Path.TrimStart('/'), Json());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.CountOf(Path));
    }

    [Theory]
    [InlineData(nameof(UiPathResilienceOptions.MaxRetryAttempts))]
    [InlineData(nameof(UiPathResilienceOptions.BaseDelay))]
    [InlineData(nameof(UiPathResilienceOptions.AttemptTimeout))]
    [InlineData(nameof(UiPathResilienceOptions.TotalTimeout))]
    public void Options_out_of_range_are_refused_with_the_property_named(string property)
    {
        var options = new UiPathResilienceOptions();
        switch (property)
        {
            case nameof(UiPathResilienceOptions.MaxRetryAttempts): options.MaxRetryAttempts = -1; break;
            case nameof(UiPathResilienceOptions.BaseDelay): options.BaseDelay = TimeSpan.FromSeconds(-1); break;
            case nameof(UiPathResilienceOptions.AttemptTimeout): options.AttemptTimeout = TimeSpan.Zero; break;
            default: options.TotalTimeout = TimeSpan.FromDays(2); break;
        }

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new UiPathResilienceHandler(options));
        Assert.Equal(property, error.ParamName);
    }

    /// <summary>A body the client can read once only, like a network or file stream.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
