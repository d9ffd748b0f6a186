using System;
using System.Net.Http;

namespace UiPathClients.Runtime.CallModes;

/// <summary>How to invoke an API trigger and follow the job it starts.</summary>
public sealed class ApiTriggerOptions
{
    /// <summary>The HTTP method the trigger is configured with. GET sends the arguments in the query string.</summary>
    public HttpMethod Method { get; set; } = HttpMethod.Post;

    /// <summary>The call mode. It is also sent as the <c>$callMode</c> argument so the service uses the same one.</summary>
    public ApiTriggerCallMode CallMode { get; set; } = ApiTriggerCallMode.AsyncRequestReply;

    /// <summary>Whether to send <c>$callMode</c> with the arguments (on by default).</summary>
    public bool SendCallModeArgument { get; set; } = true;

    /// <summary>The first wait between status polls (AsyncRequestReply).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between polls; the wait grows by <see cref="PollBackoffFactor"/> up to this.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How much the wait between polls grows after each poll that found the job still running.</summary>
    public double PollBackoffFactor { get; set; } = 1.5;

    /// <summary>The longest the whole invocation may take before <see cref="ApiTriggerTimeoutException"/>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// The most redirects to follow in LongPolling before giving up on a redirect loop, and in AsyncRequestReply from
    /// the status URI towards the output (a chain that goes round in a circle is refused at once).
    /// </summary>
    public int MaxRedirects { get; set; } = 40;

    /// <summary>
    /// How many failed follow-ups of a known status or output URI in a row are tolerated: 502 Bad Gateway, 503 Service
    /// Unavailable, 504 Gateway Timeout, 429 Too Many Requests or a network error. Long-held connections can fail while
    /// the job runs on; asking the status URI again is safe (after the <c>Retry-After</c> of a 429 or 503, or
    /// <see cref="PollInterval"/>, at most <see cref="MaxPollInterval"/>), re-invoking the trigger is not.
    /// </summary>
    public int MaxBadGatewayRetries { get; set; } = 5;

    /// <summary>
    /// Whether status and output requests carry the bearer token (the default). Tenants that do not require
    /// authentication on API-trigger redirects accept them without it. Either way a token is only ever sent
    /// to the trigger's own origin (scheme, host and port).
    /// </summary>
    public bool AuthenticateRedirects { get; set; } = true;

    internal ApiTriggerOptions Validated()
    {
        if (Method is null)
        {
            throw new InvalidOperationException("ApiTriggerOptions.Method is required.");
        }

        if (PollInterval <= TimeSpan.Zero || MaxPollInterval < PollInterval || PollBackoffFactor < 1)
        {
            throw new InvalidOperationException("ApiTriggerOptions: PollInterval must be positive, MaxPollInterval at least PollInterval and PollBackoffFactor at least 1.");
        }

        if (Timeout <= TimeSpan.Zero || MaxRedirects < 1 || MaxBadGatewayRetries < 0)
        {
            throw new InvalidOperationException("ApiTriggerOptions: Timeout must be positive, MaxRedirects at least 1 and MaxBadGatewayRetries not negative.");
        }

        return this;
    }
}
