using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace UiPathClients.Runtime.Resilience;

/// <summary>
/// Adds UiPath's retry and timeout rules (see <see cref="UiPathResilienceOptions"/>) to an <c>IHttpClientFactory</c>
/// client or to a Polly pipeline. Order, outermost first: total timeout, retry, attempt timeout.
/// </summary>
public static class UiPathResilience
{
    /// <summary>The name of the resilience pipeline <see cref="AddUiPathResilience(IHttpClientBuilder, Action{UiPathResilienceOptions})"/> adds.</summary>
    public const string PipelineName = "UiPath";

    /// <summary>
    /// Adds the UiPath retry and timeout rules, changed by <paramref name="configure"/>, to the client's handler
    /// pipeline, through Microsoft.Extensions.Http.Resilience. Options are named after the client, so they can also be bound from
    /// configuration with <c>services.Configure&lt;UiPathResilienceOptions&gt;(clientName, section)</c>; a
    /// <see cref="TimeProvider"/> registered in the container drives the delays and timeouts.
    /// </summary>
    /// <remarks>
    /// Add it before the authentication handler, so that each retry gets a current token. Set
    /// <c>HttpClient.Timeout</c> no shorter than <see cref="UiPathResilienceOptions.TotalTimeout"/>, or it wins.
    /// </remarks>
    /// <param name="builder">The client.</param>
    /// <param name="configure">Changes to the defaults.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static IHttpClientBuilder AddUiPathResilience(this IHttpClientBuilder builder, Action<UiPathResilienceOptions> configure)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        builder.Services.AddOptions<UiPathResilienceOptions>(builder.Name).Configure(configure);
        return builder.AddUiPathResilience();
    }

    /// <summary>
    /// Adds the UiPath retry and timeout rules with the options registered for the client's name (the defaults
    /// unless configured elsewhere, e.g. bound from configuration).
    /// </summary>
    /// <param name="builder">The client.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static IHttpClientBuilder AddUiPathResilience(this IHttpClientBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.Services.AddOptions<UiPathResilienceOptions>(builder.Name);

        var clientName = builder.Name;
        builder.AddHttpMessageHandler(() => new RequestBufferingHandler());
        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            context.EnableReloads<UiPathResilienceOptions>(clientName);
            pipeline.AddUiPathResilience(context.GetOptions<UiPathResilienceOptions>(clientName));
        });
        return builder;
    }

    /// <summary>
    /// Adds the UiPath retry and timeout strategies to a Polly pipeline. The delays, the timeouts and the
    /// <c>Retry-After</c> HTTP-date all follow the builder's <see cref="ResiliencePipelineBuilderBase.TimeProvider"/>.
    /// The retry rule reads the request (for its method) from the context, as
    /// <see cref="HttpResilienceContextExtensions.SetRequestMessage"/> puts it there; without one, the request counts as non-idempotent.
    /// </summary>
    /// <param name="builder">The pipeline being built.</param>
    /// <param name="options">The rules.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddUiPathResilience(this ResiliencePipelineBuilder<HttpResponseMessage> builder, UiPathResilienceOptions options)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();

        // Copied so that changing the options object later does not change a built pipeline halfway.
        var retryNonIdempotent = options.RetryNonIdempotentRequests;
        var maxRetryAfter = options.MaxRetryAfter;
        var time = builder.TimeProvider ?? TimeProvider.System;

        if (options.TotalTimeout is { } total)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "UiPathTotalTimeout", Timeout = total });
        }

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "UiPathRetry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, retryNonIdempotent, maxRetryAfter, time)),

                // HttpRetryStrategyOptions.ShouldRetryAfterHeader measures an HTTP-date against TimeProvider.System
                // whatever the pipeline's clock is, so the delay is worked out here against the same clock as the wait.
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Result is { } response && TryGetRetryAfter(response, time, out var delay) ? delay : null),
            });
        }

        if (options.AttemptTimeout is { } attempt)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "UiPathAttemptTimeout", Timeout = attempt });
        }

        return builder;
    }

    /// <summary>Whether <paramref name="method"/> may be sent twice with the same effect as once (RFC 9110 §9.2.2).</summary>
    internal static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options ||
        method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, bool retryNonIdempotent, TimeSpan maxRetryAfter, TimeProvider time)
    {
        var request = context.GetRequestMessage();
        var resendable = retryNonIdempotent || (request is not null && IsIdempotent(request.Method));
        if (outcome.Exception is { } exception)
        {
            // HttpRequestException, or TimeoutRejectedException from the attempt timeout; never the caller's cancellation.
            return resendable && exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result;
        if (response is null)
        {
            return false;
        }

        var retryable = response.StatusCode switch
        {
            // The service refused the request without processing it: safe to send again whatever the method.
            (HttpStatusCode)429 => true,
            HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => resendable,
            _ => false,
        };

        // A pause longer than the caller accepts: hand the answer back rather than hold the call.
        return retryable && !(TryGetRetryAfter(response, time, out var delay) && delay > maxRetryAfter);
    }

    private static bool TryGetRetryAfter(HttpResponseMessage response, TimeProvider time, out TimeSpan delay)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            delay = delta;
        }
        else if (retryAfter?.Date is { } date)
        {
            delay = date - time.GetUtcNow();
        }
        else
        {
            delay = default;
            return false;
        }

        // A date in the past means "now".
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return true;
    }
}
