using System;

namespace UiPathClients.Runtime.Resilience;

/// <summary>
/// How calls to UiPath services are retried and timed out. The defaults never cut a call shorter than a plain
/// <c>HttpClient</c> would (100 seconds per attempt) and never resend a request the service may already have acted on.
/// </summary>
/// <remarks>
/// What is retried: 429 Too Many Requests for every method (the service did not process the request); 408, 500, 502,
/// 503 and 504 answers (the transient set of Microsoft.Extensions.Http.Resilience and Azure.Core), network failures (<see cref="System.Net.Http.HttpRequestException"/>) and attempts that ran past
/// <see cref="AttemptTimeout"/> only for idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE, TRACE), unless
/// <see cref="RetryNonIdempotentRequests"/> says otherwise. A <c>Retry-After</c> header (delta seconds or HTTP-date)
/// sets the delay; otherwise the delay grows exponentially from <see cref="BaseDelay"/> with jitter.
/// </remarks>
public sealed class UiPathResilienceOptions
{
    /// <summary>How many times a failed attempt is retried (0 turns retries off). Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The median delay before the first retry; later ones grow exponentially, with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed backoff delay. Default 30 seconds. Does not apply to <c>Retry-After</c>; see <see cref="MaxRetryAfter"/>.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for. When the service asks for a longer pause, the answer
    /// (e.g. the 429) is returned to the caller rather than holding the call. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The time one attempt may take before it is cancelled (and, when allowed, retried); <see langword="null"/> for no limit. Default 100 seconds.</summary>
    public TimeSpan? AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The time the whole call may take, retries and delays included; <see langword="null"/> for no limit. Default 5 minutes.</summary>
    public TimeSpan? TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether POST, PATCH and other non-idempotent requests are retried on 408/500/502/503/504, network failures and
    /// attempt timeouts, as idempotent ones are. Off by default: the service may have acted on the first attempt
    /// (an API trigger resent starts a second job). A 429 is retried for every method regardless.
    /// </summary>
    public bool RetryNonIdempotentRequests { get; set; }

    internal void Validate()
    {
        if (MaxRetryAttempts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryAttempts), MaxRetryAttempts, "MaxRetryAttempts must be 0 or more.");
        }

        RequireRange(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        RequireRange(MaxDelay, TimeSpan.Zero, nameof(MaxDelay));
        RequireRange(MaxRetryAfter, TimeSpan.Zero, nameof(MaxRetryAfter));
        if (AttemptTimeout is { } attempt)
        {
            // Polly's own bounds for a timeout strategy.
            RequireRange(attempt, TimeSpan.FromMilliseconds(10), nameof(AttemptTimeout));
        }

        if (TotalTimeout is { } total)
        {
            RequireRange(total, TimeSpan.FromMilliseconds(10), nameof(TotalTimeout));
        }
    }

    private static void RequireRange(TimeSpan value, TimeSpan minimum, string name)
    {
        if (value < minimum || value > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {minimum} and 1 day.");
        }
    }
}
